#include "models/date.hpp"

#include <gtest/gtest.h>

using listaudit::models::Date;

TEST(Date, parsesContractForm) {
  const auto d = Date::parse("2021-04-04");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->year, 2021);
  EXPECT_EQ(d->month, 4);
  EXPECT_EQ(d->day, 4);
  EXPECT_EQ(d->toString(), "2021-04-04");
}

TEST(Date, rejectsDaysThatDoNotExist) {
  EXPECT_FALSE(Date::parse("2021-02-29"));
  EXPECT_TRUE(Date::parse("2020-02-29"));
  EXPECT_FALSE(Date::parse("1900-02-29"));
  EXPECT_TRUE(Date::parse("2000-02-29"));
  EXPECT_FALSE(Date::parse("2021-13-01"));
  EXPECT_FALSE(Date::parse("2021-04-31"));
}

TEST(Date, rejectsOtherForms) {
  EXPECT_FALSE(Date::parse(""));
  EXPECT_FALSE(Date::parse("04.04.2021"));
  EXPECT_FALSE(Date::parse("2021-4-4"));
  EXPECT_FALSE(Date::parse("2021-04-0x"));
}

TEST(Date, countsTheBirthdayItselfAsCompleted) {
  const Date birth{2003, 4, 4};
  EXPECT_EQ(birth.ageOn({2021, 4, 4}), 18);
  EXPECT_EQ(birth.ageOn({2021, 4, 3}), 17);
  EXPECT_LT(Date({2021, 4, 3}), Date({2021, 4, 4}));
}

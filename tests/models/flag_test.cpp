#include "models/flag.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace listaudit::models;

TEST(Flag, enumOrderIsTheCodesAlphabeticalOrder) {
  for (std::size_t i = 1; i < kAllFlags.size(); ++i) {
    EXPECT_LT(std::string(flagCode(kAllFlags[i - 1])), std::string(flagCode(kAllFlags[i])));
    EXPECT_LT(kAllFlags[i - 1], kAllFlags[i]);
  }
}

TEST(Flag, everyCodeRoundTripsAndHasWords) {
  for (Flag f : kAllFlags) {
    ASSERT_EQ(flagFromCode(flagCode(f)), f);
    EXPECT_GT(flagWords(f).size(), 10u);
  }
  EXPECT_FALSE(flagFromCode("NOT_A_FLAG"));
}

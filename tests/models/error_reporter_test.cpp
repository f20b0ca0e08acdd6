#include "models/error_reporter.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

TEST(ErrorReporter, aListKeepsReportsInOrderAndPassesThemOn) {
  ErrorList first;
  first.reportLine("manifest.csv", 4, "list_id is empty");
  first.report({"scans/a.pdf", 2, "truncated"});
  ErrorList second;
  first.passTo(second);
  ASSERT_EQ(second.errors().size(), 2u);
  EXPECT_EQ(second.errors()[0].input, "manifest.csv line 4");
  EXPECT_EQ(second.errors()[1].page, 2);
}

TEST(ErrorReporter, aCapListsTheFirstReportsThenCountsTheRest) {
  ErrorList all;
  {
    CappedReporter capped(all, "population.csv", 3);
    for (int line = 2; line < 12; ++line) capped.reportLine("population.csv", line, "bad date");
  }
  ASSERT_EQ(all.errors().size(), 4u);
  EXPECT_EQ(all.errors()[2].input, "population.csv line 4");
  EXPECT_EQ(all.errors()[3].input, "population.csv");
  EXPECT_EQ(all.errors()[3].message, "7 more bad lines not listed");
}

TEST(ErrorReporter, aCapUnderItsLimitAddsNothingAndFinishesOnce) {
  ErrorList all;
  CappedReporter capped(all, "consent.csv", 3);
  capped.reportLine("consent.csv", 2, "bad date");
  capped.finish();
  capped.finish();
  EXPECT_EQ(all.errors().size(), 1u);
}

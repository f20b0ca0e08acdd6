#include "models/sample_check.hpp"

#include <gtest/gtest.h>

#include <iostream>
#include <random>
#include <set>

using namespace listaudit::models;

TEST(SampleCheck, drawsThreePercentOrFiveHundredWhicheverIsMore) {
  EXPECT_EQ(sampleSize(300), 300);       // a small list is checked whole
  EXPECT_EQ(sampleSize(10000), 500);     // 3% would be 300
  EXPECT_EQ(sampleSize(100000), 3000);   // 3%
  EXPECT_EQ(sampleSize(672888), 20187);  // the 2016 referendum petition: 3%, rounded up
}

TEST(SampleCheck, drawsTheSameSampleForTheSameSeedAndAnotherForAnother) {
  const auto a = drawSample(20000, 7), b = drawSample(20000, 7), c = drawSample(20000, 8);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  ASSERT_EQ(a.size(), 600u);
  EXPECT_EQ(std::set<int>(a.begin(), a.end()).size(), a.size());  // without replacement
  EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
  EXPECT_GE(a.front(), 0);
  EXPECT_LT(a.back(), 20000);
  // The first positions of seed 7, fixed: the draw is the same on every machine.
  EXPECT_EQ(std::vector<int>(a.begin(), a.begin() + 3), (std::vector<int>{12, 34, 40}));
}

TEST(SampleCheck, givesTheRulesVerdict) {
  EXPECT_EQ(projectValid(10000, 500, 480, 8000).verdict, Projection::Verdict::Qualifies);  // 9,600 > 8,800
  EXPECT_EQ(projectValid(10000, 500, 370, 8000).verdict, Projection::Verdict::Fails);      // 7,400 < 7,600
  EXPECT_EQ(projectValid(10000, 500, 420, 8000).verdict, Projection::Verdict::FullCheck);  // 8,400
  EXPECT_EQ(projectValid(10000, 500, 420, 0).verdict, Projection::Verdict::NoRequirement);
  const Projection whole = projectValid(300, 300, 250, 0);  // every row: no uncertainty left
  EXPECT_EQ(whole.low, 250);
  EXPECT_EQ(whole.high, 250);
}

// The interval covers the true valid count in at least 95% of 1,000 seeded
// samples, for lists of several sizes and shares of valid rows.
TEST(SampleCheck, intervalCoversTheTrueCountInAtLeastNinetyFivePercentOfSeededSamples) {
  for (const auto& [rows, valid] : {std::pair{10000, 8500}, std::pair{40000, 39000}, std::pair{2000, 1000}}) {
    std::vector<bool> isValid(static_cast<std::size_t>(rows), false);
    std::mt19937_64 place(1);
    for (int v = 0; v < valid;) {
      const auto i = static_cast<std::size_t>(place() % static_cast<std::uint64_t>(rows));
      if (!isValid[i]) isValid[i] = true, ++v;
    }
    int covered = 0;
    for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
      const auto sample = drawSample(rows, seed);
      int validInSample = 0;
      for (int i : sample) validInSample += isValid[static_cast<std::size_t>(i)] ? 1 : 0;
      const Projection p = projectValid(rows, static_cast<int>(sample.size()), validInSample, 0);
      if (p.low <= valid && valid <= p.high) ++covered;
    }
    std::cout << rows << " rows, " << valid << " valid: the interval covered it in " << covered << " of 1000\n";
    EXPECT_GE(covered, 950) << rows << " rows, " << valid << " valid";
  }
}

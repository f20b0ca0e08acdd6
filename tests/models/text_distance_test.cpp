#include "models/text_distance.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

TEST(TextDistance, countsCodePointsNotBytes) {
  EXPECT_EQ(codePointCount("Љиљана"), 6u);
  EXPECT_EQ(editDistance("Љиљана", "Лиљана"), 1u);
}

TEST(TextDistance, countsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(editDistance("", "abc"), 3u);
  EXPECT_EQ(editDistance("same", "same"), 0u);
}

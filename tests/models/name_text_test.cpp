#include "models/name_text.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

TEST(NameText, composesToNfcAndCollapsesSpaces) {
  // "Č" as C + combining caron, with runs of spaces and a tab.
  EXPECT_EQ(normaliseName("  Dragan \t C\xCC\x8Coli\xC4\x87  "), "Dragan Čolić");
}

TEST(NameText, foldsCaseForComparison) { EXPECT_EQ(foldText("ИВАН  Петров"), foldText("иван петров")); }

TEST(NameText, keysTheSameNameInEitherSerbianScript) {
  EXPECT_EQ(nameKey("Ђорђе Љубичић"), nameKey("Đorđe Ljubičić"));
  EXPECT_EQ(nameKey("Ђорђе Љубичић"), "dorde ljubicic");
}

TEST(NameText, keysIgnoreCaseDiacriticsAndPunctuation) {
  EXPECT_EQ(nameKey("Shpëtim Çela"), nameKey("shpetim cela"));
  EXPECT_EQ(nameKey("Щерьова"), nameKey("Shter'ova"));
}

TEST(NameText, keysTellDifferentNamesApart) { EXPECT_NE(nameKey("Иван Петров"), nameKey("Иван Попов")); }

TEST(NameText, findsMixedScripts) {
  EXPECT_TRUE(mixesScripts("Vuk Мједомапом"));
  EXPECT_FALSE(mixesScripts("Вук Његовановић"));
  EXPECT_FALSE(mixesScripts("Vuk Njegovanović"));
}

TEST(NameText, nameCharactersAreLettersAndFewMarks) {
  EXPECT_TRUE(looksLikeName("Anne-Marie O'Neil Jr."));
  EXPECT_TRUE(looksLikeName("Ќерка Ѓорѓиевска"));
  EXPECT_FALSE(looksLikeName("Muynoui! MapkoBuMh"));
  EXPECT_FALSE(looksLikeName("5вездановски"));
}

TEST(NameText, replacesInvalidUtf8) {
  const std::string bad = std::string("Ivan ") + '\xFF' + "Petrov";
  EXPECT_NO_THROW(normaliseName(bad));
  EXPECT_EQ(normaliseName(bad).find('\xFF'), std::string::npos);
}

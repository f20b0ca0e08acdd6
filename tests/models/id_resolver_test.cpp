#include "models/id_resolver.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

TEST(IdResolver, leavesAValidNumberAlone) {
  const ResolvedId r = resolveId("7501020018", {}, IdScheme::Egn);
  EXPECT_EQ(r.number, "7501020018");
  EXPECT_FALSE(r.repaired);
  EXPECT_TRUE(r.check.valid());
}

TEST(IdResolver, readsLettersWhereTheAlbanianFormHasLetters) {
  // The first character is a letter for anyone born since 1900: "1" is an I.
  const ResolvedId r = resolveId("136006743S", {}, IdScheme::Albanian);
  EXPECT_EQ(r.number, "I36006743S");
  EXPECT_TRUE(r.repaired);
  EXPECT_TRUE(r.check.valid());
  // A J whose tail dips under the line reads as a bracket.
  EXPECT_EQ(resolveId("F6551726O)", {}, IdScheme::Albanian).number, "F65517260J");
}

TEST(IdResolver, keepsTheFormFittedReadingOfANumberThatStillFails) {
  const ResolvedId r = resolveId("H213194180", {}, IdScheme::Albanian);  // month 13: written wrong
  EXPECT_EQ(r.number, "H21319418O");
  EXPECT_FALSE(r.check.valid());
}

TEST(IdResolver, dropsAGlyphReadTwice) {
  const ResolvedId r = resolveId("1I95715775P", {}, IdScheme::Albanian);
  EXPECT_EQ(r.number, "I95715775P");
  EXPECT_TRUE(r.check.valid());
}

TEST(IdResolver, setsTheOneUnsureDigitByTheCheckDigit) {
  // 7501020018 with its fourth digit misread as 7, and the reader unsure of it alone.
  std::vector<double> sure(10, 0.99);
  sure[3] = 0.45;
  const ResolvedId r = resolveId("7507020018", sure, IdScheme::Egn);
  EXPECT_EQ(r.number, "7501020018");
  EXPECT_TRUE(r.repaired);
  EXPECT_NE(r.repair.find("position 4"), std::string::npos);
}

TEST(IdResolver, doesNotRepairWhatThePersonWroteWrong) {
  // Every digit read surely: a wrong check digit is the writer's, not the reader's.
  const ResolvedId r = resolveId("7501020017", std::vector<double>(10, 0.99), IdScheme::Egn);
  EXPECT_EQ(r.number, "7501020017");
  EXPECT_FALSE(r.repaired);
  EXPECT_FALSE(r.check.valid());
}

TEST(IdResolver, doesNotRepairWhenTwoDigitsAreUnsure) {
  std::vector<double> conf(10, 0.99);
  conf[3] = 0.45;
  conf[6] = 0.5;
  EXPECT_FALSE(resolveId("7507020018", conf, IdScheme::Egn).repaired);
}

TEST(IdResolver, leavesNumbersOfNoKnownSchemeAsRead) {
  const ResolvedId r = resolveId("12345", {}, IdScheme::Unknown);
  EXPECT_EQ(r.number, "12345");
  EXPECT_FALSE(r.repaired);
}

TEST(IdResolver, takesASecondReadingThatPassesAndDiffersLittle) {
  // 2512952793932 read with its 7 as 1, surely; the enlarged cell reads it right.
  const ResolvedId r = resolveId("2512952193932", std::vector<double>(13, 0.98), IdScheme::Jmbg, {"2512952793932"});
  EXPECT_EQ(r.number, "2512952793932");
  EXPECT_TRUE(r.repaired);
  EXPECT_NE(r.repair.find("read again"), std::string::npos);
}

TEST(IdResolver, refusesASecondReadingFarFromTheFirst) {
  // A passing number three characters away is another number, not a second look.
  const ResolvedId r = resolveId("7501020017", {}, IdScheme::Egn, {"0241010000"});
  EXPECT_FALSE(r.repaired);
  EXPECT_EQ(r.number, "7501020017");
}

TEST(IdResolver, takesASecondReadingWhenTheFirstHasNoForm) {
  // Half the number lost at first; the enlarged cell reads it whole.
  const ResolvedId r = resolveId("02380", {}, IdScheme::Egn, {"7911012380"});
  EXPECT_TRUE(r.repaired);
  EXPECT_EQ(r.number, "7911012380");
}

TEST(IdResolver, letsASecondLookChooseBetweenPassingRepairs) {
  // Dropping the doubled 9 or the final 1 both give valid numbers; the second
  // look reads one of them.
  const ResolvedId r = resolveId("J91019905I1", {}, IdScheme::Albanian, {"J91019905I"});
  EXPECT_EQ(r.number, "J91019905I");
  EXPECT_TRUE(r.repaired);
  EXPECT_FALSE(resolveId("J91019905I1", {}, IdScheme::Albanian).repaired);  // without it: ambiguous, left as read
}

TEST(IdResolver, triesEachSchemesFormWithoutACountry) {
  EXPECT_EQ(resolveId("136006743S", {}, IdScheme::Unknown).number, "I36006743S");  // Albanian by its letter
  EXPECT_EQ(resolveId("7501020018", {}, IdScheme::Unknown).number, "7501020018");  // an EGN stays one
  EXPECT_FALSE(resolveId("7501020018", {}, IdScheme::Unknown).repaired);
  const ResolvedId misread = resolveId("O101990710008", {}, IdScheme::Unknown);  // a JMBG whose 0 read as O
  EXPECT_EQ(misread.number, "0101990710008");
  EXPECT_TRUE(misread.check.valid());
}

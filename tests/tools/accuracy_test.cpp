#include "tools/bench/accuracy.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

TEST(Accuracy, scoresRowsThatDifferFromTruthInKnownWays) {
  TempDir dir;
  writeFile(dir.file("truth.csv"),
            "list_id,page,row,full_name,national_id,flags\n"
            "A,1,1,Иван Попов,7501020018,\n"
            "A,1,2,Мария Колева,7501020017,ID_INVALID\n"
            "A,1,3,Petar Marković,0101990710008,NO_CONSENT;SIGNATURE_MISSING\n"
            "A,2,1,Ana Ilić,0241010000,DUPLICATE_IN_LIST\n");
  writeFile(dir.file("rows.csv"),
            "list_id,page,row,full_name,national_id,flags,risk\n"
            "A,1,1,ИВАН  попов,7501020018,,0.05\n"            // name right after folding
            "A,1,2,Мариа Колева,7501020017,ID_INVALID,0.2\n"  // one letter wrong
            "A,1,3,Petar Marković,0101990710000,ID_INVALID;NO_CONSENT,0.9\n"
            "A,3,1,Extra Row,1,UNREADABLE,0.1\n");
  const tools::AccuracyScore s = tools::scoreAccuracy(dir.file("truth.csv"), dir.file("rows.csv"));
  EXPECT_EQ(s.expected, 4);
  EXPECT_EQ(s.found, 4);
  EXPECT_EQ(s.missing, 1);
  EXPECT_EQ(s.extra, 1);
  EXPECT_EQ(s.nameExact, 2);
  EXPECT_EQ(s.idExact, 2);
  EXPECT_DOUBLE_EQ(s.nameExactRate(), 0.5);
  // One substitution, plus the missing row's 8 characters, over 10 + 12 + 14 + 8.
  EXPECT_NEAR(s.nameCharErrorRate(), 9.0 / 44.0, 1e-12);
  const auto& idInvalid = s.flags.at(models::Flag::IdInvalid);
  EXPECT_EQ(idInvalid.truePositives, 1);
  EXPECT_EQ(idInvalid.falsePositives, 1);
  EXPECT_DOUBLE_EQ(*idInvalid.precision(), 0.5);
  EXPECT_DOUBLE_EQ(*idInvalid.recall(), 1.0);
  EXPECT_EQ(s.flags.at(models::Flag::SignatureMissing).falseNegatives, 1);
  EXPECT_EQ(s.flags.at(models::Flag::DuplicateInList).falseNegatives, 1);  // the missing row
  EXPECT_EQ(s.flags.at(models::Flag::Unreadable).falsePositives, 1);       // the extra row
  EXPECT_FALSE(s.flags.at(models::Flag::Deceased).precision());
  EXPECT_EQ(s.noConsent.truePositives, 1);
  EXPECT_DOUBLE_EQ(s.unreadableShare(), 0.25);

  const std::string json = tools::formatJson(s);
  EXPECT_NE(json.find("\"ID_INVALID\": {\"precision\": 0.5000, \"recall\": 1.0000"), std::string::npos);
  EXPECT_NE(json.find("\"DECEASED\": {\"precision\": null"), std::string::npos);
  EXPECT_NE(tools::formatText(s).find("national_id exact: 0.5000 (2 of 4)"), std::string::npos);
}

// The figure that matters most to a reader of the figures: rows where a flag
// that needs the person (and so accuses someone) is raised and the truth does
// not hold it. DIGITAL_MISMATCH, ID_INVALID and UNREADABLE accuse nobody.
TEST(Accuracy, countsTheRowsThatAccuseSomeoneTheTruthDoesNot) {
  TempDir dir;
  writeFile(dir.file("truth.csv"),
            "list_id,page,row,full_name,national_id,flags\n"
            "A,1,1,Иван Попов,7501020018,\n"
            "A,1,2,Мария Колева,7501020017,NO_CONSENT\n"
            "A,1,3,Petar Marković,0101990710008,\n"
            "A,1,4,Ana Ilić,0241010000,\n");
  writeFile(dir.file("rows.csv"),
            "list_id,page,row,full_name,national_id,flags,risk\n"
            "A,1,1,TOPJIAHA TG _,7501020018,DIGITAL_MISMATCH;NAME_MISMATCH,0.8\n"   // accuses
            "A,1,2,Мария Колева,7501020017,NO_CONSENT,0.9\n"                        // as the truth
            "A,1,3,Petar Marković,0101990710008,DIGITAL_MISMATCH;UNREADABLE,0.1\n"  // accuses nobody
            "A,1,4,Ana Ilić,0241010000,ID_INVALID,0.2\n"                            // accuses nobody
            "A,2,1,Extra Row,7501020018,MULTI_PARTY,0.5\n");                        // accuses, and is no row
  const tools::AccuracyScore s = tools::scoreAccuracy(dir.file("truth.csv"), dir.file("rows.csv"));
  EXPECT_EQ(s.falselyAccused, 2);
  EXPECT_NE(tools::formatText(s).find("the truth does not hold: 2"), std::string::npos);
  EXPECT_NE(tools::formatJson(s).find("\"falsely_accused_rows\": 2"), std::string::npos);
  EXPECT_TRUE(models::needsThePerson(models::Flag::NameMismatch));
  EXPECT_FALSE(models::needsThePerson(models::Flag::DigitalMismatch));
}

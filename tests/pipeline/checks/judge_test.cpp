#include "pipeline/checks/judge.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "pipeline/checks/risk_model.hpp"
#include "pipeline/checks/row_case.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit::pipeline;
using listaudit::models::Flag;
using listaudit::models::JudgedRow;
using listaudit::models::ListEntry;
using listaudit::models::RowRecord;

namespace {
ListEntry bgList(const std::string& id) {
  ListEntry e;
  e.listId = id;
  e.country = *listaudit::models::Country::fromCode("BG");
  return e;
}
RowRecord row(const std::string& list, int page, int r, const std::string& name, const std::string& id) {
  return listaudit::testing::clearRow(list, page, r, name, id);
}
bool has(const JudgedRow& j, Flag f) { return listaudit::testing::hasFlag(j, f); }
const std::string kValid = "7501020018", kOtherValid = "0241010000", kTypo = "7501020017";
}  // namespace

TEST(Judge, raisesNothingOnAClearSignedValidRow) {
  const auto j = judgeRows({bgList("A")}, {row("A", 1, 1, "Иван Петров Попов", kValid)}, {});
  ASSERT_EQ(j.size(), 1u);
  EXPECT_TRUE(j[0].findings.empty());
  EXPECT_NEAR(j[0].risk, 1 / (1 + std::exp(3.0)), 1e-9);
}

TEST(Judge, flagsAFailingNumberWithTheReason) {
  const auto j = judgeRows({bgList("A")}, {row("A", 1, 1, "Иван Петров Попов", kTypo)}, {});
  ASSERT_TRUE(has(j[0], Flag::IdInvalid));
  EXPECT_NE(j[0].findings[0].evidence.find("check digit"), std::string::npos);
  EXPECT_EQ(j[0].findings[0].evidence.find(kTypo), std::string::npos);  // evidence names no number
}

TEST(Judge, findsTheSamePersonByNumberOnALaterPage) {
  const auto j = judgeRows(
      {bgList("A")}, {row("A", 1, 4, "Иван Петров Попов", kValid), row("A", 2, 1, "Иван Петров Попов", kValid)}, {});
  EXPECT_FALSE(has(j[0], Flag::DuplicateInList));
  ASSERT_TRUE(has(j[1], Flag::DuplicateInList));
  EXPECT_NE(j[1].findings[0].evidence.find("page 1, row 4"), std::string::npos);
}

TEST(Judge, findsTheSamePersonByNameWhenTheEarlierNumberFails) {
  // The earlier row's number fails: it is its name's person, and so is this one.
  const auto j = judgeRows(
      {bgList("A")}, {row("A", 1, 1, "Иван Петров Попов", kTypo), row("A", 1, 2, "ИВАН ПЕТРОВ  ПОПОВ", kValid)}, {});
  EXPECT_TRUE(has(j[1], Flag::DuplicateInList));
}

TEST(Judge, tellsNamesakesWithDifferentValidNumbersApart) {
  const auto j =
      judgeRows({bgList("A")},
                {row("A", 1, 1, "Иван Петров Попов", kValid), row("A", 1, 2, "Иван Петров Попов", kOtherValid)}, {});
  EXPECT_FALSE(has(j[1], Flag::DuplicateInList));
}

TEST(Judge, keepsDuplicatesWithinOneList) {
  const auto j =
      judgeRows({bgList("A"), bgList("B")},
                {row("A", 1, 1, "Иван Петров Попов", kValid), row("B", 1, 1, "Иван Петров Попов", kValid)}, {});
  EXPECT_FALSE(has(j[1], Flag::DuplicateInList));
}

TEST(Judge, flagsAnEmptySignatureCellAtTheThreshold) {
  CheckOptions options;
  auto empty = row("A", 1, 1, "Иван Петров Попов", kValid);
  empty.signatureInk = options.minSignatureInk * 0.99;
  auto signed_ = row("A", 1, 2, "Мария Иванова Колева", kOtherValid);
  signed_.signatureInk = options.minSignatureInk;
  const auto j = judgeRows({bgList("A")}, {empty, signed_}, options);
  EXPECT_TRUE(has(j[0], Flag::SignatureMissing));
  EXPECT_FALSE(has(j[1], Flag::SignatureMissing));
  EXPECT_GT(j[0].risk, j[1].risk);
}

TEST(Judge, asksAPersonToReadAnUnsureRow) {
  auto unsure = row("A", 1, 1, "Иван Петров Попов", kValid);
  unsure.nameConfidence = 0.3;
  auto blank = row("A", 1, 2, "", "");
  const auto j = judgeRows({bgList("A")}, {unsure, blank}, {});
  EXPECT_TRUE(has(j[0], Flag::Unreadable));
  EXPECT_TRUE(has(j[1], Flag::Unreadable));
  EXPECT_TRUE(has(j[1], Flag::IdInvalid));
}

TEST(Judge, usesTheRepairedNumber) {
  auto misread = row("A", 1, 1, "Иван Петров Попов", "7507020018");
  misread.idCharacterConfidences = std::vector<double>(10, 0.99);
  misread.idCharacterConfidences[3] = 0.4;
  const auto j = judgeRows({bgList("A")}, {misread}, {});
  EXPECT_EQ(j[0].nationalId, kValid);
  EXPECT_FALSE(has(j[0], Flag::IdInvalid));
  EXPECT_NE(j[0].note.find("repaired"), std::string::npos);
}

TEST(RiskModel, addsEachFlagsStatedWeight) {
  const std::vector<listaudit::models::Finding> two{{Flag::NoConsent, flagWeight(Flag::NoConsent), ""},
                                                    {Flag::Deceased, flagWeight(Flag::Deceased), ""}};
  EXPECT_NEAR(riskOf(two), 1 / (1 + std::exp(-(kPriorLogOdds + 4.0 + 6.0))), 1e-12);
  EXPECT_GT(riskOf(two), 0.99);
  EXPECT_EQ(flagWeight(Flag::Unreadable), 0.0);
}

// Contract section 7 held in one place: whatever a check finds, a flag that
// needs the person is not raised on a row whose person is not established;
// the flags that accuse nobody are.
TEST(RowCase, raisesNoFlagThatNeedsThePersonWhileThePersonIsNotEstablished) {
  const RowRecord row = listaudit::testing::clearRow("A", 1, 1, "Иван Попов", "7501020018");
  RowCase c;
  c.row = &row;
  c.who.established = false;
  c.raise(Flag::NoConsent, "consent.csv holds no consent of this person");
  c.raise(Flag::NameMismatch, "the register holds another name");
  c.raise(Flag::Unreadable, "a person must read it");
  c.raise(Flag::DigitalMismatch, "the copy's number differs");
  std::vector<Flag> raised;
  for (const auto& f : c.judged.findings) raised.push_back(f.flag);
  EXPECT_EQ(raised, (std::vector<Flag>{Flag::Unreadable, Flag::DigitalMismatch}));
  c.who.established = true;
  c.raise(Flag::NoConsent, "consent.csv holds no consent of this person");
  EXPECT_EQ(c.judged.findings.back().flag, Flag::NoConsent);
}

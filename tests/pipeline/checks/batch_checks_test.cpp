#include "pipeline/checks/batch_checks.hpp"

#include <gtest/gtest.h>

#include "models/list_tally.hpp"
#include "pipeline/checks/judge.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using models::Flag;

namespace {
models::ListEntry list(const std::string& id, const std::string& party, models::Date submitted) {
  models::ListEntry e;
  e.listId = id;
  e.party = party;
  e.country = *listaudit::models::Country::fromCode("BG");
  e.electionDate = models::Date{2021, 4, 4};
  e.submittedOn = submitted;
  return e;
}
models::RowRecord row(const std::string& listId, int r, const std::string& name, const std::string& number) {
  return listaudit::testing::clearRow(listId, 1, r, name, number);
}
bool has(const models::JudgedRow& j, Flag f) { return listaudit::testing::hasFlag(j, f); }
}  // namespace

TEST(MultiParty, flagsEveryOccurrenceAndTheFirstFilerKeepsTheSupporter) {
  const std::vector<models::ListEntry> lists{list("B", "Party Two", {2021, 2, 12}),
                                             list("A", "Party One", {2021, 2, 12}),
                                             list("C", "Party Three", {2021, 2, 10})};
  const auto judged =
      pipeline::judgeRows(lists,
                          {row("B", 1, "Иван Попов", "7501020018"), row("A", 1, "Ivan Popov", "7501020018"),
                           row("C", 1, "Мария Колева", "0241010000")},
                          {});
  EXPECT_TRUE(has(judged[0], Flag::MultiParty));
  EXPECT_TRUE(has(judged[1], Flag::MultiParty));
  EXPECT_FALSE(has(judged[2], Flag::MultiParty));
  // Same submission date: the list_id that sorts first (A) keeps the supporter.
  EXPECT_FALSE(judged[0].firstFiler);
  EXPECT_TRUE(judged[1].firstFiler);
  EXPECT_TRUE(models::acceptedRow(judged[1]));
  EXPECT_FALSE(models::acceptedRow(judged[0]));
}

TEST(MultiParty, theSamePartyTwiceIsNotSeveralParties) {
  const std::vector<models::ListEntry> lists{list("A", "Party One", {2021, 2, 12}),
                                             list("B", "party  one", {2021, 2, 13})};
  const auto judged = pipeline::judgeRows(
      lists, {row("A", 1, "Иван Попов", "7501020018"), row("B", 1, "Иван Попов", "7501020018")}, {});
  EXPECT_FALSE(has(judged[0], Flag::MultiParty));
}

TEST(MultiParty, differentElectionsAreNotCompared) {
  auto later = list("B", "Party Two", {2021, 6, 1});
  later.electionDate = models::Date{2021, 7, 11};
  const auto judged =
      pipeline::judgeRows({list("A", "Party One", {2021, 2, 12}), later},
                          {row("A", 1, "Иван Попов", "7501020018"), row("B", 1, "Иван Попов", "7501020018")}, {});
  EXPECT_FALSE(has(judged[0], Flag::MultiParty));
}

TEST(DigitalCopy, flagsADifferentNumberOrNameAndAMissingRowOnly) {
  const auto a = list("A", "Party One", {2021, 2, 12});
  pipeline::DigitalCopies copies;
  copies["A"][{1, 1}] = {"Ivan Popov", "7501020018", 2};        // same person, other script
  copies["A"][{1, 2}] = {"Мария Колева", "0241010001", 3};      // number differs
  copies["A"][{1, 3}] = {"Петър Стоянов", "0101990710008", 4};  // name differs
  const auto judged =
      pipeline::judgeRows({a},
                          {row("A", 1, "Иван Попов", "7501020018"), row("A", 2, "Мария Колева", "0241010000"),
                           row("A", 3, "Иван Колев", "0101990710008"), row("A", 4, "Ана Илиева", "7501020018")},
                          {}, pipeline::Registers{}, copies);
  EXPECT_FALSE(has(judged[0], Flag::DigitalMismatch));
  EXPECT_TRUE(has(judged[1], Flag::DigitalMismatch));
  EXPECT_TRUE(has(judged[2], Flag::DigitalMismatch));
  EXPECT_TRUE(has(judged[3], Flag::DigitalMismatch));
}

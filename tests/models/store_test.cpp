#include "models/store.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit::models;
using listaudit::testing::TempDir;

namespace {
ListEntry list(const std::string& id) {
  ListEntry e;
  e.listId = id;
  e.party = "Партия";
  e.electionDate = Date{2021, 4, 4};
  e.submittedOn = Date{2021, 2, 15};
  e.scanPath = "/scans/" + id;
  e.country = *Country::fromCode("BG");
  e.manifestLine = 2;
  return e;
}
RowRecord row(const std::string& listId, int page, int r) {
  RowRecord x;
  x.listId = listId;
  x.page = page;
  x.row = r;
  x.fullName = "Име " + std::to_string(r);
  x.rawId = "750102001" + std::to_string(r % 10);
  x.nationalId = x.rawId;
  x.nameConfidence = 0.9;
  x.idConfidence = 0.8;
  x.idCharacterConfidences = {0.99, 0.5};
  x.image = {1, 2, 3};
  return x;
}
PageRecord page(const std::string& listId, int number) {
  PageRecord p;
  p.listId = listId;
  p.page = number;
  return p;
}
}  // namespace

TEST(Store, keepsRowsInManifestPageAndRowOrder) {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  store.addList(list("B"));  // manifest order B then A, not alphabetical
  store.addList(list("A"));
  store.addPage(page("A", 1), {row("A", 1, 1)});
  store.addPage(page("B", 2), {row("B", 2, 2), row("B", 2, 1)});
  store.addPage(page("B", 1), {row("B", 1, 1)});
  const auto rows = store.rows();
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].listId + std::to_string(rows[0].page) + std::to_string(rows[0].row), "B11");
  EXPECT_EQ(rows[1].listId + std::to_string(rows[1].page) + std::to_string(rows[1].row), "B21");
  EXPECT_EQ(rows[2].listId + std::to_string(rows[2].page) + std::to_string(rows[2].row), "B22");
  EXPECT_EQ(rows[3].listId, "A");
  EXPECT_EQ(rows[0].idCharacterConfidences, (std::vector<double>{0.99, 0.5}));
  EXPECT_EQ(store.rowImage("B", 1, 1), (std::vector<std::uint8_t>{1, 2, 3}));
  EXPECT_EQ(store.lists()[0].listId, "B");
  EXPECT_EQ(store.lists()[0].electionDate, (Date{2021, 4, 4}));
}

// What a later step weighs comes back as it went in: a name's other
// readings (spaces inside), the name network's odds, a number's other
// readings, the reader's choices.
TEST(Store, keepsTheReadersOtherReadings) {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  store.addList(list("A"));
  RowRecord r = row("A", 1, 1);
  r.nameOtherReadings = {"Ivan Petrov Popov", "Иван Петрв"};
  std::vector<float> probabilities(3 * NameOdds::kOutputs, 0.001f);
  probabilities[5] = 0.9f;  // column 0: "a"
  r.nameOdds = NameOdds::fromProbabilities(probabilities);
  r.idOtherReadings = {"7501020018", "7501020011"};
  r.idAlternatives = {{{'8', 0.25}}, {}};
  store.addPage(page("A", 1), {r});
  const RowRecord back = store.rows().at(0);
  EXPECT_EQ(back.nameOtherReadings, r.nameOtherReadings);
  EXPECT_EQ(back.nameOdds.costs(), r.nameOdds.costs());
  EXPECT_EQ(back.nameOdds.reading(Script::Latin), "a");
  EXPECT_EQ(back.idOtherReadings, r.idOtherReadings);
  ASSERT_EQ(back.idAlternatives.size(), 2u);
  ASSERT_EQ(back.idAlternatives[0].size(), 1u);
  EXPECT_EQ(back.idAlternatives[0][0].glyph, '8');
  EXPECT_DOUBLE_EQ(back.idAlternatives[0][0].probability, 0.25);
  store.purgePersonalData();
  EXPECT_TRUE(store.rows().at(0).nameOtherReadings.empty());
  EXPECT_TRUE(store.rows().at(0).nameOdds.empty());
}

TEST(Store, replacesJudgementsWholesale) {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  store.addList(list("A"));
  store.addPage(page("A", 1), {row("A", 1, 1)});
  store.saveJudgements({{"A", 1, 1, "7501020018", {{Flag::IdInvalid, 1.0, "why"}}, 0.2, "repaired", false, ""}});
  store.saveJudgements({{"A", 1, 1, "7501020018", {{Flag::SignatureMissing, 2.0, "no ink"}}, 0.3, "", false, ""}});
  const auto judged = store.judgements();
  ASSERT_EQ(judged.size(), 1u);
  ASSERT_EQ(judged[0].findings.size(), 1u);
  EXPECT_EQ(judged[0].findings[0].flag, Flag::SignatureMissing);
  EXPECT_DOUBLE_EQ(judged[0].risk, 0.3);
  EXPECT_EQ(store.rows()[0].nationalId, "7501020018");
}

TEST(Store, keepsErrorsInTheOrderTheyCame) {
  TempDir dir;
  Store store(dir.file("s.sqlite"));
  store.addError({"b.pdf", 2, "second"});
  store.addError({"a.pdf", 0, "first"});
  const auto errors = store.errors();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].message, "second");
  EXPECT_EQ(errors[1].page, 0);
}

TEST(Store, reopensAnExistingStore) {
  TempDir dir;
  {
    Store store(dir.file("s.sqlite"));
    store.addList(list("A"));
    store.setPageCount("A", 7);
  }
  Store again(dir.file("s.sqlite"));
  EXPECT_EQ(again.pageCount("A"), 7);
}

TEST(Store, refusesAStoreOfAnotherSchemaVersionByName) {
  TempDir dir;
  {
    SQLite::Database old(dir.file("old.sqlite"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    old.exec("CREATE TABLE rows (list_id TEXT)");
  }
  try {
    Store store(dir.file("old.sqlite"));
    FAIL();
  } catch (const StoreVersionError& e) {
    EXPECT_NE(std::string(e.what()).find("old.sqlite"), std::string::npos);
  }
  Store fresh(dir.file("new.sqlite"));
  Store again(dir.file("new.sqlite"));  // its own version opens again
  SUCCEED();
}

#include "pipeline/review_decisions.hpp"

#include "pipeline/report/csv_outputs.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

namespace {

// The sample batch run once, with every register, for all the tests here.
class ReviewDecisions : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    runInto(dir_->file("run"));
  }
  // The sample batch with every register, into `out`.
  static void runInto(const std::string& out) {
    pipeline::RunOptions options;
    options.manifest = dataDir() + "/manifest.csv";
    options.population = dataDir() + "/population.csv";
    options.consent = dataDir() + "/consent.csv";
    options.complaints = dataDir() + "/complaints.csv";
    options.cacheDir = dir_->file("cache");
    options.required = 15;
    options.outDir = out;
    pipeline::runBatch(options);
  }
  static void TearDownTestSuite() { delete dir_; }

  // A fresh copy of the run, so each test decides on its own.
  std::string freshRun() {
    const std::string out = copies_.file("run");
    std::filesystem::remove_all(out);
    std::filesystem::copy(dir_->file("run"), out, std::filesystem::copy_options::recursive);
    return out;
  }
  static std::map<std::string, std::string> rowOf(const std::string& out, const std::string& list, int page, int row) {
    for (auto& r : readCsv(out + "/rows.csv"))
      if (r.at("list_id") == list && r.at("page") == std::to_string(page) && r.at("row") == std::to_string(row))
        return r;
    return {};
  }
  static std::map<std::string, std::string> listOf(const std::string& out, const std::string& list) {
    for (auto& l : readCsv(out + "/lists.csv"))
      if (l.at("list_id") == list) return l;
    return {};
  }
  // The first row of a list flagged NO_CONSENT and nothing that needs a reading.
  static std::map<std::string, std::string> firstWith(const std::string& out, const std::string& flag) {
    for (auto& r : readCsv(out + "/rows.csv"))
      if (r.at("flags").find(flag) != std::string::npos) return r;
    return {};
  }
  // The sample batch against a copy of the consent register in `dir` (which
  // a test then moves or changes), into DIR/run.
  static void runOnAConsentCopy(const TempDir& dir) {
    std::filesystem::copy_file(dataDir() + "/consent.csv", dir.file("consent.csv"));
    pipeline::RunOptions options;
    options.manifest = dataDir() + "/manifest.csv";
    options.consent = dir.file("consent.csv");
    options.outDir = dir.file("run");
    pipeline::runBatch(options);
  }
  models::Decision decision(const std::map<std::string, std::string>& row, models::Decision::Kind kind) {
    models::Decision d;
    d.listId = row.at("list_id");
    d.page = std::stoi(row.at("page"));
    d.row = std::stoi(row.at("row"));
    d.kind = kind;
    d.reviewer = "Reviewer One";
    return d;
  }

  static TempDir* dir_;
  TempDir copies_;
};
TempDir* ReviewDecisions::dir_ = nullptr;

}  // namespace

TEST_F(ReviewDecisions, anAcceptedFlaggedRowCountsAsValidAndTheListsFileFollows) {
  const std::string out = freshRun();
  const auto flagged = firstWith(out, "NO_CONSENT");
  ASSERT_FALSE(flagged.empty());
  const int before = std::stoi(listOf(out, flagged.at("list_id")).at("valid_rows"));
  models::Store store(out + "/listaudit.sqlite");
  pipeline::recordDecision(store, out, decision(flagged, models::Decision::Kind::Accept));
  EXPECT_EQ(std::stoi(listOf(out, flagged.at("list_id")).at("valid_rows")), before + 1);
  // The flags stay: the evidence is not erased by the decision.
  EXPECT_EQ(rowOf(out, flagged.at("list_id"), std::stoi(flagged.at("page")), std::stoi(flagged.at("row"))).at("flags"),
            flagged.at("flags"));
  EXPECT_NE(readFile(out + "/report.html").find("Accepted by Reviewer One"), std::string::npos);
}

TEST_F(ReviewDecisions, aLaterDecisionSupersedesTheEarlierWhichIsKept) {
  const std::string out = freshRun();
  const auto flagged = firstWith(out, "NO_CONSENT");
  const int before = std::stoi(listOf(out, flagged.at("list_id")).at("valid_rows"));
  models::Store store(out + "/listaudit.sqlite");
  pipeline::recordDecision(store, out, decision(flagged, models::Decision::Kind::Accept));
  pipeline::recordDecision(store, out, decision(flagged, models::Decision::Kind::Reject));
  EXPECT_EQ(std::stoi(listOf(out, flagged.at("list_id")).at("valid_rows")), before);
  std::ostringstream csv;
  pipeline::writeDecisionsCsv(store, csv);
  const std::string text = csv.str();
  EXPECT_EQ(text.rfind("list_id,page,row,decision,full_name,national_id,reviewer,decided_at,note\r\n", 0), 0u);
  EXPECT_LT(text.find(",accept,"), text.find(",reject,"));
  // Who decided on which row is on the audit trail; no name or number is.
  int decided = 0;
  for (const auto& entry : store.audit())
    if (entry.action == "decide") {
      ++decided;
      EXPECT_EQ(entry.detail.find(flagged.at("national_id")), std::string::npos);
    }
  EXPECT_EQ(decided, 2);
}

TEST_F(ReviewDecisions, aCorrectedReadingIsCheckedAgain) {
  const std::string out = freshRun();
  // A supporter the registers know, read correctly and not flagged: a reviewer
  // who corrects the number to one nobody holds makes the checks say so.
  std::map<std::string, std::string> clean;
  for (auto& r : readCsv(out + "/rows.csv"))
    if (r.at("flags").empty()) {
      clean = r;
      break;
    }
  ASSERT_FALSE(clean.empty());
  std::string wrong = clean.at("national_id");
  wrong.back() = wrong.back() == '0' ? '1' : '0';  // now fails its check digit
  models::Decision d = decision(clean, models::Decision::Kind::Correct);
  d.fullName = "  " + clean.at("full_name") + " ";
  d.nationalId = wrong;
  models::Store store(out + "/listaudit.sqlite");
  pipeline::recordDecision(store, out, d);
  const auto after = rowOf(out, clean.at("list_id"), std::stoi(clean.at("page")), std::stoi(clean.at("row")));
  EXPECT_EQ(after.at("national_id"), wrong);
  EXPECT_EQ(after.at("full_name"), clean.at("full_name"));
  EXPECT_NE(after.at("flags").find("ID_INVALID"), std::string::npos);
  // And back: the right number corrected in clears it again.
  d.nationalId = clean.at("national_id");
  pipeline::recordDecision(store, out, d);
  EXPECT_EQ(rowOf(out, clean.at("list_id"), std::stoi(clean.at("page")), std::stoi(clean.at("row"))).at("flags"), "");
}

TEST_F(ReviewDecisions, refusesADecisionItCannotTakeAndStoresNothing) {
  const std::string out = freshRun();
  const auto flagged = firstWith(out, "NO_CONSENT");
  models::Store store(out + "/listaudit.sqlite");
  models::Decision noReviewer = decision(flagged, models::Decision::Kind::Accept);
  noReviewer.reviewer = " ";
  EXPECT_THROW(pipeline::recordDecision(store, out, noReviewer), pipeline::DecisionError);
  models::Decision noRow = decision(flagged, models::Decision::Kind::Reject);
  noRow.row = 999;
  EXPECT_THROW(pipeline::recordDecision(store, out, noRow), pipeline::DecisionError);
  models::Decision halfCorrected = decision(flagged, models::Decision::Kind::Correct);
  halfCorrected.fullName = "Someone";
  EXPECT_THROW(pipeline::recordDecision(store, out, halfCorrected), pipeline::DecisionError);
  EXPECT_TRUE(store.decisions().empty());
}

TEST_F(ReviewDecisions, keepsTheDecisionWhenARegisterIsGoneAndSaysTheOutputsDidNotFollow) {
  TempDir dir;
  runOnAConsentCopy(dir);
  const auto flagged = firstWith(dir.file("run"), "NO_CONSENT");
  ASSERT_FALSE(flagged.empty());
  std::filesystem::remove(dir.file("consent.csv"));
  const std::string listsBefore = readFile(dir.file("run/lists.csv"));
  models::Store store(dir.file("run/listaudit.sqlite"));
  EXPECT_THROW(pipeline::recordDecision(store, dir.file("run"), decision(flagged, models::Decision::Kind::Accept)),
               pipeline::RecheckError);
  EXPECT_EQ(store.decisions().size(), 1u);
  EXPECT_EQ(readFile(dir.file("run/lists.csv")), listsBefore);
}

TEST_F(ReviewDecisions, runningTheSameCommandAgainKeepsTheDecisions) {
  const std::string out = freshRun();
  const auto flagged = firstWith(out, "NO_CONSENT");
  {
    models::Store store(out + "/listaudit.sqlite");
    pipeline::recordDecision(store, out, decision(flagged, models::Decision::Kind::Accept));
  }
  const std::string lists = readFile(out + "/lists.csv");
  runInto(out);
  EXPECT_EQ(models::Store(out + "/listaudit.sqlite").decisions().size(), 1u);
  EXPECT_EQ(readFile(out + "/lists.csv"), lists);
}

TEST_F(ReviewDecisions, refusesToCheckAgainstARegisterThatChangedSinceTheRun) {
  TempDir dir;
  runOnAConsentCopy(dir);
  const auto flagged = firstWith(dir.file("run"), "NO_CONSENT");
  listaudit::testing::writeFile(dir.file("consent.csv"), listaudit::testing::readFile(dir.file("consent.csv")) + "\n");
  models::Store store(dir.file("run/listaudit.sqlite"));
  EXPECT_THROW(pipeline::recordDecision(store, dir.file("run"), decision(flagged, models::Decision::Kind::Accept)),
               pipeline::RecheckError);
  EXPECT_EQ(store.decisions().size(), 1u);  // kept, for when the run is made again
}

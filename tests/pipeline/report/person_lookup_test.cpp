#include "pipeline/report/person_lookup.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "pipeline/batch_run.hpp"
#include "pipeline/marked_page.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::TempDir;

namespace {

// The sample batch, run into `dir`/out.
pipeline::RunSummary runSamples(const TempDir& dir) {
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.outDir = dir.file("out");
  return pipeline::runBatch(options);
}

}  // namespace

TEST(PersonLookup, findsAPersonsRowsByNumberAndByNameWithTheirImages) {
  TempDir dir;
  const auto run = runSamples(dir);
  const auto rows = readCsv(run.rowsCsv);
  const auto& target = rows.at(5);
  const models::Store store(run.storePath);

  const auto byNumber = pipeline::findRows(store, target.at("national_id"), "", dir.file("found"));
  ASSERT_FALSE(byNumber.empty());
  EXPECT_EQ(byNumber[0].score, 1.0);
  EXPECT_EQ(byNumber[0].listId, target.at("list_id"));
  EXPECT_EQ(std::to_string(byNumber[0].page), target.at("page"));
  EXPECT_EQ(std::to_string(byNumber[0].row), target.at("row"));
  const cv::Mat image = cv::imread(byNumber[0].imagePath);
  EXPECT_FALSE(image.empty());
  EXPECT_GT(image.cols, image.rows * 5);  // a row, not a page

  const auto byName = pipeline::findRows(store, "", target.at("full_name"), dir.file("found"));
  ASSERT_FALSE(byName.empty());
  EXPECT_EQ(byName[0].page, byNumber[0].page);
  EXPECT_EQ(byName[0].row, byNumber[0].row);

  EXPECT_TRUE(pipeline::findRows(store, "0000000000", "", dir.file("found")).empty());
}

TEST(PersonLookup, findsAPersonWhereOnlyTheElectronicCopyGivesTheNumberAndMarksThePage) {
  TempDir dir;
  const auto run = runSamples(dir);
  const auto target = readCsv(run.rowsCsv).at(3);
  const models::Store store(run.storePath);
  // A number the paper does not give (as if misread there), the copy gives at this row.
  const std::vector<pipeline::CopyRow> copies{
      {target.at("list_id"), std::stoi(target.at("page")), std::stoi(target.at("row")), "X", "1111111111"}};
  const auto found = pipeline::findRows(store, "1111111111", "", dir.file("found"), 0.85, copies);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(std::to_string(found[0].row), target.at("row"));
  EXPECT_NE(found[0].how.find("electronic copy"), std::string::npos);
  EXPECT_EQ(found[0].party, store.lists().front().party);
  EXPECT_FALSE(found[0].collector.empty());
  EXPECT_EQ(found[0].collector.find(':'), std::string::npos);

  // The page the run read, the row outlined in red where its box is.
  const auto png = pipeline::markedPagePng(store.lists().front(), found[0].page, found[0].box);
  const cv::Mat page = cv::imdecode(png, cv::IMREAD_COLOR);
  ASSERT_FALSE(page.empty());
  const cv::Vec3b corner = page.at<cv::Vec3b>(found[0].box.y - 2, found[0].box.x + found[0].box.width / 2);
  EXPECT_GT(corner[2], 150);  // red
  EXPECT_LT(corner[0], 100);
}

TEST(PersonLookup, countsTheUnreadableRowsOfEachParty) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  listaudit::testing::addListPage(store, listaudit::testing::listEntry("A", "Party A"), 1,
                                  std::vector<models::RowRecord>(3));
  store.saveJudgements({{"A", 1, 1, "", {{models::Flag::Unreadable, 0, "in doubt"}}, 0.1, "", false, ""},
                        {"A", 1, 2, "", {{models::Flag::Unreadable, 0, "in doubt"}}, 0.1, "", false, ""},
                        {"A", 1, 3, "", {}, 0.1, "", false, ""}});
  const auto counts = pipeline::unreadableRowsByParty(store);
  ASSERT_EQ(counts.size(), 1u);
  EXPECT_EQ(counts.at("Party A"), 2);
}

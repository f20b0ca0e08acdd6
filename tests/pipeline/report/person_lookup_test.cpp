#include "pipeline/report/person_lookup.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "pipeline/batch_run.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::TempDir;

TEST(PersonLookup, findsAPersonsRowsByNumberAndByNameWithTheirImages) {
  TempDir dir;
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.outDir = dir.file("out");
  const auto run = pipeline::runBatch(options);
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

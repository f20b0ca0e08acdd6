#include "pipeline/batch_run.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "ingest/csv_reader.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

namespace {
pipeline::RunSummary run(const std::string& manifest, const std::string& out, int jobs) {
  pipeline::RunOptions options;
  options.manifest = manifest;
  options.outDir = out;
  options.jobs = jobs;
  return pipeline::runBatch(options);
}
}  // namespace

TEST(BatchRun, writesTheSameRowsWhateverTheNumberOfJobs) {
  TempDir dir;
  const auto one = run(dataDir() + "/manifest.csv", dir.file("one"), 1);
  const auto two = run(dataDir() + "/manifest.csv", dir.file("two"), 2);
  EXPECT_EQ(one.errors, 0);
  EXPECT_GT(one.rows, 40);
  EXPECT_EQ(readFile(one.rowsCsv), readFile(two.rowsCsv));
  EXPECT_EQ(readFile(one.listsCsv), readFile(two.listsCsv));
}

TEST(BatchRun, reportsEveryBadInputAndReadsEverythingElse) {
  TempDir dir;
  const std::string samples = dataDir();
  // A folder whose second page is cut short, and a third that is a blank sheet.
  std::filesystem::create_directory(dir.path() / "partial");
  std::filesystem::copy_file(samples + "/scans/L01-BG/page-1.jpg", dir.file("partial/page-1.jpg"));
  const std::string jpeg = readFile(samples + "/scans/L01-BG/page-2.jpg");
  writeFile(dir.file("partial/page-2.jpg"), jpeg.substr(0, 300));
  cv::imwrite(dir.file("partial/page-3.png"), cv::Mat(1200, 850, CV_8UC1, cv::Scalar(250)));
  writeFile(dir.file("empty.pdf"), "");
  writeFile(dir.file("manifest.csv"),
            "list_id,party,election_date,submitted_on,path,country\n"
            "GOOD,P,2021-04-04,2021-02-10," +
                samples +
                "/scans/L02-RS.pdf,RS\n"
                "MISSING,P,2021-04-04,2021-02-10,nowhere/list.pdf,BG\n"
                "EMPTY,P,2021-04-04,2021-02-10,empty.pdf,BG\n"
                "PARTIAL,P,2021-04-04,2021-02-10,partial,BG\n"
                "BADDATE,P,someday,2021-02-10,partial,BG\n");
  const auto summary = run(dir.file("manifest.csv"), dir.file("out"), 2);

  const auto errors = readCsv(summary.errorsCsv);
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_NE(errors[0].at("input").find("line 6"), std::string::npos);  // the manifest line comes first
  EXPECT_NE(errors[1].at("input").find("nowhere/list.pdf"), std::string::npos);
  EXPECT_NE(errors[2].at("input").find("empty.pdf"), std::string::npos);
  EXPECT_NE(errors[3].at("input").find("page-2.jpg"), std::string::npos);
  EXPECT_EQ(errors[4].at("page"), "3");
  EXPECT_NE(errors[4].at("message").find("no ruled table"), std::string::npos);
  EXPECT_EQ(summary.errors, 5);
  // The page whose table was not found is in the report, with its image, for a person to read.
  const std::string report = readFile(summary.report);
  EXPECT_NE(report.find("page 3</strong>: no row could be found on this page"), std::string::npos);

  std::map<std::string, int> rowsPerList;
  for (const auto& row : readCsv(summary.rowsCsv)) ++rowsPerList[row.at("list_id")];
  EXPECT_GT(rowsPerList["GOOD"], 20);
  EXPECT_GT(rowsPerList["PARTIAL"], 5);  // its readable first page
  const auto lists = readCsv(summary.listsCsv);
  ASSERT_EQ(lists.size(), 4u);
  EXPECT_EQ(lists[1].at("list_id"), "MISSING");
  EXPECT_EQ(lists[1].at("pages"), "0");
  EXPECT_EQ(lists[3].at("pages"), "3");
  EXPECT_NE(readFile(summary.report).find("nowhere/list.pdf"), std::string::npos);
}

TEST(BatchRun, refusesAManifestItCannotUse) {
  TempDir dir;
  writeFile(dir.file("m.csv"), "list_id,party\nA,P\n");
  EXPECT_THROW(run(dir.file("m.csv"), dir.file("out"), 1), ingest::CsvError);
}

TEST(BatchRun, importsIntoTheOutputFolderWhenTheCacheCannotBeMade) {
  TempDir dir;
  writeFile(dir.file("blocker"), "a file where the cache folder would go");
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.outDir = dir.file("out");
  options.population = dataDir() + "/population.csv";
  options.cacheDir = dir.file("blocker") + "/cache";
  const auto summary = pipeline::runBatch(options);
  EXPECT_EQ(summary.errors, 0);
  EXPECT_FALSE(std::filesystem::is_empty(dir.file("out/cache")));
}

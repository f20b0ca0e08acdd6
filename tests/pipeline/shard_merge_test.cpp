// Contract section 11: a run split into shards and merged writes the CSVs of
// one whole run, byte for byte; merge refuses a set that is not all the
// shards of one run.
#include <gtest/gtest.h>

#include "ingest/csv_reader.hpp"
#include "pipeline/batch_run.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

namespace {

// Four lists (one whose scans are missing, one a second copy of a list, so
// checks span shards) and a bad manifest line, with the sample registers.
std::string batch(const TempDir& dir) {
  std::filesystem::copy(dataDir() + "/scans", dir.file("scans"), std::filesystem::copy_options::recursive);
  std::filesystem::copy(dataDir() + "/digital", dir.file("digital"), std::filesystem::copy_options::recursive);
  const std::string lists = readFile(dataDir() + "/manifest.csv");
  const std::string second = lists.substr(lists.rfind("L02-RS"));
  writeFile(dir.file("manifest.csv"), lists + "L03-RS" + second.substr(6) +
                                          "L04-BG,P,2021-04-04,2021-02-10,scans/missing.pdf,,BG\n"
                                          "BAD,P,someday,2021-02-10,scans/x.pdf,,BG\n");
  return dir.file("manifest.csv");
}

pipeline::RunOptions runOptions(const TempDir& dir, const std::string& out) {
  pipeline::RunOptions o;
  o.manifest = dir.file("manifest.csv");
  o.outDir = dir.file(out);
  o.population = dataDir() + "/population.csv";
  o.consent = dataDir() + "/consent.csv";
  o.complaints = dataDir() + "/complaints.csv";
  o.cacheDir = dir.file("cache");
  o.jobs = 2;
  return o;
}

pipeline::MergeOptions mergeOptions(const TempDir& dir, std::vector<std::string> shards) {
  pipeline::MergeOptions m;
  m.outDir = dir.file("merged");
  m.shardDirs = std::move(shards);
  m.population = dataDir() + "/population.csv";
  m.consent = dataDir() + "/consent.csv";
  m.complaints = dataDir() + "/complaints.csv";
  m.cacheDir = dir.file("cache");
  return m;
}

pipeline::RunSummary shard(const TempDir& dir, int k, int n) {
  pipeline::RunOptions o = runOptions(dir, "shard-" + std::to_string(k));
  o.shardIndex = k;
  o.shardCount = n;
  return pipeline::runBatch(o);
}

}  // namespace

TEST(ShardMerge, writesTheBytesOfOneWholeRunFromThreeShards) {
  TempDir dir;
  batch(dir);
  const auto whole = pipeline::runBatch(runOptions(dir, "whole"));
  std::vector<std::string> shardDirs;
  for (int k = 1; k <= 3; ++k) {
    const auto s = shard(dir, k, 3);
    EXPECT_TRUE(std::filesystem::exists(s.errorsCsv));
    EXPECT_FALSE(std::filesystem::exists(dir.file("shard-" + std::to_string(k) + "/rows.csv")));  // no checks here
    shardDirs.push_back(dir.file("shard-" + std::to_string(k)));
  }
  const auto merged = pipeline::mergeShards(mergeOptions(dir, {shardDirs[2], shardDirs[0], shardDirs[1]}));
  for (const char* f : {"rows.csv", "lists.csv", "errors.csv"})
    EXPECT_EQ(readFile(dir.file("whole/") + f), readFile(dir.file("merged/") + f)) << f;
  EXPECT_EQ(merged.rows, whole.rows);
  EXPECT_EQ(merged.pagesRead, whole.pagesRead);
  EXPECT_EQ(merged.errors, whole.errors);
  EXPECT_EQ(merged.flaggedRows, whole.flaggedRows);
  EXPECT_GT(whole.flaggedRows, 0);
}

TEST(ShardMerge, refusesAnIncompleteOrMixedSetNamingWhatIsWrong) {
  TempDir dir;
  batch(dir);
  shard(dir, 1, 3);
  shard(dir, 3, 3);
  std::filesystem::create_directories(dir.path() / "other");
  writeFile(dir.file("other/manifest.csv"), readFile(dataDir() + "/manifest.csv"));
  try {
    pipeline::mergeShards(mergeOptions(dir, {dir.file("shard-1"), dir.file("shard-3")}));
    FAIL() << "two shards of three were merged";
  } catch (const pipeline::ShardSetError& e) {
    EXPECT_NE(std::string(e.what()).find("shard 2/3 is missing"), std::string::npos) << e.what();
  }
  // A shard of a split in two does not complete a split in three.
  pipeline::RunOptions o = runOptions(dir, "shard-2");
  o.shardIndex = 2;
  o.shardCount = 2;
  pipeline::runBatch(o);
  try {
    pipeline::mergeShards(mergeOptions(dir, {dir.file("shard-1"), dir.file("shard-2"), dir.file("shard-3")}));
    FAIL() << "shards of two runs were merged";
  } catch (const pipeline::ShardSetError& e) {
    EXPECT_NE(std::string(e.what()).find("of another run"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("merged/rows.csv")));
}

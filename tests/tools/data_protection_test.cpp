// The duties the data protection laws (../shared/seeds) put on the tool, as a
// user meets them through the `listaudit` command: shareable outputs without
// the people in them, a run's personal data erased on request, and an audit
// trail of who looked.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>

#include "models/store.hpp"
#include "tests/support/test_support.hpp"

using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

namespace {
int tool(const std::string& args) {
  const int status = std::system((std::string(LISTAUDIT_EXE) + " " + args + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
std::string runArgs(const TempDir& dir) {
  return "run --manifest " + dataDir() + "/manifest.csv --out " + dir.file("out") + " --population " + dataDir() +
         "/population.csv --consent " + dataDir() + "/consent.csv --cache " + dir.file("cache") + " --quiet";
}
}  // namespace

TEST(DataProtection, pseudonymisedOutputsHoldNoNameOrNumberButKeepWhoIsWho) {
  TempDir dir;
  writeFile(dir.file("key"), "a secret key of enough bytes, only for this test");
  ASSERT_EQ(tool(runArgs(dir) + " --pseudonymize " + dir.file("key")), 0);
  const std::string shareableRows = readFile(dir.file("out/shareable/rows.csv"));
  const std::string shareableReport = readFile(dir.file("out/shareable/report.html"));
  for (const auto& row : readCsv(dataDir() + "/truth.csv")) {
    EXPECT_EQ(shareableRows.find(row.at("national_id")), std::string::npos);
    EXPECT_EQ(shareableRows.find(row.at("full_name")), std::string::npos);
    EXPECT_EQ(shareableReport.find(row.at("national_id")), std::string::npos);
    EXPECT_EQ(shareableReport.find(row.at("full_name")), std::string::npos);
  }
  EXPECT_EQ(shareableReport.find("data:image"), std::string::npos);
  // Row for row, the same flags and risk; a number read twice keeps one pseudonym.
  const auto plain = readCsv(dir.file("out/rows.csv"));
  const auto shared = readCsv(dir.file("out/shareable/rows.csv"));
  ASSERT_EQ(plain.size(), shared.size());
  std::map<std::string, std::string> pseudonymOf;
  for (std::size_t i = 0; i < plain.size(); ++i) {
    EXPECT_EQ(plain[i].at("flags"), shared[i].at("flags"));
    EXPECT_EQ(plain[i].at("risk"), shared[i].at("risk"));
    if (plain[i].at("national_id").empty()) continue;
    EXPECT_EQ(shared[i].at("national_id").rfind("id-", 0), 0u);
    auto [it, fresh] = pseudonymOf.emplace(plain[i].at("national_id"), shared[i].at("national_id"));
    EXPECT_TRUE(fresh || it->second == shared[i].at("national_id"));
  }
  EXPECT_EQ(readFile(dir.file("out/lists.csv")), readFile(dir.file("out/shareable/lists.csv")));
  // A key too short to keep a secret is refused before anything is read.
  writeFile(dir.file("short"), "short");
  EXPECT_EQ(tool(runArgs(dir) + " --pseudonymize " + dir.file("short")), 2);
}

TEST(DataProtection, purgeErasesThePersonalDataAndKeepsTheCountsAndTheAudit) {
  TempDir dir;
  ASSERT_EQ(tool(runArgs(dir)), 0);
  const std::string truthNumber = readCsv(dataDir() + "/truth.csv").front().at("national_id");
  ASSERT_EQ(tool("find --store " + dir.file("out") + " --id " + truthNumber), 0);
  const std::string lists = readFile(dir.file("out/lists.csv"));
  ASSERT_NE(readFile(dir.file("out/listaudit.sqlite")).find(truthNumber), std::string::npos);

  ASSERT_EQ(tool("purge --store " + dir.file("out") + " --cache " + dir.file("cache")), 0);
  EXPECT_EQ(readFile(dir.file("out/listaudit.sqlite")).find(truthNumber), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out/rows.csv")));
  EXPECT_FALSE(std::filesystem::exists(dir.file("out/report.html")));
  EXPECT_FALSE(std::filesystem::exists(dir.file("out/found")));
  EXPECT_TRUE(std::filesystem::is_empty(dir.file("cache")));
  EXPECT_EQ(readFile(dir.file("out/lists.csv")), lists);
  EXPECT_EQ(tool("find --store " + dir.file("out") + " --id " + truthNumber), 2);

  const auto audit = listaudit::models::Store(dir.file("out/listaudit.sqlite")).audit();
  ASSERT_EQ(audit.size(), 3u);
  EXPECT_EQ(audit[0].action, "run");
  EXPECT_EQ(audit[1].action, "find");
  EXPECT_EQ(audit[1].detail.find(truthNumber), std::string::npos);  // who looked, not whom
  EXPECT_EQ(audit[2].action, "purge");
  EXPECT_FALSE(audit[2].user.empty());
  EXPECT_EQ(audit[2].at.size(), 20u);  // 2026-11-22T18:48:00Z
}

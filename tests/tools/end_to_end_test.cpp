// The `listaudit` command as a user runs it: exit statuses of contract
// section 1 and the accuracy on data-samples/.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>

#include "tests/support/test_support.hpp"
#include "tools/bench/accuracy.hpp"

using listaudit::testing::dataDir;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

namespace {
struct Result {
  int status = -1;
  std::string output;
};
Result runTool(const std::string& args) {
  Result r;
  const std::string command = std::string(LISTAUDIT_EXE) + " " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) r.output.append(buffer, n);
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}
}  // namespace

TEST(EndToEnd, readsTheSampleBatchAccurately) {
  TempDir dir;
  const Result run = runTool("run --manifest " + dataDir() + "/manifest.csv --out " + dir.file("out"));
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("[4/4]"), std::string::npos);  // progress, page by page
  for (const char* f : {"rows.csv", "lists.csv", "errors.csv", "report.html", "listaudit.sqlite"})
    EXPECT_TRUE(std::filesystem::exists(dir.file("out/") + f)) << f;

  const listaudit::tools::AccuracyScore s =
      listaudit::tools::scoreAccuracy(dataDir() + "/truth.csv", dir.file("out/rows.csv"));
  EXPECT_EQ(s.missing, 0);
  EXPECT_EQ(s.extra, 0);
  EXPECT_GE(s.idExactRate(), 0.98);
  EXPECT_GE(s.nameExactRate(), 0.95);

  const Result bench =
      runTool("bench accuracy --json --truth " + dataDir() + "/truth.csv --rows " + dir.file("out/rows.csv"));
  ASSERT_EQ(bench.status, 0);
  EXPECT_EQ(bench.output.front(), '{');
}

TEST(EndToEnd, neverLogsANameOrNumber) {
  TempDir dir;
  const Result run = runTool("run --manifest " + dataDir() + "/manifest.csv --out " + dir.file("out"));
  for (const auto& row : listaudit::testing::readCsv(dataDir() + "/truth.csv")) {
    EXPECT_EQ(run.output.find(row.at("national_id")), std::string::npos);
    EXPECT_EQ(run.output.find(row.at("full_name")), std::string::npos);
  }
}

TEST(EndToEnd, exitsThreeWhenSomeInputsCannotBeRead) {
  TempDir dir;
  writeFile(dir.file("m.csv"),
            "list_id,party,election_date,submitted_on,path\nA,P,2021-04-04,2021-02-10,missing.pdf\n");
  const Result run = runTool("run --quiet --manifest " + dir.file("m.csv") + " --out " + dir.file("out"));
  EXPECT_EQ(run.status, 3) << run.output;
  EXPECT_NE(run.output.find("missing.pdf"), std::string::npos);
  EXPECT_NE(readFile(dir.file("out/errors.csv")).find("missing.pdf"), std::string::npos);
}

TEST(EndToEnd, exitsTwoForBadUsageOrAnUnusableManifest) {
  TempDir dir;
  EXPECT_EQ(runTool("run --out " + dir.file("out")).status, 2);
  EXPECT_EQ(runTool("frobnicate").status, 2);
  const Result missing = runTool("run --manifest " + dir.file("none.csv") + " --out " + dir.file("out"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.output.find("none.csv"), std::string::npos);
  writeFile(dir.file("m.csv"), "list_id,party\n");
  const Result noColumns = runTool("run --manifest " + dir.file("m.csv") + " --out " + dir.file("out"));
  EXPECT_EQ(noColumns.status, 2);
  EXPECT_NE(noColumns.output.find("path"), std::string::npos);
}

TEST(EndToEnd, makesSamplesThatFollowTheContract) {
  TempDir dir;
  const Result made = runTool("make-samples --seed 3 --lists 1 --pages 1 --out " + dir.file("s"));
  ASSERT_EQ(made.status, 0) << made.output;
  for (const char* f : {"manifest.csv", "population.csv", "consent.csv", "complaints.csv", "truth.csv"})
    EXPECT_TRUE(std::filesystem::exists(dir.file("s/") + f)) << f;
}

TEST(EndToEnd, benchSpeedRegistersImportsChecksAndSearchesSignatures) {
  // What the register benchmark prints on the sample registers, small counts.
  const Result bench =
      runTool("bench speed --registers --rows 30 --signatures 1200 --population " + dataDir() +
              "/population.csv --consent " + dataDir() + "/consent.csv --complaints " + dataDir() + "/complaints.csv");
  ASSERT_EQ(bench.status, 0) << bench.output;
  for (const char* line : {"import population: ", "import consent: ", "import complaints: ",
                           "rows checked against the registers: 30 in ", "repeated signatures: 120 in ", "1200 in ",
                           "planted copies found: ", "every pair compared, 120 signatures", "peak memory: "})
    EXPECT_NE(bench.output.find(line), std::string::npos) << line << " in\n" << bench.output;
  EXPECT_EQ(runTool("bench speed --registers --manifest " + dataDir() + "/manifest.csv").status, 2);
}

TEST(EndToEnd, benchSpeedSetsEachStageBesideTheTesseractCommand) {
  // What the benchmark prints, not how fast: speed is for the benchmark to
  // measure, never for a test to assert.
  const Result bench = runTool("bench speed --jobs 2 --manifest " + dataDir() + "/manifest.csv");
  ASSERT_EQ(bench.status, 0) << bench.output;
  // The read stage's share of each reader: the sample batch's printed cells
  // go to Tesseract, and its title is read on each list's first page.
  for (const char* line :
       {"pages: 4\n", "listaudit, 1 job: ", "  decode ", "  of the read stage:\n", " numbers, Tesseract\n",
        " names, print models (Tesseract)\n", " the title (first page), print models (Tesseract)\n",
        "tesseract command, whole page, 1 thread: ", "listaudit / tesseract: ", "with 2 jobs (", "peak memory: "})
    EXPECT_NE(bench.output.find(line), std::string::npos) << line << " in\n" << bench.output;
  EXPECT_EQ(bench.output.find("not run"), std::string::npos);
}

#include "pipeline/batch_run.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cstdlib>

#include <opencv2/imgcodecs.hpp>

#include "ingest/csv_reader.hpp"
#include "ingest/file_digest.hpp"
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

// A batch of one sample page: for the tests of registers and outputs, where
// the pages only need to be there.
std::string onePageManifest(const TempDir& dir) {
  std::filesystem::create_directories(dir.path() / "one");
  std::filesystem::copy_file(dataDir() + "/scans/L01-BG/page-1.jpg", dir.file("one/page.jpg"));
  writeFile(dir.file("one/manifest.csv"),
            "list_id,party,election_date,submitted_on,path,country\nL01-BG,P,2021-04-04,2021-02-10,page.jpg,BG\n");
  return dir.file("one/manifest.csv");
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
  std::filesystem::copy_file(samples + "/scans/L02-RS.pdf", dir.file("L02-RS.pdf"));
  writeFile(dir.file("manifest.csv"),
            "list_id,party,election_date,submitted_on,path,country\n"
            "GOOD,P,2021-04-04,2021-02-10,L02-RS.pdf,RS\n"
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

TEST(BatchRun, neutralisesFormulasFromTheManifestInEveryCsv) {
  TempDir dir;
  std::filesystem::copy_file(dataDir() + "/scans/L01-BG/page-1.jpg", dir.file("page.jpg"));
  writeFile(dir.file("manifest.csv"),
            "list_id,party,election_date,submitted_on,path,country\n"
            "@SUM(1+1),\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2021-04-04,2021-02-10,page.jpg,BG\n"
            "\"+cmd|' /C calc'!A0\",-P,2021-04-04,2021-02-10,page.jpg,BG\n");
  const auto summary = run(dir.file("manifest.csv"), dir.file("out"), 1);
  const auto lists = readCsv(summary.listsCsv);
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].at("list_id"), "'@SUM(1+1)");
  EXPECT_EQ(lists[0].at("party"), "'=HYPERLINK(\"http://x\",\"y\")");
  EXPECT_EQ(lists[1].at("list_id"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(lists[1].at("party"), "'-P");
  const auto rows = readCsv(summary.rowsCsv);
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) EXPECT_TRUE(row.at("list_id")[0] == '\'') << row.at("list_id");
}

TEST(BatchRun, keepsManifestPathsInsideItsFolderUnlessAllowed) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "batch");
  std::filesystem::copy_file(dataDir() + "/scans/L01-BG/page-1.jpg", dir.file("outside.jpg"));
  std::filesystem::copy_file(dataDir() + "/scans/L01-BG/page-1.jpg", dir.file("batch/inside.jpg"));
  writeFile(dir.file("batch/manifest.csv"),
            "list_id,party,election_date,submitted_on,path,country\n"
            "UP,P,2021-04-04,2021-02-10,../outside.jpg,BG\n"
            "ABS,P,2021-04-04,2021-02-10," +
                dir.file("outside.jpg") +
                ",BG\n"
                "IN,P,2021-04-04,2021-02-10,sub/../inside.jpg,BG\n");
  pipeline::RunOptions options;
  options.manifest = dir.file("batch/manifest.csv");
  options.outDir = dir.file("out");
  options.jobs = 1;
  const auto kept = pipeline::runBatch(options);
  EXPECT_EQ(kept.lists, 1);
  const auto errors = readCsv(kept.errorsCsv);
  ASSERT_EQ(errors.size(), 2u);
  for (const auto& e : errors) EXPECT_NE(e.at("message").find("leaves the manifest's folder"), std::string::npos);
  EXPECT_NE(errors[0].at("input").find("line 2"), std::string::npos);

  options.allowOutsidePaths = true;
  const auto allowed = pipeline::runBatch(options);
  EXPECT_EQ(allowed.lists, 3);
  EXPECT_EQ(allowed.errors, 0);
}

TEST(BatchRun, saysTheOutputFolderCannotBeWrittenBeforeReadingAnyRegister) {
  TempDir dir;
  writeFile(dir.file("blocker"), "a file where the output folder would go");
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.outDir = dir.file("blocker") + "/out";
  options.population = dir.file("no-such-register.csv");  // would be the first complaint otherwise
  EXPECT_THROW(pipeline::runBatch(options), pipeline::OutputFolderError);
}

TEST(BatchRun, refusesAPopulationRegisterWithALineNotInUtf8) {
  TempDir dir;
  std::string population = readFile(dataDir() + "/population.csv");
  const std::size_t third = population.find('\n', population.find('\n') + 1) + 1;
  population[population.find(',', third) + 2] = '\xff';  // inside the name on line 3
  writeFile(dir.file("population.csv"), population);
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.outDir = dir.file("out");
  options.population = dir.file("population.csv");
  options.cacheDir = dir.file("cache");
  try {
    pipeline::runBatch(options);
    FAIL() << "a register with a line not in UTF-8 was used";
  } catch (const ingest::CsvError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("line 3: field 2 is not valid UTF-8"), std::string::npos) << message;
    EXPECT_NE(message.find("cannot be used"), std::string::npos) << message;
  }
  EXPECT_FALSE(std::filesystem::exists(dir.file("out/rows.csv")));
}

TEST(BatchRun, reportsARegistersBadLinesAgainWhenItsImportIsReused) {
  TempDir dir;
  std::string population = readFile(dataDir() + "/population.csv");
  population += "1234567890,Someone Extra,someday,\n";  // a bad date: reported, the line kept
  writeFile(dir.file("population.csv"), population);
  pipeline::RunOptions options;
  options.manifest = onePageManifest(dir);
  options.population = dir.file("population.csv");
  options.cacheDir = dir.file("cache");
  options.jobs = 2;
  options.outDir = dir.file("first");
  const auto first = pipeline::runBatch(options);
  options.outDir = dir.file("second");
  const auto second = pipeline::runBatch(options);  // the import is reused
  EXPECT_EQ(first.errors, 1);
  EXPECT_EQ(second.errors, 1);
  EXPECT_EQ(readFile(first.errorsCsv), readFile(second.errorsCsv));
  EXPECT_NE(readFile(second.errorsCsv).find("population.csv line 73"), std::string::npos);
}

TEST(BatchRun, importsARegisterAnewWhenItsCachedImportIsDamaged) {
  TempDir dir;
  pipeline::RunOptions options;
  options.manifest = onePageManifest(dir);
  options.population = dataDir() + "/population.csv";
  options.cacheDir = dir.file("cache");
  options.jobs = 2;
  options.outDir = dir.file("first");
  const auto first = pipeline::runBatch(options);
  for (const auto& entry : std::filesystem::directory_iterator(dir.path() / "cache")) {
    const std::string whole = readFile(entry.path().string());
    writeFile(entry.path().string(), whole.substr(0, whole.size() / 2));  // cut short
  }
  std::vector<std::string> said;
  options.onStage = [&](const std::string& what) { said.push_back(what); };
  options.outDir = dir.file("second");
  const auto second = pipeline::runBatch(options);
  EXPECT_EQ(readFile(first.rowsCsv), readFile(second.rowsCsv));
  bool named = false;
  for (const auto& s : said)
    named = named || (s.find("population-") != std::string::npos &&
                      s.find("; importing the register anew") != std::string::npos);
  EXPECT_TRUE(named);
}

TEST(BatchRun, writesNoOutputWhenOneOfThemCannotBeWrittenWhole) {
  // The report cannot be written (here a folder stands in its way; on a
  // full disk the write fails the same way): no rows.csv may be left that
  // looks like a whole run's, and the store says the run is unfinished.
  TempDir dir;
  const std::string manifest = onePageManifest(dir);
  std::filesystem::create_directories(dir.path() / "out" / "report.html.partial" / "in-the-way");
  pipeline::RunOptions options;
  options.manifest = manifest;
  options.outDir = dir.file("out");
  options.jobs = 1;
  try {
    pipeline::runBatch(options);
    FAIL() << "the run said it finished";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("report.html.partial"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no output was written"), std::string::npos) << e.what();
  }
  for (const char* f : {"rows.csv", "lists.csv", "errors.csv", "report.html", "rows.csv.partial"})
    EXPECT_FALSE(std::filesystem::exists(dir.file("out/") + f)) << f;
  EXPECT_FALSE(models::Store(dir.file("out/listaudit.sqlite")).complete());
}

TEST(BatchRun, removesTheImportAKilledRunLeftInTheCache) {
  TempDir dir;
  std::filesystem::create_directories(dir.path() / "cache");
  const pid_t gone = fork();
  if (gone == 0) _exit(0);
  waitpid(gone, nullptr, 0);  // a process that no longer runs, as a killed run's
  const std::string stem = "population-" + ingest::fileSha256(dataDir() + "/population.csv") + ".sqlite.partial-";
  const std::string abandoned = dir.file("cache/" + stem + std::to_string(gone));
  const std::string running = dir.file("cache/" + stem + std::to_string(getppid()));  // alive
  writeFile(abandoned, "half an import");
  writeFile(running, "another run's import, still going");
  pipeline::RunOptions options;
  options.manifest = onePageManifest(dir);
  options.outDir = dir.file("out");
  options.population = dataDir() + "/population.csv";
  options.cacheDir = dir.file("cache");
  options.jobs = 1;
  pipeline::runBatch(options);
  EXPECT_FALSE(std::filesystem::exists(abandoned));
  EXPECT_TRUE(std::filesystem::exists(running));
}

// A reader that cannot be made (its network missing) costs the pages it
// would have read, each with its error, and nothing else: no crash when the
// run gathers the readers' timings, and the outputs are written.
TEST(BatchRun, saysEveryPageItCouldNotReadForAMissingNetworkAndStillWritesItsOutputs) {
  TempDir dir;
  const std::string manifest = onePageManifest(dir);
  ASSERT_EQ(setenv("LISTAUDIT_NUMBER_MODEL", dir.file("nowhere/numbers.onnx").c_str(), 1), 0);
  const auto summary = run(manifest, dir.file("out"), 2);
  unsetenv("LISTAUDIT_NUMBER_MODEL");
  EXPECT_EQ(summary.errors, 1);
  EXPECT_EQ(summary.pagesRead, 0);
  const std::string errors = readFile(summary.errorsCsv);
  EXPECT_NE(errors.find("nowhere/numbers.onnx is missing (tools/train-numbers makes it)"), std::string::npos) << errors;
  EXPECT_TRUE(std::filesystem::exists(summary.rowsCsv));
  EXPECT_TRUE(std::filesystem::exists(summary.report));
}

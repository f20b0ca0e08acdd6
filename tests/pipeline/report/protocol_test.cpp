#include "pipeline/report/protocol.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "pipeline/batch_run.hpp"
#include "pipeline/review_decisions.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::TempDir;

namespace {

// The text of a PDF, as poppler's pdftotext reads it (tools/setup installs it).
std::string pdfText(const std::string& path) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(("pdftotext -raw '" + path + "' -").c_str(), "r"), pclose);
  std::string out;
  char buffer[4096];
  while (pipe && fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
  return out;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Protocol, countsWhatListsCsvCountsAndListsTheDecisionsInBulgarianAndEnglish) {
  TempDir dir;
  pipeline::RunOptions options;
  options.manifest = dataDir() + "/manifest.csv";
  options.population = dataDir() + "/population.csv";
  options.consent = dataDir() + "/consent.csv";
  options.complaints = dataDir() + "/complaints.csv";
  options.cacheDir = dir.file("cache");
  options.required = 20;
  options.outDir = dir.file("run");
  pipeline::runBatch(options);
  models::Store store(dir.file("run/listaudit.sqlite"));
  std::map<std::string, std::string> flagged;
  for (const auto& r : readCsv(dir.file("run/rows.csv")))
    if (r.at("list_id") == "L01-BG" && r.at("flags").find("NO_CONSENT") != std::string::npos) flagged = r;
  ASSERT_FALSE(flagged.empty());
  models::Decision d;
  d.listId = "L01-BG";
  d.page = std::stoi(flagged.at("page"));
  d.row = std::stoi(flagged.at("row"));
  d.kind = models::Decision::Kind::Accept;
  d.reviewer = "Иван Проверяващ";
  pipeline::recordDecision(store, dir.file("run"), d);
  std::map<std::string, std::string> list;
  for (const auto& l : readCsv(dir.file("run/lists.csv")))
    if (l.at("list_id") == "L01-BG") list = l;
  const int rows = std::stoi(list.at("rows")), valid = std::stoi(list.at("valid_rows"));

  pipeline::writeProtocol(store, "L01-BG", dir.file("bg.pdf"), pipeline::Messages("bg"));
  const std::string bg = pdfText(dir.file("bg.pdf"));
  EXPECT_TRUE(has(bg, "Протокол за проверка на списък с")) << bg;
  EXPECT_TRUE(has(bg, "Проверени редове: " + std::to_string(rows)));
  EXPECT_TRUE(has(bg, "Действителни поддръжници: " + std::to_string(valid)));
  EXPECT_TRUE(has(bg, "Неприети редове: " + std::to_string(rows - valid)));
  EXPECT_TRUE(has(bg, "Необходими поддръжници: 20"));
  EXPECT_TRUE(has(bg, "4 април 2021 г."));  // the election, as Bulgarian writes a date
  EXPECT_TRUE(has(bg, "Страница " + flagged.at("page") + ", ред " + flagged.at("row") + ": приет от Иван Проверяващ"));
  EXPECT_TRUE(has(bg, "Председател"));
  EXPECT_FALSE(has(bg, flagged.at("national_id")));  // no more personal data than the reason needs
  EXPECT_FALSE(has(bg, flagged.at("full_name")));

  pipeline::writeProtocol(store, "L01-BG", dir.file("en.pdf"), pipeline::Messages("en"));
  const std::string en = pdfText(dir.file("en.pdf"));
  EXPECT_TRUE(has(en, "Rows checked: " + std::to_string(rows)));
  EXPECT_TRUE(has(en, "Valid supporters: " + std::to_string(valid)));
  EXPECT_TRUE(has(en, "April 4, 2021"));
  std::string unwrapped = en;  // a hash is longer than a line
  std::erase(unwrapped, '\n');
  EXPECT_TRUE(has(unwrapped, "SHA-256" + store.runValue("population_sha256"))) << en;
  // The reasons add up to the rows not accepted.
  int reasons = 0;
  for (models::Flag f : pipeline::commissionReasonOrder()) {
    const std::string key = "reason_" + std::string(models::flagCode(f));
    const std::string words = pipeline::Messages("en").text(key.c_str());
    if (const auto at = en.find(words + ": "); at != std::string::npos)
      reasons += std::stoi(en.substr(at + words.size() + 2));
  }
  EXPECT_EQ(reasons, rows - valid);
  EXPECT_THROW(pipeline::writeProtocol(store, "NO-SUCH", dir.file("x.pdf"), pipeline::Messages("en")),
               std::invalid_argument);
  EXPECT_THROW(pipeline::Messages("xx"), std::invalid_argument);
}

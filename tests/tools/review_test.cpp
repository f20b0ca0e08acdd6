#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <thread>

#include "pipeline/batch_run.hpp"
#include "pipeline/review_decisions.hpp"
#include "tests/support/test_support.hpp"
#include "tools/review/review_data.hpp"
#include "tools/review/review_server.hpp"

using namespace listaudit;
using listaudit::testing::dataDir;
using listaudit::testing::readCsv;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;
namespace review = listaudit::tools::review;

namespace {

// The sample batch and a third list whose scan is missing, run once.
class ReviewDesk : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    std::filesystem::copy(dataDir(), dir_->file("batch"), std::filesystem::copy_options::recursive);
    std::string manifest = listaudit::testing::readFile(dir_->file("batch/manifest.csv"));
    manifest += (manifest.back() == '\n' ? "" : "\n") +
                std::string("L03-GONE,Party Gone,2021-04-04,2021-02-12,nowhere.pdf,,BG\n");
    writeFile(dir_->file("batch/manifest.csv"), manifest);
    pipeline::RunOptions options;
    options.manifest = dir_->file("batch/manifest.csv");
    options.population = dir_->file("batch/population.csv");
    options.consent = dir_->file("batch/consent.csv");
    options.complaints = dir_->file("batch/complaints.csv");
    options.cacheDir = dir_->file("cache");
    options.required = 20;
    options.outDir = dir_->file("run");
    pipeline::runBatch(options);
  }
  static void TearDownTestSuite() { delete dir_; }
  static models::Store store() { return models::Store(dir_->file("run/listaudit.sqlite")); }
  static TempDir* dir_;
};
TempDir* ReviewDesk::dir_ = nullptr;

}  // namespace

TEST_F(ReviewDesk, overviewMarksAListWithAnInputNotReadAsNotChecked) {
  const auto run = review::loadSnapshot(store(), 20);
  const auto o = review::overview(run);
  ASSERT_EQ(o["lists"].size(), 3u);
  const auto& gone = o["lists"][2];
  EXPECT_EQ(gone["list_id"], "L03-GONE");
  EXPECT_FALSE(gone["checked"].get<bool>());
  EXPECT_EQ(gone["not_read"], 1);
  EXPECT_EQ(gone["rows"], 0);
  const auto& l01 = o["lists"][0];
  EXPECT_TRUE(l01["checked"].get<bool>());
  int banded = 0;  // every row in one band of risk
  for (const auto& n : l01["risk_bands"]) banded += n.get<int>();
  EXPECT_EQ(banded, l01["rows"].get<int>());
  // The counts are lists.csv's.
  for (const auto& line : readCsv(dir_->file("run/lists.csv")))
    for (const auto& l : o["lists"])
      if (l["list_id"] == line.at("list_id")) {
        EXPECT_EQ(l["valid"], std::stoi(line.at("valid_rows")));
        EXPECT_EQ(l["flagged"], std::stoi(line.at("flagged_rows")));
        EXPECT_EQ(l["reaches_required"].get<bool>(), line.at("reaches_required") == "yes");
      }
}

TEST_F(ReviewDesk, queueFiltersSortsAndSearchesInEitherScript) {
  const auto run = review::loadSnapshot(store(), 20);
  review::QueueFilter flagged;
  const auto all = review::queue(run, flagged);
  ASSERT_GT(all["total"].get<int>(), 5);
  for (std::size_t i = 1; i < all["rows"].size(); ++i)
    EXPECT_GE(all["rows"][i - 1]["risk"].get<double>(), all["rows"][i]["risk"].get<double>());
  review::QueueFilter noConsent;
  noConsent.list = "L01-BG";
  noConsent.flag = "NO_CONSENT";
  const auto some = review::queue(run, noConsent);
  ASSERT_GT(some["total"].get<int>(), 0);
  for (const auto& r : some["rows"]) {
    EXPECT_EQ(r["list_id"], "L01-BG");
    EXPECT_NE(r["flags"].dump().find("NO_CONSENT"), std::string::npos);
  }
  // A Cyrillic name found by its Latin spelling, without diacritics, in part.
  review::QueueFilter search;
  search.all = true;
  search.search = "buchvarova hristo";  // ъ spelt u; a part of the name
  const auto found = review::queue(run, search);
  ASSERT_GT(found["total"].get<int>(), 0);
  for (const auto& r : found["rows"]) EXPECT_NE(r["full_name"].get<std::string>().find("Христова"), std::string::npos);
  // And a number by a part of it.
  const std::string number = all["rows"][0]["national_id"];
  search.search = number.substr(2, 6);
  EXPECT_GT(review::queue(run, search)["total"].get<int>(), 0);
  // Paging.
  review::QueueFilter page = flagged;
  page.limit = 2;
  page.offset = 2;
  const auto second = review::queue(run, page);
  ASSERT_EQ(second["rows"].size(), 2u);
  EXPECT_EQ(second["rows"][0], all["rows"][2]);
}

TEST_F(ReviewDesk, aRepeatedSignatureShowsThePartnerRow) {
  const auto run = review::loadSnapshot(store(), 20);
  review::QueueFilter repeated;
  repeated.flag = "SIGNATURE_REPEATED";
  const auto rows = review::queue(run, repeated);
  ASSERT_GT(rows["total"].get<int>(), 0);
  const auto& first = rows["rows"][0];
  const auto detail = review::rowDetail(run, first["list_id"], first["page"], first["row"]);
  bool shown = false;
  for (const auto& f : detail["findings"])
    if (f["code"] == "SIGNATURE_REPEATED") {
      ASSERT_EQ(f["related"].size(), 1u);
      EXPECT_FALSE(f["related"][0]["list_id"] == first["list_id"] && f["related"][0]["page"] == first["page"] &&
                   f["related"][0]["row"] == first["row"]);
      shown = true;
    }
  EXPECT_TRUE(shown);
  EXPECT_TRUE(review::rowDetail(run, "L01-BG", 99, 1).is_null());
}

TEST_F(ReviewDesk, collectorsCountTheirRowsAndFlags) {
  const auto c = review::collectors(review::loadSnapshot(store(), 20));
  ASSERT_GE(c.size(), 2u);
  int rows = 0;
  for (const auto& line : c) {
    rows += line["rows"].get<int>();
    EXPECT_EQ(line["collector"].get<std::string>().find(':'), std::string::npos);  // the form's label is not the name
  }
  EXPECT_EQ(rows, static_cast<int>(readCsv(dir_->file("run/rows.csv")).size()));
}

TEST_F(ReviewDesk, theServerWantsItsTokenAndTheLoopbackHostAndRecordsDecisions) {
  TempDir copy;
  std::filesystem::copy(dir_->file("run"), copy.file("run"), std::filesystem::copy_options::recursive);
  review::ReviewServer server(copy.file("run"), "0123456789abcdef0123456789abcdef");
  const int port = server.bind(0);
  std::thread serving([&] { server.serve(); });
  httplib::Client client("127.0.0.1", port);
  EXPECT_EQ(client.Get("/api/overview")->status, 403);
  EXPECT_EQ(client.Get("/api/overview?token=wrong")->status, 403);
  const httplib::Headers token{{"X-Listaudit-Token", "0123456789abcdef0123456789abcdef"}};
  EXPECT_EQ(client.Get("/api/overview", token)->status, 200);
  httplib::Headers elsewhere = token;
  elsewhere.emplace("Host", "attacker.example:" + std::to_string(port));
  EXPECT_EQ(client.Get("/api/overview", elsewhere)->status, 403);
  const auto page = client.Get("/?token=0123456789abcdef0123456789abcdef");
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("reviewer's desk"), std::string::npos);
  EXPECT_EQ(page->body.find("http://"), page->body.find("http://www.w3.org/2000/svg"));  // nothing from the network
  EXPECT_NE(page->get_header_value("Content-Security-Policy").find("default-src 'none'"), std::string::npos);

  const auto noReviewer =
      client.Post("/api/decide", token, R"({"list_id":"L01-BG","page":1,"row":1,"decision":"accept","reviewer":""})",
                  "application/json");
  EXPECT_EQ(noReviewer->status, 400);
  const auto decided = client.Post(
      "/api/decide", token, R"({"list_id":"L01-BG","page":1,"row":2,"decision":"reject","reviewer":"R. Viewer"})",
      "application/json");
  EXPECT_EQ(decided->status, 200);
  EXPECT_NE(decided->body.find("R. Viewer"), std::string::npos);
  const auto image = client.Get("/api/image?list=L01-BG&page=1&row=2&token=0123456789abcdef0123456789abcdef");
  EXPECT_EQ(image->status, 200);
  EXPECT_EQ(image->get_header_value("Content-Type"), "image/png");
  server.stop();
  serving.join();
  EXPECT_EQ(models::Store(copy.file("run/listaudit.sqlite")).decisions().size(), 1u);
}

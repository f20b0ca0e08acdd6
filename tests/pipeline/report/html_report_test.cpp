#include "pipeline/report/html_report.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <opencv2/imgcodecs.hpp>

#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

TEST(HtmlReport, showsFlaggedRowsWithImageAndWordsAndEscapesText) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  models::RowRecord flagged;
  flagged.row = 7;
  flagged.fullName = "<script>alert(1)</script>";
  std::vector<std::uint8_t> png;
  cv::imencode(".png", cv::Mat(20, 200, CV_8UC1, cv::Scalar(200)), png);
  flagged.image = png;
  models::RowRecord clean = flagged;
  clean.row = 8;
  clean.fullName = "Clean Row";
  listaudit::testing::addListPage(store, listaudit::testing::listEntry("L<1>", "Party & \"Friends\""), 3,
                                  {flagged, clean});
  store.saveJudgements(
      {{"L<1>", 3, 7, "123", {{models::Flag::SignatureMissing, 2.0, "ink covers 0.00%"}}, 0.27, "", false, ""},
       {"L<1>", 3, 8, "456", {}, 0.05, "", false, ""}});
  store.addError({"broken.pdf", 2, "the page cannot be rendered"});
  pipeline::writeHtmlReport(store, dir.file("report.html"));

  const std::string html = readFile(dir.file("report.html"));
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Party &amp; &quot;Friends&quot;"), std::string::npos);
  EXPECT_NE(html.find("Page 3, row 7"), std::string::npos);
  EXPECT_NE(html.find("data:image/png;base64,"), std::string::npos);
  EXPECT_NE(html.find("The signature cell is empty."), std::string::npos);
  EXPECT_NE(html.find("ink covers 0.00%"), std::string::npos);
  EXPECT_EQ(html.find("Clean Row"), std::string::npos);            // only flagged rows are shown
  EXPECT_NE(html.find("SIGNATURE_MISSING 1"), std::string::npos);  // the list's counts per flag
  EXPECT_NE(html.find("<tr><th>Valid supporters</th><td>1 "), std::string::npos);
  EXPECT_NE(html.find("broken.pdf"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
}

TEST(HtmlReport, shortensLongTextAndSaysAFlagIsNotADecision) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  models::RowRecord row;
  for (int i = 0; i < 5000; ++i) row.fullName += "Я";  // two bytes each: never cut inside one
  listaudit::testing::addListPage(store, listaudit::testing::listEntry("L1", std::string(10000, 'P')), 1, {row});
  store.saveJudgements({{"L1", 1, 1, "123", {{models::Flag::NotInRegister, 2.0, "x"}}, 0.9, "", false, ""}});
  pipeline::writeHtmlReport(store, dir.file("report.html"));
  const std::string html = readFile(dir.file("report.html"));
  EXPECT_EQ(html.find(std::string(201, 'P')), std::string::npos);
  EXPECT_NE(html.find(std::string(200, 'P') + "&hellip;"), std::string::npos);
  std::string shownName;
  for (int i = 0; i < 200; ++i) shownName += "Я";
  EXPECT_NE(html.find("Name as read: " + shownName + "&hellip;"), std::string::npos);
  EXPECT_LT(html.size(), 10000u);
  EXPECT_NE(html.find("A flag is evidence for a person to decide on, never a decision."), std::string::npos);
}

TEST(HtmlReport, splitsALargeRunIntoAnIndexAndAPagePerListWithImagesAsFiles) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  std::vector<std::uint8_t> png;
  cv::imencode(".png", cv::Mat(20, 200, CV_8UC1, cv::Scalar(200)), png);
  for (const std::string id : {"L1", "L/2"}) {
    models::RowRecord row;
    row.image = png;
    listaudit::testing::addListPage(store, listaudit::testing::listEntry(id, "P " + id), 1, {row},
                                    "Collector: Ana Test");
  }
  store.saveJudgements({{"L1", 1, 1, "1", {{models::Flag::NoConsent, 3.0, "none"}}, 0.9, "", false, ""},
                        {"L/2", 1, 1, "2", {}, 0.1, "", false, ""}});
  store.addError({"gone.pdf", 0, "missing", "L/2"});
  pipeline::ReportOptions options;
  options.required = 1;
  options.selfContainedRows = 1;
  pipeline::writeHtmlReport(store, dir.file("report.html"), options);

  const std::string index = readFile(dir.file("report.html"));
  EXPECT_NE(index.find("href=\"report-pages/1-L1.html\""), std::string::npos);
  EXPECT_NE(index.find("href=\"report-pages/2-L_2.html\""), std::string::npos);
  EXPECT_NE(index.find("not wholly checked"), std::string::npos);
  EXPECT_EQ(index.find("base64"), std::string::npos);
  const std::string page = readFile(dir.file("report-pages/1-L1.html"));
  EXPECT_NE(page.find("src=\"1-L1-1-1.png\""), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(dir.file("report-pages/1-L1-1-1.png")));
  EXPECT_NE(page.find("Ana Test"), std::string::npos);  // the collector, without the form's label
  EXPECT_NE(page.find("short by 1"), std::string::npos);
  // The list whose scan is missing is not called clean.
  const std::string missing = readFile(dir.file("report-pages/2-L_2.html"));
  EXPECT_NE(missing.find("Not wholly checked"), std::string::npos);
  EXPECT_EQ(missing.find("No row of this list is flagged"), std::string::npos);
}

TEST(HtmlReport, speaksTheRunsLanguageAndDrawsItsPictures) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  models::ListEntry list = listaudit::testing::listEntry("L1", "P");
  list.electionDate = models::Date::parse("2021-04-04");
  listaudit::testing::addListPage(store, list, 1, {models::RowRecord{}});
  store.saveJudgements({{"L1", 1, 1, "1", {{models::Flag::SignatureMissing, 2.0, "no ink"}}, 0.3, "", false, ""}});
  pipeline::ReportOptions options;
  options.required = 5;
  options.language = "bg";
  pipeline::writeHtmlReport(store, dir.file("report.html"), options);
  const std::string html = readFile(dir.file("report.html"));
  EXPECT_NE(html.find("<html lang=\"bg\">"), std::string::npos);
  EXPECT_NE(html.find("Доклад на listaudit"), std::string::npos);
  EXPECT_NE(html.find("Клетката за подпис е празна."), std::string::npos);
  EXPECT_NE(html.find("4 април 2021"), std::string::npos);
  EXPECT_NE(html.find("не достигат 5"), std::string::npos);
  // The valid count against the requirement, and rows per flag, drawn inline.
  EXPECT_NE(html.find("<svg class=\"chart\""), std::string::npos);
  EXPECT_NE(html.find(">0/5</text>"), std::string::npos);
  EXPECT_EQ(html.find("The signature cell is empty."), std::string::npos);
}

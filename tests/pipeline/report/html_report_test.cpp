#include "pipeline/report/html_report.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>

#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

TEST(HtmlReport, showsFlaggedRowsWithImageAndWordsAndEscapesText) {
  TempDir dir;
  models::Store store(dir.file("s.sqlite"));
  models::ListEntry list;
  list.listId = "L<1>";
  list.party = "Party & \"Friends\"";
  list.scanPath = "x.pdf";
  store.addList(list);
  models::RowRecord flagged;
  flagged.listId = "L<1>";
  flagged.page = 3;
  flagged.row = 7;
  flagged.fullName = "<script>alert(1)</script>";
  std::vector<std::uint8_t> png;
  cv::imencode(".png", cv::Mat(20, 200, CV_8UC1, cv::Scalar(200)), png);
  flagged.image = png;
  models::RowRecord clean = flagged;
  clean.row = 8;
  clean.fullName = "Clean Row";
  models::PageRecord page;
  page.listId = "L<1>";
  page.page = 3;
  store.addPage(page, {flagged, clean});
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

#include "pipeline/page/ruled_layout_finder.hpp"

#include "pipeline/page/ruling.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/page/clean_stage.hpp"
#include "tests/pipeline/page/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

TEST(RuledLayoutFinder, findsFiveColumnsAndEveryWrittenRow) {
  const CleanPage page = CleanStage{}(samplePage("L01-BG", 0));
  const PageLayout layout = RuledLayoutFinder{}.find(page);
  const auto truth = truthRows("L01-BG", 1);
  ASSERT_EQ(layout.rows.size(), truth.size());  // blank rows at the foot of the form are left out
  for (std::size_t i = 0; i < layout.rows.size(); ++i) {
    EXPECT_EQ(layout.rows[i].position, static_cast<int>(i) + 1);
    EXPECT_GT(layout.rows[i].bottom, layout.rows[i].top);
    if (i) {
      EXPECT_GT(layout.rows[i].top, layout.rows[i - 1].bottom);
    }
  }
  for (int c = 1; c < 6; ++c) EXPECT_GT(layout.columnX[c], layout.columnX[c - 1]);
  EXPECT_LT(layout.titleBox.y + layout.titleBox.height, layout.tableTop);
  EXPECT_GT(layout.collectorBox.y, layout.tableBottom);
}

TEST(RuledLayoutFinder, paintsTheRulingsOutOfTheTextImage) {
  const CleanPage page = CleanStage{}(samplePage("L02-RS.pdf", 1));
  const PageLayout layout = RuledLayoutFinder{}.find(page);
  const int x = layout.columnX[2];
  const int y = (layout.rows.front().top + layout.rows.front().bottom) / 2;
  EXPECT_LT(page.grey.at<std::uint8_t>(y, x), 128);    // a ruling on the page
  EXPECT_EQ(layout.text.at<std::uint8_t>(y, x), 255);  // gone from what OCR sees
}

TEST(RuledLayoutFinder, saysWhatItFoundOnAPageWithoutTheForm) {
  CleanPage blank;
  blank.grey = cv::Mat(1000, 700, CV_8UC1, cv::Scalar(250));
  blank.ink = cv::Mat::zeros(1000, 700, CV_8UC1);
  blank.ruling = findRuling(blank.ink);
  try {
    RuledLayoutFinder{}.find(blank);
    FAIL();
  } catch (const LayoutError& e) {
    EXPECT_NE(std::string(e.what()).find("no ruled table"), std::string::npos);
  }
}

TEST(RuledLayoutFinder, refusesATableWithTheWrongNumberOfColumns) {
  CleanPage page;
  page.grey = cv::Mat(1000, 800, CV_8UC1, cv::Scalar(255));
  page.ink = cv::Mat::zeros(1000, 800, CV_8UC1);
  for (int y = 100; y <= 700; y += 60) page.ink.row(y).colRange(100, 700).setTo(255);
  for (int x : {100, 400, 700}) page.ink.col(x).rowRange(100, 701).setTo(255);
  page.ruling = findRuling(page.ink);
  EXPECT_THROW(RuledLayoutFinder{}.find(page), LayoutError);
}

TEST(RuledLayoutFinder, ignoresAPageFrameAndATitleUnderline) {
  // A 1000x1400 page: a frame round it, a line under the title, and a table of
  // five columns, a header and eight body rows, the first five written in.
  CleanPage page;
  page.grey = cv::Mat(1400, 1000, CV_8UC1, cv::Scalar(255));
  page.ink = cv::Mat::zeros(1400, 1000, CV_8UC1);
  cv::rectangle(page.ink, {20, 20}, {979, 1379}, cv::Scalar(255), 3);
  cv::line(page.ink, {100, 150}, {900, 150}, cv::Scalar(255), 3);
  const std::vector<int> xs{100, 160, 450, 620, 800, 900};
  std::vector<int> ys{250, 320};
  for (int r = 1; r <= 8; ++r) ys.push_back(320 + r * 60);
  for (int x : xs) cv::line(page.ink, {x, ys.front()}, {x, ys.back()}, cv::Scalar(255), 3);
  for (int y : ys) cv::line(page.ink, {xs.front(), y}, {xs.back(), y}, cv::Scalar(255), 3);
  for (int r = 0; r < 5; ++r) {
    cv::putText(page.ink, "Ivan Petrov", {175, ys[r + 1] + 40}, cv::FONT_HERSHEY_SIMPLEX, 1.0, cv::Scalar(255), 2);
    cv::putText(page.ink, "7501020018", {465, ys[r + 1] + 40}, cv::FONT_HERSHEY_SIMPLEX, 0.8, cv::Scalar(255), 2);
  }
  page.ruling = findRuling(page.ink);
  const PageLayout layout = RuledLayoutFinder{}.find(page);
  for (std::size_t i = 0; i < xs.size(); ++i) EXPECT_NEAR(layout.columnX[i], xs[i], 3);
  EXPECT_NEAR(layout.tableTop, 250, 3);
  EXPECT_NEAR(layout.headerBottom, 320, 3);
  ASSERT_EQ(layout.rows.size(), 5u);
  EXPECT_EQ(layout.rows.front().position, 1);
  EXPECT_EQ(layout.rows.back().position, 5);
}

TEST(RuledLayoutFinder, findsEveryRowOfACrispPageWithOnePixelRulings) {
  // A sample page at 200 dpi, binarised crisply (rulings about a pixel wide)
  // and skewed 2.5 degrees without smoothing: the median that cleans specks
  // must not clean the rulings away (a row was lost before).
  const cv::Mat page = samplePage("L02-RS.pdf", 0);
  cv::Mat small, crisp, skewed;
  cv::resize(page, small, {}, 200.0 / 300.0, 200.0 / 300.0, cv::INTER_AREA);
  cv::threshold(small, crisp, 60, 255, cv::THRESH_BINARY);
  const cv::Point2f centre(crisp.cols / 2.0f, crisp.rows / 2.0f);
  cv::warpAffine(crisp, skewed, cv::getRotationMatrix2D(centre, 2.5, 1.0), crisp.size(), cv::INTER_NEAREST,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  const PageLayout layout = RuledLayoutFinder{}.find(CleanStage{}(skewed));
  EXPECT_EQ(layout.rows.size(), truthRows("L02-RS", 1).size());
}

// Some printers rule in dashes or dots: no ruling is a long run of ink until
// its gaps are bridged, and bridging must not take a line of writing for a
// row ruling or paint the writing out of what OCR sees.
TEST(RuledLayoutFinder, findsEveryRowOfAFormRuledInDashes) {
  const CleanPage solid = CleanStage{}(samplePage("L01-BG", 0));
  cv::Mat dashed = solid.grey.clone();
  // Every ruling pixel in a gap of 8 pixels after each 16 (1 mm at 200 dpi) becomes paper.
  cv::Mat lines;
  cv::dilate(solid.ruling.lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  for (int y = 0; y < lines.rows; ++y)
    for (int x = 0; x < lines.cols; ++x)
      if (lines.at<std::uint8_t>(y, x) && (x + y) % 24 < 8) dashed.at<std::uint8_t>(y, x) = 255;
  const CleanPage page = CleanStage{}(dashed);
  const PageLayout layout = RuledLayoutFinder{}.find(page);
  const auto truth = truthRows("L01-BG", 1);
  ASSERT_EQ(layout.rows.size(), truth.size());
  const PageLayout original = RuledLayoutFinder{}.find(solid);
  for (int c = 0; c < 6; ++c) EXPECT_NEAR(layout.columnX[c], original.columnX[c], 4);
  for (std::size_t i = 0; i < truth.size(); ++i) EXPECT_NEAR(layout.rows[i].top, original.rows[i].top, 6);
  // The writing stays for OCR: as much ink in the name cells as on the solid form.
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const cv::Rect name = layout.cell(layout.rows[i], 1);
    cv::Mat writing;
    cv::threshold(layout.text(name), writing, 128, 255, cv::THRESH_BINARY_INV);
    cv::Mat solidWriting;
    cv::threshold(original.text(original.cell(original.rows[i], 1)), solidWriting, 128, 255, cv::THRESH_BINARY_INV);
    EXPECT_GT(cv::countNonZero(writing), cv::countNonZero(solidWriting) * 8 / 10) << "row " << i + 1;
  }
}

// A page ruled nowhere, at 150 dpi, its rows' writing dense: bridged as a
// fax's steps of a turned ruling are (gaps of 5 mm closed), its lines of
// writing are runs across the table, and its rows' letters stacked are runs
// down it. They once stood for a table, and a page of seed 505 lost every
// row but one. A ruling is thin; a line of writing has letters' uprights all
// along it. Here, 13 rows of uprights 3 to 5 mm tall, one every 2 mm, in
// the five cells' places.
TEST(Ruling, takesNoLineOfWritingForARuling) {
  for (const int pitch : {44, 48}) {
    cv::Mat ink = cv::Mat::zeros(1753, 1240, CV_8UC1);
    cv::RNG random(static_cast<std::uint64_t>(pitch));
    for (int row = 0; row < 13; ++row) {
      const int y = 300 + row * pitch;
      for (const auto& [from, to] : {std::pair{150, 450}, {480, 640}, {660, 960}, {990, 1080}})
        for (int x = from; x < to; x += 11 + random.uniform(0, 3))
          cv::rectangle(ink, cv::Rect(x, y + random.uniform(0, 4), 2, 24 - random.uniform(0, 6)), 255, cv::FILLED);
    }
    const Ruling ruling = findRuling(ink);
    EXPECT_TRUE(ruling.horizontal.empty()) << "pitch " << pitch << ": " << ruling.horizontal.size() << " rulings";
  }
}

#include "pipeline/layout_stage.hpp"

#include <gtest/gtest.h>

#include "pipeline/clean_stage.hpp"
#include "tests/pipeline/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

TEST(LayoutStage, findsFiveColumnsAndEveryWrittenRow) {
  const CleanPage page = CleanStage{}(samplePage("L01-BG", 0));
  const PageLayout layout = LayoutStage{}(page);
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

TEST(LayoutStage, paintsTheRulingsOutOfTheTextImage) {
  const CleanPage page = CleanStage{}(samplePage("L02-RS.pdf", 1));
  const PageLayout layout = LayoutStage{}(page);
  const int x = layout.columnX[2];
  const int y = (layout.rows.front().top + layout.rows.front().bottom) / 2;
  EXPECT_LT(page.grey.at<std::uint8_t>(y, x), 128);    // a ruling on the page
  EXPECT_EQ(layout.text.at<std::uint8_t>(y, x), 255);  // gone from what OCR sees
}

TEST(LayoutStage, saysWhatItFoundOnAPageWithoutTheForm) {
  CleanPage blank;
  blank.grey = cv::Mat(1000, 700, CV_8UC1, cv::Scalar(250));
  blank.ink = cv::Mat::zeros(1000, 700, CV_8UC1);
  try {
    LayoutStage{}(blank);
    FAIL();
  } catch (const LayoutError& e) {
    EXPECT_NE(std::string(e.what()).find("no ruled table"), std::string::npos);
  }
}

TEST(LayoutStage, refusesATableWithTheWrongNumberOfColumns) {
  CleanPage page;
  page.grey = cv::Mat(1000, 800, CV_8UC1, cv::Scalar(255));
  page.ink = cv::Mat::zeros(1000, 800, CV_8UC1);
  for (int y = 100; y <= 700; y += 60) page.ink.row(y).colRange(100, 700).setTo(255);
  for (int x : {100, 400, 700}) page.ink.col(x).rowRange(100, 701).setTo(255);
  EXPECT_THROW(LayoutStage{}(page), LayoutError);
}

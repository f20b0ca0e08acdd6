#include "pipeline/page/glyph_segmenter.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace listaudit::pipeline;

namespace {

// The held-out handwritten digits the generator draws (row d: digit d).
cv::Mat heldOutDigit(int digit, int which) {
  static const cv::Mat sheet = cv::imread(LISTAUDIT_SAMPLE_DATA "/digits-heldout.png", cv::IMREAD_GRAYSCALE);
  return sheet(cv::Rect(which * 20, digit * 20, 20, 20));
}

// A number cell's ink (255 on black) with `number` written by hand: each
// digit its own size and height, `advance` pixels apart, optionally in boxes
// 56 px tall at the cell's top (a cell taller than 60 px has room under them).
cv::Mat handwrittenCell(const std::string& number, int advance, bool boxes = false, const std::string& dashAfter = "",
                        int cellHeight = 60) {
  cv::Mat cell = cv::Mat::zeros(cellHeight, advance * static_cast<int>(number.size()) + 50, CV_8UC1);
  int x = 8;
  for (std::size_t i = 0; i < number.size(); ++i) {
    const int size = 34 + static_cast<int>((i * 7) % 9);  // 34 to 42 px tall
    cv::Mat digit;
    cv::resize(heldOutDigit(number[i] - '0', static_cast<int>(i)), digit, {size, size});
    cv::threshold(digit, digit, 100, 255, cv::THRESH_BINARY);
    const int top = 6 + static_cast<int>((i * 5) % 7);
    cv::Mat target = cell(cv::Rect(x, top, size, size));
    cv::bitwise_or(target, digit, target);
    if (boxes) cv::rectangle(cell, {x - 3, 2}, {x + advance - 4, 57}, cv::Scalar(255), 1);
    if (dashAfter.find(std::to_string(i)) != std::string::npos)
      cv::line(cell, {x + size + 2, 30}, {x + size + 8, 30}, cv::Scalar(255), 2);
    x += advance;
  }
  return cell;
}

}  // namespace

TEST(GlyphSegmenter, cutsAHandwrittenNumberIntoItsDigits) {
  const auto glyphs = segmentGlyphs(handwrittenCell("7501020018", 40), 10);
  EXPECT_EQ(glyphs.size(), 10u);
  EXPECT_TRUE(looksHandwritten(glyphs));
  for (std::size_t i = 1; i < glyphs.size(); ++i) EXPECT_GT(glyphs[i].box.x, glyphs[i - 1].box.x);
}

TEST(GlyphSegmenter, leavesOutDashesAndTheLinesOfPerDigitBoxes) {
  EXPECT_EQ(segmentGlyphs(handwrittenCell("7501020018", 44, false, "15"), 10).size(), 10u);
  EXPECT_EQ(segmentGlyphs(handwrittenCell("7501020018", 46, true), 10).size(), 10u);
}

TEST(GlyphSegmenter, leavesOutTheLinesOfBoxesThatStandLowerThanTheCell) {
  // Boxes of four fifths of the row's height (seed 919's handwritten forms):
  // their sides joined the digits and the number was read as "4".
  const cv::Mat cell = handwrittenCell("5903287560", 46, true, "", 70);
  const auto glyphs = segmentGlyphs(cell, 10);
  ASSERT_EQ(glyphs.size(), 10u);
  for (const Glyph& g : glyphs) EXPECT_LE(g.box.height, 44) << "a box's side kept at x " << g.box.x;
  // Four 1s of one hand do not stand in a row: nothing of them is taken away.
  const cv::Mat ones = handwrittenCell("1111", 46, false, "", 70);
  EXPECT_EQ(cv::countNonZero(withoutBoxLines(ones)), cv::countNonZero(ones));
  // A cell of no width (a table's columns found out of order, on a fax fed
  // turned) has no ink, and no lines to take out: it was an OpenCV exception.
  EXPECT_TRUE(withoutBoxLines(cv::Mat()).empty());
}

// A fax fed in turned prints a box's sides in steps, a pixel aside every few
// rows and broken between them (seed 919, a faxed Montenegrin page): no
// straight run of them stands tall, and they joined the digits.
TEST(GlyphSegmenter, leavesOutTheSidesOfBoxesAFaxPrintedInSteps) {
  cv::Mat cell = handwrittenCell("0309978272", 46, false, "", 70);
  for (int side = 0; side <= 10; ++side) {
    const int x = 5 + side * 46;
    for (int y = 2, k = 0; y < 58; y += 12, ++k) cv::line(cell, {x + k % 2, y}, {x + k % 2, y + 8}, cv::Scalar(255), 2);
  }
  const auto glyphs = segmentGlyphs(cell, 10);
  ASSERT_EQ(glyphs.size(), 10u);
  for (const Glyph& g : glyphs) EXPECT_LE(g.box.height, 44) << "a box's side kept at x " << g.box.x;
}

TEST(GlyphSegmenter, splitsDigitsThatTouch) {
  // 26 px apart for digits 34 to 42 px wide: neighbours run into each other.
  const auto glyphs = segmentGlyphs(handwrittenCell("3849275610", 26), 10);
  EXPECT_EQ(glyphs.size(), 10u);
}

TEST(GlyphSegmenter, tellsPrintFromHandwriting) {
  cv::Mat printed = cv::Mat::zeros(60, 420, CV_8UC1);
  cv::putText(printed, "7501020018", {10, 45}, cv::FONT_HERSHEY_SIMPLEX, 1.3, cv::Scalar(255), 3);
  const auto glyphs = segmentGlyphs(printed, 10);
  EXPECT_EQ(glyphs.size(), 10u);
  EXPECT_FALSE(looksHandwritten(glyphs));
}

TEST(GlyphSegmenter, fitsAGlyphIntoTheNetworksInput) {
  cv::Mat tall = cv::Mat::zeros(80, 30, CV_8UC1);
  tall(cv::Rect(10, 5, 8, 70)).setTo(255);
  const cv::Mat image = glyphImage(tall);
  ASSERT_EQ(image.size(), cv::Size(kGlyphSide, kGlyphSide));
  EXPECT_EQ(image.type(), CV_32F);
  const cv::Rect ink = cv::boundingRect(image > 0.1);
  EXPECT_EQ(ink.height, kGlyphBox);  // the long side fills the 20-pixel box
  EXPECT_NEAR(ink.y + ink.height / 2.0, kGlyphSide / 2.0, 1.0);
}

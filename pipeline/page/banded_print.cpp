#include "pipeline/page/banded_print.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/cell_ink.hpp"

namespace listaudit::pipeline {
namespace {

// Closing adds at least this share of the ink of print in bands, seen in
// the cell's own threshold (seed 606's L07-XK: 0.11 to 0.33; solid print and
// hands of the ten seeds mostly under 0.08, a fax's print up to 0.22).
constexpr double kBandedShare = 0.10;

cv::Mat upright(int gap) { return cv::getStructuringElement(cv::MORPH_RECT, {1, gap}); }

}  // namespace

int bandGap(int cellHeight) { return std::max(3, cellHeight / 16); }

double inkAddedByClosingBands(const cv::Mat& writing, int gap) {
  const int before = cv::countNonZero(writing);
  if (before == 0) return 0;
  cv::Mat closed;
  cv::morphologyEx(writing, closed, cv::MORPH_CLOSE, upright(gap));
  return static_cast<double>(cv::countNonZero(closed) - before) / before;
}

bool printedInBands(const cv::Mat& text, const cv::Rect& box) {
  return inkAddedByClosingBands(numberWriting(text, box), bandGap(box.height)) >= kBandedShare;
}

cv::Mat withBandsClosed(const cv::Mat& grey, int gap) {
  cv::Mat closed;
  // Ink is dark: the darkest within the gap is a grey erosion.
  cv::erode(grey, closed, upright(gap));
  // Stretched between the darkest ink and the paper (its 95th percentile).
  cv::Mat sorted = closed.reshape(1, 1).clone();
  cv::sort(sorted, sorted, cv::SORT_EVERY_ROW | cv::SORT_ASCENDING);
  const int n = sorted.cols;
  const double dark = sorted.at<std::uint8_t>(0, n / 100), paper = sorted.at<std::uint8_t>(0, n * 95 / 100);
  if (paper - dark < 8) return closed;
  cv::Mat out;
  closed.convertTo(out, CV_8U, 255.0 / (paper - dark), -dark * 255.0 / (paper - dark));
  return out;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/scanner_streaks.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/median.hpp"

namespace listaudit::pipeline {
namespace {

// A streak is at most this many pixels wide (a speck of dust, blurred), and
// is compared with the columns this far either side of it.
constexpr int kWidest = 4;
// Darker than both sides by at least this many grey levels...
constexpr int kDarker = 12;
// ...on at least this share of the scan's lines: a ruling runs through the
// table only, never the margins above and below it, and a turned page's
// ruling crosses columns.
constexpr double kShareOfLines = 0.9;
// The lines looked at: one in this many.
constexpr int kLineStep = 4;

// The median grey of column `x`: its paper, since most of a page is paper.
int columnMedian(const cv::Mat& grey, int x) {
  const cv::Mat column = grey.col(x);
  return median(std::vector<std::uint8_t>(column.begin<std::uint8_t>(), column.end<std::uint8_t>()));
}

}  // namespace

std::vector<cv::Range> scannerStreaks(const cv::Mat& grey) {
  std::vector<cv::Range> streaks;
  if (grey.cols <= 2 * kWidest + 1 || grey.rows < kLineStep) return streaks;
  // Every fourth line tells as well as all of them, at a quarter of the cost
  // (a view, not a copy).
  const cv::Mat lines(grey.rows / kLineStep, grey.cols, CV_8UC1, grey.data, grey.step * kLineStep);
  const int width = grey.cols - 2 * kWidest;
  cv::Mat sides, darker;
  cv::min(lines.colRange(0, width), lines.colRange(2 * kWidest, grey.cols), sides);
  cv::subtract(sides, lines.colRange(kWidest, kWidest + width), darker);  // saturates at 0 where lighter
  cv::threshold(darker, darker, kDarker - 1, 1, cv::THRESH_BINARY);
  cv::Mat perColumn;
  cv::reduce(darker, perColumn, 0, cv::REDUCE_SUM, CV_32S);
  const int needed = static_cast<int>(kShareOfLines * lines.rows);
  for (int x = 0; x < width; ++x) {
    if (perColumn.at<int>(0, x) < needed) continue;
    const int column = x + kWidest;
    if (!streaks.empty() && streaks.back().end == column)
      ++streaks.back().end;
    else
      streaks.emplace_back(column, column + 1);
  }
  std::erase_if(streaks, [](const cv::Range& r) { return r.size() > kWidest; });
  return streaks;
}

cv::Mat withoutScannerStreaks(const cv::Mat& grey) {
  const std::vector<cv::Range> streaks = scannerStreaks(grey);
  if (streaks.empty()) return grey;
  cv::Mat out = grey.clone();
  // The dust holds back a share of the light, the same share on every line:
  // each darkened column is brightened back by the ratio of the paper beside
  // it to its own paper (the columns' medians: most of a page is paper).
  // Drawing the columns across from their neighbours instead cut a gap into
  // every turned ruling that crossed the streak, and the table lost it.
  for (const cv::Range& streak : streaks) {
    // A blurred streak shades its neighbours too: every column within reach
    // that is darker than the paper beside it is brightened.
    const int from = std::max(0, streak.start - kWidest + 1), to = std::min(grey.cols, streak.end + kWidest - 1);
    const double paper = std::max(columnMedian(grey, std::max(0, streak.start - kWidest)),
                                  columnMedian(grey, std::min(grey.cols - 1, streak.end + kWidest - 1)));
    for (int x = from; x < to; ++x) {
      const double own = columnMedian(grey, x);
      if (own <= 0 || own >= paper - 1) continue;
      cv::Mat column = out.col(x);
      column.convertTo(column, -1, paper / own);
    }
  }
  return out;
}

}  // namespace listaudit::pipeline

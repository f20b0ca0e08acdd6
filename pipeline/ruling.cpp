#include "pipeline/ruling.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

namespace listaudit::pipeline {
namespace {

// Centres of runs of indices whose value passes `threshold`, with the run's width.
std::vector<std::pair<int, int>> peaks(const std::vector<int>& profile, int threshold) {
  std::vector<std::pair<int, int>> out;
  int start = -1;
  for (int i = 0; i <= static_cast<int>(profile.size()); ++i) {
    const bool on = i < static_cast<int>(profile.size()) && profile[static_cast<std::size_t>(i)] >= threshold;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      out.emplace_back((start + i - 1) / 2, i - start);
      start = -1;
    }
  }
  return out;
}

}  // namespace

Ruling findRuling(const cv::Mat& ink) {
  Ruling r;
  const int w = ink.cols, h = ink.rows;
  cv::Mat horizontal, vertical;
  cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, {std::max(20, w / 25), 1}));
  // Close small breaks (noise, a stamp's edge) along the line before measuring.
  cv::morphologyEx(horizontal, horizontal, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {w / 60 + 1, 1}));

  std::vector<int> rowProfile(static_cast<std::size_t>(h));
  for (int y = 0; y < h; ++y) rowProfile[static_cast<std::size_t>(y)] = cv::countNonZero(horizontal.row(y));
  const int widest = *std::max_element(rowProfile.begin(), rowProfile.end());
  if (widest < w / 4) return r;
  std::vector<int> thickness;
  for (auto [y, t] : peaks(rowProfile, widest / 2)) {
    r.horizontal.push_back(y);
    thickness.push_back(t);
  }
  if (r.horizontal.size() < 2) return r;

  const int top = r.horizontal.front(), bottom = r.horizontal.back();
  const int span = bottom - top;
  cv::morphologyEx(ink, vertical, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, {1, std::max(20, std::min(span / 3, h / 40))}));
  cv::morphologyEx(vertical, vertical, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {1, h / 80 + 1}));
  std::vector<int> columnProfile(static_cast<std::size_t>(w));
  const cv::Mat band = vertical.rowRange(top, bottom + 1);
  for (int x = 0; x < w; ++x) columnProfile[static_cast<std::size_t>(x)] = cv::countNonZero(band.col(x));
  const int tallest = *std::max_element(columnProfile.begin(), columnProfile.end());
  if (tallest >= span / 2)
    for (auto [x, t] : peaks(columnProfile, tallest * 6 / 10)) {
      r.vertical.push_back(x);
      thickness.push_back(t);
    }

  std::nth_element(thickness.begin(), thickness.begin() + static_cast<long>(thickness.size() / 2), thickness.end());
  r.thickness = std::max(1, thickness[thickness.size() / 2]);
  cv::bitwise_or(horizontal, vertical, r.lines);
  return r;
}

}  // namespace listaudit::pipeline

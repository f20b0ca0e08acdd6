#include "pipeline/page/cell_ink.hpp"

#include <algorithm>
#include <cstdint>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace listaudit::pipeline {
namespace {

// 255 where `labels` (connected components, CV_32S) names a component whose
// `keep` is 255: one pass over the labels (a comparison of the whole cell
// per component cost as much as the cell's components).
cv::Mat keptComponents(const cv::Mat& labels, const std::vector<std::uint8_t>& keep) {
  cv::Mat kept(labels.size(), CV_8UC1);
  for (int y = 0; y < labels.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    std::uint8_t* out = kept.ptr<std::uint8_t>(y);
    for (int x = 0; x < labels.cols; ++x) out[x] = keep[static_cast<std::size_t>(label[x])];
  }
  return kept;
}

// Pieces of ink smaller than a pen dot in a cell `height` pixels tall are
// specks (about 0.15% of the height squared, at least 6 pixels).
int penDotArea(int height) { return std::max(6, height * height / 600); }

}  // namespace

cv::Mat writingIn(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box) {
  const cv::Rect r = box & cv::Rect(0, 0, ink.cols, ink.rows);
  if (r.area() <= 0) return {};
  cv::Mat cell = ink(r).clone();
  if (!lines.empty()) cell.setTo(0, lines(r));
  // Specks of scanner noise are not writing: components smaller than a pen
  // dot go.
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(cell, labels, stats, centroids, 8, CV_32S);
  const int minArea = penDotArea(r.height);
  std::vector<std::uint8_t> keep(static_cast<std::size_t>(n), 0);
  for (int i = 1; i < n; ++i)
    keep[static_cast<std::size_t>(i)] = stats.at<int>(i, cv::CC_STAT_AREA) >= minArea ? 255 : 0;
  return keptComponents(labels, keep);
}

cv::Mat withoutLoneSpecks(const cv::Mat& ink) {
  constexpr int kFigureSpecks = 4;  // a cluster with this many specks' worth of ink is writing
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(ink, labels, stats, centroids, 8, CV_32S);
  const int minArea = penDotArea(ink.rows);
  // The clusters: pieces a dot's pitch apart (a twenty-fifth of the cell's
  // height, about 0.4 mm) joined.
  cv::Mat joined, clusters;
  const int reach = std::max(3, ink.rows / 25) | 1;
  cv::dilate(ink, joined, cv::getStructuringElement(cv::MORPH_ELLIPSE, {reach, reach}));
  const int m = cv::connectedComponents(joined, clusters, 8, CV_32S);
  std::vector<int> clusterInk(static_cast<std::size_t>(m), 0), clusterOf(static_cast<std::size_t>(n), 0);
  for (int y = 0; y < ink.rows; ++y) {
    const int* label = labels.ptr<int>(y);
    const int* cluster = clusters.ptr<int>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (label[x] > 0) {
        ++clusterInk[static_cast<std::size_t>(cluster[x])];
        clusterOf[static_cast<std::size_t>(label[x])] = cluster[x];
      }
  }
  std::vector<std::uint8_t> keep(static_cast<std::size_t>(n), 0);
  for (int i = 1; i < n; ++i)
    keep[static_cast<std::size_t>(i)] =
        stats.at<int>(i, cv::CC_STAT_AREA) >= minArea ||
                clusterInk[static_cast<std::size_t>(clusterOf[static_cast<std::size_t>(i)])] >= kFigureSpecks * minArea
            ? 255
            : 0;
  return keptComponents(labels, keep);
}

cv::Rect writingSpan(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box, int margin) {
  const cv::Rect r = box & cv::Rect(0, 0, ink.cols, ink.rows);
  const cv::Mat writing = writingIn(ink, lines, r);
  const cv::Rect written = writing.empty() ? cv::Rect() : cv::boundingRect(writing);
  if (written.empty()) return r;
  const int from = std::max(0, written.x - margin), to = std::min(r.width, written.x + written.width + margin);
  return {r.x + from, r.y, to - from, r.height};
}

cv::Mat numberWriting(const cv::Mat& text, const cv::Rect& cell) {
  const cv::Rect r = cell & cv::Rect(0, 0, text.cols, text.rows);
  if (r.area() <= 0) return {};
  cv::Mat smooth, ink;
  cv::GaussianBlur(text(r), smooth, {3, 3}, 0);
  cv::threshold(smooth, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  // A cell of paper only: Otsu splits noise; nothing there is writing.
  double low = 0, high = 0;
  cv::minMaxLoc(smooth, &low, &high);
  if (high - low < 60) return cv::Mat::zeros(r.size(), CV_8UC1);
  return withoutLoneSpecks(ink);
}

double inkShare(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box) {
  const cv::Mat writing = writingIn(ink, lines, box);
  return writing.empty() ? 0 : static_cast<double>(cv::countNonZero(writing)) / static_cast<double>(writing.total());
}

}  // namespace listaudit::pipeline

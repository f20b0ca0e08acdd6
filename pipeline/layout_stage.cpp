#include "pipeline/layout_stage.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/ruling.hpp"

namespace listaudit::pipeline {
namespace {

// Below this share of ink a name or number cell counts as empty.
constexpr double kEmptyCellInk = 0.004;

cv::Rect clampToImage(cv::Rect box, const cv::Size& size) { return box & cv::Rect(0, 0, size.width, size.height); }

}  // namespace

double inkShare(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box) {
  const cv::Rect r = clampToImage(box, ink.size());
  if (r.area() <= 0) return 0;
  cv::Mat cell = ink(r).clone();
  if (!lines.empty()) cell.setTo(0, lines(r));
  // Specks of scanner noise are not writing: drop components smaller than a
  // pen dot (about 0.15% of the cell's height squared, at least 6 pixels).
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(cell, labels, stats, centroids, 8, CV_32S);
  const int minArea = std::max(6, r.height * r.height / 600);
  long long kept = 0;
  for (int i = 1; i < n; ++i) {
    const int area = stats.at<int>(i, cv::CC_STAT_AREA);
    if (area >= minArea) kept += area;
  }
  return static_cast<double>(kept) / r.area();
}

PageLayout LayoutStage::operator()(const CleanPage& page) const {
  const Ruling ruling = findRuling(page.ink);
  if (ruling.horizontal.size() < 3)
    throw LayoutError("no ruled table found (" + std::to_string(ruling.horizontal.size()) + " horizontal lines)");
  if (ruling.vertical.size() != 6)
    throw LayoutError("the table has " + std::to_string(ruling.vertical.size()) +
                      " vertical lines, the form has 6 (five columns)");
  PageLayout layout;
  std::copy(ruling.vertical.begin(), ruling.vertical.end(), layout.columnX.begin());
  layout.lineThickness = ruling.thickness;
  const auto& h = ruling.horizontal;
  layout.tableTop = h.front();
  layout.tableBottom = h.back();

  // Paint the rulings out (a little wider than found) so OCR never reads a
  // cell border as a letter.
  cv::Mat& lines = layout.lines;
  cv::dilate(ruling.lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  layout.text = page.grey.clone();
  layout.text.setTo(255, lines);

  // Bands under the header that are much lower than the writing rows (a row
  // numbering the columns, say) belong to the header: rows are counted below them.
  std::vector<int> heights;
  for (std::size_t i = 1; i + 1 < h.size(); ++i) heights.push_back(h[i + 1] - h[i]);
  std::vector<int> sorted = heights;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<long>(sorted.size() / 2), sorted.end());
  const int typical = sorted.empty() ? 0 : sorted[sorted.size() / 2];
  std::size_t first = 1;
  while (first + 1 < h.size() && heights[first - 1] * 4 < typical * 3) ++first;
  layout.headerBottom = h[first];

  const int inset = layout.inset();
  for (std::size_t i = first; i + 1 < h.size(); ++i) {
    TableRow row{h[i] + inset, h[i + 1] - inset, static_cast<int>(i - first + 1)};
    if (row.bottom - row.top < 8) continue;
    auto cell = [&](int column) { return layout.cell(row, column); };
    // A row counts when its name or number cell holds writing; empty rows at
    // the end of a form are not supporters.
    if (inkShare(page.ink, lines, cell(kNameColumn)) < kEmptyCellInk &&
        inkShare(page.ink, lines, cell(kIdColumn)) < kEmptyCellInk)
      continue;
    layout.rows.push_back(row);
  }

  const int rowHeight = h.size() > 2 ? (h.back() - h[1]) / static_cast<int>(h.size() - 2) : 50;
  const int titleTop = std::max(0, layout.tableTop - rowHeight * 4);
  layout.titleBox = clampToImage(
      {layout.columnX[0], titleTop, layout.columnX[5] - layout.columnX[0], layout.tableTop - inset - titleTop},
      page.grey.size());
  layout.collectorBox = clampToImage(
      {layout.columnX[0], layout.tableBottom + inset, layout.columnX[5] - layout.columnX[0], rowHeight * 3},
      page.grey.size());
  return layout;
}

}  // namespace listaudit::pipeline

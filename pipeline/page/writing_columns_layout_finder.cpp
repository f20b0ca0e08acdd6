#include "pipeline/page/writing_columns_layout_finder.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/table_layout.hpp"

namespace listaudit::pipeline {
namespace {

// An upright strip of the table where nobody wrote.
struct Gap {
  int from = 0, to = 0;  // x, inclusive
  int width() const { return to - from + 1; }
};

constexpr const char* kHow = "columns found from the writing: the form's column rulings were not found";

}  // namespace

PageLayout WritingColumnsLayoutFinder::find(const CleanPage& page) const {
  const Ruling& ruling = page.ruling;
  const auto& h = ruling.horizontal;
  if (h.size() < 3) throw LayoutError("no row rulings to lay the rows out by");
  const int left = ruling.left, right = ruling.right;
  if (right - left < page.ink.cols / 3) throw LayoutError("the row rulings are too short to be the table's");

  // The writing of the header and body, rulings taken out, counted per x.
  cv::Mat lines;
  cv::dilate(ruling.lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  const cv::Rect table(left, h.front(), right - left + 1, h.back() - h.front() + 1);
  cv::Mat writing = page.ink(table).clone();
  writing.setTo(0, lines(table));
  cv::Mat perColumn;
  cv::reduce(writing, perColumn, 0, cv::REDUCE_SUM, CV_32S);

  // Empty strips, not touching the table's own edges; a speck or two of
  // noise in a strip does not fill it.
  const int speck = 2 * 255;
  const int minWidth = std::max(3, page.ink.cols / 300);
  std::vector<Gap> gaps;
  int start = -1;
  for (int x = 0; x <= table.width; ++x) {
    const bool empty = x < table.width && perColumn.at<int>(0, x) <= speck;
    if (empty && start < 0) start = x;
    if (!empty && start >= 0) {
      if (start > 0 && x < table.width && x - start >= minWidth) gaps.push_back({left + start, left + x - 1});
      start = -1;
    }
  }
  if (gaps.size() < 4)
    throw LayoutError("the writing leaves " + std::to_string(gaps.size()) +
                      " clear upright strips in the table, the form's five columns need 4");
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.width() > b.width(); });
  gaps.resize(4);
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.from < b.from; });
  std::array<int, 6> columnX{left, 0, 0, 0, 0, right};
  for (std::size_t i = 0; i < 4; ++i) columnX[i + 1] = (gaps[i].from + gaps[i].to) / 2;
  return layOutTable(page, columnX, kHow);
}

PageLayout LayoutChain::find(const CleanPage& page) const {
  try {
    return RuledLayoutFinder{}.find(page);
  } catch (const LayoutError& ruled) {
    try {
      return WritingColumnsLayoutFinder{}.find(page);
    } catch (const LayoutError& writing) {
      throw LayoutError(std::string(ruled.what()) + "; " + writing.what());
    }
  }
}

}  // namespace listaudit::pipeline

#include "pipeline/page/unruled_layout_finder.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/page/writing_columns_layout_finder.hpp"

namespace listaudit::pipeline {
namespace {

constexpr const char* kHow = "rows and columns found from the writing: the page shows no rulings";

// A line of writing across the page: its pixel rows, and the pieces its ink
// stands in from left to right (words joined across their spaces).
struct TextLine {
  int top = 0, bottom = 0;
  std::vector<std::pair<int, int>> pieces;  // x from, to
};

// The lines of writing on the page, top to bottom: runs of pixel rows that
// hold ink, at least `minHeight` tall (a speck is not a line).
std::vector<TextLine> textLines(const cv::Mat& writing, int minHeight, int join) {
  cv::Mat perRow;
  cv::reduce(writing / 255, perRow, 1, cv::REDUCE_SUM, CV_32S);
  const int inked = std::max(3, writing.cols / 400);
  std::vector<TextLine> lines;
  int start = -1;
  for (int y = 0; y <= writing.rows; ++y) {
    const bool on = y < writing.rows && perRow.at<int>(y, 0) >= inked;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      // Gaps of a pixel or two inside a line (an accent over its letter) join it.
      if (!lines.empty() && start - lines.back().bottom <= 3)
        lines.back().bottom = y - 1;
      else
        lines.push_back({start, y - 1, {}});
      start = -1;
    }
  }
  std::erase_if(lines, [&](const TextLine& l) { return l.bottom - l.top + 1 < minHeight; });
  for (TextLine& line : lines) {
    cv::Mat perColumn;
    cv::reduce(writing.rowRange(line.top, line.bottom + 1) / 255, perColumn, 0, cv::REDUCE_SUM, CV_32S);
    for (int x = 0; x < writing.cols; ++x) {
      if (perColumn.at<int>(0, x) == 0) continue;
      if (!line.pieces.empty() && x - line.pieces.back().second <= join)
        line.pieces.back().second = x;
      else
        line.pieces.emplace_back(x, x);
    }
    // Specks beside the writing are no piece of it.
    std::erase_if(line.pieces, [&](const auto& p) { return p.second - p.first + 1 < std::max(3, join / 4); });
  }
  return lines;
}

// A line laid out as a table's: four or more pieces (labels, or a row's
// cells) spread over half the page.
bool tableLike(const TextLine& line, int pageWidth) {
  return line.pieces.size() >= 4 && (line.pieces.back().second - line.pieces.front().first) * 2 >= pageWidth;
}

}  // namespace

PageLayout UnruledLayoutFinder::find(const CleanPage& page) const {
  const cv::Mat& ink = page.ink;
  // The lines found (a collector's underline, say) are no writing.
  cv::Mat writing = ink.clone();
  if (!page.ruling.lines.empty()) writing.setTo(0, page.ruling.lines);
  // The space between a label's words is narrower than a fifth of an inch at
  // any resolution; the gap between two columns' labels is wider.
  const int join = std::max(4, ink.cols / 80);
  const std::vector<TextLine> lines = textLines(writing, std::max(4, ink.cols / 250), join);
  // The header: the first table-like line with two more under it.
  std::size_t header = lines.size();
  for (std::size_t i = 0; i + 2 < lines.size() && header == lines.size(); ++i)
    if (tableLike(lines[i], ink.cols) && tableLike(lines[i + 1], ink.cols) && tableLike(lines[i + 2], ink.cols))
      header = i;
  if (header == lines.size()) throw LayoutError("no lines of writing laid out in columns under a header");

  // The header's two edges, where its rulings would stand: a little above
  // its labels, and half way to the line under it.
  const TextLine& labels = lines[header];
  const int margin = (labels.bottom - labels.top) / 2;
  CleanPage ruled = page;
  ruled.ruling.horizontal = {std::max(0, labels.top - margin), (labels.bottom + lines[header + 1].top) / 2};
  // The table's edges: the header's first label less two joins (the row
  // numbers and their label stand centred in a narrow column, where a
  // collector's line under the table begins further left), and the
  // farthest writing of the lines under it.
  int right = labels.pieces.back().second;
  for (std::size_t i = header + 1; i < lines.size() && tableLike(lines[i], ink.cols); ++i)
    right = std::max(right, lines[i].pieces.back().second);
  ruled.ruling.left = std::max(0, labels.pieces.front().first - 2 * join);
  ruled.ruling.right = std::min(ink.cols - 1, right + join);
  ruled.ruling.vertical.clear();
  if (ruled.ruling.lines.empty()) ruled.ruling.lines = cv::Mat::zeros(ink.size(), CV_8UC1);
  PageLayout layout = WritingColumnsLayoutFinder{}.find(ruled);
  layout.how = kHow;
  return layout;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/text_lines.hpp"

#include <algorithm>
#include <cstdlib>
#include <opencv2/imgproc.hpp>

namespace listaudit::pipeline {

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
    line.pieces =
        inkPieces(std::vector<int>(perColumn.begin<int>(), perColumn.end<int>()), join, std::max(3, join / 4));
  }
  return lines;
}

std::vector<std::pair<int, int>> inkPieces(const std::vector<int>& counts, int join, int minWidth) {
  std::vector<std::pair<int, int>> pieces;
  for (int x = 0; x < static_cast<int>(counts.size()); ++x) {
    if (counts[static_cast<std::size_t>(x)] == 0) continue;
    if (!pieces.empty() && x - pieces.back().second <= join)
      pieces.back().second = x;
    else
      pieces.emplace_back(x, x);
  }
  std::erase_if(pieces, [&](const auto& p) { return p.second - p.first + 1 < minWidth; });
  return pieces;
}

namespace {
bool spreadOverHalfThePage(const TextLine& line, std::size_t pieces, int pageWidth) {
  return line.pieces.size() >= pieces && (line.pieces.back().second - line.pieces.front().first) * 2 >= pageWidth;
}
}  // namespace

bool tableLike(const TextLine& line, int pageWidth) { return spreadOverHalfThePage(line, 4, pageWidth); }
bool rowLike(const TextLine& line, int pageWidth) { return spreadOverHalfThePage(line, 3, pageWidth); }

std::vector<int> inkLinesIn(const cv::Mat& ink, const cv::Rect& column, int from, int to) {
  const cv::Rect band = cv::Rect(column.x, from, column.width, to - from) & cv::Rect(0, 0, ink.cols, ink.rows);
  std::vector<int> middles;
  if (band.area() <= 0) return middles;
  cv::Mat perRow;
  cv::reduce(ink(band) / 255, perRow, 1, cv::REDUCE_SUM, CV_32S);
  int start = -1;
  for (int y = 0; y <= band.height; ++y) {
    const bool inked = y < band.height && perRow.at<int>(y, 0) >= 2;
    if (inked && start < 0) start = y;
    if (!inked && start >= 0) {
      middles.push_back(band.y + (start + y - 1) / 2);
      start = -1;
    }
  }
  return middles;
}

NumbersAbove numbersAbove(const std::vector<int>& lines, int expected, int pitch) {
  const auto nearest = [&](int at, int within) {
    const auto it =
        std::min_element(lines.begin(), lines.end(), [&](int a, int b) { return std::abs(a - at) < std::abs(b - at); });
    return it != lines.end() && std::abs(*it - at) <= within ? *it : -1;
  };
  NumbersAbove out;
  out.anchor = nearest(expected, pitch / 4);
  for (int line = out.anchor; line >= 0 && (line = nearest(line - pitch, pitch / 10)) >= 0;) out.above.push_back(line);
  return out;
}

int wordJoin(int pageWidth) { return std::max(4, pageWidth / 80); }
int leastLineHeight(int pageWidth) { return std::max(4, pageWidth / 250); }

}  // namespace listaudit::pipeline

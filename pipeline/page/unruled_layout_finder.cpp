#include "pipeline/page/unruled_layout_finder.hpp"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "pipeline/page/median.hpp"
#include "pipeline/page/text_lines.hpp"
#include "pipeline/page/writing_columns_layout_finder.hpp"

namespace listaudit::pipeline {
namespace {

constexpr const char* kHow = "rows and columns found from the writing: the page shows no rulings";

}  // namespace

PageLayout UnruledLayoutFinder::find(const CleanPage& page) const {
  const cv::Mat& ink = page.ink;
  // The lines found (a collector's underline, say) are no writing.
  cv::Mat writing = ink.clone();
  if (!page.ruling.lines.empty()) writing.setTo(0, page.ruling.lines);
  const int join = wordJoin(ink.cols);
  std::vector<TextLine> lines = textLines(writing, leastLineHeight(ink.cols), join);
  // A line of specks only (a copier's toner) is no line, nor a thin one not
  // laid out as a table's (pieces of a stamp's ring a copier left): between
  // the header and the row numbering the columns one once broke the three
  // table-like lines the header is found by, and a row was taken for it.
  std::vector<int> heights;
  for (const TextLine& l : lines) heights.push_back(l.bottom - l.top);
  const int typicalHeight = median(heights);
  std::erase_if(lines, [&](const TextLine& l) {
    const bool specks =
        std::all_of(l.pieces.begin(), l.pieces.end(), [&](const auto& p) { return p.second - p.first < join; });
    const bool thin = (l.bottom - l.top) * 2 < typicalHeight && !tableLike(l, ink.cols);
    return specks || thin;
  });
  // The header: the first table-like line with two rows under it. A row
  // whose cells ran together is a row still (seed 727's L04-MK page 2: a
  // light copy that kept only the per-digit boxes, row 1's boxes ran into
  // its address and that into its signature; row 2 was taken for the header
  // and the page lost).
  std::size_t header = lines.size();
  for (std::size_t i = 0; i + 2 < lines.size() && header == lines.size(); ++i)
    if (tableLike(lines[i], ink.cols) && rowLike(lines[i + 1], ink.cols) && rowLike(lines[i + 2], ink.cols)) header = i;
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
  for (std::size_t i = header + 1; i < lines.size() && rowLike(lines[i], ink.cols); ++i)
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

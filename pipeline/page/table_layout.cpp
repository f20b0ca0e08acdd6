#include "pipeline/page/table_layout.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/glyph_segmenter.hpp"
#include "pipeline/page/median.hpp"
#include "pipeline/page/text_lines.hpp"

namespace listaudit::pipeline {
namespace {

// Below this share of ink a name or number cell counts as empty.
constexpr double kEmptyCellInk = 0.004;

cv::Rect clampToImage(cv::Rect box, const cv::Size& size) { return box & cv::Rect(0, 0, size.width, size.height); }

// A number cell holds no writing: boxes printed for each digit are not
// writing, even where the scan broke their thin lines into dashes (straight
// runs a quarter of the cell tall, or a third of it wide, go).
bool idCellEmpty(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& cell) {
  cv::Mat writing = withoutBoxLines(writingIn(ink, lines, cell));
  if (writing.empty()) return true;
  cv::Mat vertical, horizontal;
  cv::morphologyEx(writing, vertical, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, {1, std::max(3, writing.rows / 4)}));
  cv::morphologyEx(writing, horizontal, cv::MORPH_OPEN,
                   cv::getStructuringElement(cv::MORPH_RECT, {std::max(3, writing.cols / 3), 1}));
  writing.setTo(0, vertical | horizontal);
  return cv::countNonZero(writing) < kEmptyCellInk * static_cast<double>(writing.total());
}

// The lines of ink (their middles, page y) in the table's first column,
// where the form prints each row's number, from `from` to `to`, the rulings
// taken out.
std::vector<int> rowNumberLines(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& column, int from, int to) {
  const cv::Rect band = cv::Rect(column.x, from, column.width, to - from) & cv::Rect(0, 0, ink.cols, ink.rows);
  if (band.area() <= 0) return {};
  cv::Mat writing = ink(band).clone();
  writing.setTo(0, lines(band));
  std::vector<int> middles = inkLinesIn(writing, cv::Rect(0, 0, band.width, 1), 0, band.height);
  for (int& y : middles) y += band.y;
  return middles;
}

// The pitch of the printed row numbers at `middles` from `from` down: the
// median step between them, where most steps are it (a number a row,
// whether anyone wrote on the row or not); 0 where there are too few or no
// regular step (no numbers printed, a stamp over them).
int printedNumbersPitch(const std::vector<int>& middles, int from) {
  constexpr std::size_t kFewestNumbers = 4;
  constexpr double kRegularShare = 0.7, kOff = 0.15;
  std::vector<int> steps;
  for (std::size_t i = 1; i < middles.size(); ++i)
    if (middles[i - 1] >= from) steps.push_back(middles[i] - middles[i - 1]);
  if (steps.size() + 1 < kFewestNumbers) return 0;
  const int pitch = median(steps);
  const auto regular =
      std::count_if(steps.begin(), steps.end(), [&](int s) { return std::abs(s - pitch) <= kOff * pitch; });
  return static_cast<double>(regular) >= kRegularShare * static_cast<double>(steps.size()) ? pitch : 0;
}

}  // namespace

// A header band taller than two rows may have lost the ruling under it and
// hold the first row. Then its number column shows the label on top and the
// row's number at the foot, with paper between them: the edge is the middle
// of that paper. -1 when the band shows no such foot (a tall header of three
// lines of labels shows none: its labels sit together).
int firstRowInTheHeader(const cv::Mat& ink, const cv::Mat& lines, int top, int bottom, int left, int right,
                        int typical) {
  const cv::Rect band = cv::Rect(left, top, right - left, bottom - top) & cv::Rect(0, 0, ink.cols, ink.rows);
  if (band.area() <= 0) return -1;
  cv::Mat writing = ink(band).clone();
  writing.setTo(0, lines(band));
  cv::Mat perRow;
  cv::reduce(writing / 255, perRow, 1, cv::REDUCE_SUM, CV_32S);
  auto inked = [&](int y) { return perRow.at<int>(y, 0) >= 2; };
  // Up from the foot: paper, and thin ink (what is left of the ruling under
  // the band, a skewed scan's step of it), then the number.
  int y = band.height - 1, numberBottom = -1;
  while (y >= 0 && numberBottom < 0) {
    while (y >= 0 && !inked(y)) --y;
    const int runBottom = y;
    while (y >= 0 && inked(y)) --y;
    if (runBottom - y >= std::max(2, typical / 6)) numberBottom = runBottom;
  }
  const int gapBottom = y;
  // Paper between it and the labels, and what a fax left of the ruling that
  // stood there: thin ink, as under the number.
  int labelsBottom = -1;
  while (y >= 0 && labelsBottom < 0) {
    while (y >= 0 && !inked(y)) --y;
    const int runBottom = y;
    while (y >= 0 && inked(y)) --y;
    if (runBottom >= 0 && runBottom - y >= std::max(2, typical / 6)) labelsBottom = runBottom;
  }
  const int gapTop = labelsBottom + 1;
  const bool labelsAbove = labelsBottom >= 0, clear = gapBottom - gapTop + 1 >= typical / 5;
  // The number lies within the last row's height of the band's foot.
  const bool atTheFoot = numberBottom >= 0 && band.height - gapBottom <= typical * 13 / 10;
  if (!labelsAbove || !clear || !atTheFoot) return -1;
  return top + (gapTop + gapBottom) / 2;
}

// The height of one row, from the heights of the bands between the body's
// rulings. A band is one row, or several where the rulings between them were
// lost (a fax drops thin lines, a copier faint ones, a stamp covers them): the
// row is the largest height of which most bands are a whole number. The
// median band would be two rows where the rulings between most pairs were
// lost, and every band of two read as one row. A smaller height explains
// more bands by chance (a third of a row makes a numbering row two thirds'
// band "two"): it is taken only where it explains a quarter more of them.
int rowPitch(const std::vector<int>& heights) {
  constexpr int kMostRowsABandLost = 4;
  constexpr double kOff = 0.15;  // of a row, for a ruling found a little off its place
  // How many rows of `pitch` a band of `band` is; 0 when no whole number.
  const auto rowsIn = [](int band, double pitch) -> long {
    const double multiple = band / pitch;
    const long n = std::lround(multiple);
    return n >= 1 && std::abs(multiple - static_cast<double>(n)) <= kOff ? n : 0;
  };
  std::vector<double> candidates;
  for (const int band : heights)
    for (int rows = 1; rows <= kMostRowsABandLost; ++rows)
      if (const double pitch = static_cast<double>(band) / rows; pitch >= 8) candidates.push_back(pitch);
  std::sort(candidates.rbegin(), candidates.rend());
  int bestCount = 0;
  double best = 0;
  for (const double pitch : candidates) {
    const auto count = static_cast<int>(
        std::count_if(heights.begin(), heights.end(), [&](int band) { return rowsIn(band, pitch) > 0; }));
    if (count * 4 >= bestCount * 5 && count > bestCount) bestCount = count, best = pitch;
  }
  if (bestCount == 0) return 0;
  // The row as the bands it explains measure it, each divided into its rows.
  std::vector<double> rows;
  for (const int band : heights)
    if (const long n = rowsIn(band, best); n > 0) rows.push_back(static_cast<double>(band) / static_cast<double>(n));
  return static_cast<int>(std::lround(median(rows)));
}

PageLayout layOutTable(const CleanPage& page, const std::array<int, 6>& columnX, std::string how, RowEdges rowEdges) {
  const Ruling& ruling = page.ruling;
  PageLayout layout;
  layout.columnX = columnX;
  layout.how = std::move(how);
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
  if (!page.stampInk.empty()) layout.text.setTo(255, page.stampInk);

  // Bands under the header that are much lower than the writing rows (a row
  // numbering the columns, say) belong to the header: rows are counted below them.
  std::vector<int> heights;
  for (std::size_t i = 1; i + 1 < h.size(); ++i) heights.push_back(h[i + 1] - h[i]);
  int typical = rowEdges == RowEdges::Rulings ? rowPitch(heights) : median(heights);
  // Where every band lost the same rulings (a copier lost every other one:
  // each band two rows), the bands' heights cannot tell a row from two; the
  // row numbers the form prints can, one a row (seed 535's L05-RS page 2,
  // read as 6 bands of two rows: 9 of 15 rows lost). The row is their pitch
  // where the bands are a whole number of them.
  std::vector<int> numberLines;
  int printed = 0;
  if (rowEdges == RowEdges::Rulings && typical > 0 && h.size() >= 3) {
    const int inset = ruling.thickness + 2;
    numberLines = rowNumberLines(page.ink, lines, {columnX[0] + inset, 0, columnX[1] - columnX[0] - 2 * inset, 1},
                                 h.front(), h.back());
    if ((printed = printedNumbersPitch(numberLines, h[1])) > 0) {
      const double multiple = static_cast<double>(typical) / printed;
      if (std::lround(multiple) >= 2 && std::abs(multiple - std::round(multiple)) <= 0.15) typical = printed;
    }
  }
  std::size_t first = 1;
  while (first + 1 < h.size() && heights[first - 1] * 4 < typical * 3) ++first;
  std::vector<int> edges(h.begin() + static_cast<long>(first), h.end());
  // Rows the header band holds because the rulings under them were lost
  // are told by the numbers the form prints for them, a row's pitch apart up
  // from the first body row's (seed 535's L05-RS page 2: rows 1 and 2, row
  // 1's writing lost by the copier; cut at row 2's writing, every row was
  // numbered one too few). A row numbering the columns stands off that step;
  // the header's labels keep at least half a row's height above the rows.
  bool numberedAbove = false;
  if (first == 1 && printed > 0 && printed == typical && h[1] - h[0] > 2 * typical)
    for (const int number : numbersAbove(numberLines, edges.front() + typical / 2, typical).above) {
      if (number - typical / 2 - h[0] < typical / 2) break;
      edges.insert(edges.begin(), number - typical / 2);
      numberedAbove = true;
    }
  // Otherwise the first row's writing tells it at the band's foot.
  if (!numberedAbove && first == 1 && typical > 0 && h[1] - h[0] > 2 * typical)
    if (const int foot = firstRowInTheHeader(page.ink, lines, h[0], h[1], columnX[2], columnX[3], typical); foot > 0)
      edges.insert(edges.begin(), foot);
  layout.headerBottom = edges.front();

  // A band of the body as tall as two rows or more lost the rulings between
  // them (too faint for a copier, broken, under a stamp): it is cut into as
  // many rows of the typical height, or its rows would be read as one and
  // every row under them numbered too few.
  if (typical > 0)
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
      const int height = edges[i + 1] - edges[i];
      const int rows = static_cast<int>(std::lround(static_cast<double>(height) / typical));
      if (height * 10 < typical * 17 || rows < 2) continue;
      std::vector<int> cuts;
      for (int k = 1; k < rows; ++k) cuts.push_back(edges[i] + height * k / rows);
      edges.insert(edges.begin() + static_cast<long>(i) + 1, cuts.begin(), cuts.end());
      i += cuts.size();
    }
  const int inset = layout.inset();
  for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
    TableRow row{edges[i] + inset, edges[i + 1] - inset, static_cast<int>(i + 1)};
    if (row.bottom - row.top < 8) continue;
    auto cell = [&](int column) { return layout.cell(row, column); };
    // A row counts when its name or number cell holds writing; empty rows at
    // the end of a form are not supporters.
    if (inkShare(page.ink, lines, cell(kNameColumn)) < kEmptyCellInk && idCellEmpty(page.ink, lines, cell(kIdColumn)))
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

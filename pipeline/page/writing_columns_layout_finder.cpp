#include "pipeline/page/writing_columns_layout_finder.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/median.hpp"
#include "pipeline/page/table_layout.hpp"
#include "pipeline/page/text_lines.hpp"

namespace listaudit::pipeline {
namespace {

// An upright strip of the table where nobody wrote.
struct Gap {
  int from = 0, to = 0;  // x, inclusive
  int width() const { return to - from + 1; }
};

constexpr const char* kHow = "columns found from the writing: the form's column rulings were not found";
constexpr const char* kHowFromTextLines = "rows and columns found from the writing: the form rules its header only";

// Edges of the rows of a form that rules its header only: the header's
// rulings, then one edge between each two lines of writing under it, and one
// under the last. Lines are runs of inked pixel rows in the table's width;
// they end where the next would come later than twice the lines' pitch (the
// collector's line under the table).
std::vector<int> rowsFromTextLines(const CleanPage& page, const std::vector<int>& header, int left, int right,
                                   const cv::Rect& tableEdge, const cv::Rect& rowNumbers) {
  const int top = header.back() + 1;
  const cv::Rect body(left, top, right - left + 1, page.ink.rows - top);
  if (body.height < 10) throw LayoutError("nothing under the ruled header");
  // Long lines (a guide line, a ruling's faint remains) are not writing.
  cv::Mat writing = page.ink(body).clone();
  writing.setTo(0, page.ruling.lines(body));
  cv::Mat perRow;
  cv::reduce(writing / 255, perRow, 1, cv::REDUCE_SUM, CV_32S);
  const int inked = std::max(3, body.width / 200);
  std::vector<std::pair<int, int>> runs;  // y from, to
  for (int y = 0; y < body.height; ++y) {
    if (perRow.at<int>(y, 0) < inked) continue;
    if (!runs.empty() && y - runs.back().second <= 2)
      runs.back().second = y;
    else
      runs.emplace_back(y, y);
  }
  // A line of writing is at least a tenth of the header's height tall (the
  // header holds two lines of labels and their margins; a line of capitals
  // and digits without descenders is short); the gaps inside one (a letter's
  // accent, a hand's loops) are joined.
  const int headerHeight = header.back() - header.front();
  std::vector<std::pair<int, int>> lines;
  for (const auto& run : runs) {
    if (!lines.empty() && run.first - lines.back().second < headerHeight / 10)
      lines.back().second = run.second;
    else
      lines.push_back(run);
  }
  std::erase_if(lines, [&](const auto& l) { return l.second - l.first < headerHeight / 10; });
  if (lines.empty()) throw LayoutError("no line of writing under the ruled header");
  // Nor is a thin stroke between two lines (a piece of a stamp's ring left by
  // a copier, a dash of toner): no line of writing is half as tall as the
  // typical one (a name's capitals, a number's digits are more).
  std::vector<int> heights;
  for (const auto& l : lines) heights.push_back(l.second - l.first);
  const int typicalHeight = median(heights);
  std::erase_if(lines, [&](const auto& l) { return (l.second - l.first) * 2 < typicalHeight; });
  if (lines.empty()) throw LayoutError("no line of writing under the ruled header");
  // Nor is a speck (a copier's toner, dust) between two lines: it would stand
  // for a row of its own, and every row under it would be counted one too
  // far. A name is wider than twice its height, a speck round. So is the
  // digit of a row that numbers the columns, first under the header: it
  // belongs to the header (below). Lines run together (below) are as tall as
  // they are many, not as wide: a name is wider than twice a typical line's
  // height (seed 727's L05-RS page 1: an office stamp ran rows 10 to 12
  // together, 210 pixels tall, and they were taken for a speck: 4 rows lost).
  // A name's width is that of its widest word or words joined across their
  // spaces, not of its inked columns: a short name of thin letters ("Ilir
  // Shehu") inks fewer columns than twice its height, and was taken for a
  // speck (the rows under it were then lost too); specks scattered along a
  // line stay apart.
  const int join = wordJoin(page.ink.cols);
  std::erase_if(lines, [&](const std::pair<int, int>& l) {
    cv::Mat perColumn;
    cv::reduce(writing.rowRange(l.first, l.second + 1) / 255, perColumn, 0, cv::REDUCE_SUM, CV_32S);
    int widest = 0;
    for (const auto& [from, to] : inkPieces(std::vector<int>(perColumn.begin<int>(), perColumn.end<int>()), join, 1))
      widest = std::max(widest, to - from + 1);
    return widest < 2 * std::min(l.second - l.first + 1, typicalHeight);
  });
  if (lines.empty()) throw LayoutError("no line of writing under the ruled header");
  // Lines run together (a stamp, a hand's long strokes) are as many lines as
  // the typical pitch fits into them.
  std::vector<int> steps;
  for (std::size_t i = 1; i < lines.size(); ++i) steps.push_back(lines[i].first - lines[i - 1].first);
  const int typicalPitch = median(steps);
  // Where the lines of writing end: a line that reaches the table's left edge
  // (left of the row numbers, which stand centred in their column) is the
  // collector's, under the table; so is one more than two pitches on.
  // Words there, not a copier's specks: ink down half the line's height
  // (specks beside a row's number once ended the table at row 3).
  auto startsAtTheEdge = [&](int from, int to) {
    if (tableEdge.width <= 0) return false;
    const cv::Rect band = cv::Rect(tableEdge.x, top + from, tableEdge.width, to - from + 1) &
                          cv::Rect(0, 0, page.ink.cols, page.ink.rows);
    if (band.area() <= 0) return false;
    // The table's left ruling, where a fax left it, is no word: the upright
    // long lines crossing the line's height go (a collector's words bridged
    // into long runs stay).
    cv::Mat edgeInk = page.ink(band).clone();
    if (!page.ruling.lines.empty()) {
      cv::Mat upright;
      cv::morphologyEx(page.ruling.lines(band), upright, cv::MORPH_OPEN,
                       cv::getStructuringElement(cv::MORPH_RECT, {1, std::max(3, band.height * 4 / 5)}));
      edgeInk.setTo(0, upright);
    }
    cv::Mat inkedRows;
    cv::reduce(edgeInk, inkedRows, 1, cv::REDUCE_MAX);
    return cv::countNonZero(edgeInk) > band.height / 2 && cv::countNonZero(inkedRows) * 2 >= band.height;
  };
  std::vector<int> centres;
  for (const auto& l : lines) {
    if (startsAtTheEdge(l.first, l.second)) break;
    const int height = l.second - l.first;
    const int parts =
        typicalPitch > 0 && height > 2 * typicalHeight
            ? std::max(1, static_cast<int>(std::lround(static_cast<double>(height - typicalHeight) / typicalPitch)) + 1)
            : 1;
    int first = parts > 1 ? top + l.first + typicalHeight / 2 : top + (l.first + l.second) / 2;
    int step = parts > 1 ? (height - typicalHeight) / (parts - 1) : 0;
    int count = parts;
    // Lines run together by a stamp's ring reach past their first and last
    // line by the ring, taller than their count (seed 727's L05-RS page 1:
    // three rows under a ring 30 mm across were cut as four): under a line
    // already found, the lines stand a pitch apart from it, those whose
    // middle falls inside the run; where they are fewer than the run's height
    // tells, they are the lines. (Where as many, the run's own ends place
    // them: a tall hand's lines are not a pitch apart to the pixel.)
    if (parts > 1 && !centres.empty() && typicalPitch > 0) {
      const int from = top + l.first + typicalHeight / 2 - typicalPitch / 4;
      const int to = top + l.second - typicalHeight / 2 + typicalPitch / 4;
      const int onTheGrid =
          centres.back() + std::max(1, (from - centres.back() + typicalPitch - 1) / typicalPitch) * typicalPitch;
      if (const int fit = onTheGrid > to ? 0 : (to - onTheGrid) / typicalPitch + 1; fit >= 1 && fit < parts) {
        first = onTheGrid;
        step = typicalPitch;
        count = fit;
      }
    }
    if (centres.size() >= 2 &&
        first - centres.back() > 2 * (centres.back() - centres.front()) / static_cast<int>(centres.size() - 1))
      break;
    // A line two pitches after the last (or three) stands after a row that
    // shows no writing: left empty, or written by a dry pen the copier lost.
    // It keeps its place, or every row under it would be numbered too few.
    if (!centres.empty() && typicalPitch > 0) {
      const double gap = static_cast<double>(first - centres.back()) / typicalPitch;
      const long missing = std::lround(gap) - 1;
      if (missing >= 1 && std::abs(gap - std::round(gap)) <= 0.25)
        for (long k = 1; k <= missing; ++k)
          centres.push_back(centres.back() + (first - centres.back()) / static_cast<int>(missing + 2 - k));
    }
    for (int k = 0; k < count; ++k) centres.push_back(first + k * step);
  }
  // The first line may already be the collector's (a page that lost its rows'
  // writing, or a table found wrong): no row, and no page to read as one.
  if (centres.empty()) throw LayoutError("no line of writing in the table under the ruled header");
  const int pitch = centres.size() >= 2 ? (centres.back() - centres.front()) / static_cast<int>(centres.size() - 1)
                                        : 2 * (centres.front() - header.back());
  // Rows above the first line of writing whose writing a copier lost (a dry
  // pen) still show the number the form prints for them: each keeps its
  // place, or every row under it would be numbered too few. The first row's
  // number is the one beside its line of writing.
  if (rowNumbers.width > 0 && pitch > 0) {
    const NumbersAbove numbers =
        numbersAbove(inkLinesIn(page.ink, rowNumbers, top, centres.front() + pitch / 2), centres.front(), pitch);
    const int offset = centres.front() - numbers.anchor;
    for (const int number : numbers.above) centres.insert(centres.begin(), number + offset);
  }
  std::vector<int> edges = header;
  // What stands between the header and the first row's top (a row
  // numbering the columns, whether found as a line or too small to be one)
  // belongs to the header: a band of its own would take the place of row 1.
  edges.back() = std::max(edges.back(), centres.front() - pitch / 2);
  for (std::size_t i = 0; i + 1 < centres.size(); ++i) edges.push_back((centres[i] + centres[i + 1]) / 2);
  edges.push_back(std::min(page.ink.rows - 1, centres.back() + pitch / 2));
  return edges;
}

// Runs of x (page coordinates; `counts` starts at `left`) where the count is
// at most `clear`, not touching either end, at least `minWidth` wide.
std::vector<Gap> clearStrips(const std::vector<int>& counts, int left, int clear, int minWidth) {
  std::vector<Gap> out;
  const int n = static_cast<int>(counts.size());
  int start = -1;
  for (int x = 0; x <= n; ++x) {
    const bool isClear = x < n && counts[static_cast<std::size_t>(x)] <= clear;
    if (isClear && start < 0) start = x;
    if (!isClear && start >= 0) {
      if (start > 0 && x < n && x - start >= minWidth) out.push_back({left + start, left + x - 1});
      start = -1;
    }
  }
  return out;
}

// The header's labels, left to right: runs of inked x, joined across the
// spaces between a label's words (narrower than `join`).
std::vector<Gap> headerLabels(const std::vector<int>& counts, int left, int join) {
  std::vector<Gap> labels;
  // A speck is not a label: too narrow, or too little ink (a copier's toner
  // speck is a few pixels across at any resolution; the shortest label,
  // "Nr.", holds ten times its ink).
  for (const auto& [from, to] : inkPieces(counts, join, std::max(3, join / 4))) {
    int ink = 0;
    for (int x = from; x <= to; ++x) ink += counts[static_cast<std::size_t>(x)];
    if (ink >= 2 * join) labels.push_back({left + from, left + to});
  }
  return labels;
}

// The header's labels with a label the join split made whole again: a long
// label wrapped over two lines and centred ("Пребивалиште и / адреса") may
// leave a wider space between its pieces than the join bridges (seed 506's
// L05-RS page 1 showed six labels; the columns, found from the clear strips
// instead, gave the number column a sliver, and all 14 numbers were
// UNREADABLE). While there are more than five, the two nearest join, where
// the space between them is less than half of every other space.
std::vector<Gap> withSplitLabelsJoined(std::vector<Gap> labels) {
  while (labels.size() > 5) {
    std::vector<int> spaces;
    for (std::size_t i = 0; i + 1 < labels.size(); ++i) spaces.push_back(labels[i + 1].from - labels[i].to);
    const auto nearest = static_cast<std::size_t>(std::min_element(spaces.begin(), spaces.end()) - spaces.begin());
    for (std::size_t i = 0; i < spaces.size(); ++i)
      if (i != nearest && 2 * spaces[nearest] >= spaces[i]) return labels;
    labels[nearest].to = labels[nearest + 1].to;
    labels.erase(labels.begin() + static_cast<long>(nearest) + 1);
  }
  return labels;
}

// Between `from` and `to`, the middle of the widest run where the body's
// writing is at its least (within `slack`): where a column edge would be.
int leastInkedMiddle(const std::vector<int>& counts, int left, int from, int to, int slack) {
  if (to <= from) return (from + to) / 2;
  int least = counts[static_cast<std::size_t>(from - left)];
  for (int x = from; x <= to; ++x) least = std::min(least, counts[static_cast<std::size_t>(x - left)]);
  Gap best{from, from - 1}, run{0, -1};
  bool inRun = false;
  for (int x = from; x <= to + 1; ++x) {
    const bool low = x <= to && counts[static_cast<std::size_t>(x - left)] <= least + slack;
    if (low && !inRun) run = {x, x}, inRun = true;
    if (low) run.to = x;
    if (!low && inRun) {
      if (run.width() > best.width()) best = run;
      inRun = false;
    }
  }
  return (best.from + best.to) / 2;
}

}  // namespace

PageLayout WritingColumnsLayoutFinder::find(const CleanPage& page) const {
  const Ruling& ruling = page.ruling;
  if (ruling.horizontal.size() < 2) throw LayoutError("no ruled header or rows to lay the table out by");
  const int left = ruling.left, right = ruling.right;
  if (right - left < page.ink.cols / 3) throw LayoutError("the row rulings are too short to be the table's");

  // The writing of the header and body, rulings taken out, counted per x.
  cv::Mat lines;
  cv::dilate(ruling.lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  // A header band that lost the ruling under it holds the first row too: its
  // writing would join the labels the columns are found by (a fax at 150 dpi
  // lost it with two column rulings, and a page of 13 rows was read in the
  // wrong columns). It is cut where the row begins.
  std::vector<int> h = ruling.horizontal;
  if (h.size() >= 4) {
    std::vector<int> heights;
    for (std::size_t i = 1; i + 1 < h.size(); ++i) heights.push_back(h[i + 1] - h[i]);
    const int typical = rowPitch(heights);
    if (typical > 0 && h[1] - h[0] > 2 * typical)
      if (const int foot = firstRowInTheHeader(page.ink, lines, h[0], h[1], left, right, typical); foot > 0)
        h.insert(h.begin() + 1, foot);
  }
  auto inkPerColumn = [&](int top, int bottom) {
    const cv::Rect band(left, top, right - left + 1, bottom - top + 1);
    cv::Mat writing = page.ink(band).clone();
    writing.setTo(0, lines(band));
    cv::Mat counts;
    cv::reduce(writing / 255, counts, 0, cv::REDUCE_SUM, CV_32S);
    return std::vector<int>(counts.begin<int>(), counts.end<int>());
  };
  const std::vector<int> header = inkPerColumn(h[0], h[1]);
  const std::vector<Gap> labels = withSplitLabelsJoined(headerLabels(header, left, wordJoin(page.ink.cols)));
  // With the header ruled only, the rows are the lines of writing under it,
  // looked for in the name column (between the labels of the row number and
  // the number), where no signature or office stamp reaches.
  const bool rowsRuled = h.size() >= 4;
  const int namesFrom = labels.size() == 5 ? labels[0].to : left;
  const int numbersTo = labels.size() == 5 ? labels[2].from : right;
  const cv::Rect tableEdge =
      labels.size() == 5 ? cv::Rect(left, 0, std::max(0, labels[0].from - left) / 2, 1) : cv::Rect();
  // The row numbers the form prints stand centred under the first label.
  const int join = wordJoin(page.ink.cols);
  const cv::Rect rowNumbers =
      labels.size() == 5 ? cv::Rect(labels[0].from - join / 2, 0, labels[0].width() + join, 1) : cv::Rect();
  const std::vector<int> rowEdges =
      rowsRuled ? h : rowsFromTextLines(page, h, namesFrom, numbersTo, tableEdge, rowNumbers);
  const std::vector<int> body = inkPerColumn(h[1], rowEdges.back());
  // A speck of noise, or a hand's stroke straying over a column's edge in one
  // row, leaves a strip clear: at most 1.5% of its height inked.
  const int clearInk = std::max(2, (rowEdges.back() - h[1]) * 15 / 1000);
  // The table as the rows were found: by rulings, or by lines of writing.
  CleanPage laidOut = page;
  laidOut.ruling.horizontal = rowEdges;
  const char* how = rowsRuled ? kHow : kHowFromTextLines;
  const RowEdges edgesFrom = rowsRuled ? RowEdges::Rulings : RowEdges::WritingLines;

  std::array<int, 6> columnX{left, 0, 0, 0, 0, right};
  if (labels.size() == 5) {
    // The header names each column once, centred: each column edge lies
    // between two neighbouring labels, where the body's writing is least.
    for (std::size_t i = 0; i < 4; ++i)
      columnX[i + 1] = leastInkedMiddle(body, left, labels[i].to + 1, labels[i + 1].from - 1, clearInk);
    return layOutTable(laidOut, columnX, how, edgesFrom);
  }
  // A header that does not show five labels: the four widest clear strips.
  std::vector<Gap> gaps = clearStrips(body, left, clearInk, std::max(3, page.ink.cols / 300));
  if (gaps.size() < 4)
    throw LayoutError("the header shows " + std::to_string(labels.size()) + " labels and the writing leaves " +
                      std::to_string(gaps.size()) + " clear upright strips in the table; the form's five columns " +
                      "need 5 and 4");
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.width() > b.width(); });
  gaps.resize(4);
  std::sort(gaps.begin(), gaps.end(), [](const Gap& a, const Gap& b) { return a.from < b.from; });
  for (std::size_t i = 0; i < 4; ++i) columnX[i + 1] = (gaps[i].from + gaps[i].to) / 2;
  return layOutTable(laidOut, columnX, how, edgesFrom);
}

}  // namespace listaudit::pipeline

#include "pipeline/page/ruling.hpp"

#include <algorithm>
#include <functional>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/median.hpp"

namespace listaudit::pipeline {
namespace {

// A table spans at least half the page's width: lines narrower than that
// are a column's own (the per-digit boxes of a number column).
bool spansHalfThePage(int left, int right, int pageWidth) { return (right - left) * 2 >= pageWidth; }

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

// A straight line and how far it reaches: for a vertical line `at` is its x
// and from/to its ends' y; for a horizontal one the other way round.
struct VerticalLine {
  int at = 0, thickness = 0, from = 0, to = 0;
  // How many pixels from `from` to `to` hold ink: a ruling nearly all, words
  // bridged into a run far fewer.
  int inked = 0;
};

// Fills the gaps shorter than `gap` between inked pixels of a line.
void closeGaps(std::uint8_t* row, int n, int gap) {
  int lastInk = -1;
  for (int x = 0; x < n; ++x) {
    if (!row[x]) continue;
    if (lastInk >= 0 && x - lastInk - 1 > 0 && x - lastInk - 1 < gap) std::fill(row + lastInk + 1, row + x, 255);
    lastInk = x;
  }
}

// The column-wise counterpart of closeGaps, over every column of `lines` at
// once, row by row with a state per column.
void closeColumnGaps(cv::Mat& lines, int gap) {
  std::vector<int> lastInk(static_cast<std::size_t>(lines.cols), -1);
  for (int y = 0; y < lines.rows; ++y) {
    const std::uint8_t* row = lines.ptr<std::uint8_t>(y);
    for (int x = 0; x < lines.cols; ++x) {
      if (!row[x]) continue;
      int& last = lastInk[static_cast<std::size_t>(x)];
      if (last >= 0 && y - last - 1 > 0 && y - last - 1 < gap)
        for (int k = last + 1; k < y; ++k) lines.at<std::uint8_t>(k, x) = 255;
      last = y;
    }
  }
}

// Runs shorter than `length` along each row of `lines` go.
void dropShortRowRuns(std::uint8_t* row, int n, int length) {
  for (int x = 0; x < n;) {
    if (!row[x]) {
      ++x;
      continue;
    }
    int end = x;
    while (end < n && row[end]) ++end;
    if (end - x < length) std::fill(row + x, row + end, std::uint8_t{0});
    x = end;
  }
}

// Runs shorter than `length` down each column of `lines` go, row by row with
// a state per column.
void dropShortColumnRuns(cv::Mat& lines, int length) {
  std::vector<int> runStart(static_cast<std::size_t>(lines.cols), -1);
  const auto endRun = [&](int x, int end) {
    int& start = runStart[static_cast<std::size_t>(x)];
    if (end - start < length)
      for (int k = start; k < end; ++k) lines.at<std::uint8_t>(k, x) = 0;
    start = -1;
  };
  for (int y = 0; y < lines.rows; ++y) {
    const std::uint8_t* row = lines.ptr<std::uint8_t>(y);
    for (int x = 0; x < lines.cols; ++x) {
      const bool inked = row[x] != 0, inRun = runStart[static_cast<std::size_t>(x)] >= 0;
      if (inked && !inRun) runStart[static_cast<std::size_t>(x)] = y;
      if (!inked && inRun) endRun(x, y);
    }
  }
  for (int x = 0; x < lines.cols; ++x)
    if (runStart[static_cast<std::size_t>(x)] >= 0) endRun(x, lines.rows);
}

// Long runs of ink in one direction, with small breaks (noise, a stamp's
// edge) closed. The ink is first widened by a pixel across the direction: a
// faint ruling one pixel wide that a scanner turned and a JPEG smeared wiggles
// by a pixel every few pixels, and no straight run of it would be long.
// With `bridge`, gaps shorter than that are closed first: a dotted or dashed
// ruling is no long run until its gaps are (and the letters of a word become
// one, which is why findRuling keeps only what lies on a ruling it found).
cv::Mat longRuns(const cv::Mat& ink, bool horizontal, int bridge = 0) {
  const int w = ink.cols, h = ink.rows;
  cv::Mat lines;
  cv::dilate(ink, lines, cv::getStructuringElement(cv::MORPH_RECT, horizontal ? cv::Size(1, 3) : cv::Size(3, 1)));
  // An opening and a closing by a straight kernel, done as what they are on
  // a binary image, one pass along each line: keep the runs at least
  // `length` long, then fill the gaps shorter than `gap` between them. The
  // morphology with kernels a twenty-fifth of the page long cost a quarter
  // of a second a page; this costs a pass. Columns are walked row by row,
  // a state per column: turning the page to walk them as rows, and back,
  // cost more than the passes themselves.
  const int length = horizontal ? std::max(20, w / 25) : std::max(20, h / 25);
  const int gap = horizontal ? w / 60 + 1 : h / 80 + 1;
  if (!horizontal) {
    if (bridge > 0) closeColumnGaps(lines, bridge);
    dropShortColumnRuns(lines, length);
    closeColumnGaps(lines, gap);
    return lines;
  }
  for (int y = 0; y < lines.rows; ++y) {
    auto* row = lines.ptr<std::uint8_t>(y);
    if (bridge > 0) closeGaps(row, lines.cols, bridge);
    dropShortRowRuns(row, lines.cols, length);
    closeGaps(row, lines.cols, gap);  // gaps shorter than `gap` between kept runs close
  }
  return lines;
}

// How many pixels either side a one-pixel ruling's staircase may spread over
// (a page turned a few hundredths of a degree puts its steps in neighbouring
// rows or columns, none of which holds most of the line).
int staircaseReach(int pageHeight) { return 2 + pageHeight / 1500; }

// Vertical lines at least a tenth of the page tall, each with its extent.
std::vector<VerticalLine> verticalLines(const cv::Mat& vertical) {
  const int w = vertical.cols, h = vertical.rows;
  const int reach = staircaseReach(h);
  cv::Mat widened;
  cv::dilate(vertical, widened, cv::getStructuringElement(cv::MORPH_RECT, {2 * reach + 1, 1}));
  // Summed row by row (a column of a page is a strided walk through memory).
  // Summed as 0 or 255, then counted: dividing the page first cost a pass.
  cv::Mat sums;
  cv::reduce(widened, sums, 0, cv::REDUCE_SUM, CV_32S);
  std::vector<int> columnProfile(sums.begin<int>(), sums.end<int>());
  for (int& c : columnProfile) c /= 255;
  std::vector<VerticalLine> lines;
  for (auto [x, widenedThickness] : peaks(columnProfile, h / 10)) {
    const int t = std::max(1, widenedThickness - 2 * reach);
    // The line's extent from its own run of columns only: a per-digit box's
    // edge a few pixels inside a column ruling would take the ruling's.
    const int first = x - (widenedThickness - 1) / 2;
    const cv::Mat band = widened.colRange(std::max(0, first), std::min(w, first + widenedThickness));
    cv::Mat rows;
    cv::reduce(band, rows, 1, cv::REDUCE_MAX);
    std::vector<cv::Point> on;
    cv::findNonZero(rows, on);
    if (!on.empty()) lines.push_back({x, t, on.front().y, on.back().y, static_cast<int>(on.size())});
  }
  return lines;
}

// The table's column rulings share one top and one bottom; a page frame or a
// margin line does not share them. Of such groups the table is the one with
// most and longest lines over the widest span: a number column's per-digit
// boxes share their ends too, and may outnumber the table's six rulings, but
// span one column and are shorter (they leave out the header); a page frame
// spans the page with two. A group of `formLines` (the form's count, when it
// is known) is whole.
std::vector<VerticalLine> tableColumns(const std::vector<VerticalLine>& verticals, int tolerance,
                                       std::size_t formLines = 0) {
  const auto weight = [](const std::vector<VerticalLine>& group) {
    const auto [least, most] = std::minmax_element(
        group.begin(), group.end(), [](const VerticalLine& a, const VerticalLine& b) { return a.at < b.at; });
    double length = 0;
    for (const VerticalLine& l : group) length += l.to - l.from + 1;
    return length * (most->at - least->at + 1);  // lines x mean length x span
  };
  std::vector<VerticalLine> table;
  double tableWeight = 0;
  for (const VerticalLine& candidate : verticals) {
    std::vector<VerticalLine> group;
    for (const VerticalLine& other : verticals)
      if (std::abs(other.from - candidate.from) <= tolerance && std::abs(other.to - candidate.to) <= tolerance)
        group.push_back(other);
    if (const double w = weight(group); w > tableWeight) {
      table = group;
      tableWeight = w;
    }
  }
  if (table.empty() || table.size() == formLines) return table;
  // A column ruling broken at one end (faint, under a stamp) still lies within
  // the table and spans most of it; a page frame or a margin line reaches
  // beyond it. (So do per-digit boxes bridged into lines, which is why a
  // whole group takes none.)
  const int top = table.front().from, bottom = table.front().to;
  std::vector<VerticalLine> whole;
  for (const VerticalLine& other : verticals) {
    const bool inGroup =
        std::any_of(table.begin(), table.end(), [&](const VerticalLine& l) { return l.at == other.at; });
    const bool within = other.from >= top - tolerance && other.to <= bottom + tolerance &&
                        (other.to - other.from) * 10 >= (bottom - top) * 8;
    if (inGroup || within) whole.push_back(other);
  }
  return whole;
}

// The lines of a table's group: their places in order, where they typically
// begin and end, and their thicknesses.
struct LineGroup {
  std::vector<int> at;
  int from = 0, to = 0;
  std::vector<int> thickness;
};
LineGroup summarise(const std::vector<VerticalLine>& lines) {
  LineGroup g;
  std::vector<int> froms, tos;
  for (const VerticalLine& l : lines) {
    g.at.push_back(l.at);
    froms.push_back(l.from);
    tos.push_back(l.to);
    g.thickness.push_back(l.thickness);
  }
  std::sort(g.at.begin(), g.at.end());
  g.from = median(froms);
  g.to = median(tos);
  return g;
}

// A table whose column rulings are missing (a form that never had them, or
// too faint to find): its row rulings, found as the vertical lines are, on
// the page turned on its side, and grouped by their shared ends.
Ruling rowRulingsOnly(const cv::Mat& horizontal, Ruling r) {
  cv::Mat sideways;
  cv::transpose(horizontal, sideways);
  const int tolerance = std::max(4, horizontal.cols / 50);
  // A row ruling spans the table, a table half the page, it is inked nearly
  // all along, and it is thin. A line of words bridged into runs (on a dashed
  // form) reaches from the name to the address with the cells' gaps between;
  // such lines share their ends in a column and would outweigh a header's
  // two rulings. A bold title bridged is inked all along, but as thick as
  // its letters (it once turned an upright page upside down).
  std::vector<VerticalLine> spanning = verticalLines(sideways);
  const int thickest = std::max(8, horizontal.cols / 120);  // 1.7 mm: a bold title is thicker
  std::erase_if(spanning, [&](const VerticalLine& l) {
    return !spansHalfThePage(l.from, l.to, horizontal.cols) || l.inked * 10 < (l.to - l.from + 1) * 8 ||
           l.thickness > thickest;
  });
  const std::vector<VerticalLine> rows = tableColumns(spanning, tolerance);
  if (rows.size() < 2) return r;  // two: a form that rules its header only
  const LineGroup group = summarise(rows);
  r.horizontal = group.at;
  r.left = group.from;
  r.right = group.to;
  r.thickness = std::max(1, median(group.thickness));
  return r;
}

// How far either side of a found ruling its pixels may lie: its thickness
// and a staircase's reach.
int halfBand(const Ruling& r) { return r.thickness + staircaseReach(r.lines.rows); }

// The row rulings that run, bridged, across nearly the whole table: a line of
// writing bridged into runs spans the table from its row number to its
// address, but with gaps between the cells.
void keepRowsAcross(Ruling& r) {
  const int half = halfBand(r);
  const int width = r.right - r.left + 1;
  std::erase_if(r.horizontal, [&](int y) {
    int most = 0;
    for (int row = std::max(0, y - half); row <= std::min(r.lines.rows - 1, y + half); ++row)
      most = std::max(most, cv::countNonZero(r.lines.row(row).colRange(r.left, r.right + 1)));
    return most * 10 < width * 9;
  });
}

// Of `lines`, only what lies on the rulings found: bridged runs hold words too.
cv::Mat onTheRulings(const Ruling& r) {
  cv::Mat mask = cv::Mat::zeros(r.lines.size(), CV_8UC1);
  const int half = halfBand(r);
  const int top = r.horizontal.empty() ? 0 : r.horizontal.front(),
            bottom = r.horizontal.empty() ? r.lines.rows - 1 : r.horizontal.back();
  const cv::Rect page(0, 0, r.lines.cols, r.lines.rows);
  for (int y : r.horizontal) mask(cv::Rect(r.left, y - half, r.right - r.left + 1, 2 * half + 1) & page) = 255;
  for (int x : r.vertical) mask(cv::Rect(x - half, top - half, 2 * half + 1, bottom - top + 2 * half + 1) & page) = 255;
  cv::Mat kept;
  cv::bitwise_and(r.lines, mask, kept);
  return kept;
}

// Of a ruling found with gaps of millimetres bridged, only the row rulings
// that are thin: dense writing bridged that wide is a run too, but its
// letters' uprights stand taller than a ruling's band in a tenth or more of
// its columns (seed 505's 150 dpi page ruled nowhere, a school hand's digits
// on it, lost all its rows but one to three lines of writing taken for
// rulings: a fifth to a quarter of their columns); a fax's steps of a turned
// ruling, in a few hundredths (a faxed page of seed 919).
void keepThinRulings(Ruling& r, const cv::Mat& ink) {
  const int half = halfBand(r);
  const int width = r.right - r.left + 1;
  const cv::Rect page(0, 0, ink.cols, ink.rows);
  std::erase_if(r.horizontal, [&](int y) {
    const cv::Rect band = cv::Rect(r.left, y - half, width, 2 * half + 1) & page;
    if (band.area() <= 0) return true;
    cv::Mat inkPerColumn;
    cv::reduce(ink(band) / 255, inkPerColumn, 0, cv::REDUCE_SUM, CV_32S);
    int tall = 0;
    for (int x = 0; x < inkPerColumn.cols; ++x) tall += inkPerColumn.at<int>(0, x) > half;
    return tall * 10 >= width;
  });
}

// Which of the row rulings found with gaps bridged stand (`keepRowsAcross`,
// `keepThinRulings`): bridged runs hold words too.
using RowRulingFilter = std::function<void(Ruling&)>;

// The ruling found in the long runs of `ink`, its gaps shorter than `bridge`
// closed first. A row ruling crosses `across` tenths of the table's width: a
// line of writing bridged into runs (name, number and address one run)
// crosses much of it too, but not the row number's and the signature's cells.
// `keep`, when given, sifts the row rulings found before the column rulings
// add the table's top and foot where none was found: there is no line to
// keep there.
Ruling rulingOf(const cv::Mat& ink, int bridge, int across, const RowRulingFilter& keep = {}) {
  Ruling r;
  const int h = ink.rows;
  const cv::Mat horizontal = longRuns(ink, true, bridge), vertical = longRuns(ink, false, bridge);
  cv::bitwise_or(horizontal, vertical, r.lines);

  const int tolerance = std::max(4, h / 50);
  const std::vector<VerticalLine> table = tableColumns(verticalLines(vertical), tolerance, kFormColumnRulings);
  auto rowsOnly = [&] {
    Ruling rows = rowRulingsOnly(horizontal, std::move(r));
    if (keep && rows.right > rows.left) keep(rows);
    return rows;
  };
  if (table.size() < 2) return rowsOnly();
  const LineGroup columns = summarise(table);
  // Per-digit boxes are no table's columns: the form has none.
  if (!spansHalfThePage(columns.at.front(), columns.at.back(), ink.cols)) return rowsOnly();
  r.vertical = columns.at;
  std::vector<int> thickness = columns.thickness;
  const int top = columns.from, bottom = columns.to;
  const int left = r.vertical.front(), right = r.vertical.back();
  r.left = left;
  r.right = right;

  // Horizontal rulings: inside the table and across most of its width, so a
  // title's underline or the collector's line is not a ruling. Rows are
  // counted with a staircase's reach either side, and the run's width less
  // that reach is the line's thickness.
  const int reach = staircaseReach(h);
  cv::Mat widened;
  cv::dilate(horizontal.colRange(left, right + 1), widened,
             cv::getStructuringElement(cv::MORPH_RECT, {1, 2 * reach + 1}));
  cv::Mat sums;
  cv::reduce(widened, sums, 1, cv::REDUCE_SUM, CV_32S);
  std::vector<int> rowProfile(sums.begin<int>(), sums.end<int>());
  for (int& c : rowProfile) c /= 255;
  for (auto [y, t] : peaks(rowProfile, (right - left) * across / 10)) {
    if (y < top - tolerance || y > bottom + tolerance) continue;
    r.horizontal.push_back(y);
    thickness.push_back(std::max(1, t - 2 * reach));
  }
  r.thickness = std::max(1, median(thickness));
  if (keep) keep(r);
  // The column rulings begin at the table's top and end at its foot: where a
  // fax or a copier lost the top or the bottom ruling, they still tell it.
  // Without the top one, the ruling under the header would be taken for the
  // table's top and the first row for the header: every row numbered one too
  // few, and "page 2, row 6" another person. (A form ruled in dashes whose
  // header had no top ruling lost it after it was added, to the sifting of
  // bridged runs: seed 535's L07-XK page 2, every row one too few.)
  const bool topLost = !r.horizontal.empty() && r.horizontal.front() - top > tolerance;
  const bool footLost = !r.horizontal.empty() && bottom - r.horizontal.back() > tolerance;
  if (topLost) r.horizontal.insert(r.horizontal.begin(), top);
  if (footLost) r.horizontal.push_back(bottom);
  r.endsAdded = int{topLost} + int{footLost};
  return r;
}

}  // namespace

Ruling findRuling(const cv::Mat& ink) {
  // Solid rulings narrower than a table are a column's own (per-digit boxes)
  // on a form whose table is ruled in dots or dashes.
  const auto spansATable = [&](const Ruling& r) {
    return r.horizontal.size() >= 2 && spansHalfThePage(r.left, r.right, ink.cols);
  };
  Ruling solid = rulingOf(ink, 0, 6);
  if (spansATable(solid)) return solid;
  // No table of solid lines: perhaps one ruled in dots or dashes, whose gaps
  // (up to about 1.5 mm) are closed before the runs are measured.
  Ruling dashed = rulingOf(ink, std::max(3, ink.cols / 140), 9, keepRowsAcross);
  // The bridged passes are weighed by the row rulings they saw, not the ends
  // the column rulings added.
  const auto seen = [](const Ruling& r) { return r.horizontal.size() - static_cast<std::size_t>(r.endsAdded); };
  const auto seenSpanningATable = [&](const Ruling& r) {
    return seen(r) >= 2 && spansHalfThePage(r.left, r.right, ink.cols);
  };
  const bool dashedIsTheTable =
      seenSpanningATable(dashed) || seen(dashed) > std::max<std::size_t>(1, solid.horizontal.size());
  // A thin ruling a fax took in turned comes out in steps, dashes with gaps
  // of several millimetres: bridged wider, where the dashed pass found few
  // row rulings (the rest of them, or all, too broken for its bridge).
  if (seen(dashed) < 4) {
    Ruling stepped = rulingOf(ink, std::max(3, ink.cols / 40), 9, [&](Ruling& r) {
      keepRowsAcross(r);
      keepThinRulings(r, ink);
    });
    if (seenSpanningATable(stepped) && seen(stepped) > std::max(seen(dashed), solid.horizontal.size())) {
      stepped.lines = onTheRulings(stepped);
      return stepped;
    }
  }
  if (!dashedIsTheTable) return solid;
  dashed.lines = onTheRulings(dashed);
  return dashed;
}

}  // namespace listaudit::pipeline

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
  for (int x = 0; x < static_cast<int>(counts.size()); ++x) {
    if (counts[static_cast<std::size_t>(x)] == 0) continue;
    if (!labels.empty() && left + x - labels.back().to <= join)
      labels.back().to = left + x;
    else
      labels.push_back({left + x, left + x});
  }
  // A speck is not a label.
  std::erase_if(labels, [&](const Gap& g) { return g.width() < std::max(3, join / 4); });
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
  const auto& h = ruling.horizontal;
  if (h.size() < 3) throw LayoutError("no row rulings to lay the rows out by");
  const int left = ruling.left, right = ruling.right;
  if (right - left < page.ink.cols / 3) throw LayoutError("the row rulings are too short to be the table's");

  // The writing of the header and body, rulings taken out, counted per x.
  cv::Mat lines;
  cv::dilate(ruling.lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
  auto inkPerColumn = [&](int top, int bottom) {
    const cv::Rect band(left, top, right - left + 1, bottom - top + 1);
    cv::Mat writing = page.ink(band).clone();
    writing.setTo(0, lines(band));
    cv::Mat counts;
    cv::reduce(writing / 255, counts, 0, cv::REDUCE_SUM, CV_32S);
    return std::vector<int>(counts.begin<int>(), counts.end<int>());
  };
  const std::vector<int> body = inkPerColumn(h[1], h.back());
  const std::vector<int> header = inkPerColumn(h[0], h[1]);
  // A speck of noise, or a hand's stroke straying over a column's edge in one
  // row, leaves a strip clear: at most 1.5% of its height inked.
  const int clearInk = std::max(2, (h.back() - h[1]) * 15 / 1000);

  std::array<int, 6> columnX{left, 0, 0, 0, 0, right};
  const std::vector<Gap> labels = headerLabels(header, left, page.ink.cols / 80);
  if (labels.size() == 5) {
    // The header names each column once, centred: each column edge lies
    // between two neighbouring labels, where the body's writing is least.
    for (std::size_t i = 0; i < 4; ++i)
      columnX[i + 1] = leastInkedMiddle(body, left, labels[i].to + 1, labels[i + 1].from - 1, clearInk);
    return layOutTable(page, columnX, kHow);
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

#include "pipeline/page/glyph_segmenter.hpp"

#include <algorithm>
#include <cstdlib>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/median.hpp"

namespace listaudit::pipeline {
namespace {

// The upright lines of boxes that stand lower than the cell (a form whose
// boxes fill four fifths of the row): strokes of at least two thirds of the
// cell's height, four or more of them sharing one top and one foot. A hand's
// 1s neither stand that tall nor line up so; a box's sides do.
cv::Mat boxSidesInARow(const cv::Mat& ink) {
  cv::Mat upright, labels, stats, centroids;
  const int tall = std::max(8, ink.rows * 2 / 3);
  cv::morphologyEx(ink, upright, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, tall}));
  const int n = cv::connectedComponentsWithStats(upright, labels, stats, centroids, 8, CV_32S);
  std::vector<int> tops, feet;
  for (int i = 1; i < n; ++i) {
    tops.push_back(stats.at<int>(i, cv::CC_STAT_TOP));
    feet.push_back(stats.at<int>(i, cv::CC_STAT_TOP) + stats.at<int>(i, cv::CC_STAT_HEIGHT));
  }
  cv::Mat sides = cv::Mat::zeros(ink.size(), CV_8UC1);
  if (tops.size() < 4) return sides;
  const int top = median(tops), foot = median(feet), near = std::max(3, ink.rows / 20);
  std::vector<int> lined;
  for (int i = 1; i < n; ++i)
    if (std::abs(tops[static_cast<std::size_t>(i - 1)] - top) <= near &&
        std::abs(feet[static_cast<std::size_t>(i - 1)] - foot) <= near)
      lined.push_back(i);
  if (lined.size() < 4) return sides;
  for (int i : lined) sides.setTo(255, labels == i);
  return sides;
}

}  // namespace

// A written 1 is shorter than a box's side. The sides of boxes a fax took
// in turned come out in steps and broken where a step fell between its
// lines: they are looked for a pixel thicker across, their short breaks
// closed, and taken out as wide as they are.
cv::Mat withoutBoxLines(const cv::Mat& ink) {
  if (ink.empty()) return {};  // a cell outside the page, or of no width
  const int tall = std::max(8, ink.rows * 85 / 100), wide = std::max(8, ink.cols * 30 / 100);
  cv::Mat uprights, vertical, horizontal, lines;
  cv::morphologyEx(ink, vertical, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, tall}));
  cv::morphologyEx(ink, horizontal, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {wide, 1}));
  cv::bitwise_or(vertical, horizontal, lines);
  cv::dilate(ink, uprights, cv::getStructuringElement(cv::MORPH_RECT, {3, 1}));
  cv::morphologyEx(uprights, uprights, cv::MORPH_CLOSE,
                   cv::getStructuringElement(cv::MORPH_RECT, {1, std::max(3, ink.rows / 15)}));
  cv::Mat sides = boxSidesInARow(uprights);
  cv::erode(sides, sides, cv::getStructuringElement(cv::MORPH_RECT, {3, 1}));  // as wide as they were
  cv::bitwise_or(lines, sides, lines);
  cv::dilate(lines, lines, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  cv::Mat out = ink.clone();
  out.setTo(0, lines);
  return out;
}

namespace {

Glyph merged(const Glyph& a, const Glyph& b) {
  const cv::Rect box = a.box | b.box;
  Glyph g{box, cv::Mat::zeros(box.size(), CV_8UC1)};
  cv::Mat aPart = g.ink(a.box - box.tl()), bPart = g.ink(b.box - box.tl());
  cv::bitwise_or(aPart, a.ink, aPart);
  cv::bitwise_or(bPart, b.ink, bPart);
  return g;
}

// The median height of the glyphs: a character's, when most are characters.
int typicalHeight(const std::vector<Glyph>& glyphs) {
  std::vector<int> heights;
  for (const Glyph& g : glyphs) heights.push_back(g.box.height);
  return median(heights);
}

int overlap(const cv::Rect& a, const cv::Rect& b) {
  return std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
}

// Splits a glyph at the column of least ink in its middle, into two.
std::pair<Glyph, Glyph> splitAtThinnest(const Glyph& g) {
  cv::Mat columns;
  cv::reduce(g.ink, columns, 0, cv::REDUCE_SUM, CV_32S);
  int best = g.box.width / 2, bestInk = -1;
  for (int x = g.box.width * 3 / 10; x <= g.box.width * 7 / 10; ++x) {
    const int ink = columns.at<int>(0, x);
    if (bestInk < 0 || ink < bestInk) {
      bestInk = ink;
      best = x;
    }
  }
  auto part = [&](int from, int to) {
    const cv::Mat piece = g.ink.colRange(from, to);
    const cv::Rect inner = cv::boundingRect(piece);
    if (inner.area() == 0) return Glyph{{g.box.x + from, g.box.y, to - from, g.box.height}, piece.clone()};
    return Glyph{{g.box.x + from + inner.x, g.box.y + inner.y, inner.width, inner.height}, piece(inner).clone()};
  };
  return {part(0, best), part(best, g.box.width)};
}

// The ink's strokes, left to right, strokes one above the other (a 5's flag,
// a broken 4) joined when they share at least `stacked` of the narrower's
// width. With `reach` > 1, strokes that far apart count as one (a loop a fine
// pen left open); each glyph keeps only its own ink.
std::vector<Glyph> strokesOf(const cv::Mat& ink, int reach, double stacked) {
  cv::Mat joined, labels, stats, centroids;
  if (reach > 1)
    cv::dilate(ink, joined, cv::getStructuringElement(cv::MORPH_ELLIPSE, {reach, reach}));
  else
    joined = ink;
  const int n = cv::connectedComponentsWithStats(joined, labels, stats, centroids, 8, CV_32S);
  std::vector<Glyph> glyphs;
  for (int i = 1; i < n; ++i) {
    const cv::Mat own = ink & (labels == i);
    const cv::Rect box = cv::boundingRect(own);
    if (box.area() > 0) glyphs.push_back({box, own(box).clone()});
  }
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph& a, const Glyph& b) { return a.box.x < b.box.x; });
  for (std::size_t i = 0; i + 1 < glyphs.size();) {
    if (overlap(glyphs[i].box, glyphs[i + 1].box) >= stacked * std::min(glyphs[i].box.width, glyphs[i + 1].box.width)) {
      glyphs[i] = merged(glyphs[i], glyphs[i + 1]);
      glyphs.erase(glyphs.begin() + static_cast<long>(i) + 1);
    } else {
      ++i;
    }
  }
  return glyphs;
}

}  // namespace

std::vector<Glyph> segmentGlyphs(const cv::Mat& cellInk, int expected) {
  if (cellInk.empty()) return {};
  const cv::Mat ink = withoutBoxLines(cellInk);
  std::vector<Glyph> glyphs = strokesOf(ink, 3, 0.5);
  // Dots, dashes and commas between groups of digits are no characters.
  const int typical = typicalHeight(glyphs);
  std::erase_if(glyphs, [&](const Glyph& g) { return g.box.height * 100 < typical * 45; });
  if (glyphs.empty()) return glyphs;

  // Touching characters: the widest glyph, when much wider than a character
  // is tall, is split at its thinnest column until the form's count is met.
  while (expected > 0 && static_cast<int>(glyphs.size()) < expected) {
    auto widest = std::max_element(glyphs.begin(), glyphs.end(),
                                   [](const Glyph& a, const Glyph& b) { return a.box.width < b.box.width; });
    if (widest->box.width * 10 < typical * 9 || widest->box.width < 6) break;
    auto [left, right] = splitAtThinnest(*widest);
    *widest = std::move(right);
    glyphs.insert(widest, std::move(left));
  }
  // More glyphs than the form has: a fragment (far less ink than a
  // character) joins its nearer neighbour when it touches it, or goes; else
  // the neighbours that together make the narrowest character join (two
  // halves of a 0 do; a 1 leaning on its neighbour makes a wider pair).
  while (expected > 0 && static_cast<int>(glyphs.size()) > expected) {
    std::vector<int> areas;
    for (const Glyph& g : glyphs) areas.push_back(cv::countNonZero(g.ink));
    const int typicalArea = median(areas);
    const std::size_t smallest = static_cast<std::size_t>(std::min_element(areas.begin(), areas.end()) - areas.begin());
    if (areas[smallest] * 100 < typicalArea * 35) {
      auto gapTo = [&](std::size_t k) { return -overlap(glyphs[smallest].box, glyphs[k].box); };
      std::size_t nearest = glyphs.size();
      if (smallest > 0) nearest = smallest - 1;
      if (smallest + 1 < glyphs.size() && (nearest == glyphs.size() || gapTo(smallest + 1) < gapTo(nearest)))
        nearest = smallest + 1;
      if (nearest != glyphs.size() && gapTo(nearest) * 10 <= typical * 2) {
        const std::size_t left = std::min(smallest, nearest);
        glyphs[left] = merged(glyphs[left], glyphs[left + 1]);
        glyphs.erase(glyphs.begin() + static_cast<long>(left) + 1);
      } else {
        glyphs.erase(glyphs.begin() + static_cast<long>(smallest));
      }
      continue;
    }
    std::size_t best = glyphs.size();
    int bestWidth = 0;
    for (std::size_t i = 0; i + 1 < glyphs.size(); ++i) {
      const int width = (glyphs[i].box | glyphs[i + 1].box).width;
      const int gap = -overlap(glyphs[i].box, glyphs[i + 1].box);
      if (width * 10 > typical * 11 || gap * 10 > typical * 3) continue;
      if (best == glyphs.size() || width < bestWidth) {
        best = i;
        bestWidth = width;
      }
    }
    if (best == glyphs.size()) break;
    glyphs[best] = merged(glyphs[best], glyphs[best + 1]);
    glyphs.erase(glyphs.begin() + static_cast<long>(best) + 1);
  }
  return glyphs;
}

std::vector<Glyph> glyphFragments(const cv::Mat& cellInk) {
  if (cellInk.empty()) return {};
  const cv::Mat ink = withoutBoxLines(cellInk);
  std::vector<Glyph> pieces = strokesOf(ink, 1, 0.75);
  const int typical = typicalHeight(pieces);
  std::erase_if(pieces,
                [&](const Glyph& g) { return g.box.height * 100 < typical * 25 && g.box.width * 100 < typical * 25; });
  std::vector<Glyph> out;
  for (Glyph& g : pieces) {
    std::vector<Glyph> parts{std::move(g)};
    while (parts.back().box.width * 4 > typical * 3 && parts.back().box.width >= 6) {
      auto [left, right] = splitAtThinnest(parts.back());
      parts.back() = std::move(left);
      parts.push_back(std::move(right));
    }
    for (Glyph& part : parts)
      if (part.box.area() > 0) out.push_back(std::move(part));
  }
  return out;
}

Glyph joinFragments(const std::vector<Glyph>& fragments, std::size_t first, std::size_t last) {
  Glyph g = fragments[first];
  for (std::size_t i = first + 1; i <= last; ++i) g = merged(g, fragments[i]);
  return g;
}

bool looksHandwritten(const std::vector<Glyph>& glyphs, std::string_view form) {
  std::vector<int> heights, bottoms;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    if (form.size() == glyphs.size() && form[i] != 'D') continue;
    heights.push_back(glyphs[i].box.height);
    bottoms.push_back(glyphs[i].box.y + glyphs[i].box.height);
  }
  if (heights.size() < 3) return false;
  const int typical = median(heights);
  const auto [hMin, hMax] = std::minmax_element(heights.begin(), heights.end());
  const auto [bMin, bMax] = std::minmax_element(bottoms.begin(), bottoms.end());
  // A font's figures differ by a pixel or two of scanning; a hand's by more.
  const int heightSpread = *hMax - *hMin, baselineSpread = *bMax - *bMin;
  return heightSpread > std::max(2, typical * 12 / 100) || baselineSpread > std::max(2, typical * 10 / 100);
}

cv::Mat glyphImage(const cv::Mat& ink) {
  cv::Mat out = cv::Mat::zeros(kGlyphSide, kGlyphSide, CV_32F);
  const cv::Rect box = cv::boundingRect(ink);
  if (box.area() == 0) return out;
  const cv::Mat crop = ink(box);
  const double scale = static_cast<double>(kGlyphBox) / std::max(box.width, box.height);
  const int w = std::max(1, static_cast<int>(box.width * scale + 0.5)),
            h = std::max(1, static_cast<int>(box.height * scale + 0.5));
  cv::Mat small;
  cv::resize(crop, small, {w, h}, 0, 0, cv::INTER_AREA);
  small.convertTo(out(cv::Rect((kGlyphSide - w) / 2, (kGlyphSide - h) / 2, w, h)), CV_32F, 1.0 / 255.0);
  return out;
}

}  // namespace listaudit::pipeline

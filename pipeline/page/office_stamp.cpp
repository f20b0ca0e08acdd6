#include "pipeline/page/office_stamp.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <opencv2/imgproc.hpp>

#include "pipeline/page/median.hpp"

namespace listaudit::pipeline {
namespace {

constexpr int kRingSamples = 720;  // a point every half degree round a ring
constexpr double kPageWidthMm = 210;
// A ring is ink round at least this share of it; the stamp's widest ring at
// least the second. Writing crosses a ring in a few places only, and no
// hand's loop or table's rulings come near a whole circle this size.
constexpr double kRingCoverage = 0.6;
constexpr double kStampCoverage = 0.75;
// How whole a circle the search asks of its edges (HOUGH_GRADIENT_ALT's
// param2): low, for a ring broken where the rulings were painted out; the
// coverage above decides.
constexpr double kCirclePerfectness = 0.4;
// A ring's ink darker than this is not told from the writing by its tone (a
// photocopy printed it black): its rings are taken by their place alone.
constexpr int kDarkestToldStamp = 80;
// How much darker than the ring's own ink a pixel on it must be to be
// writing under it: the scan's noise about the ring's tone, with margin.
constexpr int kToneMargin = 12;

struct Angles {
  std::array<double, kRingSamples> cos{}, sin{};
  Angles() {
    for (int i = 0; i < kRingSamples; ++i) {
      const double a = 2 * std::numbers::pi * i / kRingSamples;
      cos[static_cast<std::size_t>(i)] = std::cos(a);
      sin[static_cast<std::size_t>(i)] = std::sin(a);
    }
  }
};
const Angles& angles() {
  static const Angles a;
  return a;
}

// The pixel `radius` from `centre` at the `i`th of the kRingSamples angles
// (clockwise on the page from the right).
cv::Point onRing(cv::Point2f centre, double radius, std::size_t i) {
  return {cvRound(centre.x + radius * angles().cos[i]), cvRound(centre.y + radius * angles().sin[i])};
}

bool inkAt(const cv::Mat& ink, cv::Point p) {
  return p.x >= 0 && p.y >= 0 && p.x < ink.cols && p.y < ink.rows && ink.at<std::uint8_t>(p) != 0;
}

// The share of the circle's points (every `stride`th of them; those on the
// page, when at least half are) that fall on ink.
double coverage(const cv::Mat& ink, cv::Point2f centre, double radius, std::size_t stride = 1) {
  int on = 0, inside = 0, all = 0;
  for (std::size_t i = 0; i < kRingSamples; i += stride) {
    ++all;
    const cv::Point p = onRing(centre, radius, i);
    if (!cv::Rect(0, 0, ink.cols, ink.rows).contains(p)) continue;
    ++inside;
    on += inkAt(ink, p);
  }
  return inside * 2 >= all ? static_cast<double>(on) / inside : 0.0;
}

// A circle found on a small copy, placed on the page to the pixel: on a
// grid of every other pixel within a step of the copy's, a point in four;
// then a pixel at a time while more of the ring falls on ink.
std::pair<cv::Point2f, double> refined(const cv::Mat& ink, cv::Point2f centre, double radius, int step) {
  cv::Point2f c = centre;
  double r = radius, most = -1;
  for (int dy = -step; dy <= step; dy += 2)
    for (int dx = -step; dx <= step; dx += 2)
      for (int dr = -2 * step; dr <= 2 * step; dr += 2) {
        const cv::Point2f at(centre.x + static_cast<float>(dx), centre.y + static_cast<float>(dy));
        if (const double share = coverage(ink, at, radius + dr, 4); share > most) {
          most = share;
          c = at;
          r = radius + dr;
        }
      }
  most = coverage(ink, c, r);
  for (bool moved = true; moved;) {
    moved = false;
    for (const auto& [dx, dy, dr] :
         {std::array<int, 3>{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, std::array<int, 3>{0, 0, -1}}) {
      const cv::Point2f at(c.x + static_cast<float>(dx), c.y + static_cast<float>(dy));
      if (const double share = coverage(ink, at, r + dr); share > most) {
        most = share;
        c = at;
        r += dr;
        moved = true;
      }
    }
  }
  return {c, r};
}

// The centre of the ring about `centre` near `radius`, to a fraction of a
// pixel: the circle through the middles of the ring's ink across it, fitted
// by least squares. The climb above stops anywhere on a ring wider than a
// pixel, and a ring's far side then fell outside the width taken off.
cv::Point2f fittedCentre(const cv::Mat& ink, cv::Point2f centre, double radius) {
  const Angles& a = angles();
  const int reach = std::max(4, static_cast<int>(radius * 0.06));
  auto inkOn = [&](std::size_t i, int r) { return inkAt(ink, onRing(centre, r, i)); };
  std::vector<cv::Point2d> middles;
  std::vector<int> widths;
  const int r0 = cvRound(radius);
  for (std::size_t i = 0; i < kRingSamples; ++i) {
    int at = -1;  // the ink nearest the radius, within reach
    for (int d = 0; d <= reach && at < 0; ++d)
      if (inkOn(i, r0 + d))
        at = r0 + d;
      else if (inkOn(i, r0 - d))
        at = r0 - d;
    if (at < 0) continue;
    int from = at, to = at;
    while (from > r0 - 2 * reach && inkOn(i, from - 1)) --from;
    while (to < r0 + 2 * reach && inkOn(i, to + 1)) ++to;
    const double middle = (from + to) / 2.0;
    middles.emplace_back(centre.x + middle * a.cos[i], centre.y + middle * a.sin[i]);
    widths.push_back(to - from + 1);
  }
  if (middles.size() < kRingSamples / 2) return centre;
  // Where writing or a ruling crosses the ring its run is wider: left out.
  const int typical = median(widths);
  cv::Mat lhs(0, 3, CV_64F), rhs(0, 1, CV_64F);
  for (std::size_t k = 0; k < middles.size(); ++k) {
    if (widths[k] > typical + 2) continue;
    const double x = middles[k].x, y = middles[k].y;
    lhs.push_back(cv::Mat(cv::Matx13d(x, y, 1)));
    rhs.push_back(-(x * x + y * y));
  }
  cv::Mat abc;
  if (lhs.rows < 3 || !cv::solve(lhs, rhs, abc, cv::DECOMP_SVD)) return centre;
  const cv::Point2f fitted(static_cast<float>(-abc.at<double>(0) / 2), static_cast<float>(-abc.at<double>(1) / 2));
  // A fit that moved further than the ring's width fitted something else.
  return cv::norm(fitted - centre) <= reach ? fitted : centre;
}

// The rings about `centre`: runs of radii, from 0.6 to 1.6 times the one
// found, round which ink lies at least half the way, and at least
// kRingCoverage at their best.
void ringsAbout(const cv::Mat& ink, double radius, OfficeStamp& stamp) {
  const int from = static_cast<int>(radius * 0.6), to = static_cast<int>(radius * 1.6);
  std::vector<double> share;
  for (int r = from; r <= to; ++r) share.push_back(coverage(ink, stamp.centre, r));
  for (std::size_t i = 0; i < share.size();) {
    if (share[i] < 0.5) {
      ++i;
      continue;
    }
    std::size_t end = i;
    double best = 0;
    while (end < share.size() && share[end] >= 0.5) best = std::max(best, share[end++]);
    if (best >= kRingCoverage)
      stamp.rings.push_back(
          {static_cast<float>(from + (static_cast<double>(i + end) - 1) / 2), static_cast<float>(end - i) / 2});
    i = end;
  }
}

// The grey of the rings' own ink: each ring point's darkest pixel across the
// ring; their median over the points where the ring shows, and over those of
// each sector with its two neighbours (a stamp pressed unevenly is darker on
// one side: against the median of the whole, its dark side's ring could
// pass for writing under it).
void ringInkLevels(const cv::Mat& grey, const cv::Mat& ink, OfficeStamp& stamp) {
  std::vector<int> darkest;
  std::array<std::vector<int>, OfficeStamp::kSectors> bySector;
  for (const OfficeStamp::Ring& ring : stamp.rings)
    for (std::size_t i = 0; i < kRingSamples; ++i) {
      int least = 256;
      for (float r = ring.radius - ring.halfWidth; r <= ring.radius + ring.halfWidth; r += 1)
        if (const cv::Point p = onRing(stamp.centre, r, i); inkAt(ink, p))
          least = std::min<int>(least, grey.at<std::uint8_t>(p));
      if (least == 256) continue;
      darkest.push_back(least);
      bySector[i * OfficeStamp::kSectors / kRingSamples].push_back(least);
    }
  stamp.inkLevel = darkest.empty() ? 0 : median(darkest);
  for (std::size_t s = 0; s < OfficeStamp::kSectors; ++s) {
    std::vector<int> near;
    for (const std::size_t n : {s + OfficeStamp::kSectors - 1, s, s + 1}) {
      const auto& values = bySector[n % OfficeStamp::kSectors];
      near.insert(near.end(), values.begin(), values.end());
    }
    // A sector where the ring hardly shows (pressed too lightly to be ink)
    // has only the writing across it: the whole ring's tone stands there.
    const std::size_t shown = near.size() / stamp.rings.size();
    stamp.sectorInkLevels[s] = shown * OfficeStamp::kSectors * 2 < kRingSamples * 3 ? stamp.inkLevel : median(near);
  }
}

}  // namespace

std::vector<OfficeStamp> findOfficeStamps(const cv::Mat& grey, const cv::Mat& ink, const cv::Mat& rulings) {
  // Searched on a copy about 400 pixels wide (12 ms a page; at 300 pixels
  // the rings of seed 515's L05-RS page 2 were not found), the rulings painted
  // out: a ring near a column's rulings, their edges run into its own, was
  // not taken for a circle.
  cv::Mat searched = grey;
  if (!rulings.empty()) {
    searched = grey.clone();
    searched.setTo(255, rulings);
  }
  const int factor = std::max(1, static_cast<int>(std::lround(grey.cols / 400.0)));
  cv::Mat small;
  cv::resize(searched(cv::Rect(0, 0, grey.cols / factor * factor, grey.rows / factor * factor)), small,
             {grey.cols / factor, grey.rows / factor}, 0, 0, cv::INTER_AREA);
  const double pixelsPerMm = grey.cols / kPageWidthMm / factor;
  // Smoothed first: a ring a pixel or two wide at this size, broken by the
  // scan's noise and a JPEG's blocks, gives Canny's edges gaps (seed 515's
  // L05-RS page 2 and 535's L02-RS page 1 were not found without it).
  cv::GaussianBlur(small, small, {0, 0}, 1.0);
  std::vector<cv::Vec3f> circles;
  cv::HoughCircles(small, circles, cv::HOUGH_GRADIENT_ALT, 1.5, 10 * pixelsPerMm, 100, kCirclePerfectness,
                   static_cast<int>(10 * pixelsPerMm), static_cast<int>(25 * pixelsPerMm));
  std::vector<OfficeStamp> stamps;
  for (const cv::Vec3f& c : circles) {
    const auto [centre, radius] =
        refined(ink, {c[0] * static_cast<float>(factor), c[1] * static_cast<float>(factor)}, c[2] * factor, factor);
    if (coverage(ink, centre, radius) < kStampCoverage) continue;
    OfficeStamp stamp;
    stamp.centre = fittedCentre(ink, centre, radius);
    // Each ring of a stamp may be found as a circle of its own.
    if (std::any_of(stamps.begin(), stamps.end(), [&](const OfficeStamp& found) {
          return cv::norm(found.centre - stamp.centre) < pixelsPerMm * factor;
        }))
      continue;
    ringsAbout(ink, radius, stamp);
    if (stamp.rings.empty()) continue;
    ringInkLevels(grey, ink, stamp);
    stamps.push_back(std::move(stamp));
  }
  return stamps;
}

cv::Mat officeStampInk(const cv::Mat& grey, const cv::Mat& ink, const std::vector<OfficeStamp>& stamps) {
  // Ink a little way off the ring, on the line from the centre (or a pixel
  // or two either side of it).
  auto inkNear = [&](cv::Point2f centre, double ux, double uy, double radius) {
    for (const int side : {0, -2, 2})
      if (inkAt(ink, {cvRound(centre.x + radius * ux - side * uy), cvRound(centre.y + radius * uy + side * ux)}))
        return true;
    return false;
  };
  if (stamps.empty()) return {};
  cv::Mat out = cv::Mat::zeros(grey.size(), CV_8UC1);
  for (const OfficeStamp& stamp : stamps) {
    const bool byTone = stamp.inkLevel >= kDarkestToldStamp;
    // The lightest writing under the ring at an angle: a little darker than
    // the ring's ink there.
    std::array<int, OfficeStamp::kSectors> lightest{};
    for (std::size_t s = 0; s < OfficeStamp::kSectors; ++s)
      lightest[s] = byTone ? stamp.sectorInkLevels[s] - kToneMargin : -1;
    for (const OfficeStamp::Ring& ring : stamp.rings) {
      // A pixel's reach past the ring's measured width: the scan's blur.
      const double inner = ring.radius - ring.halfWidth - 1;
      const double outer = ring.radius + ring.halfWidth + 1;
      const cv::Rect box = cv::Rect(cvFloor(stamp.centre.x - outer), cvFloor(stamp.centre.y - outer),
                                    cvCeil(2 * outer) + 1, cvCeil(2 * outer) + 1) &
                           cv::Rect(0, 0, grey.cols, grey.rows);
      for (int y = box.y; y < box.y + box.height; ++y) {
        const double dy = y - stamp.centre.y;
        const std::uint8_t* g = grey.ptr<std::uint8_t>(y);
        std::uint8_t* o = out.ptr<std::uint8_t>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
          const double dx = x - stamp.centre.x, d = std::sqrt(dx * dx + dy * dy);
          if (d < inner || d > outer) continue;
          const double turn = std::atan2(dy, dx);
          const auto sector = static_cast<std::size_t>((turn < 0 ? turn + 2 * std::numbers::pi : turn) /
                                                       (2 * std::numbers::pi) * OfficeStamp::kSectors) %
                              OfficeStamp::kSectors;
          if (g[x] <= lightest[sector]) continue;
          // A light stroke that crosses the ring (ink just inside it and just
          // outside) keeps its ink across: a thin pen's overlap with the
          // ring is no darker than the ring, and cut there a thin 9 lost
          // the stroke the ring crossed.
          if (inkNear(stamp.centre, dx / d, dy / d, inner - 3) && inkNear(stamp.centre, dx / d, dy / d, outer + 3))
            continue;
          o[x] = 255;
        }
      }
    }
  }
  return out;
}

}  // namespace listaudit::pipeline

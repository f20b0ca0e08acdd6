#include "pipeline/page/number_sequence.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace listaudit::pipeline {
namespace {

// A stroke of the writing (a connected piece of it): its box and its ink.
struct Stroke {
  cv::Rect box;
  int ink = 0;
};

std::vector<Stroke> strokesOf(const cv::Mat& writing) {
  std::vector<Stroke> out;
  if (writing.empty()) return out;
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(writing, labels, stats, centroids, 8, CV_32S);
  for (int i = 1; i < n; ++i)
    out.push_back({{stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                    stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)},
                   stats.at<int>(i, cv::CC_STAT_AREA)});
  return out;
}

// Wider than twice its height: a ruling's last pixels, an underline, a dash.
bool flat(const cv::Rect& r) { return r.width > 2 * r.height; }

// Of a writing's strokes, whether one is a thin upright: a piece of a box's
// side that withoutBoxLines left (a fax took the side in steps), or a 1 in a
// face without foot or flag.
bool thinUpright(const cv::Rect& r) { return r.width * 6 <= r.height; }

// The box of the writing: every stroke's, except flat strokes much lower than
// the tallest (the last pixels of a ruling, an underline), which would shrink
// the digits when the box is scaled.
cv::Rect writingBox(const cv::Mat& writing) {
  const std::vector<Stroke> strokes = strokesOf(writing);
  int tallest = 0;
  for (const Stroke& s : strokes) tallest = std::max(tallest, s.box.height);
  cv::Rect box, all;
  for (const Stroke& s : strokes) {
    all = all.area() ? (all | s.box) : s.box;
    if (flat(s.box) && s.box.height * 4 < tallest) continue;
    box = box.area() ? (box | s.box) : s.box;
  }
  return box.area() ? box : all;
}

// Best path: the likeliest class per column, repeats and nones dropped; each
// character's columns are the run it was read in.
std::vector<std::pair<int, int>> bestPathRuns(const cv::Mat& p) {
  std::vector<std::pair<int, int>> runs;  // first and last column of each character
  int last = 0;
  for (int t = 0; t < p.rows; ++t) {
    cv::Point best;
    cv::minMaxLoc(p.row(t), nullptr, nullptr, nullptr, &best);
    if (best.x != 0 && best.x != last)
      runs.push_back({t, t});
    else if (best.x != 0)
      runs.back().second = t;
    last = best.x;
  }
  return runs;
}

// The form laid over the columns: Viterbi over the states "none before
// character k" and "character k", a character's column scored by the best
// class its position allows. The first and last column of each character.
std::vector<std::pair<int, int>> formRuns(const cv::Mat& p, std::string_view form) {
  const int frames = p.rows, characters = static_cast<int>(form.size());
  const int states = 2 * characters + 1;  // even: none before character s/2; odd: character s/2
  if (frames < characters) return {};
  auto emission = [&](int t, int s) {
    if (s % 2 == 0) return std::log(std::max(p.at<float>(t, 0), 1e-12f));
    float best = 0;
    for (char c : formCharacters(form, static_cast<std::size_t>(s / 2)))
      best = std::max(best, p.at<float>(t, 1 + static_cast<int>(kGlyphClasses.find(c))));
    return std::log(std::max(best, 1e-12f));
  };
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  std::vector<std::vector<float>> score(static_cast<std::size_t>(frames), std::vector<float>(states, kNone));
  std::vector<std::vector<int>> from(static_cast<std::size_t>(frames), std::vector<int>(states, -1));
  score[0][0] = emission(0, 0);
  score[0][1] = emission(0, 1);
  for (int t = 1; t < frames; ++t)
    for (int s = 0; s < states; ++s) {
      // From the same state, the state before, or (a character straight after
      // the one before it) two states before.
      for (int back = 0; back <= 2 && back <= s; ++back) {
        if (back == 2 && s % 2 == 0) continue;
        const float before = score[static_cast<std::size_t>(t - 1)][static_cast<std::size_t>(s - back)];
        if (before == kNone || before <= score[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)]) continue;
        score[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] = before;
        from[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] = s - back;
      }
      if (score[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] != kNone)
        score[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)] += emission(t, s);
    }
  const auto& end = score.back();
  int s =
      end[static_cast<std::size_t>(states - 1)] >= end[static_cast<std::size_t>(states - 2)] ? states - 1 : states - 2;
  if (end[static_cast<std::size_t>(s)] == kNone) return {};
  std::vector<std::pair<int, int>> runs(static_cast<std::size_t>(characters), {-1, -1});
  for (int t = frames - 1; t >= 0; --t) {
    if (s % 2 == 1) {
      auto& run = runs[static_cast<std::size_t>(s / 2)];
      run.first = t;
      if (run.second < 0) run.second = t;
    }
    if (t > 0) s = from[static_cast<std::size_t>(t)][static_cast<std::size_t>(s)];
  }
  return runs;
}

// Whether two runs of columns share one.
bool overlaps(std::pair<int, int> a, std::pair<int, int> b) { return a.first <= b.second && b.first <= a.second; }

}  // namespace

std::string_view formCharacters(std::string_view form, std::size_t k) {
  if (form.empty()) return kGlyphClasses;
  return form[k] == 'L' ? kGlyphClasses.substr(10) : kGlyphClasses.substr(0, 10);
}

cv::Mat withinTheFiguresBand(const cv::Mat& writing) {
  std::vector<Stroke> figures = strokesOf(writing);
  std::erase_if(figures, [](const Stroke& s) { return thinUpright(s.box) || flat(s.box); });
  // A figure holds a good part of the ink of the largest; specks and the
  // feet of box sides hold little.
  int largest = 0;
  for (const Stroke& s : figures) largest = std::max(largest, s.ink);
  int top = writing.rows, foot = 0;
  for (const Stroke& s : figures) {
    if (s.ink * 4 < largest) continue;
    top = std::min(top, s.box.y);
    foot = std::max(foot, s.box.y + s.box.height);
  }
  if (foot <= top) return writing;  // nothing but uprights (1s): as it is
  cv::Mat out = cv::Mat::zeros(writing.size(), writing.type());
  writing.rowRange(top, foot).copyTo(out.rowRange(top, foot));
  return out;
}

cv::Mat sequenceInput(const cv::Mat& writing, int height, int maxWidth) {
  if (writing.empty()) return {};
  const cv::Rect box = writingBox(writing);
  if (box.area() <= 0) return {};
  const int inner = height - 4;
  const int width = std::clamp(static_cast<int>(std::lround(box.width * static_cast<double>(inner) / box.height)), 1,
                               maxWidth - 2 * kSequenceMargin);
  cv::Mat small;
  cv::resize(writing(box), small, {width, inner}, 0, 0, cv::INTER_AREA);
  cv::Mat out = cv::Mat::zeros(height, width + 2 * kSequenceMargin, CV_32F);
  small.convertTo(out(cv::Rect(kSequenceMargin, 2, width, inner)), CV_32F, 1.0 / 255.0);
  return out;
}

std::vector<ReadGlyph> decodeSequence(const cv::Mat& posteriors, std::string_view form) {
  const auto seen = bestPathRuns(posteriors);
  const auto runs = form.empty() ? seen : formRuns(posteriors, form);
  std::vector<ReadGlyph> out;
  for (std::size_t k = 0; k < runs.size(); ++k) {
    const std::string_view allowed = formCharacters(form, k);
    // The character's classes summed over its columns, among those allowed.
    std::vector<double> mass(allowed.size(), 0);
    double total = 0;
    for (int t = runs[k].first; t <= runs[k].second; ++t)
      for (std::size_t c = 0; c < allowed.size(); ++c) {
        const double q = posteriors.at<float>(t, 1 + static_cast<int>(kGlyphClasses.find(allowed[c])));
        mass[c] += q;
        total += q;
      }
    // A character the form needs but the network did not see as one (a
    // character split in two, or two read as one, to make the form's count;
    // often a digit written past the cell's edge) is in doubt whatever its
    // columns say: half its weight goes to every class alike.
    int seenHere = 0, shared = 0;
    for (const auto& r : seen)
      if (overlaps(r, runs[k])) {
        ++seenHere;
        for (std::size_t j = 0; j < runs.size(); ++j) shared += j != k && overlaps(r, runs[j]);
      }
    const double doubt = seenHere == 1 && shared == 0 ? 0.0 : 0.5;
    ReadGlyph glyph;
    for (std::size_t c = 0; c < allowed.size(); ++c) {
      const double p = total > 0 ? mass[c] / total : 1.0 / static_cast<double>(allowed.size());
      glyph.choices.push_back(
          {std::string(1, allowed[c]), (1 - doubt) * p + doubt / static_cast<double>(allowed.size())});
    }
    std::stable_sort(glyph.choices.begin(), glyph.choices.end(),
                     [](const GlyphChoice& a, const GlyphChoice& b) { return a.probability > b.probability; });
    out.push_back(std::move(glyph));
  }
  return out;
}

std::vector<ReadGlyph> averagedReading(const std::vector<std::vector<ReadGlyph>>& readings) {
  if (readings.empty()) return {};
  const std::vector<ReadGlyph>& first = readings.front();
  for (const auto& reading : readings)
    if (reading.size() != first.size()) return first;
  std::vector<ReadGlyph> out;
  for (std::size_t k = 0; k < first.size(); ++k) {
    ReadGlyph glyph;
    for (const auto& reading : readings)
      for (const GlyphChoice& choice : reading[k].choices) {
        auto same = std::find_if(glyph.choices.begin(), glyph.choices.end(),
                                 [&](const GlyphChoice& c) { return c.glyph == choice.glyph; });
        if (same == glyph.choices.end()) same = glyph.choices.insert(glyph.choices.end(), {choice.glyph, 0});
        same->probability += choice.probability / static_cast<double>(readings.size());
      }
    std::stable_sort(glyph.choices.begin(), glyph.choices.end(),
                     [](const GlyphChoice& a, const GlyphChoice& b) { return a.probability > b.probability; });
    out.push_back(std::move(glyph));
  }
  return out;
}

CellReading withSecondOpinion(const CellReading& first, const CellReading& second, std::string_view form,
                              std::string_view weighed) {
  if (first.glyphs.empty() || first.glyphs.size() != second.glyphs.size() || first.glyphs.size() != form.size())
    return first;
  CellReading out = first;
  for (std::size_t k = 0; k < out.glyphs.size(); ++k) {
    const ReadGlyph& other = second.glyphs[k];
    if (weighed.find(form[k]) == std::string_view::npos || out.glyphs[k].choices.empty() || other.choices.empty())
      continue;
    if (other.choices.front().glyph != out.glyphs[k].choices.front().glyph)
      out.glyphs[k] = averagedReading({{out.glyphs[k]}, {other}}).front();
    else if (other.choices.front().probability > out.glyphs[k].choices.front().probability)
      out.glyphs[k] = other;  // two readers agree: the character is as sure as the surer says
  }
  out.spellGlyphs();
  return out;
}

bool formHasLetters(std::string_view form) { return form.find('L') != std::string_view::npos; }

bool standsAgainst(const CellReading& network, const CellReading& other, models::IdScheme scheme) {
  if (network.glyphs.size() != models::idForm(scheme).size()) return false;
  if (network.confidence >= kSureNetworkReading) return true;
  return network.confidence >= kDoubtfulNetworkReading && network.confidence > other.confidence &&
         (!models::hasVerifiedCheckDigit(scheme) || models::checkNationalId(network.text, scheme).valid());
}

CellReading weighedAgainst(CellReading tesseract, CellReading network, models::IdScheme scheme,
                           std::string_view weighed) {
  const std::string_view form = models::idForm(scheme);
  if (tesseract.glyphs.size() == form.size() || network.glyphs.size() != form.size())
    return withSecondOpinion(tesseract, network, form, weighed);
  if (standsAgainst(network, tesseract, scheme)) {
    network.writing = models::Writing::Printed;  // the number networks' reading says a hand's
    return network;
  }
  if (network.confidence >= kDoubtfulNetworkReading)
    tesseract.confidence = std::min(tesseract.confidence, kDoubtfulNetworkReading);
  return tesseract;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/handwritten_number_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <opencv2/imgproc.hpp>
#include <sstream>
#include <stdexcept>

#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/network_file.hpp"
#include "pipeline/page/number_sequence.hpp"

namespace listaudit::pipeline {
namespace {

// The classes a position may take: the form's letter or digit there, or, when
// the glyphs do not line up with the form, any character of the scheme.
std::string_view allowedAt(std::string_view form, std::size_t position, std::size_t glyphs) {
  if (form.empty() || form.size() == glyphs) return formCharacters(form, position);
  return form.find('L') != std::string_view::npos ? kGlyphClasses : kGlyphClasses.substr(0, 10);
}

// How far past its cell a failing number's writing is looked for, in heights
// of the writing: about two digits of a wide hand.
constexpr double kOverrunWidths = 1.5;
// Fragments a character may be made of, at most.
constexpr std::size_t kFragmentsPerCharacter = 3;
// Leaving a fragment out (a speck, a stray stroke) costs as much as a
// character read at this probability.
constexpr double kLeaveOutCost = 0.02;

}  // namespace

std::string defaultGlyphModelPath() { return modelPath("LISTAUDIT_GLYPH_MODEL", "glyphs.onnx"); }
std::vector<std::string> defaultNumberModelPaths() {
  if (const char* env = std::getenv("LISTAUDIT_NUMBER_MODEL"); env && *env) {
    std::vector<std::string> paths;
    std::stringstream list(env);
    for (std::string path; std::getline(list, path, ':');)
      if (!path.empty()) paths.push_back(path);
    return paths;
  }
  return {weightsFile("numbers.onnx"), weightsFile("numbers-2.onnx")};
}

HandwrittenNumberReader::HandwrittenNumberReader(const std::string& glyphModelPath,
                                                 const std::vector<std::string>& numberModelPaths)
    : net_(loadNetwork(glyphModelPath.empty() ? defaultGlyphModelPath() : glyphModelPath, "tools/train-glyphs")) {
  for (const std::string& path : numberModelPaths.empty() ? defaultNumberModelPaths() : numberModelPaths)
    sequenceNets_.push_back(loadNetwork(path, "tools/train-numbers"));
  if (sequenceNets_.empty()) throw std::runtime_error("read stage: no number network given");
}

void HandwrittenNumberReader::setPage(const ReadablePage& page) {
  page_ = page;
  cuts_.clear();
}

const HandwrittenNumberReader::CellCut& HandwrittenNumberReader::cutOf(const cv::Rect& cell, models::IdScheme scheme) {
  auto [it, isNew] = cuts_.try_emplace({cell.x, cell.y, cell.width, cell.height, scheme});
  if (isNew) {
    it->second.writing = numberWriting(page_.text, cell);
    it->second.glyphs = segmentGlyphs(it->second.writing, static_cast<int>(models::idForm(scheme).size()));
  }
  return it->second;
}

bool HandwrittenNumberReader::accepts(const cv::Rect& cell, models::IdScheme scheme) {
  if (page_.ink.empty()) return false;
  return looksHandwritten(cutOf(cell, scheme).glyphs, models::idForm(scheme));
}

std::vector<std::vector<double>> HandwrittenNumberReader::classify(const std::vector<cv::Mat>& glyphImages) {
  if (glyphImages.empty()) return {};
  const cv::Mat blob = cv::dnn::blobFromImages(glyphImages);  // N x 1 x 28 x 28, float
  net_.setInput(blob);
  const cv::Mat logits = net_.forward().reshape(1, static_cast<int>(glyphImages.size()));
  std::vector<std::vector<double>> out;
  for (int i = 0; i < logits.rows; ++i) {
    std::vector<double> p(static_cast<std::size_t>(logits.cols));
    softmaxRow(logits.ptr<float>(i), logits.cols, p.data());
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<cv::Mat> HandwrittenNumberReader::sequencePosteriors(const cv::Mat& input) {
  std::vector<cv::Mat> out;
  for (cv::dnn::Net& net : sequenceNets_) out.push_back(columnPosteriors(net, input));
  return out;
}

std::vector<Glyph> HandwrittenNumberReader::cutByRecognition(const cv::Mat& writing, std::string_view form) {
  const std::vector<Glyph> fragments = glyphFragments(writing);
  const std::size_t n = fragments.size(), characters = form.size();
  if (characters == 0 || n < characters || n > characters * kFragmentsPerCharacter) return {};
  std::vector<int> heights, areas;
  for (const Glyph& g : fragments) {
    heights.push_back(g.box.height);
    areas.push_back(cv::countNonZero(g.ink));
  }
  std::vector<int> sorted = heights;
  std::sort(sorted.begin(), sorted.end());
  const int typical = sorted[sorted.size() * 3 / 4];  // a character's height; pieces are lower
  std::sort(areas.begin(), areas.end());
  const int typicalArea = areas[areas.size() / 2];

  // Every run of up to three fragments narrow enough to be one character, read at once.
  struct Group {
    std::size_t first, last;
    Glyph glyph;
  };
  std::vector<Group> groups;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t last = i; last < n && last < i + kFragmentsPerCharacter; ++last) {
      Glyph g = joinFragments(fragments, i, last);
      if (last > i && g.box.width * 4 > typical * 5) break;
      groups.push_back({i, last, std::move(g)});
    }
  std::vector<cv::Mat> images;
  for (const Group& g : groups) images.push_back(glyphImage(g.glyph.ink));
  const auto probabilities = classify(images);

  // best[i][k]: the likeliest way to read the first i fragments as k characters.
  constexpr double kNone = -1e300;
  std::vector<std::vector<double>> best(n + 1, std::vector<double>(characters + 1, kNone));
  std::vector<std::vector<std::ptrdiff_t>> from(n + 1, std::vector<std::ptrdiff_t>(characters + 1, -2));
  best[0][0] = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k <= characters; ++k) {
      if (best[i][k] == kNone) continue;
      // A small fragment may be left out.
      if (cv::countNonZero(fragments[i].ink) * 100 < typicalArea * 40 &&
          best[i][k] + std::log(kLeaveOutCost) > best[i + 1][k]) {
        best[i + 1][k] = best[i][k] + std::log(kLeaveOutCost);
        from[i + 1][k] = -1;
      }
      if (k == characters) continue;
      const std::string_view allowed = allowedAt(form, k, characters);
      for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].first != i) continue;
        double p = 0;
        for (char c : allowed) p = std::max(p, probabilities[g][kGlyphClasses.find(c)]);
        const double score = best[i][k] + std::log(std::max(p, 1e-9));
        const std::size_t next = groups[g].last + 1;
        if (score > best[next][k + 1]) {
          best[next][k + 1] = score;
          from[next][k + 1] = static_cast<std::ptrdiff_t>(g);
        }
      }
    }
  if (best[n][characters] == kNone) return {};
  std::vector<Glyph> out;
  for (std::size_t i = n, k = characters; i > 0;) {
    const std::ptrdiff_t step = from[i][k];
    if (step == -1) {
      --i;
      continue;
    }
    const Group& g = groups[static_cast<std::size_t>(step)];
    out.push_back(g.glyph);
    i = g.first;
    --k;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

CellReading HandwrittenNumberReader::read(const cv::Rect& cell, models::IdScheme scheme) {
  const std::string_view form = models::idForm(scheme);
  const CellCut& cut = cutOf(cell, scheme);
  if (CellReading whole = readWhole(cut.writing, form); !whole.glyphs.empty()) return whole;
  return readByGlyphs(cut, form);
}

std::vector<std::string> HandwrittenNumberReader::readAgain(const cv::Rect& cell, models::IdScheme scheme) {
  const cv::Rect written = cv::boundingRect(cutOf(cell, scheme).writing);
  if (written.empty()) return {};
  cv::Rect wider = cell;
  wider.width += static_cast<int>(std::lround(written.height * kOverrunWidths));
  wider &= cv::Rect(0, 0, page_.text.cols, page_.text.rows);
  const CellReading reading = readWhole(numberWriting(page_.text, wider), models::idForm(scheme));
  if (reading.glyphs.empty()) return {};
  return {reading.text};
}

CellReading HandwrittenNumberReader::readWhole(const cv::Mat& writing, std::string_view form) {
  const cv::Mat input = sequenceInput(withoutBoxLines(writing));
  if (input.empty()) return {};
  std::vector<std::vector<ReadGlyph>> readings;
  for (const cv::Mat& posteriors : sequencePosteriors(input)) readings.push_back(decodeSequence(posteriors, form));
  return networkReading(averagedReading(readings), models::Writing::Handwritten);
}

CellReading HandwrittenNumberReader::readByGlyphs(const CellCut& cut, std::string_view form) {
  // The cut by shape, when it finds the form's count of characters; else the
  // cut the characters' own readings like best.
  std::vector<Glyph> recognised;
  if (cut.glyphs.size() != form.size()) recognised = cutByRecognition(cut.writing, form);
  const std::vector<Glyph>& glyphs = recognised.empty() ? cut.glyphs : recognised;
  // Each glyph as cut, and with its strokes a pixel broader: a fine pen's
  // strokes thin out in a scan, and the network weighs both.
  std::vector<cv::Mat> images;
  for (const Glyph& g : glyphs) images.push_back(glyphImage(g.ink));
  for (const Glyph& g : glyphs) {
    cv::Mat broader;
    cv::dilate(g.ink, broader, cv::getStructuringElement(cv::MORPH_ELLIPSE, {3, 3}));
    images.push_back(glyphImage(broader));
  }
  auto probabilities = classify(images);
  std::vector<ReadGlyph> read;
  for (std::size_t i = 0; i < glyphs.size(); ++i) {
    const std::string_view allowed = allowedAt(form, i, glyphs.size());
    ReadGlyph glyph;
    double total = 0;
    auto probability = [&](char c) {
      const std::size_t k = kGlyphClasses.find(c);
      return (probabilities[i][k] + probabilities[i + glyphs.size()][k]) / 2;
    };
    for (char c : allowed) total += probability(c);
    for (char c : allowed) glyph.choices.push_back({std::string(1, c), probability(c) / std::max(total, 1e-12)});
    std::sort(glyph.choices.begin(), glyph.choices.end(),
              [](const GlyphChoice& a, const GlyphChoice& b) { return a.probability > b.probability; });
    read.push_back(std::move(glyph));
  }
  return networkReading(std::move(read), models::Writing::Handwritten);
}

}  // namespace listaudit::pipeline

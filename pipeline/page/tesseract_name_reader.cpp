#include "pipeline/page/tesseract_name_reader.hpp"

#include <algorithm>
#include <numeric>

#include "models/name_text.hpp"
#include "pipeline/page/banded_print.hpp"
#include "pipeline/page/cell_ink.hpp"

namespace listaudit::pipeline {
namespace {

// A name read at least this sure, and plausible, is not tried with other models.
constexpr double kSureConfidence = 0.85;
// A name read less sure than this is mostly misread (the printed rows of the
// printed seeds 404, 606, 727 and 818: 38 of 51 below it were, 8 of 1,157
// above it).
constexpr double kDoubtfulConfidence = 0.90;

// A reading in one script, of characters a name can hold.
bool plausibleName(const OcrText& t) { return !models::mixesScripts(t.text) && models::looksLikeName(t.text); }

double meanConfidence(const OcrText& t) {
  if (t.characterConfidences.empty()) return 0;
  return std::accumulate(t.characterConfidences.begin(), t.characterConfidences.end(), 0.0) /
         static_cast<double>(t.characterConfidences.size());
}

}  // namespace

std::vector<std::string> nameModelsFor(const models::Country& country) {
  using models::Language;
  // One model per engine: a combined "srp+srp_latn" lets the Cyrillic model
  // take over Latin words; separate engines and the better reading do not.
  switch (country.language()) {
    case Language::Bulgarian: return {"bul"};
    // The Macedonian model misreads Љ; with the Serbian one beside it, it does not.
    case Language::Macedonian: return {"mkd+srp"};
    case Language::Albanian: return {"sqi"};
    case Language::Serbian: return {"srp_latn", "srp"};
    case Language::Unknown: break;
  }
  return {"bul", "srp_latn", "srp", "mkd", "sqi"};
}

void TesseractNameReader::setPage(const ReadablePage& page, const models::Country& country) {
  page_ = page.text;
  ink_ = page.ink;
  lines_ = page.lines;
  const std::vector<std::string> models = nameModelsFor(country);
  trySecondScript_ = models.size() == 2;
  candidates_.clear();
  for (const auto& m : models) candidates_.push_back({&engines_.get(m), false});
}

OcrEngine& TesseractNameReader::engine(std::size_t i) {
  Candidate& c = candidates_[i];
  if (!c.pageSet) {
    c.engine->setPage(page_);
    c.pageSet = true;
  }
  return *c.engine;
}

void TesseractNameReader::putFirst(std::size_t i) {
  std::rotate(candidates_.begin(), candidates_.begin() + static_cast<long>(i),
              candidates_.begin() + static_cast<long>(i) + 1);
}

CellReading TesseractNameReader::readBlock(const cv::Rect& box) {
  OcrText best;
  std::size_t winner = 0;
  bool bestMixed = true;
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    const OcrText text = engine(i).readBlock(box);
    const bool mixed = models::mixesScripts(text.text);
    // A title holds quotes, digits and commas: its words' mean confidence, in
    // one script, tells the models apart; its least sure character does not.
    if (i == 0 || (bestMixed && !mixed) || (mixed == bestMixed && meanConfidence(text) > meanConfidence(best))) {
      best = text;
      bestMixed = mixed;
      winner = i;
    }
  }
  putFirst(winner);
  return asCellReading(best);
}

CellReading TesseractNameReader::readLine(const cv::Rect& box) { return read(box, false); }

CellReading TesseractNameReader::readName(const cv::Rect& cell) { return read(cell, true); }

CellReading TesseractNameReader::read(const cv::Rect& cell, bool closeBands) {
  // The recognizer's cost grows with the width it reads: the cell's empty
  // end is left out, with half a line's height of paper kept either side.
  const cv::Rect box = writingSpan(ink_, lines_, cell, cell.height / 2);
  OcrText best;
  bool bestPlausible = false, bestClosed = false;
  std::size_t winner = 0;
  std::vector<std::string> texts;
  // Between plausible readings the mean confidence decides: a Cyrillic model
  // reads a Latin name as confident Cyrillic letters, but not all of them.
  auto weigh = [&](const OcrText& text, std::size_t model, bool closed) {
    texts.push_back(text.text);
    const bool plausible = plausibleName(text);
    if (texts.size() == 1 || (plausible && !bestPlausible) ||
        (plausible == bestPlausible && meanConfidence(text) > meanConfidence(best))) {
      best = text;
      bestPlausible = plausible;
      bestClosed = closed;
      winner = model;
    }
    return plausible;
  };
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    const OcrText text = engine(i).readLine(box);
    const bool plausible = weigh(text, i, false);
    if (!trySecondScript_ && plausible && text.confidence >= kSureConfidence) break;
  }
  // A name read unsurely and printed in bands (banded_print.hpp) is read
  // again by every model with its bands closed.
  if (closeBands && (!bestPlausible || best.confidence < kDoubtfulConfidence) && printedInBands(page_, box)) {
    const cv::Mat closed = withBandsClosed(page_(box), bandGap(box.height));
    for (std::size_t i = 0; i < candidates_.size(); ++i)
      weigh(candidates_[i].engine->readLineImage(closed, ""), i, true);
  }
  // Closing may join one letter's bands into another's ("Agtën" for Agron,
  // read at 0.95 on seed 606's L07-XK page 2): a name read so is never as
  // sure as the checks need to call it another person's (identify.hpp,
  // kSureMismatchName).
  if (bestClosed) {
    best.confidence = std::min(best.confidence, kDoubtfulConfidence);
    for (double& c : best.characterConfidences) c = std::min(c, kDoubtfulConfidence);
  }
  putFirst(winner);
  CellReading out = asCellReading(best);
  for (const std::string& text : texts)
    if (!text.empty() && text != best.text &&
        std::find(out.otherTexts.begin(), out.otherTexts.end(), text) == out.otherTexts.end())
      out.otherTexts.push_back(text);
  return out;
}

}  // namespace listaudit::pipeline

#pragma once
// The printed-number reader: Tesseract, one text line per cell, with the
// scheme's alphabet as whitelist, and for a number that fails its check a
// second look at the cell enlarged and binarised. Reads any cell, so it is
// registered last.
//
// Not thread-safe: one per thread, over that thread's engines.
#include <set>
#include <string>

#include "pipeline/page/number_reader.hpp"
#include "pipeline/page/ocr_engine.hpp"

namespace listaudit::pipeline {

class TesseractNumberReader final : public NumberReader {
 public:
  explicit TesseractNumberReader(OcrEnginePool& engines) : engines_(engines) {}
  std::string name() const override { return "Tesseract"; }
  void setPage(const ReadablePage& page) override;
  bool accepts(const cv::Rect&, models::IdScheme) override { return true; }
  CellReading read(const cv::Rect& cell, models::IdScheme scheme) override;
  std::vector<std::string> readAgain(const cv::Rect& cell, models::IdScheme scheme) override;

 private:
  OcrEngine& engineFor(models::IdScheme scheme);

  OcrEnginePool& engines_;
  cv::Mat page_;
  std::set<const OcrEngine*> holdingPage_;  // engines the page is set on
};

// The Tesseract model to read personal numbers with: eng for numbers of
// digits; for numbers with letters (Albanian, or any scheme when none is
// known) srp_latn, since eng's sense of English words turns digits after a
// capital into letters (F313 to FSlS).
std::string numberModelFor(models::IdScheme scheme);

// The characters the number reader may return for a scheme: its alphabet,
// and for schemes with letters the glyphs a J or an I is taken for, which the
// resolver maps back by the number's form.
std::string idReadingAlphabet(models::IdScheme scheme);
// The personal number as read: letters upper-cased, spaces and characters
// outside idReadingAlphabet dropped.
std::string cleanIdText(const std::string& text, models::IdScheme scheme);

}  // namespace listaudit::pipeline

#pragma once
// The printed-text reader: Tesseract with the one or several models of the
// page's country's scripts. The model that reads the title best, then the
// one that read the last line best, is tried first; the others only when its
// reading is unsure or not a plausible name; for a country of two scripts,
// always. Reads any line, so it is registered last.
//
// Not thread-safe: one per thread, over that thread's engines.
#include <string>
#include <vector>

#include "pipeline/page/name_reader.hpp"
#include "pipeline/page/ocr_engine.hpp"

namespace listaudit::pipeline {

class TesseractNameReader final : public NameReader {
 public:
  explicit TesseractNameReader(OcrEnginePool& engines) : engines_(engines) {}
  void setPage(const ReadablePage& page, const models::Country& country) override;
  bool accepts(const cv::Rect&) override { return true; }
  // Reads the block with every model and puts the one that read it best
  // first for the rest of the page.
  CellReading readBlock(const cv::Rect& box) override;
  // With the first model, and the others only when it is unsure.
  CellReading readLine(const cv::Rect& box) override;
  // As readLine; a name read unsurely and printed in bands is read again by
  // every model with its bands closed.
  CellReading readName(const cv::Rect& cell) override;

 private:
  CellReading read(const cv::Rect& cell, bool closeBands);
  OcrEngine& engine(std::size_t i);
  void putFirst(std::size_t i);

  struct Candidate {
    OcrEngine* engine = nullptr;
    bool pageSet = false;
  };
  OcrEnginePool& engines_;
  std::vector<Candidate> candidates_;
  cv::Mat page_, ink_, lines_;
  // A country that writes names in two scripts (Serbia): each name is read in
  // both, since a person may write theirs in the script the form is not in.
  bool trySecondScript_ = false;
};

// The Tesseract models to read a country's names with, one per script it
// writes names in; every model when the country is not known.
std::vector<std::string> nameModelsFor(const models::Country& country);

}  // namespace listaudit::pipeline

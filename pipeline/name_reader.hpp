#pragma once
// Reads the text of a page with the one or several Tesseract models of its
// country's scripts. The model that reads the title best, then the one that
// read the last cell best, is tried first; the others only when its reading
// is unsure or not a plausible name; for a country of two scripts, always.
//
// Not thread-safe: made per page, on the thread that owns the engines.
#include <string>
#include <vector>

#include "pipeline/ocr_engine.hpp"

namespace listaudit::pipeline {

class NameReader {
 public:
  // `page` must outlive the reader.
  NameReader(OcrEnginePool& engines, const std::vector<std::string>& languages, const cv::Mat& page);
  // Reads the block (the page's title) with every model and puts the one that
  // read it best first for the rest of the page. Returns that reading.
  OcrText chooseModel(const cv::Rect& box);
  // One line, with the first model, and the others only when it is unsure.
  OcrText readLine(const cv::Rect& box);

 private:
  OcrEngine& engine(std::size_t i);
  void putFirst(std::size_t i);

  struct Candidate {
    OcrEngine* engine = nullptr;
    bool pageSet = false;
  };
  std::vector<Candidate> candidates_;
  const cv::Mat& page_;
  // A country that writes names in two scripts (Serbia): each name is read in
  // both, since a person may write theirs in the script the form is not in.
  bool trySecondScript_ = false;
};

}  // namespace listaudit::pipeline

#pragma once
// One Tesseract engine: owns its TessBaseAPI (End() in the destructor). Set a
// page once, then read any number of rectangles of it: far cheaper than one
// image per cell.
//
// Not thread-safe: one engine per thread (Tesseract allows separate engines on
// separate threads). Construction throws std::runtime_error when the language
// data is missing.
#include <map>
#include <memory>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "pipeline/page/cell_reading.hpp"

namespace tesseract {
class TessBaseAPI;
}

namespace listaudit::pipeline {

struct OcrText {
  std::string text;                          // UTF-8, trimmed
  double confidence = 0;                     // 0..1: the least sure character's confidence
  std::vector<double> characterConfidences;  // 0..1, one per character of `text` that is not a space
  std::vector<std::string> characters;       // those characters (Tesseract's symbols), UTF-8
};

// The engine's reading as a reader of the slots returns it: one choice per
// character (Tesseract's LSTM gives its alternatives only in a mode we do not
// run).
CellReading asCellReading(const OcrText& ocr);

class OcrEngine {
 public:
  // `languages` as Tesseract takes them ("bul", "srp+srp_latn").
  explicit OcrEngine(const std::string& languages);
  ~OcrEngine();
  OcrEngine(const OcrEngine&) = delete;
  OcrEngine& operator=(const OcrEngine&) = delete;

  // The page must outlive the reads made of it; it is not copied.
  void setPage(const cv::Mat& grey);
  // One line of text in `box`, only characters of `whitelist` when not empty.
  OcrText readLine(const cv::Rect& box, const std::string& whitelist = "");
  // One line of text in an image of its own (a cell looked at again); the
  // page set before is set again afterwards, so reads of it can go on.
  OcrText readLineImage(const cv::Mat& grey, const std::string& whitelist);
  // A block of several lines (the title).
  OcrText readBlock(const cv::Rect& box);

  const std::string& languages() const { return languages_; }

 private:
  // Lines are read at most this many pixels tall (a cell at about 180 dpi).
  static constexpr int kLinePixels = 72;

  OcrText read(const cv::Rect& box, int pageSegMode, const std::string& whitelist);
  // Sets the segmentation mode and the whitelist (only when it changed).
  void prepare(int pageSegMode, const std::string& whitelist);
  // Gives Tesseract an image (it copies it).
  void giveImage(const cv::Mat& grey);
  // Recognises what was given, with each character's confidence.
  OcrText recognise();

  std::string languages_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  cv::Mat page_;
  bool pageOnEngine_ = false;  // whether Tesseract holds page_ (a line's small copy replaces it)
  std::string whitelist_;
};

// The engines of one thread, one per language set, made when first asked for.
// Not thread-safe: the wiring gives each thread its own pool.
class OcrEnginePool {
 public:
  OcrEngine& get(const std::string& languages);

 private:
  std::map<std::string, std::unique_ptr<OcrEngine>> engines_;
};

}  // namespace listaudit::pipeline

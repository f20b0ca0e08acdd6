#include "pipeline/page/tesseract_number_reader.hpp"

#include <cctype>
#include <opencv2/imgproc.hpp>

namespace listaudit::pipeline {
namespace {

// The same cell seen differently: enlarged twice with a white margin, and that
// binarised, so that a glyph misread at one scale is read at another.
std::vector<cv::Mat> secondLooks(const cv::Mat& cell) {
  cv::Mat large, framed, binary;
  cv::resize(cell, large, {}, 2.0, 2.0, cv::INTER_CUBIC);
  cv::copyMakeBorder(large, framed, 16, 16, 16, 16, cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::threshold(framed, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  return {framed, binary};
}

}  // namespace

std::string numberModelFor(models::IdScheme scheme) {
  const std::string_view form = models::idForm(scheme);
  return form.empty() || form.find('L') != std::string_view::npos ? "srp_latn" : "eng";
}

std::string idReadingAlphabet(models::IdScheme scheme) {
  std::string alphabet(models::idAlphabet(scheme));
  if (alphabet.find('A') != std::string::npos) alphabet += ")]}|";
  return alphabet;
}

std::string cleanIdText(const std::string& text, models::IdScheme scheme) {
  const std::string alphabet = idReadingAlphabet(scheme);
  std::string out;
  for (char c : text) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (alphabet.find(u) != std::string::npos) out += u;
  }
  return out;
}

void TesseractNumberReader::setPage(const ReadablePage& page) {
  page_ = page.text;
  holdingPage_.clear();
}

OcrEngine& TesseractNumberReader::engineFor(models::IdScheme scheme) {
  OcrEngine& engine = engines_.get(numberModelFor(scheme));
  // The name reader may have set the same page on this engine; setting it
  // again costs one copy of the page and keeps this reader on its own.
  if (holdingPage_.insert(&engine).second) engine.setPage(page_);
  return engine;
}

CellReading TesseractNumberReader::read(const cv::Rect& cell, models::IdScheme scheme) {
  const OcrText ocr = engineFor(scheme).readLine(cell, idReadingAlphabet(scheme));
  CellReading out;
  out.text = cleanIdText(ocr.text, scheme);
  out.confidence = ocr.confidence;
  // Kept only when they still line up with the characters kept.
  if (ocr.characterConfidences.size() == out.text.size())
    for (std::size_t i = 0; i < out.text.size(); ++i)
      out.glyphs.push_back({{{std::string(1, out.text[i]), ocr.characterConfidences[i]}}});
  return out;
}

std::vector<std::string> TesseractNumberReader::readAgain(const cv::Rect& cell, models::IdScheme scheme) {
  OcrEngine& engine = engineFor(scheme);
  std::vector<std::string> readings;
  for (const cv::Mat& look : secondLooks(page_(cell & cv::Rect(0, 0, page_.cols, page_.rows))))
    readings.push_back(cleanIdText(engine.readLineImage(look, idReadingAlphabet(scheme)).text, scheme));
  return readings;
}

}  // namespace listaudit::pipeline

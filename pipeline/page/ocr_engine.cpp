#include "pipeline/page/ocr_engine.hpp"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <vector>

namespace listaudit::pipeline {
namespace {

std::string trimmed(const char* raw) {
  std::string s = raw ? raw : "";
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

CellReading asCellReading(const OcrText& ocr) {
  CellReading out;
  out.text = ocr.text;
  out.confidence = ocr.confidence;
  for (std::size_t i = 0; i < ocr.characters.size(); ++i)
    out.glyphs.push_back({{{ocr.characters[i], ocr.characterConfidences[i]}}});
  return out;
}

OcrEngine::OcrEngine(const std::string& languages)
    : languages_(languages), api_(std::make_unique<tesseract::TessBaseAPI>()) {
  // Names are not dictionary words: the word lists would only bend them.
  // These are init-only variables, so they go to Init itself.
  std::vector<std::string> names{"load_system_dawg", "load_freq_dawg", "debug_file"};
  std::vector<std::string> values{"0", "0", "/dev/null"};
  if (api_->Init(nullptr, languages.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values, false) != 0)
    throw std::runtime_error("read stage: Tesseract language data '" + languages + "' is not installed");
}

OcrEngine::~OcrEngine() {
  if (api_) api_->End();
}

void OcrEngine::setPage(const cv::Mat& grey) {
  if (grey.type() != CV_8UC1 || !grey.isContinuous())
    throw std::invalid_argument("read stage: OCR needs a continuous 8-bit grey page");
  page_ = grey;
  pageOnEngine_ = false;  // given to Tesseract (which copies it) when a rectangle of it is read
}

void OcrEngine::prepare(int pageSegMode, const std::string& whitelist) {
  if (whitelist != whitelist_) {
    api_->SetVariable("tessedit_char_whitelist", whitelist.c_str());
    whitelist_ = whitelist;
  }
  api_->SetPageSegMode(static_cast<tesseract::PageSegMode>(pageSegMode));
}

void OcrEngine::giveImage(const cv::Mat& grey) {
  api_->SetImage(grey.data, grey.cols, grey.rows, 1, static_cast<int>(grey.step));
  api_->SetSourceResolution(300);
}

OcrText OcrEngine::read(const cv::Rect& box, int pageSegMode, const std::string& whitelist) {
  const cv::Rect r = box & cv::Rect(0, 0, page_.cols, page_.rows);
  if (r.width < 4 || r.height < 4) return {};
  prepare(pageSegMode, whitelist);
  if (pageSegMode == tesseract::PSM_SINGLE_LINE && r.height > kLinePixels) {
    // A line taller than the recognizer needs is read from a smaller copy:
    // Tesseract thresholds and finds the line's blobs at the size given,
    // then scales the line down for its network anyway.
    const double f = static_cast<double>(kLinePixels) / r.height;
    cv::Mat small;
    cv::resize(page_(r), small, {}, f, f, cv::INTER_AREA);
    giveImage(small);
    pageOnEngine_ = false;
  } else {
    if (!pageOnEngine_) giveImage(page_);
    pageOnEngine_ = true;
    api_->SetRectangle(r.x, r.y, r.width, r.height);
  }
  return recognise();
}

OcrText OcrEngine::recognise() {
  std::unique_ptr<char[]> text(api_->GetUTF8Text());
  OcrText out{trimmed(text.get()), 0, {}, {}};
  // Character confidences: the mean word confidence collapses to 0 on some
  // whitelisted lines whose every character is read at 98%.
  std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
  if (it && !out.text.empty()) {
    do {
      std::unique_ptr<char[]> symbol(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (symbol && symbol[0] != 0) {
        out.characterConfidences.push_back(it->Confidence(tesseract::RIL_SYMBOL) / 100.0);
        out.characters.emplace_back(symbol.get());
      }
    } while (it->Next(tesseract::RIL_SYMBOL));
  }
  out.confidence = out.characterConfidences.empty()
                       ? 0
                       : *std::min_element(out.characterConfidences.begin(), out.characterConfidences.end());
  return out;
}

OcrText OcrEngine::readLineImage(const cv::Mat& grey, const std::string& whitelist) {
  // Read at the size given (a cell enlarged on purpose is not made small).
  prepare(tesseract::PSM_SINGLE_LINE, whitelist);
  giveImage(grey.isContinuous() ? grey : grey.clone());
  pageOnEngine_ = false;  // the page is given again at its next read
  return recognise();
}

OcrText OcrEngine::readLine(const cv::Rect& box, const std::string& whitelist) {
  return read(box, tesseract::PSM_SINGLE_LINE, whitelist);
}

OcrText OcrEngine::readBlock(const cv::Rect& box) { return read(box, tesseract::PSM_SINGLE_BLOCK, ""); }

OcrEngine& OcrEnginePool::get(const std::string& languages) {
  auto& engine = engines_[languages];
  if (!engine) engine = std::make_unique<OcrEngine>(languages);
  return *engine;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/readers.hpp"

#include <stdexcept>

#include "pipeline/page/handwritten_number_reader.hpp"
#include "pipeline/page/printed_number_reader.hpp"
#include "pipeline/page/tesseract_name_reader.hpp"
#include "pipeline/page/tesseract_number_reader.hpp"

namespace listaudit::pipeline {
namespace {

// The registration: readers in the order they are asked. A reader for a kind
// of cell (handwriting) goes before Tesseract, which reads any cell; so does
// the printed-number network, which accepts only the cells it reads surely.
std::vector<std::unique_ptr<NumberReader>> registeredNumberReaders(OcrEnginePool& engines) {
  std::vector<std::unique_ptr<NumberReader>> readers;
  readers.push_back(std::make_unique<HandwrittenNumberReader>());
  readers.push_back(std::make_unique<PrintedNumberReader>());
  readers.push_back(std::make_unique<TesseractNumberReader>(engines));
  return readers;
}

std::vector<std::unique_ptr<NameReader>> registeredNameReaders(OcrEnginePool& engines) {
  std::vector<std::unique_ptr<NameReader>> readers;
  readers.push_back(std::make_unique<TesseractNameReader>(engines));
  return readers;
}

}  // namespace

Readers::Readers() : numberReaders_(registeredNumberReaders(engines_)), nameReaders_(registeredNameReaders(engines_)) {
  for (const auto& reader : numberReaders_) {
    decidingLabels_.push_back("numbers, " + reader->name() + ", deciding");
    if (dynamic_cast<HandwrittenNumberReader*>(reader.get())) numberNetworks_ = reader.get();
    if (auto* printed = dynamic_cast<PrintedNumberReader*>(reader.get())) printedNumbers_ = printed;
  }
  if (!numberNetworks_ || !printedNumbers_) throw std::logic_error("read stage: no number networks registered");
}

void Readers::setPage(const ReadablePage& page, const models::Country& country) {
  for (const auto& reader : numberReaders_) reader->setPage(page);
  for (const auto& reader : nameReaders_) reader->setPage(page, country);
  handwrittenNames_.setPage(page, country);
}

NumberReader& Readers::numberReaderFor(const cv::Rect& cell, models::IdScheme scheme) {
  // Timed per reader: the handwriting reader cuts the cell to decide whether
  // it accepts it, and the printed-number network reads it.
  for (std::size_t i = 0; i < numberReaders_.size(); ++i)
    if (cpu_.time(decidingLabels_[i], [&] { return numberReaders_[i]->accepts(cell, scheme); }))
      return *numberReaders_[i];
  throw std::logic_error("read stage: no registered reader accepts a cell");
}
NameReader& Readers::nameReaderFor(const cv::Rect& box) {
  for (const auto& reader : nameReaders_)
    if (reader->accepts(box)) return *reader;
  throw std::logic_error("read stage: no registered reader accepts a cell");
}

}  // namespace listaudit::pipeline

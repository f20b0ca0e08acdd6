#pragma once
// The readers of one thread: every registered number reader and name reader
// (readers.cpp holds the registration, in the order they are asked), over
// the thread's Tesseract engines, and the handwritten-name network. The read
// stage asks for the reader of each cell: the first registered reader that
// accepts it.
//
// Not thread-safe: the wiring gives each thread its own Readers.
#include <memory>
#include <string>
#include <vector>

#include "pipeline/page/cpu_clock.hpp"
#include "pipeline/page/handwritten_name_reader.hpp"
#include "pipeline/page/name_reader.hpp"
#include "pipeline/page/number_reader.hpp"
#include "pipeline/page/ocr_engine.hpp"
#include "pipeline/page/printed_number_reader.hpp"

namespace listaudit::pipeline {

class Readers {
 public:
  Readers();
  Readers(const Readers&) = delete;
  Readers& operator=(const Readers&) = delete;

  // Sets the page on every reader; `country` decides the name readers' languages.
  void setPage(const ReadablePage& page, const models::Country& country);
  // The reader for a cell of the page set. Throws std::logic_error when no
  // reader accepts it (the registration ends with one that reads any cell).
  NumberReader& numberReaderFor(const cv::Rect& cell, models::IdScheme scheme);
  NameReader& nameReaderFor(const cv::Rect& box);
  // The second reading of a hand's name (handwritten_name_reader.hpp).
  HandwrittenNameReader& handwrittenNames() { return handwrittenNames_; }
  // The number networks (the handwriting reader), whose reading of a printed
  // number is weighed beside Tesseract's (withSecondOpinion).
  NumberReader& numberNetworks() { return *numberNetworks_; }
  // The printed-number network, whose reading of a printed number it did
  // not accept is weighed beside Tesseract's (withSecondOpinion).
  PrintedNumberReader& printedNumbers() { return *printedNumbers_; }
  // The CPU seconds this thread's reading took, by reader and task.
  CpuTally& cpu() { return cpu_; }
  const CpuTally& cpu() const { return cpu_; }

 private:
  OcrEnginePool engines_;
  std::vector<std::unique_ptr<NumberReader>> numberReaders_;
  std::vector<std::string> decidingLabels_;        // each number reader's CPU tally while it decides, made once
  NumberReader* numberNetworks_ = nullptr;         // one of numberReaders_
  PrintedNumberReader* printedNumbers_ = nullptr;  // one of numberReaders_
  std::vector<std::unique_ptr<NameReader>> nameReaders_;
  HandwrittenNameReader handwrittenNames_;
  CpuTally cpu_;
};

}  // namespace listaudit::pipeline

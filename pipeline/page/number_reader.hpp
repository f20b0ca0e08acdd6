#pragma once
// The slot for reading a personal number out of its cell. Each way of
// reading (Tesseract for print, a trained reader for handwriting) is one
// class behind this interface, registered in readers.cpp; the read stage asks
// the registered readers in turn and the first that accepts a cell reads it.
//
// Not thread-safe: each thread has its own readers (see readers.hpp).
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "models/national_id.hpp"
#include "pipeline/page/cell_reading.hpp"
#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

class NumberReader {
 public:
  virtual ~NumberReader() = default;
  // What reads, in words, for the figures of `bench speed`.
  virtual std::string name() const = 0;
  // The page the cells are cut from.
  virtual void setPage(const ReadablePage& page) = 0;
  // Whether this reader reads the number of `scheme` in `cell` of the page set.
  virtual bool accepts(const cv::Rect& cell, models::IdScheme scheme) = 0;
  // The number in `cell`, in characters of `scheme`'s alphabet (letters upper
  // case, spaces dropped); every scheme's characters for Unknown.
  virtual CellReading read(const cv::Rect& cell, models::IdScheme scheme) = 0;
  // The cell looked at again, for a number whose first reading fails its
  // check: other whole readings, in the same characters. None by default.
  virtual std::vector<std::string> readAgain(const cv::Rect& /*cell*/, models::IdScheme /*scheme*/) { return {}; }
};

}  // namespace listaudit::pipeline

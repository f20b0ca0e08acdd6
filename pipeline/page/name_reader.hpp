#pragma once
// The slot for reading text lines of a page: names, the title above the
// table, the collector under it. One class per way of reading, registered in
// readers.cpp; the read stage asks the registered readers in turn and the
// first that accepts a cell reads it.
//
// Not thread-safe: each thread has its own readers (see readers.hpp).
#include <opencv2/core.hpp>

#include "models/country.hpp"
#include "pipeline/page/cell_reading.hpp"
#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

class NameReader {
 public:
  virtual ~NameReader() = default;
  // The page the lines are cut from and the country whose languages it is
  // written in.
  virtual void setPage(const ReadablePage& page, const models::Country& country) = 0;
  // Whether this reader reads the line in `box` of the page set.
  virtual bool accepts(const cv::Rect& box) = 0;
  // A block of several lines (the title); a reader may learn from it how the
  // page is best read.
  virtual CellReading readBlock(const cv::Rect& box) = 0;
  // One line of text (the collector's line).
  virtual CellReading readLine(const cv::Rect& box) = 0;
  // A name cell's line: read as readLine, and where the reading is in doubt,
  // looked at again as the reader can (print in bands, banded_print.hpp).
  virtual CellReading readName(const cv::Rect& cell) = 0;
};

}  // namespace listaudit::pipeline

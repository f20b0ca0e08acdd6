#pragma once
// Finds the long straight lines of a ruled table in an ink image. Shared by
// the clean stage (which uses them to tell an upside-down page) and the
// layout stage (which cuts the table along them). Pure functions.
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

// The contract's form: five columns, six vertical rulings.
inline constexpr std::size_t kFormColumnRulings = 6;

struct Ruling {
  std::vector<int> horizontal;  // y of each horizontal ruling, top to bottom
  std::vector<int> vertical;    // x of each vertical ruling, left to right
  int left = 0, right = 0;      // the table's left and right edges (its outer rulings, or its rows' ends)
  cv::Mat lines;                // 255 on the ruling lines' pixels
  int thickness = 1;            // typical line thickness, pixels
  // Of `horizontal`, the table's top and foot added where the column rulings
  // begin and end and no row ruling was found (a copier or a fax lost it).
  int endsAdded = 0;
};

// `ink` is CV_8UC1 with 255 for ink. The table is the largest group of
// vertical lines that share one top and one bottom (a page frame or a margin
// line does not); horizontal rulings are the lines inside it that cross most
// of its width (a title's underline or the collector's line is not one).
// A form without column rulings (or with too few to group) is found by its
// row rulings instead, which share one left and one right end; `vertical`
// then holds what was found of the columns, and `left` and `right` are the
// rows' ends. `lines` holds every long line found, table or not, to paint out
// of OCR.
Ruling findRuling(const cv::Mat& ink);

}  // namespace listaudit::pipeline

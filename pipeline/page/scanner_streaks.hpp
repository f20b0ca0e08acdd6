#pragma once
// Dust on a sheet-fed scanner's glass darkens the same point of every line
// the sensor reads: the scan has a thin upright line from its top to its
// bottom, through the margins, the rulings and the writing alike. Taken for
// a column ruling it splits a name in two; crossing a row's number it is read
// as a 1; running through the empty rows under the table it makes rows of
// them. It stands in the scanner's frame, upright whatever the page's skew,
// and through the blank margins too, where no ruling runs. Pure functions.
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

// The runs of columns of `grey` (as scanned, before any turn) that such a
// line darkens, left to right.
std::vector<cv::Range> scannerStreaks(const cv::Mat& grey);

// `grey` with those columns brightened back to the paper beside them, the
// writing and rulings under them kept; `grey` itself when there are none.
cv::Mat withoutScannerStreaks(const cv::Mat& grey);

}  // namespace listaudit::pipeline

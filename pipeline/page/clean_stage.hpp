#pragma once
// Page stage 1: makes a scanned page upright and straight, separates ink
// from paper, finds the page's rulings (which tell an upside-down page,
// and which the layout cuts the table along), and takes an office stamp's
// rings off the ink (office_stamp.hpp). A plain function object:
// thread-safe, no state between pages.
#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

class CleanStage {
 public:
  // Skew is searched within +-maxSkewDegrees (the contract promises 5).
  explicit CleanStage(double maxSkewDegrees = 6.0);
  CleanPage operator()(const cv::Mat& grey) const;

 private:
  double maxSkew_;
};

// The rotation (degrees, counter-clockwise) that makes the page's lines
// horizontal: the angle whose row projection of the ink of `grey` is sharpest.
double estimateSkew(const cv::Mat& grey, double maxDegrees);
// Ink (255) from a grey page: local-mean thresholding, so uneven paper tone
// and a light background do not turn into ink.
cv::Mat binarise(const cv::Mat& grey);
// Ink for finding rulings: the same threshold without the median that
// cleans specks, since a 1-pixel ruling is a speck's width.
cv::Mat lineInk(const cv::Mat& grey);

}  // namespace listaudit::pipeline

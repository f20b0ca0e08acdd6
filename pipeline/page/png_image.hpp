#pragma once
// An image as the store and the report keep it: PNG, scaled down to a width
// a screen shows (a row of a page, a page a person must read). Pure function.
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

// `grey` (CV_8UC1) as PNG, scaled down, never up, to at most `maxWidth`
// pixels wide; empty for an empty image.
std::vector<std::uint8_t> pngNoWiderThan(const cv::Mat& grey, int maxWidth);

}  // namespace listaudit::pipeline

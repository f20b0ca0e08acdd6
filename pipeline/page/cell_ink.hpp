#pragma once
// The writing in one cell of the table: its ink without the rulings and
// without specks of scanner noise. Shared by the layout (a written row), the
// read stage (a signed cell) and the signature shapes. Pure functions.
#include <opencv2/core.hpp>

namespace listaudit::pipeline {

// 255 where the cell `box` of `ink` holds writing; `lines` (may be empty)
// marks the rulings. The result is the size of `box` clipped to the page.
cv::Mat writingIn(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box);

// The share of the cell's area that is writing.
double inkShare(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box);

}  // namespace listaudit::pipeline

#pragma once
// The writing in one cell of the table: its ink without the rulings and
// without specks of scanner noise. Shared by the layout (a written row), the
// read stage (a signed cell) and the signature shapes. Pure functions.
#include <opencv2/core.hpp>

namespace listaudit::pipeline {

// 255 where the cell `box` of `ink` holds writing; `lines` (may be empty)
// marks the rulings. The result is the size of `box` clipped to the page.
cv::Mat writingIn(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box);

// The writing of a number cell, thresholded on its own (Otsu) in `text`
// (grey, the rulings painted out): a pen's thin strokes survive that the
// page-wide threshold breaks. Specks go; a cell of paper only is all zero.
// The handwriting readers and the training of their networks
// (tools/train/training_cells.cpp) see a cell through this alone.
cv::Mat numberWriting(const cv::Mat& text, const cv::Rect& cell);

// `ink` (255 on ink) without its lone specks: pieces smaller than a pen dot
// that stand apart from other ink. A piece as small among others a dot's
// pitch away is part of a figure: a dot-matrix printer's figures are dots,
// each smaller than a speck (seed 506: a worn ribbon's dots, 6 pixels
// across at 400 dpi, were all taken for noise and the figures read as
// nonsense).
cv::Mat withoutLoneSpecks(const cv::Mat& ink);

// The part of `box` its writing spans left to right, widened by `margin`
// each side (within the box), at the box's full height; the box when it
// holds no writing. What a line reader need look at.
cv::Rect writingSpan(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box, int margin);

// The share of the cell's area that is writing.
double inkShare(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& box);

}  // namespace listaudit::pipeline

#pragma once
// Print broken into bands: a dot-matrix head's rows of pins, a worn ribbon,
// a scanner that dropped lines leave every stroke as bands of ink with
// paper between. Tesseract reads a name printed so as nothing, or as
// nonsense (seed 606's L07-XK: 21 of 38 names). Closed upright across the
// gaps, the bands are strokes again. Pure functions.
#include <opencv2/core.hpp>

namespace listaudit::pipeline {

// The widest gap between bands that is closed, for a cell `cellHeight`
// pixels tall: a sixteenth of it (5 pixels at 300 dpi, 3 at 150), under
// the eye of an "e" or the gap in an "i", which stay open.
int bandGap(int cellHeight);

// The share of ink that closing `writing` (255 on ink) upright across gaps
// of `gap` pixels adds: under 0.1 for solid print or a pen's line, more for
// print in bands.
double inkAddedByClosingBands(const cv::Mat& writing, int gap);

// Whether the writing in `box` of `text` (grey, the rulings painted out) is
// printed in bands.
bool printedInBands(const cv::Mat& text, const cv::Rect& box);

// `grey` (paper light, ink dark) with its bands closed, each pixel the
// darkest within `gap` pixels above or below, and stretched so that its
// ink is black and its paper white: what a reader is given to read again.
cv::Mat withBandsClosed(const cv::Mat& grey, int gap);

}  // namespace listaudit::pipeline

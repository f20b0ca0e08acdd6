#pragma once
// A signature reduced to a small shape that survives scanning: the ink of the
// signature cell (rulings and specks left out), cut to its bounding box,
// thinned to one-pixel strokes and scaled to a fixed size, so one hand's
// scribble at 200 dpi and at 300 dpi, or in a taller cell with the same pen,
// gives nearly the same shape. Pure functions.
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

inline constexpr int kShapeWidth = 64, kShapeHeight = 24;

// Empty when the cell holds no ink.
std::vector<std::uint8_t> signatureShape(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& cell);

// Normalised cross-correlation of two shapes, -1 to 1; 0 when either is empty.
double shapeSimilarity(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);

// The share of a shape's area that is ink, 0 to 1: shapes far apart in it
// cannot match, which lets a batch skip most comparisons.
double shapeInk(const std::vector<std::uint8_t>& shape);

}  // namespace listaudit::pipeline

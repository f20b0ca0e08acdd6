#pragma once
// A signature reduced to a small shape that survives scanning: the ink of the
// signature cell (rulings and specks left out), cut to its bounding box,
// thinned to one-pixel strokes and scaled to a fixed size, so one hand's
// scribble at 200 dpi and at 300 dpi, or in a taller cell with the same pen,
// gives nearly the same shape. Shapes are compared by
// models/signature_similarity.hpp. Pure function, thread-safe.
#include <cstdint>
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

inline constexpr int kShapeWidth = 64, kShapeHeight = 24;

// Empty when the cell holds no ink.
std::vector<std::uint8_t> signatureShape(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& cell);

}  // namespace listaudit::pipeline

#include "pipeline/signature_shape.hpp"

#include "pipeline/cell_ink.hpp"

#include <leptonica/allheaders.h>
#include <cmath>
#include <numeric>

#include <opencv2/imgproc.hpp>

namespace listaudit::pipeline {

namespace {

// Strokes thinned to one pixel (Leptonica), so the pen's width, which does
// not scale with the cell, leaves the shape.
cv::Mat thinned(const cv::Mat& binary) {
  PIX* pix = pixCreate(binary.cols, binary.rows, 1);
  for (int y = 0; y < binary.rows; ++y)
    for (int x = 0; x < binary.cols; ++x)
      if (binary.at<std::uint8_t>(y, x)) pixSetPixel(pix, x, y, 1);
  PIX* thin = pixThinConnected(pix, L_THIN_FG, 8, 0);
  pixDestroy(&pix);
  cv::Mat out = cv::Mat::zeros(binary.size(), CV_8UC1);
  if (!thin) return binary.clone();
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.cols; ++x) {
      l_uint32 v = 0;
      pixGetPixel(thin, x, y, &v);
      if (v) out.at<std::uint8_t>(y, x) = 255;
    }
  pixDestroy(&thin);
  return out;
}

}  // namespace

std::vector<std::uint8_t> signatureShape(const cv::Mat& ink, const cv::Mat& lines, const cv::Rect& cell) {
  const cv::Mat kept = writingIn(ink, lines, cell);
  if (kept.empty()) return {};
  const cv::Rect box = cv::boundingRect(kept);
  if (box.area() <= 0) return {};
  cv::Mat small;
  cv::resize(thinned(kept(box)), small, {kShapeWidth, kShapeHeight}, 0, 0, cv::INTER_AREA);
  cv::normalize(small, small, 0, 255, cv::NORM_MINMAX);
  // A little blur: one hand's strokes land a pixel apart from one scan to the next.
  cv::GaussianBlur(small, small, {0, 0}, 1.2);
  return std::vector<std::uint8_t>(small.begin<std::uint8_t>(), small.end<std::uint8_t>());
}

double shapeSimilarity(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
  if (a.empty() || a.size() != b.size()) return 0;
  const double n = static_cast<double>(a.size());
  const double meanA = std::accumulate(a.begin(), a.end(), 0.0) / n,
               meanB = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double ab = 0, aa = 0, bb = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double x = a[i] - meanA, y = b[i] - meanB;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0;
}

double shapeInk(const std::vector<std::uint8_t>& shape) {
  if (shape.empty()) return 0;
  return std::accumulate(shape.begin(), shape.end(), 0.0) / (255.0 * static_cast<double>(shape.size()));
}

}  // namespace listaudit::pipeline

#include "pipeline/page/signature_shape.hpp"

#include <opencv2/imgproc.hpp>

#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/pix_ptr.hpp"

namespace listaudit::pipeline {

namespace {

// Strokes thinned to one pixel (Leptonica), so the pen's width, which does
// not scale with the cell, leaves the shape.
cv::Mat thinned(const cv::Mat& binary) {
  const PixPtr pix(pixCreate(binary.cols, binary.rows, 1));
  for (int y = 0; y < binary.rows; ++y)
    for (int x = 0; x < binary.cols; ++x)
      if (binary.at<std::uint8_t>(y, x)) pixSetPixel(pix.get(), x, y, 1);
  const PixPtr thin(pixThinConnected(pix.get(), L_THIN_FG, 8, 0));
  if (!thin) return binary.clone();
  cv::Mat out = cv::Mat::zeros(binary.size(), CV_8UC1);
  for (int y = 0; y < out.rows; ++y)
    for (int x = 0; x < out.cols; ++x) {
      l_uint32 v = 0;
      pixGetPixel(thin.get(), x, y, &v);
      if (v) out.at<std::uint8_t>(y, x) = 255;
    }
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

}  // namespace listaudit::pipeline

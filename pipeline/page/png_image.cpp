#include "pipeline/page/png_image.hpp"

#include <algorithm>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace listaudit::pipeline {

std::vector<std::uint8_t> pngNoWiderThan(const cv::Mat& grey, int maxWidth) {
  if (grey.empty()) return {};
  cv::Mat scaled;
  const double scale = std::min(1.0, static_cast<double>(maxWidth) / grey.cols);
  cv::resize(grey, scaled, {}, scale, scale, cv::INTER_AREA);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", scaled, png, {cv::IMWRITE_PNG_COMPRESSION, 6});
  return png;
}

}  // namespace listaudit::pipeline

#include "tools/samples/scan_effects.hpp"

#include <cmath>
#include <opencv2/imgproc.hpp>

namespace listaudit::tools {

cv::Mat applyScanEffects(const cv::Mat& page, const ScanEffects& effects, SampleRandom& random) {
  cv::Mat out = page.clone();
  if (effects.background < 255) out = out * (effects.background / 255.0);
  if (std::abs(effects.angleDegrees) > 1e-6) {
    const cv::Point2f centre(out.cols / 2.0f, out.rows / 2.0f);
    const cv::Mat rotation = cv::getRotationMatrix2D(centre, effects.angleDegrees, 1.0);
    cv::warpAffine(out, out, rotation, out.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                   cv::Scalar(effects.background));
  }
  if (effects.upsideDown) cv::rotate(out, out, cv::ROTATE_180);
  if (effects.blurSigma > 0) cv::GaussianBlur(out, out, cv::Size(0, 0), effects.blurSigma);
  if (effects.noiseSigma > 0) {
    // Our own draws rather than cv::randn, so the seed alone decides the bytes.
    cv::Mat noisy(out.size(), CV_8UC1);
    for (int y = 0; y < out.rows; ++y) {
      const auto* in = out.ptr<std::uint8_t>(y);
      auto* o = noisy.ptr<std::uint8_t>(y);
      for (int x = 0; x < out.cols; ++x) {
        // Sum of three uniforms: close enough to Gaussian, and cheap.
        const double n = (random.real() + random.real() + random.real() - 1.5) * 2.0 * effects.noiseSigma;
        o[x] = cv::saturate_cast<std::uint8_t>(in[x] + n);
      }
    }
    out = noisy;
  }
  return out;
}

}  // namespace listaudit::tools

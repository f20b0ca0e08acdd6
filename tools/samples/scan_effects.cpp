#include "tools/samples/scan_effects.hpp"

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace listaudit::tools {
namespace {

// A copier's print of a BGR page, BGR again: its optics blur, its toner is
// black or nothing, and stray toner falls as specks.
cv::Mat photocopy(const cv::Mat& page, double threshold, std::uint64_t seed) {
  cv::Mat grey;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  cv::GaussianBlur(grey, grey, cv::Size(0, 0), 0.8);
  cv::threshold(grey, grey, threshold, 255, cv::THRESH_BINARY);
  SampleRandom specks(seed);
  const int count = grey.rows * grey.cols / 40000;
  for (int i = 0; i < count; ++i) {
    const cv::Point at(specks.below(grey.cols), specks.below(grey.rows));
    cv::circle(grey, at, specks.between(0, 2), cv::Scalar(0), cv::FILLED);
  }
  cv::Mat out;
  cv::cvtColor(grey, out, cv::COLOR_GRAY2BGR);
  return out;
}

// `page` turned `degrees` counter-clockwise about its centre, `paper` where
// nothing of it lands.
cv::Mat turned(const cv::Mat& page, double degrees, const cv::Scalar& paper) {
  const cv::Mat rotation = cv::getRotationMatrix2D(cv::Point2f(page.cols / 2.0f, page.rows / 2.0f), degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(page, out, rotation, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, paper);
  return out;
}

// A fax's print of a BGR page, BGR again: each of its samples, `across` and
// `down` of the page's pixels, black or white.
cv::Mat fax(const cv::Mat& page, double across, double down, double threshold) {
  cv::Mat grey, sampled;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  const cv::Size samples(std::max(1, static_cast<int>(std::lround(grey.cols * std::min(1.0, across)))),
                         std::max(1, static_cast<int>(std::lround(grey.rows * std::min(1.0, down)))));
  cv::resize(grey, sampled, samples, 0, 0, cv::INTER_AREA);
  cv::threshold(sampled, sampled, threshold, 255, cv::THRESH_BINARY);
  cv::resize(sampled, grey, grey.size(), 0, 0, cv::INTER_NEAREST);
  cv::Mat out;
  cv::cvtColor(grey, out, cv::COLOR_GRAY2BGR);
  return out;
}

}  // namespace

cv::Mat applyScanEffects(const cv::Mat& clean, const ScanEffects& effects, SampleRandom& random) {
  cv::Mat page = effects.photocopied ? photocopy(clean, effects.copyThreshold, effects.copySeed) : clean;
  if (effects.faxAcross > 0 && effects.faxDown > 0) {
    if (std::abs(effects.faxFedDegrees) > 1e-6) page = turned(page, effects.faxFedDegrees, cv::Scalar::all(255));
    page = fax(page, effects.faxAcross, effects.faxDown, effects.faxThreshold);
  }
  cv::Mat out;
  if (effects.colour) {
    out = page.clone();
    cv::multiply(
        out,
        cv::Scalar(effects.paperTint[0], effects.paperTint[1], effects.paperTint[2]) * (effects.background / 255.0),
        out);
  } else {
    cv::cvtColor(page, out, cv::COLOR_BGR2GRAY);
    if (effects.background < 255) out = out * (effects.background / 255.0);
  }
  const cv::Scalar paper = effects.colour ? cv::mean(out) : cv::Scalar(effects.background);
  if (std::abs(effects.angleDegrees) > 1e-6) out = turned(out, effects.angleDegrees, paper);
  if (effects.upsideDown) cv::rotate(out, out, cv::ROTATE_180);
  if (effects.streakAcross >= 0) {
    // The dust darkens what the sensor sees there, paper and ink alike.
    const int x = std::clamp(static_cast<int>(effects.streakAcross * out.cols), 0, out.cols - 1);
    const cv::Rect line(x, 0, std::min(effects.streakPixels, out.cols - x), out.rows);
    cv::Mat band = out(line);
    band.convertTo(band, -1, effects.streakGrey / 255.0);
  }
  if (effects.blurSigma > 0) cv::GaussianBlur(out, out, cv::Size(0, 0), effects.blurSigma);
  if (effects.noiseSigma > 0) {
    // Our own draws rather than cv::randn, so the seed alone decides the bytes.
    const int channels = out.channels();
    for (int y = 0; y < out.rows; ++y) {
      auto* p = out.ptr<std::uint8_t>(y);
      for (int x = 0; x < out.cols; ++x) {
        // Sum of three uniforms: close enough to Gaussian, and cheap.
        const double n = (random.real() + random.real() + random.real() - 1.5) * 2.0 * effects.noiseSigma;
        for (int c = 0; c < channels; ++c)
          p[x * channels + c] = cv::saturate_cast<std::uint8_t>(p[x * channels + c] + n);
      }
    }
  }
  return out;
}

}  // namespace listaudit::tools

#pragma once
// What a scanner and a photocopier do to a clean page: skew, turning the page
// upside down, blur and noise, and a copier's black-or-nothing print with its
// toner specks. Deterministic for a given SampleRandom.
#include <opencv2/core.hpp>

#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {

struct ScanEffects {
  double angleDegrees = 0;  // counter-clockwise skew
  bool upsideDown = false;
  double blurSigma = 0;                 // pixels; 0 for none
  double noiseSigma = 0;                // grey levels of Gaussian noise
  double background = 255;              // paper grey
  bool colour = false;                  // keep the page in colour (a colour scan), else grey
  cv::Scalar paperTint{1.0, 1.0, 1.0};  // BGR factors of a colour scan's paper
  // The page was photocopied before it was scanned: the copier prints black
  // where the page is darker than `copyThreshold` (thin strokes break, bold
  // ones swell) and drops toner specks where `copySeed` puts them.
  bool photocopied = false;
  double copyThreshold = 160;
  std::uint64_t copySeed = 0;
  // The page was faxed and the fax printed before it was scanned: a fax
  // machine samples the page black or white at its own resolution (204 by 98
  // lines an inch at standard, 204 by 196 at fine), as fractions of the
  // page's here; 0 for no fax. Strokes come out in steps, thin ones broken.
  double faxAcross = 0, faxDown = 0;
  double faxThreshold = 150;
  double faxFedDegrees = 0;  // counter-clockwise turn of the page as the fax took it in
  // Dust on a sheet-fed scanner's glass: every line the sensor reads has the
  // same dark dot, so the scan has a thin upright line from top to bottom,
  // in the scanner's frame whatever the page's turn. Where it stands, as a
  // fraction of the width (negative for none), how wide in pixels, and how
  // dark (the grey it leaves on white paper).
  double streakAcross = -1;
  int streakPixels = 2;
  double streakGrey = 90;
};

// A photocopy on grey paper, scanned straight: what the layout tests copy
// their forms with.
inline ScanEffects photocopier(double threshold, std::uint64_t specks) {
  ScanEffects copier;
  copier.photocopied = true;
  copier.copyThreshold = threshold;
  copier.copySeed = specks;
  copier.background = 245;
  return copier;
}

// `page` is BGR; the result is BGR for a colour scan, grey otherwise.
cv::Mat applyScanEffects(const cv::Mat& page, const ScanEffects& effects, SampleRandom& random);

}  // namespace listaudit::tools

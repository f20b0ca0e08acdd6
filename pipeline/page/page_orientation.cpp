#include "pipeline/page/page_orientation.hpp"

#include <tesseract/baseapi.h>

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

namespace listaudit::pipeline {

std::optional<bool> writingSaysUpsideDown(const cv::Mat& grey) {
  if (grey.empty() || grey.type() != CV_8UC1) return std::nullopt;
  tesseract::TessBaseAPI api;
  std::vector<std::string> names{"debug_file"};
  std::vector<std::string> values{"/dev/null"};
  if (api.Init(nullptr, "osd", tesseract::OEM_TESSERACT_ONLY, nullptr, 0, &names, &values, false) != 0)
    return std::nullopt;
  // Letters a few dozen pixels tall are enough: a page wider than about
  // 1,300 pixels (more than 150 dpi) is looked at halved, at a quarter of
  // the cost.
  cv::Mat page = grey;
  if (grey.cols > 1300) cv::resize(grey, page, {grey.cols / 2, grey.rows / 2}, 0, 0, cv::INTER_AREA);
  if (!page.isContinuous()) page = page.clone();
  api.SetPageSegMode(tesseract::PSM_OSD_ONLY);
  api.SetImage(page.data, page.cols, page.rows, 1, static_cast<int>(page.step));
  api.SetSourceResolution(std::max(70, static_cast<int>(page.cols / 8.27)));  // an A4 page's width
  int degrees = 0;
  float sure = 0, scriptSure = 0;
  const char* script = nullptr;
  const bool found = api.DetectOrientationScript(&degrees, &sure, &script, &scriptSure);
  api.End();
  if (!found || sure < kSureOrientation) return std::nullopt;
  if (degrees == 0) return false;
  if (degrees == 180) return true;
  return std::nullopt;
}

}  // namespace listaudit::pipeline

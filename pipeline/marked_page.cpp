#include "pipeline/marked_page.hpp"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ingest/scan_source.hpp"
#include "pipeline/page/clean_stage.hpp"

namespace listaudit::pipeline {

std::vector<std::uint8_t> markedPagePng(const models::ListEntry& list, int page, const models::Box& box) {
  const auto source = ingest::ScanSource::open(list.scanPath);
  if (page < 1 || page > source->pageCount())
    throw ingest::ScanError(list.scanPath + ": has no page " + std::to_string(page) + " now");
  // The row's box is on the page as the clean stage set it upright.
  const CleanPage clean = CleanStage{}(source->page(page - 1));
  cv::Mat colour;
  cv::cvtColor(clean.grey, colour, cv::COLOR_GRAY2BGR);
  const int pen = std::max(3, colour.cols / 400);
  cv::rectangle(colour,
                cv::Rect(box.x, box.y, box.width, box.height) + cv::Point(-pen, -pen) + cv::Size(2 * pen, 2 * pen),
                cv::Scalar(0, 0, 230), pen);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", colour, png, {cv::IMWRITE_PNG_COMPRESSION, 3});
  return png;
}

}  // namespace listaudit::pipeline

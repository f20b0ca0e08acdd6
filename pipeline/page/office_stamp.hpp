#pragma once
// An office's round stamp over the writing (an office stamps the pages it
// receives, often across the names and numbers): found by its rings, whose
// ink is then told from the writing's by its tone and taken off, so that no
// arc of a ring is read as a 1, a 0 or a line of writing.
#include <array>
#include <opencv2/core.hpp>
#include <vector>

namespace listaudit::pipeline {

struct OfficeStamp {
  struct Ring {
    float radius = 0, halfWidth = 0;  // pixels, to the middle of the ring's ink and across half of it
  };
  cv::Point2f centre;
  std::vector<Ring> rings;  // one or two, concentric, inner first
  int inkLevel = 0;         // the grey of the rings' own ink, where they cross nothing
  // The same in each twelfth of the way round, from the right, clockwise on
  // the page: a stamp pressed unevenly is darker on one side.
  static constexpr std::size_t kSectors = 12;
  std::array<int, kSectors> sectorInkLevels{};
};

// The stamps on a straightened page: circles 20 to 50 mm across (the page
// taken for A4 wide), ink round at least three quarters of the ring.
// `rulings` (255 on the table's lines; may be empty) are left out of the search.
std::vector<OfficeStamp> findOfficeStamps(const cv::Mat& grey, const cv::Mat& ink, const cv::Mat& rulings);

// 255 on the pixels that are the stamps' rings alone: on a ring and no
// darker than its own ink. Where the writing crosses a ring, the two inks
// together are darker than the ring's, and the writing stays; so does a
// stroke with ink just inside the ring and just outside it. A stamp as dark
// as the writing (a photocopy printed it black) has its rings taken by their
// place alone, those strokes kept. The office's words inside the rings
// stay: a faint pen is as light as they are (taken off by their tone, a
// faint hand's number under them lost six digits). Empty for no stamps.
cv::Mat officeStampInk(const cv::Mat& grey, const cv::Mat& ink, const std::vector<OfficeStamp>& stamps);

}  // namespace listaudit::pipeline

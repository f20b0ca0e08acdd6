#pragma once
// Which way up Tesseract's orientation detection (its "osd" model) finds a
// page's writing: the clean stage asks it before it turns a page whose
// rulings do not show the form's columns (a fax, a copy that lost them) and
// whose remaining rulings say "upside down", which they may say wrong.
// Loads the model per call: it is asked of such pages only.
#include <opencv2/core.hpp>
#include <optional>

namespace listaudit::pipeline {

// How sure Tesseract must be of the writing's orientation for it to tell
// (its own measure; it gave 7 to 10 on turned faxes of the test form, under
// 1 on pages of little text).
inline constexpr float kSureOrientation = 2.0f;

// Whether `grey` (an upright or upside-down page, 8-bit) stands upside down
// by its writing: nothing when Tesseract is not sure (kSureOrientation),
// finds the writing turned a quarter, or its model is not installed.
std::optional<bool> writingSaysUpsideDown(const cv::Mat& grey);

}  // namespace listaudit::pipeline

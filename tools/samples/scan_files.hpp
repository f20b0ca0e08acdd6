#pragma once
// Writes one list's page images in the kinds of file contract section 2
// accepts: a folder of PNG or JPEG pages, a multi-page TIFF, or a PDF.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

namespace listaudit::tools {

enum class ScanKind { PngFolder, JpegFolder, MultiPageTiff, Pdf };

// Writes the pages under `folder` as `stem` (a folder, `stem`.tif or
// `stem`.pdf); returns the path relative to `folder`. Throws
// std::runtime_error naming the file on failure.
std::string writeScans(const std::vector<cv::Mat>& pages, ScanKind kind, const std::string& folder,
                       const std::string& stem, double dpi, int jpegQuality);

}  // namespace listaudit::tools

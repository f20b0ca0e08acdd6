#pragma once
// Opens one list's scans (contract section 3) and hands out its pages one at
// a time as 8-bit grey images, so that only the pages in flight are in memory.
//
// Kinds: a PDF (rendered at 300 dpi by poppler), a multi-page TIFF, a single
// PNG/JPEG/TIFF image, or a folder of such images in natural name order.
// Not thread-safe: one thread (the pipeline's source) reads a ScanSource.
#include <memory>
#include <opencv2/core.hpp>
#include <stdexcept>
#include <string>

namespace listaudit::ingest {

// What cannot be read, in words that name the file and, for a page, the page.
class ScanError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ScanSource {
 public:
  virtual ~ScanSource() = default;
  virtual int pageCount() const = 0;
  // Page `index` (0-based). Throws ScanError when that page cannot be decoded;
  // the other pages stay readable.
  virtual cv::Mat page(int index) = 0;
  // The file a page comes from, for error messages.
  virtual std::string pageInput(int index) const = 0;

  // Throws ScanError when the path is missing, of no supported kind, or
  // cannot be opened at all.
  static std::unique_ptr<ScanSource> open(const std::string& path);
};

// What a list's scans are, cheaply: each file's name, size and modification
// time (a folder's image files in order). A resumed run compares it, so a
// scan changed since the interrupted run is read again, not taken from it.
std::string scanStamp(const std::string& path);

// The largest page we decode, in pixels per side: an A4 page at 600 dpi fits.
inline constexpr int kMaxPageSide = 12000;
inline constexpr double kPdfDpi = 300.0;

// A colour page made grey by each pixel's brightest channel: black print and
// dark pen stay dark, while a blue or violet stamp over them fades to paper.
// A grey page is returned as it is.
cv::Mat greyForReading(const cv::Mat& image);

// For the PDF kind (pdf_source.cpp).
std::unique_ptr<ScanSource> openPdf(const std::string& path);

}  // namespace listaudit::ingest

#include "tools/samples/scan_files.hpp"

#include <cairo-pdf.h>
#include <cairo.h>

#include <cstring>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

namespace listaudit::tools {
namespace {
namespace fs = std::filesystem;

void check(bool ok, const std::string& path) {
  if (!ok) throw std::runtime_error(path + ": cannot be written");
}

// A PDF whose pages are the scans as JPEG images, as a scanner makes them.
void writePdf(const std::vector<cv::Mat>& pages, const std::string& path, double dpi, int quality) {
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), 595.28, 841.89);
  // A fixed date instead of the time of writing: the same seed, the same bytes.
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2021-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "listaudit make-samples");
  for (const cv::Mat& page : pages) {
    const double widthPt = page.cols / dpi * 72.0, heightPt = page.rows / dpi * 72.0;
    cairo_pdf_surface_set_size(pdf, widthPt, heightPt);
    cv::Mat bgra;
    cv::cvtColor(page, bgra, page.channels() == 1 ? cv::COLOR_GRAY2BGRA : cv::COLOR_BGR2BGRA);
    cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, page.cols, page.rows);
    const int stride = cairo_image_surface_get_stride(image);
    unsigned char* data = cairo_image_surface_get_data(image);
    for (int y = 0; y < page.rows; ++y)
      std::memcpy(data + y * stride, bgra.ptr(y), static_cast<std::size_t>(page.cols) * 4);
    cairo_surface_mark_dirty(image);
    // Embed the JPEG bytes themselves, as a scanner's PDF does.
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", page, jpeg, {cv::IMWRITE_JPEG_QUALITY, quality});
    auto* owned = new std::vector<unsigned char>(std::move(jpeg));
    cairo_surface_set_mime_data(
        image, CAIRO_MIME_TYPE_JPEG, owned->data(), owned->size(),
        [](void* p) { delete static_cast<std::vector<unsigned char>*>(p); }, owned);
    cairo_t* cr = cairo_create(pdf);
    cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
    cairo_set_source_surface(cr, image, 0, 0);
    cairo_paint(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(image);
    cairo_surface_show_page(pdf);
  }
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  check(status == CAIRO_STATUS_SUCCESS, path);
}

}  // namespace

std::string writeScans(const std::vector<cv::Mat>& pages, ScanKind kind, const std::string& folder,
                       const std::string& stem, double dpi, int jpegQuality) {
  switch (kind) {
    case ScanKind::PngFolder:
    case ScanKind::JpegFolder: {
      const fs::path dir = fs::path(folder) / stem;
      fs::create_directories(dir);
      const bool png = kind == ScanKind::PngFolder;
      for (std::size_t i = 0; i < pages.size(); ++i) {
        const std::string file = (dir / ("page-" + std::to_string(i + 1) + (png ? ".png" : ".jpg"))).string();
        const std::vector<int> params = png ? std::vector<int>{cv::IMWRITE_PNG_COMPRESSION, 9}
                                            : std::vector<int>{cv::IMWRITE_JPEG_QUALITY, jpegQuality};
        check(cv::imwrite(file, pages[i], params), file);
      }
      return stem;
    }
    case ScanKind::MultiPageTiff: {
      const std::string file = (fs::path(folder) / (stem + ".tif")).string();
      check(cv::imwritemulti(file, pages, {cv::IMWRITE_TIFF_COMPRESSION, 5 /* LZW */}), file);
      return stem + ".tif";
    }
    case ScanKind::Pdf: {
      const std::string file = (fs::path(folder) / (stem + ".pdf")).string();
      writePdf(pages, file, dpi, jpegQuality);
      return stem + ".pdf";
    }
  }
  return stem;
}

}  // namespace listaudit::tools

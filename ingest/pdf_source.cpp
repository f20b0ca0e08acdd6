// Pages of a PDF, rendered by poppler at kPdfDpi into grey images.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <filesystem>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "ingest/scan_source.hpp"

namespace listaudit::ingest {
namespace {

// Poppler prints its complaints to stderr; ours name the file instead.
void quietPoppler(const std::string&, void*) {}

class PdfSource : public ScanSource {
 public:
  explicit PdfSource(std::string path) : path_(std::move(path)) {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(quietPoppler, nullptr); });
    if (std::filesystem::file_size(path_) == 0) throw ScanError(path_ + ": the file is empty");
    document_.reset(poppler::document::load_from_file(path_));
    if (!document_) throw ScanError(path_ + ": not a readable PDF");
    if (document_->is_locked()) throw ScanError(path_ + ": the PDF is locked by a password");
    if (document_->pages() <= 0) throw ScanError(path_ + ": the PDF has no pages");
    renderer_.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer_.set_image_format(poppler::image::format_bgr24);
  }
  int pageCount() const override { return document_->pages(); }
  cv::Mat page(int index) override {
    const std::string where = path_ + " page " + std::to_string(index + 1);
    std::unique_ptr<poppler::page> p(document_->create_page(index));
    if (!p) throw ScanError(where + ": the page cannot be read");
    const poppler::rectf box = p->page_rect();
    const double w = box.width() / 72.0 * kPdfDpi, h = box.height() / 72.0 * kPdfDpi;
    if (w < 200 || h < 200 || w > kMaxPageSide || h > kMaxPageSide)
      throw ScanError(where + ": the page size is not a scanned page");
    poppler::image img = renderer_.render_page(p.get(), kPdfDpi, kPdfDpi);
    if (!img.is_valid()) throw ScanError(where + ": the page cannot be rendered");
    const cv::Mat view(img.height(), img.width(), CV_8UC3, img.data(), static_cast<std::size_t>(img.bytes_per_row()));
    return greyForReading(view).clone();
  }
  std::string pageInput(int) const override { return path_; }

 private:
  std::string path_;
  std::unique_ptr<poppler::document> document_;
  poppler::page_renderer renderer_;
};

}  // namespace

std::unique_ptr<ScanSource> openPdf(const std::string& path) { return std::make_unique<PdfSource>(path); }

}  // namespace listaudit::ingest

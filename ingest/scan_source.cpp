#include "ingest/scan_source.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <vector>

#include "models/natural_order.hpp"

namespace listaudit::ingest {
namespace {
namespace fs = std::filesystem;

std::string extensionOf(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}
bool isImageExtension(const std::string& ext) {
  return ext == ".png" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff";
}

}  // namespace

cv::Mat greyForReading(const cv::Mat& image) {
  if (image.empty() || image.channels() == 1) return image;
  std::vector<cv::Mat> channels;
  cv::split(image, channels);
  cv::Mat grey = channels[0];
  for (std::size_t i = 1; i < channels.size() && i < 3; ++i) grey = cv::max(grey, channels[i]);
  return grey;
}

namespace {

cv::Mat checkedPage(cv::Mat image, const std::string& input, int index) {
  if (image.empty()) throw ScanError(input + " page " + std::to_string(index + 1) + ": the image cannot be decoded");
  if (image.cols > kMaxPageSide || image.rows > kMaxPageSide || image.cols < 200 || image.rows < 200)
    throw ScanError(input + " page " + std::to_string(index + 1) + ": the image is " + std::to_string(image.cols) +
                    "x" + std::to_string(image.rows) + " pixels, not a scanned page");
  return image;
}

// One file holding one page (PNG, JPEG) or several (TIFF).
class ImageFileSource : public ScanSource {
 public:
  explicit ImageFileSource(std::string path) : path_(std::move(path)) {
    if (fs::file_size(path_) == 0) throw ScanError(path_ + ": the file is empty");
    try {
      count_ = static_cast<int>(cv::imcount(path_, cv::IMREAD_GRAYSCALE));
    } catch (const cv::Exception&) {
      count_ = 0;
    }
    if (count_ <= 0) throw ScanError(path_ + ": not a readable image");
  }
  int pageCount() const override { return count_; }
  cv::Mat page(int index) override {
    std::vector<cv::Mat> pages;
    try {
      if (count_ == 1)
        pages.push_back(cv::imread(path_, cv::IMREAD_COLOR));
      else
        cv::imreadmulti(path_, pages, index, 1, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
      pages.clear();
    }
    return checkedPage(pages.empty() ? cv::Mat() : greyForReading(pages.front()), path_, count_ == 1 ? 0 : index);
  }
  std::string pageInput(int) const override { return path_; }

 private:
  std::string path_;
  int count_ = 0;
};

// A folder of page images, one page per file, in natural name order.
class ImageFolderSource : public ScanSource {
 public:
  explicit ImageFolderSource(const std::string& path) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(path))
      if (entry.is_regular_file() && isImageExtension(extensionOf(entry.path())))
        names.push_back(entry.path().filename().string());
    if (names.empty()) throw ScanError(path + ": the folder holds no page images (PNG, JPEG, TIFF)");
    models::sortNatural(names);
    for (const auto& n : names) files_.push_back((fs::path(path) / n).string());
  }
  int pageCount() const override { return static_cast<int>(files_.size()); }
  cv::Mat page(int index) override {
    const std::string& file = files_.at(static_cast<std::size_t>(index));
    std::error_code ec;
    if (fs::file_size(file, ec) == 0) throw ScanError(file + ": the file is empty");
    cv::Mat image;
    try {
      image = cv::imread(file, cv::IMREAD_COLOR);
    } catch (const cv::Exception&) {
    }
    if (image.empty()) throw ScanError(file + ": the image cannot be decoded");
    return checkedPage(greyForReading(image), file, 0);
  }
  std::string pageInput(int index) const override { return files_.at(static_cast<std::size_t>(index)); }

 private:
  std::vector<std::string> files_;
};

}  // namespace

std::unique_ptr<ScanSource> ScanSource::open(const std::string& path) {
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) throw ScanError(path + ": no such file or folder");
  if (fs::is_directory(status)) return std::make_unique<ImageFolderSource>(path);
  const std::string ext = extensionOf(path);
  if (ext == ".pdf") return openPdf(path);
  if (isImageExtension(ext)) return std::make_unique<ImageFileSource>(path);
  throw ScanError(path + ": not a PDF, TIFF, PNG or JPEG file, nor a folder of them");
}

}  // namespace listaudit::ingest

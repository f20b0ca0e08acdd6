#include "ingest/scan_source.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <vector>

#include "ingest/image_decoder.hpp"
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

// A folder's page images, in natural name order (page-2 before page-10).
std::vector<std::string> pageFiles(const std::string& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && isImageExtension(extensionOf(entry.path())))
      names.push_back(entry.path().filename().string());
  models::sortNatural(names);
  std::vector<std::string> files;
  for (const auto& n : names) files.push_back((fs::path(folder) / n).string());
  return files;
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

// One file holding one page (PNG, JPEG) or several (TIFF).
class ImageFileSource : public ScanSource {
 public:
  explicit ImageFileSource(std::string path) : path_(std::move(path)) {
    if (fs::file_size(path_) == 0) throw ScanError(path_ + ": the file is empty");
    count_ = imagePageCount(path_);
  }
  int pageCount() const override { return count_; }
  cv::Mat page(int index) override { return decodeImagePage(path_, index, count_); }
  std::string pageInput(int) const override { return path_; }

 private:
  std::string path_;
  int count_ = 0;
};

// A folder of page images, one page per file, in natural name order.
class ImageFolderSource : public ScanSource {
 public:
  explicit ImageFolderSource(const std::string& path) : files_(pageFiles(path)) {
    if (files_.empty()) throw ScanError(path + ": the folder holds no page images (PNG, JPEG, TIFF)");
  }
  int pageCount() const override { return static_cast<int>(files_.size()); }
  cv::Mat page(int index) override { return decodeImagePage(files_.at(static_cast<std::size_t>(index)), 0, 1); }
  std::string pageInput(int index) const override { return files_.at(static_cast<std::size_t>(index)); }

 private:
  std::vector<std::string> files_;
};

}  // namespace

std::string scanStamp(const std::string& path) {
  std::error_code ec;
  auto stampOf = [&](const fs::path& file) {
    const auto size = fs::file_size(file, ec);
    const auto time = fs::last_write_time(file, ec).time_since_epoch().count();
    return file.filename().string() + ":" + std::to_string(ec ? 0 : size) + ":" + std::to_string(ec ? 0 : time) + ";";
  };
  if (!fs::is_directory(path, ec)) return stampOf(path);
  std::string stamp;
  try {
    for (const auto& file : pageFiles(path)) stamp += stampOf(file);
  } catch (const fs::filesystem_error&) {
    // An unreadable folder: the page phase reports it; the stamp says nothing.
  }
  return stamp;
}

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

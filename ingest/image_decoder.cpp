#include "ingest/image_decoder.hpp"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <optional>
#include <vector>

#include "ingest/scan_source.hpp"

namespace listaudit::ingest {
namespace {

struct PixDeleter {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using OwnedPix = std::unique_ptr<PIX, PixDeleter>;

struct Header {
  int format = IFF_UNKNOWN, width = 0, height = 0;
};

bool isPageFormat(int format) { return format == IFF_PNG || format == IFF_JFIF_JPEG || L_FORMAT_IS_TIFF(format); }

// The file's format from its first bytes (Leptonica's sniffing), or
// IFF_UNKNOWN when it cannot be opened.
int sniffedFormat(const std::string& path) {
  l_int32 format = IFF_UNKNOWN;
  if (findFileFormat(path.c_str(), &format) != 0) return IFF_UNKNOWN;
  return format;
}

void quietLeptonica() {
  // Leptonica prints its complaints to stderr; ours name the file instead.
  static std::once_flag quiet;
  std::call_once(quiet, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

// The page's format and size, from its header alone; nullopt when the file
// holds no header Leptonica knows.
std::optional<Header> readHeader(const std::string& path, int index, int pagesInFile) {
  Header h;
  l_int32 bps = 0, spp = 0, cmap = 0, res = 0;
  if (pixReadHeader(path.c_str(), &h.format, &h.width, &h.height, &bps, &spp, &cmap) != 0) return std::nullopt;
  if (!isPageFormat(h.format)) return std::nullopt;
  if (pagesInFile > 1 && L_FORMAT_IS_TIFF(h.format) &&
      readHeaderTiff(path.c_str(), index, &h.width, &h.height, &bps, &spp, &res, &cmap, &h.format) != 0)
    return std::nullopt;
  return h;
}

// A Leptonica image as an 8-bit grey page: colour by each pixel's brightest
// channel, as greyForReading does for OpenCV's images.
cv::Mat greyFromPix(PIX* pix) {
  OwnedPix eight;
  if (pixGetDepth(pix) != 8 && pixGetDepth(pix) != 32) {
    eight.reset(pixConvertTo8(pix, 0));
    pix = eight.get();
  }
  const int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  const l_uint32* data = pixGetData(pix);
  cv::Mat grey(h, w, CV_8UC1);
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    auto* out = grey.ptr<std::uint8_t>(y);
    if (pixGetDepth(pix) == 8) {
      for (int x = 0; x < w; ++x) out[x] = static_cast<std::uint8_t>(GET_DATA_BYTE(line, x));
    } else {
      for (int x = 0; x < w; ++x) {
        l_int32 r = 0, g = 0, b = 0;
        extractRGBValues(line[x], &r, &g, &b);
        out[x] = static_cast<std::uint8_t>(std::max({r, g, b}));
      }
    }
  }
  return grey;
}

// libjpeg reports a file cut short or damaged data as warnings and fills the
// rest of the page with grey; Leptonica counts them (and, with some of
// them, gives no image).
cv::Mat decodeJpeg(const std::string& path, const std::string& where) {
  l_int32 warnings = 0;
  OwnedPix pix(pixReadJpeg(path.c_str(), 0, 1, &warnings, 0));
  if (warnings > 0)
    throw ScanError(where + ": the JPEG data ends early or is damaged (the decoder warned " + std::to_string(warnings) +
                    " time(s)); the page is not read, so no row is taken from half a page");
  if (!pix) throw ScanError(where + ": the JPEG cannot be decoded");
  return greyFromPix(pix.get());
}

}  // namespace

int imagePageCount(const std::string& path) {
  quietLeptonica();
  const int format = sniffedFormat(path);
  if (!isPageFormat(format))
    throw ScanError(path + ": not a readable image (its first bytes are not PNG, JPEG or TIFF)");
  if (!L_FORMAT_IS_TIFF(format)) return 1;
  l_int32 count = 0;
  FILE* file = fopenReadStream(path.c_str());
  if (file == nullptr) throw ScanError(path + ": the file cannot be opened");
  const bool counted = tiffGetCount(file, &count) == 0;
  fclose(file);
  if (!counted || count <= 0) throw ScanError(path + ": the TIFF's pages cannot be counted");
  return count;
}

cv::Mat decodeImagePage(const std::string& path, int index, int pagesInFile) {
  quietLeptonica();
  const std::string where = pagesInFile > 1 ? path + " page " + std::to_string(index + 1) : path;
  std::error_code ec;
  if (std::filesystem::file_size(path, ec) == 0 || ec) throw ScanError(where + ": the file is empty or unreadable");
  const std::optional<Header> header = readHeader(path, index, pagesInFile);
  if (!header) throw ScanError(where + ": not a readable image (no PNG, JPEG or TIFF header)");
  if (header->width > kMaxPageSide || header->height > kMaxPageSide || header->width < 200 || header->height < 200)
    throw ScanError(where + ": the image is " + std::to_string(header->width) + "x" + std::to_string(header->height) +
                    " pixels, not a scanned page (a side of 200 to " + std::to_string(kMaxPageSide) +
                    " pixels); it was not decoded");
  if (header->format == IFF_JFIF_JPEG) return decodeJpeg(path, where);
  std::vector<cv::Mat> pages;
  try {
    if (pagesInFile <= 1)
      pages.push_back(cv::imread(path, cv::IMREAD_COLOR));
    else
      cv::imreadmulti(path, pages, index, 1, cv::IMREAD_COLOR);
  } catch (const cv::Exception&) {
    pages.clear();
  }
  if (pages.empty() || pages.front().empty()) throw ScanError(where + ": the image cannot be decoded");
  if (pages.front().cols != header->width || pages.front().rows != header->height)
    throw ScanError(where + ": the decoded image is not the size its header declares");
  return greyForReading(pages.front());
}

}  // namespace listaudit::ingest

// The image loader on any bytes, as PNG, JPEG or TIFF by name (the first byte
// chooses): every page either decodes into a page-sized image or is a
// ScanError naming the file, never a crash or a runaway allocation.
#include <cstdlib>

#include "ingest/scan_source.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace listaudit;
  if (size == 0) return 0;
  static const char* kSuffixes[] = {".png", ".jpg", ".tif"};
  const std::string path = fuzz::inputFile(data + 1, size - 1, kSuffixes[data[0] % 3]);
  try {
    auto source = ingest::ScanSource::open(path);
    for (int i = 0; i < source->pageCount() && i < 4; ++i) {
      try {
        const cv::Mat page = source->page(i);
        if (page.empty() || page.cols > ingest::kMaxPageSide || page.rows > ingest::kMaxPageSide) std::abort();
      } catch (const ingest::ScanError&) {
      }
    }
  } catch (const ingest::ScanError&) {
  }
  return 0;
}

// The PDF loader (poppler) on any bytes: a page renders or is a ScanError.
#include "ingest/scan_source.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace listaudit;
  const std::string path = fuzz::inputFile(data, size, ".pdf");
  try {
    auto source = ingest::ScanSource::open(path);
    for (int i = 0; i < source->pageCount() && i < 2; ++i) {
      try {
        source->page(i);
      } catch (const ingest::ScanError&) {
      }
    }
  } catch (const ingest::ScanError&) {
  }
  return 0;
}

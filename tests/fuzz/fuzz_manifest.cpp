// The manifest reader on any bytes: it reports or refuses, never crashes.
#include "ingest/manifest_reader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace listaudit;
  const std::string path = fuzz::inputFile(data, size, ".csv");
  models::ErrorList errors;
  try {
    ingest::readManifest(path, errors);
  } catch (const ingest::CsvError&) {
    // A manifest that cannot be used at all: exit 2, as the contract says.
  }
  return 0;
}

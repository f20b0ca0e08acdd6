// The register and electronic-copy readers on any bytes: each reports or
// refuses, never crashes. The first byte chooses the reader.
#include "ingest/register_reader.hpp"
#include "tests/fuzz/fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace listaudit;
  if (size == 0) return 0;
  const std::string path = fuzz::inputFile(data + 1, size - 1, ".csv");
  models::ErrorList errors;
  try {
    switch (data[0] % 4) {
      case 0:
        ingest::readPopulation(
            path, [](const models::Person&) {}, errors);
        break;
      case 1:
        ingest::readConsent(
            path, [](const models::ConsentRecord&) {}, errors);
        break;
      case 2:
        ingest::readComplaints(
            path, [](const models::Complaint&) {}, errors);
        break;
      default: ingest::readDigitalCopy(path, errors);
    }
  } catch (const ingest::CsvError&) {
    // A register that cannot be used at all: exit 2.
  }
  return 0;
}

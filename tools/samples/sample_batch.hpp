#pragma once
// `listaudit make-samples` (contract section 10): a whole batch that follows
// the contract, with the truth a perfect reader would report.
#include <cstdint>
#include <string>

namespace listaudit::tools {

struct SampleOptions {
  std::uint64_t seed = 1;
  int lists = 2;
  int pages = 2;
  std::string style = "printed";  // printed | handwritten | mixed
  long long populationSize = 0;   // 0: the people on the lists and a few more
  // Records of the consent and complaints registers beyond the batch's own:
  // other people of the population register, for the batch's parties (for
  // measuring registers of millions; they change no row's truth).
  long long consentSize = 0, complaintsSize = 0;
  std::string out;
  std::string digitsPath;  // the handwritten digits sheet; empty for the one the generator ships
};

struct SampleSummary {
  int lists = 0, pages = 0, rows = 0;
  long long population = 0;
};

// Writes DIR/manifest.csv, the scans, the electronic copies, population.csv,
// consent.csv, complaints.csv and truth.csv. The same options give the same
// bytes. Throws std::invalid_argument for a bad option and
// std::runtime_error naming the file that cannot be written.
SampleSummary makeSamples(const SampleOptions& options);

}  // namespace listaudit::tools

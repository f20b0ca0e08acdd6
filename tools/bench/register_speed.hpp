#pragma once
// `listaudit bench speed --registers`: what registers of national size cost.
// Each given register is imported into a fresh cache and timed; then rows
// drawn from the population register (spread over it, each on a list of its
// country's scheme) are checked against all of them; then generated
// signatures, a hundredth of them planted copies of another, are searched
// for repeats at a tenth of the count and at the whole, to show how the time
// grows; at the tenth, every pair is also compared, to show what blocking
// loses.
#include <string>
#include <vector>

namespace listaudit::tools {

struct RegisterSpeedOptions {
  std::string population, consent, complaints;  // each optional
  int rows = 100000, signatures = 100000;
};

struct RegisterSpeedReport {
  struct Import {
    std::string name;
    long long records = 0;
    double seconds = 0;
  };
  std::vector<Import> imports;
  long peakAfterImportsMb = 0;
  int rowsChecked = 0, rowsFlagged = 0;
  double checkSeconds = 0;
  int signaturesSmall = 0, signaturesLarge = 0;
  double signatureSecondsSmall = 0, signatureSecondsLarge = 0;
  int plantedRepeats = 0, plantedFound = 0;  // at the whole count
  // At the tenth: the pairs every-pair comparison finds, how many of them
  // blocking by the shape key finds too, and the every-pair time.
  int pairsInFull = 0, pairsBlocked = 0;
  // Pairs of rows flagged as repeated at the whole count: what the search
  // must output, whatever the blocking.
  int pairsAlikeLarge = 0;
  double fullSecondsSmall = 0;
  long peakMemoryMb = 0;
};

// Throws ingest::CsvError when a register cannot be used.
RegisterSpeedReport measureRegisterSpeed(const RegisterSpeedOptions& options);

std::string formatRegisterSpeed(const RegisterSpeedReport& report);

}  // namespace listaudit::tools

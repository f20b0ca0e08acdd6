#pragma once
// The scoreboard of contract section 9: a run's rows.csv against a corpus's
// truth.csv. Rows are matched by (list_id, page, row).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "models/flag.hpp"

namespace listaudit::tools {

struct PrecisionRecall {
  int truePositives = 0, falsePositives = 0, falseNegatives = 0;
  std::optional<double> precision() const;  // nullopt when nothing was flagged
  std::optional<double> recall() const;     // nullopt when nothing should have been
};

struct AccuracyScore {
  int expected = 0, found = 0, missing = 0, extra = 0;
  int nameExact = 0, idExact = 0;          // among matched rows
  long long nameEdits = 0, nameChars = 0;  // for the character error rate
  int unreadable = 0;                      // found rows carrying UNREADABLE
  // Found rows carrying a flag that needs the person (models::needsThePerson)
  // which the truth does not hold for them: an accusation the truth does not
  // make (a row missing from the truth counts with any such flag).
  int falselyAccused = 0;
  std::map<models::Flag, PrecisionRecall> flags;
  PrecisionRecall noConsent;  // any of COMPLAINT, NO_CONSENT, CONSENT_WITHDRAWN, CONSENT_LATE
  // The same figures for the rows of each kind of writing, when the truth
  // says which (its column `writing`: printed, handwritten).
  std::map<std::string, AccuracyScore> byWriting;

  double nameExactRate() const { return expected ? double(nameExact) / expected : 0; }
  double idExactRate() const { return expected ? double(idExact) / expected : 0; }
  double nameCharErrorRate() const { return nameChars ? double(nameEdits) / nameChars : 0; }
  double unreadableShare() const { return found ? double(unreadable) / found : 0; }
};

// Throws ingest::CsvError when either file cannot be used (missing, no
// header, a required column absent).
AccuracyScore scoreAccuracy(const std::string& truthCsv, const std::string& rowsCsv);

std::string formatText(const AccuracyScore& score);
std::string formatJson(const AccuracyScore& score);

}  // namespace listaudit::tools

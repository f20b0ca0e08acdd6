#pragma once
// The thresholds the checks judge by. Its own header so that the judge and
// the checks it walks both depend on it, and not on each other.
#include "models/name_text.hpp"
#include "models/records.hpp"

namespace listaudit::pipeline {

struct CheckOptions {
  // Below these reading confidences a person must read the field (UNREADABLE);
  // for the number, only when it also fails its check.
  double minNameConfidence = 0.55;
  double minIdConfidence = 0.55;
  // Below this share of ink the signature cell is empty (SIGNATURE_MISSING).
  double minSignatureInk = 0.003;
  // At or above this shape similarity two signatures are one hand's (SIGNATURE_REPEATED).
  double minSignatureSimilarity = 0.9;
};

// A name is read unsurely when its reader says so, when the row is written
// by hand (its number was read as handwriting): print OCR's confidence on a
// hand's letters says little; or when the reading holds a sign no name holds
// (a digit, a semicolon): a photocopy's specks read as "Елена окна ;" at
// 0.86, which a sure reading would have made a NAME_MISMATCH.
inline bool nameReadUnsurely(const models::RowRecord& row, const CheckOptions& options) {
  return row.fullName.empty() || row.nameConfidence < options.minNameConfidence ||
         row.idWriting == models::Writing::Handwritten || !models::looksLikeName(row.fullName);
}

}  // namespace listaudit::pipeline

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
// hand's letters says little; when the reading holds a sign no name holds
// (a digit, a semicolon): a photocopy's specks read as "Елена окна ;" at
// 0.86, which a sure reading would have made a NAME_MISMATCH; or when no
// number was read: the row then says nothing of whether it is a hand's, and
// the print models' confidence is no more to be trusted than on a hand's
// (seed 545's L02-RS page 1 row 3, a dry pen's number the copier lost: the
// hand's capitals NEVENA PAVLOVIĆ read as МЕМЕМА РАМСОМЈС at 0.94, and a
// DIGITAL_MISMATCH raised on that reading).
inline bool nameReadUnsurely(const models::RowRecord& row, const CheckOptions& options) {
  return row.fullName.empty() || row.nameConfidence < options.minNameConfidence ||
         row.idWriting == models::Writing::Handwritten || row.rawId.empty() || !models::looksLikeName(row.fullName);
}

}  // namespace listaudit::pipeline

#pragma once
// The check phase: runs once every row is in the store. Resolves each row's
// number under its list's scheme, finds who the row is, raises the flags of
// contract section 7 with their evidence, and gives each row its risk.
// Pure function of its inputs; thread-safe.
#include <vector>

#include "models/records.hpp"
#include "pipeline/registers.hpp"

namespace listaudit::pipeline {

struct JudgeOptions {
  // Below these OCR confidences a person must read the field (UNREADABLE);
  // for the number, only when it also fails its check.
  double minNameConfidence = 0.55;
  double minIdConfidence = 0.55;
  // Below this share of ink the signature cell is empty (SIGNATURE_MISSING).
  double minSignatureInk = 0.003;
  // At or above this shape similarity two signatures are one hand's (SIGNATURE_REPEATED).
  double minSignatureSimilarity = 0.9;
};

// `rows` in list, page, row order; the result is in the same order. Checks
// whose register or electronic copy is not given are not made.
std::vector<models::JudgedRow> judgeRows(const std::vector<models::ListEntry>& lists,
                                         const std::vector<models::RowRecord>& rows, const JudgeOptions& options,
                                         const Registers& registers = Registers{},
                                         const DigitalCopies& digital = DigitalCopies{});

}  // namespace listaudit::pipeline

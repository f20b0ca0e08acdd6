#include "pipeline/checks/reading_checks.hpp"

#include <algorithm>

#include "models/decimal_text.hpp"

namespace listaudit::pipeline {

void checkReading(RowCase& c, const CheckContext& context) {
  using models::Flag;
  const models::RowRecord& row = *c.row;
  const CheckOptions& options = context.options;
  if (!c.id.check.valid())
    c.raise(Flag::IdInvalid, c.id.number.empty() ? "no number could be read" : c.id.check.reason);
  // An unsure number that passes its scheme's check is confirmed by it: the
  // reader's doubt was between glyphs that mean the same there (I, l, |).
  const bool numberUnsure = c.id.number.empty() || (row.idConfidence < options.minIdConfidence && !c.id.check.valid());
  if (row.fullName.empty() || row.nameConfidence < options.minNameConfidence || numberUnsure)
    c.raise(Flag::Unreadable, "name read with confidence " + models::decimal(row.nameConfidence, 2) + ", number with " +
                                  models::decimal(row.idConfidence, 2) + " (a person must read below " +
                                  models::decimal(std::min(options.minNameConfidence, options.minIdConfidence), 2) +
                                  ")");
  if (row.signatureInk < options.minSignatureInk)
    c.raise(Flag::SignatureMissing,
            "ink covers " + models::decimal(row.signatureInk * 100, 2) + "%" + " of the signature cell");
}

}  // namespace listaudit::pipeline

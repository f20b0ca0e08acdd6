#include "pipeline/checks/reading_checks.hpp"

#include <algorithm>

#include "models/decimal_text.hpp"

namespace listaudit::pipeline {

void checkReading(RowCase& c, const CheckContext& context) {
  using models::Flag;
  const models::RowRecord& row = *c.row;
  const CheckOptions& options = context.options;
  // A number that fails while its reading is in doubt may be a misreading:
  // UNREADABLE says so; ID_INVALID is for a number read clearly and written wrong.
  if (!c.id.check.valid() && (!c.who.inDoubt || c.id.number.empty()))
    c.raise(Flag::IdInvalid, c.id.number.empty() ? "no number could be read" : c.id.check.reason);
  // A name read unsurely but confirmed by the register or the copy is read.
  const bool nameUnsure = nameReadUnsurely(row, options) && !c.who.nameConfirmed;
  if (nameUnsure || c.who.inDoubt || c.id.number.empty()) {
    std::string why = "name read with confidence " + models::decimal(row.nameConfidence, 2) + ", number with " +
                      models::decimal(row.idConfidence, 2) + " (a person must read below " +
                      models::decimal(std::min(options.minNameConfidence, options.minIdConfidence), 2) + ")";
    if (!c.who.candidates.empty()) why += "; " + c.who.candidates;
    if (!c.who.established) why += "; no person is named with confidence, so no flag that needs one is raised";
    c.raise(Flag::Unreadable, why);
  }
  if (row.signatureInk < options.minSignatureInk)
    c.raise(Flag::SignatureMissing,
            "ink covers " + models::decimal(row.signatureInk * 100, 2) + "%" + " of the signature cell");
}

}  // namespace listaudit::pipeline

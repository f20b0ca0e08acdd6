#include "pipeline/checks/reading_checks.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "models/decimal_text.hpp"

namespace listaudit::pipeline {

void checkReading(RowCase& c, const CheckContext& context) {
  using models::Flag;
  const models::RowRecord& row = *c.row;
  const CheckOptions& options = context.options;
  // A number that fails while its reading is in doubt, or that may be a
  // misreading of the established person's, may be a misreading: UNREADABLE
  // says so; ID_INVALID is for a number read clearly and written wrong, or
  // none read at all.
  if (!c.id.check.valid() && (c.who.numberKnown() || c.id.number.empty()))
    c.raise(Flag::IdInvalid, c.id.number.empty() ? "no number could be read" : c.id.check.reason);
  // A name read unsurely but confirmed by the register or the copy is read.
  const bool nameUnsure = !c.who.nameKnown(row, options);
  if (nameUnsure || !c.who.numberKnown() || c.id.number.empty()) {
    // What a person must read, and why, in words: the confidences alone do
    // not say it of a hand's name read at 0.84 that nothing confirms.
    std::vector<std::string> reasons;
    if (c.id.number.empty())
      reasons.push_back("no number could be read");
    else if (c.who.inDoubt)
      reasons.push_back("the number read leaves the person in doubt");
    else if (!c.who.numberDoubt.empty())
      reasons.push_back(c.who.numberDoubt);
    if (nameUnsure) {
      if (!c.who.nameDoubt.empty())
        reasons.push_back(c.who.nameDoubt);
      else if (row.fullName.empty())
        reasons.push_back("no name could be read");
      else if (row.nameConfidence < options.minNameConfidence)
        reasons.push_back("the name was read with confidence below " + models::decimal(options.minNameConfidence, 2));
      else
        reasons.push_back(
            "the name is written by hand and no spelling of an established person, in the register or the "
            "electronic copy, that the image supports confirms its reading");
    }
    std::string why;
    for (const std::string& reason : reasons) why += (why.empty() ? "" : "; ") + reason;
    why += " (name read with confidence " + models::decimal(row.nameConfidence, 2) + ", number with " +
           models::decimal(row.idConfidence, 2) + ")";
    if (!c.who.candidates.empty()) why += "; " + c.who.candidates;
    if (!c.who.established) why += "; no person is named with confidence, so no flag that needs one is raised";
    c.raise(Flag::Unreadable, why);
  }
  if (row.signatureInk < options.minSignatureInk)
    c.raise(Flag::SignatureMissing,
            "ink covers " + models::decimal(row.signatureInk * 100, 2) + "%" + " of the signature cell");
}

}  // namespace listaudit::pipeline

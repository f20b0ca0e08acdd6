#pragma once
// DIGITAL_MISMATCH: the electronic copy's row at the same page and row differs
// from the paper in name or number, or is missing. Names compare as the
// contract says (script, case, diacritics and reading noise are no
// difference); numbers compare exactly. Made only for a list whose copy was
// given and read. Pure function; thread-safe.
#include "pipeline/checks/row_case.hpp"

namespace listaudit::pipeline {

// Names at least this alike are the same name read with noise.
inline constexpr double kDigitalSameName = 0.8;

void checkDigitalCopy(RowCase& c, const CheckContext& context);

}  // namespace listaudit::pipeline

#pragma once
// The row check of the reading itself: ID_INVALID (the number fails its
// scheme and no repair was confirmed), UNREADABLE (the name or the number is
// not read with confidence: a person must read it) and SIGNATURE_MISSING
// (the signature cell holds no handwriting). Needs no register. Pure
// function; thread-safe.
#include "pipeline/checks/row_case.hpp"

namespace listaudit::pipeline {

void checkReading(RowCase& c, const CheckContext& context);

}  // namespace listaudit::pipeline

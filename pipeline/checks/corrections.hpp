#pragma once
// A reviewer's corrected reading (contract section 12) put in place of what
// the reader read, so that the checks check it again: the name and number
// as the reviewer wrote them, read with full confidence. Pure function.
#include <vector>

#include "models/decision.hpp"
#include "models/records.hpp"

namespace listaudit::pipeline {

// Each row whose decision in force is a corrected reading takes it; returns
// how many did.
int applyCorrections(std::vector<models::RowRecord>& rows, const std::vector<models::Decision>& decisions);

}  // namespace listaudit::pipeline

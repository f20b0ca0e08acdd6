#pragma once
// The check phase: runs once every row is in the store. Resolves each row's
// number under its list's scheme, finds who the row is, walks the row checks
// and then the batch checks (the two lists in judge.cpp) to raise the flags
// of contract section 7 with their evidence, and gives each row its risk.
// Pure function of its inputs; thread-safe.
#include <vector>

#include "models/records.hpp"
#include "pipeline/checks/check_options.hpp"
#include "pipeline/checks/registers.hpp"

namespace listaudit::pipeline {

// `rows` in list, page, row order; the result is in the same order. Checks
// whose register or electronic copy is not given are not made.
std::vector<models::JudgedRow> judgeRows(const std::vector<models::ListEntry>& lists,
                                         const std::vector<models::RowRecord>& rows, const CheckOptions& options,
                                         const Registers& registers = Registers{},
                                         const DigitalCopies& digital = DigitalCopies{});

}  // namespace listaudit::pipeline

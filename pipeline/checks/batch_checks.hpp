#pragma once
// The batch checks, which compare rows with each other: DUPLICATE_IN_LIST
// (the same person on an earlier row of the same list), MULTI_PARTY (the same
// person on lists of different parties for the same election; every
// occurrence, marking the list filed first, which keeps the supporter) and
// SIGNATURE_REPEATED (a signature so like another row's that one hand or one
// copy made both). Cases in list, page, row order. Pure functions;
// thread-safe.
#include <vector>

#include "pipeline/checks/row_case.hpp"

namespace listaudit::pipeline {

void checkDuplicates(std::vector<RowCase>& cases, const CheckContext& context);
// Also sets JudgedRow::firstFiler.
void checkMultiParty(std::vector<RowCase>& cases, const CheckContext& context);
void checkRepeatedSignatures(std::vector<RowCase>& cases, const CheckContext& context);

}  // namespace listaudit::pipeline

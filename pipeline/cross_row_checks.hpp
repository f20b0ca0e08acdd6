#pragma once
// The flags that compare rows with each other: DUPLICATE_IN_LIST (the same
// person on an earlier row of the same list) and MULTI_PARTY (the same person
// on lists of different parties for the same election; every occurrence),
// marking for the latter the list filed first, which keeps the supporter;
// SIGNATURE_REPEATED (a signature so like another row's that one hand or one
// copy made both).
// Pure function; thread-safe.
#include <vector>

#include "models/records.hpp"
#include "pipeline/judge.hpp"
#include "pipeline/register_checks.hpp"

namespace listaudit::pipeline {

// All vectors are parallel, in list, page, row order. Appends findings to
// `judged` and sets JudgedRow::firstFiler.
void checkAcrossRows(const std::vector<models::RowRecord>& rows, const std::vector<const models::ListEntry*>& listOf,
                     const std::vector<RowIdentity>& who, const JudgeOptions& options,
                     std::vector<models::JudgedRow>& judged);

}  // namespace listaudit::pipeline

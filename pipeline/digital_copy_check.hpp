#pragma once
// DIGITAL_MISMATCH: the electronic copy's row at the same page and row differs
// from the paper in name or number, or is missing. Names compare as the
// contract says (script, case, diacritics and reading noise are no
// difference); numbers compare exactly. Pure function; thread-safe.
#include <map>
#include <string>

#include "ingest/register_reader.hpp"
#include "pipeline/register_checks.hpp"

namespace listaudit::pipeline {

// Names at least this alike are the same name read with noise.
inline constexpr double kDigitalSameName = 0.8;

void checkDigitalCopy(const models::RowRecord& row, const std::string& resolvedNumber,
                      const std::map<std::pair<int, int>, ingest::DigitalRow>& copy, const std::string& copyName,
                      const Raise& raise);

}  // namespace listaudit::pipeline

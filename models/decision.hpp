#pragma once
// A reviewer's decision on one row (contract section 12): accept (the
// supporter counts), reject (the supporter does not count) or a corrected
// reading (name and number), which the checks then check again. Decisions
// are kept, never erased: a later one on the same row supersedes the earlier.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

struct Decision {
  enum class Kind { Accept, Reject, Correct };
  std::string listId;
  int page = 0;
  int row = 0;
  Kind kind = Kind::Accept;
  std::string fullName, nationalId;  // the corrected reading (Correct only)
  std::string reviewer;
  std::string decidedAt;  // UTC, ISO 8601
  std::string note;
};

// "accept", "reject", "correct": as `listaudit decisions` writes them.
std::string_view decisionWord(Decision::Kind kind);
std::optional<Decision::Kind> decisionFromWord(std::string_view word);

// The decision in force on each row: the latest of `decisions` (given in the
// order they were made).
std::map<RowKey, Decision> decisionsInForce(const std::vector<Decision>& decisions);

}  // namespace listaudit::models

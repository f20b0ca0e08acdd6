#include "models/list_tally.hpp"

namespace listaudit::models {

bool acceptedRow(const JudgedRow& row) {
  for (const auto& f : row.findings)
    if (f.flag != Flag::MultiParty || !row.firstFiler) return false;
  return true;
}

std::map<std::string, ListTally> tallyLists(const std::vector<JudgedRow>& judged) {
  std::map<std::string, ListTally> tallies;
  for (const JudgedRow& j : judged) {
    ListTally& t = tallies[j.listId];
    ++t.rows;
    if (!j.findings.empty()) ++t.flagged;
    if (acceptedRow(j)) ++t.valid;
    // A check raises a flag at most once on a row.
    for (const auto& f : j.findings) ++t.perFlag[f.flag];
  }
  return tallies;
}

}  // namespace listaudit::models

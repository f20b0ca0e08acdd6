#include "models/list_tally.hpp"

#include <algorithm>
#include <set>

namespace listaudit::models {

bool acceptedRow(const JudgedRow& row) {
  // A reviewer's accept or reject is the count; a corrected reading was
  // checked again, and its flags count as any row's.
  if (row.decided == JudgedRow::Decided::Accepted) return true;
  if (row.decided == JudgedRow::Decided::Rejected) return false;
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
    if (j.decided != JudgedRow::Decided::No)
      ++t.decided;
    else if (!j.findings.empty())
      ++t.toDecide;
    // A check raises a flag at most once on a row.
    for (const auto& f : j.findings) ++t.perFlag[f.flag];
    ++t.riskBands[static_cast<std::size_t>(std::clamp(static_cast<int>(j.risk * 5), 0, 4))];
  }
  return tallies;
}

std::map<std::pair<std::string, std::string>, CollectorTally> tallyCollectors(
    const std::vector<JudgedRow>& judged, const std::map<std::pair<std::string, int>, std::string>& collectorOfPage) {
  std::map<std::pair<std::string, std::string>, CollectorTally> out;
  for (const JudgedRow& j : judged) {
    const auto it = collectorOfPage.find({j.listId, j.page});
    CollectorTally& c = out[{j.listId, it == collectorOfPage.end() ? std::string() : it->second}];
    ++c.rows;
    if (!j.findings.empty()) ++c.flagged;
    for (const auto& f : j.findings) ++c.perFlag[f.flag];
  }
  return out;
}

SampleTally tallySample(const std::vector<JudgedRow>& judged, const std::string& listId,
                        const std::vector<RowKey>& sampled, int required) {
  const std::set<RowKey> drawn(sampled.begin(), sampled.end());
  int rows = 0, inSample = 0, valid = 0;
  SampleTally out;
  for (const JudgedRow& j : judged) {
    if (j.listId != listId) continue;
    ++rows;
    if (!drawn.count({j.listId, j.page, j.row})) continue;
    ++inSample;
    if (acceptedRow(j)) ++valid;
    if (j.decided != JudgedRow::Decided::No) ++out.decided;
  }
  out.projection = projectValid(rows, inSample, valid, required);
  return out;
}

}  // namespace listaudit::models

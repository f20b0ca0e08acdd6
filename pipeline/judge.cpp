#include "pipeline/judge.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "models/name_text.hpp"
#include "models/national_id.hpp"
#include "pipeline/risk_model.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

std::string percent(double share) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f%%", share * 100);
  return b;
}
std::string fixed2(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.2f", v);
  return b;
}
std::string place(const models::RowRecord& r) {
  return "page " + std::to_string(r.page) + ", row " + std::to_string(r.row);
}

// Who earlier rows of one list were, to find a person standing twice.
class ListMemory {
 public:
  // The earlier row of the same person, if any; then remembers this row.
  const models::RowRecord* seenBefore(const models::RowRecord& row, bool numberValid) {
    const std::string key = models::nameKey(row.fullName);
    const models::RowRecord* earlier = nullptr;
    if (numberValid) {
      if (auto it = byNumber_.find(row.nationalId); it != byNumber_.end()) earlier = it->second;
    } else if (!key.empty()) {
      // The contract: a row whose number fails its check is the person with its name.
      if (auto it = byName_.find(key); it != byName_.end()) earlier = it->second;
    }
    if (numberValid) byNumber_.emplace(row.nationalId, &row);
    if (!key.empty()) byName_.emplace(key, &row);
    return earlier;
  }

 private:
  std::map<std::string, const models::RowRecord*> byNumber_, byName_;
};

}  // namespace

std::vector<models::JudgedRow> judgeRows(const std::vector<models::ListEntry>& lists,
                                         const std::vector<models::RowRecord>& rows, const JudgeOptions& options) {
  std::map<std::string, const models::ListEntry*> listById;
  for (const auto& l : lists) listById[l.listId] = &l;
  std::map<std::string, ListMemory> memories;

  std::vector<models::JudgedRow> judged;
  judged.reserve(rows.size());
  for (const models::RowRecord& row : rows) {
    const auto listIt = listById.find(row.listId);
    const std::string country = listIt == listById.end() ? "" : listIt->second->country;
    models::JudgedRow j{row.listId, row.page, row.row, row.nationalId, {}, 0};
    auto raise = [&](Flag flag, std::string evidence) { j.findings.push_back({flag, flagWeight(flag), std::move(evidence)}); };

    const models::IdCheck id = models::checkNationalId(row.nationalId, country);
    if (!id.valid()) raise(Flag::IdInvalid, row.nationalId.empty() ? "no number could be read" : id.reason);
    if (row.fullName.empty() || row.nationalId.empty() || row.nameConfidence < options.minNameConfidence ||
        row.idConfidence < options.minIdConfidence)
      raise(Flag::Unreadable, "name read with confidence " + fixed2(row.nameConfidence) + ", number with " +
                                  fixed2(row.idConfidence) + " (a person must read below " +
                                  fixed2(std::min(options.minNameConfidence, options.minIdConfidence)) + ")");
    if (row.signatureInk < options.minSignatureInk)
      raise(Flag::SignatureMissing, "ink covers " + percent(row.signatureInk) + " of the signature cell");
    if (const models::RowRecord* earlier = memories[row.listId].seenBefore(row, id.valid()))
      raise(Flag::DuplicateInList, std::string(id.valid() ? "same number" : "same name") + " as " + place(*earlier));

    std::sort(j.findings.begin(), j.findings.end(),
              [](const models::Finding& a, const models::Finding& b) { return a.flag < b.flag; });
    j.risk = riskOf(j.findings);
    judged.push_back(std::move(j));
  }
  return judged;
}

}  // namespace listaudit::pipeline

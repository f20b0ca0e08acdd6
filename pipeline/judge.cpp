#include "pipeline/judge.hpp"

#include <algorithm>
#include <cstdio>
#include <map>

#include "models/name_text.hpp"
#include "models/national_id.hpp"
#include "pipeline/id_resolver.hpp"
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

// A row is its number's person when the number passes its check, otherwise
// its name's (contract section 7).
struct Identity {
  const models::RowRecord* row = nullptr;
  std::string number;  // resolved; empty when it fails its check
  std::string nameKey;
};

// Who earlier rows of one list were, to find a person standing twice.
class ListMemory {
 public:
  // The earlier row of the same person, if any; then remembers this row.
  const models::RowRecord* seenBefore(const Identity& who) {
    const models::RowRecord* earlier = nullptr;
    if (!who.number.empty()) {
      if (auto it = byNumber_.find(who.number); it != byNumber_.end()) earlier = it->second;
      // An earlier row with a failing number was its name's person: this one, if the names agree.
      else if (auto n = byNameOnly_.find(who.nameKey); n != byNameOnly_.end())
        earlier = n->second;
    } else if (!who.nameKey.empty()) {
      if (auto it = byName_.find(who.nameKey); it != byName_.end()) earlier = it->second;
    }
    if (!who.number.empty()) byNumber_.emplace(who.number, who.row);
    if (!who.nameKey.empty()) {
      byName_.emplace(who.nameKey, who.row);
      if (who.number.empty()) byNameOnly_.emplace(who.nameKey, who.row);
    }
    return earlier;
  }

 private:
  std::map<std::string, const models::RowRecord*> byNumber_, byName_, byNameOnly_;
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
    const ResolvedId resolved = resolveId(row.rawId, row.idCharacterConfidences, country);
    models::JudgedRow j{row.listId, row.page, row.row, resolved.number, {}, 0, resolved.repair};
    auto raise = [&](Flag flag, std::string evidence) {
      j.findings.push_back({flag, flagWeight(flag), std::move(evidence)});
    };

    const models::IdCheck& id = resolved.check;
    if (!id.valid()) raise(Flag::IdInvalid, resolved.number.empty() ? "no number could be read" : id.reason);
    if (row.fullName.empty() || resolved.number.empty() || row.nameConfidence < options.minNameConfidence ||
        row.idConfidence < options.minIdConfidence)
      raise(Flag::Unreadable, "name read with confidence " + fixed2(row.nameConfidence) + ", number with " +
                                  fixed2(row.idConfidence) + " (a person must read below " +
                                  fixed2(std::min(options.minNameConfidence, options.minIdConfidence)) + ")");
    if (row.signatureInk < options.minSignatureInk)
      raise(Flag::SignatureMissing, "ink covers " + percent(row.signatureInk) + " of the signature cell");
    const Identity who{&row, id.valid() ? resolved.number : std::string(), models::nameKey(row.fullName)};
    if (const models::RowRecord* earlier = memories[row.listId].seenBefore(who))
      raise(Flag::DuplicateInList, std::string(id.valid() ? "same number" : "same name") + " as " + place(*earlier));

    std::sort(j.findings.begin(), j.findings.end(),
              [](const models::Finding& a, const models::Finding& b) { return a.flag < b.flag; });
    j.risk = riskOf(j.findings);
    judged.push_back(std::move(j));
  }
  return judged;
}

}  // namespace listaudit::pipeline

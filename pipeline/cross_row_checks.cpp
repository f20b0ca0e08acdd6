#include "pipeline/cross_row_checks.hpp"

#include "models/decimal_text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "models/name_text.hpp"
#include "pipeline/risk_model.hpp"
#include "pipeline/signature_shape.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

std::string place(const models::RowRecord& r) {
  return "page " + std::to_string(r.page) + ", row " + std::to_string(r.row);
}

// Who earlier rows of one list were, to find a person standing twice.
class ListMemory {
 public:
  // The earlier row of the same person, if any; then remembers this one.
  std::optional<std::size_t> seenBefore(std::size_t i, const RowIdentity& who) {
    std::optional<std::size_t> earlier;
    if (!who.number.empty()) {
      if (auto it = byNumber_.find(who.number); it != byNumber_.end()) earlier = it->second;
      // An earlier row known only by its name is this person if the names agree.
      else if (auto n = nameOnly_.find(who.nameKey); n != nameOnly_.end())
        earlier = n->second;
    } else if (!who.nameKey.empty()) {
      if (auto it = byName_.find(who.nameKey); it != byName_.end()) earlier = it->second;
    }
    if (!who.number.empty()) byNumber_.emplace(who.number, i);
    if (!who.nameKey.empty()) {
      byName_.emplace(who.nameKey, i);
      if (who.number.empty()) nameOnly_.emplace(who.nameKey, i);
    }
    return earlier;
  }

 private:
  std::map<std::string, std::size_t> byNumber_, byName_, nameOnly_;
};

void checkDuplicates(const std::vector<models::RowRecord>& rows, const std::vector<RowIdentity>& who,
                     std::vector<models::JudgedRow>& judged) {
  std::map<std::string, ListMemory> memories;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (auto earlier = memories[rows[i].listId].seenBefore(i, who[i]))
      addFinding(
          judged[i], Flag::DuplicateInList,
          std::string(!who[i].number.empty() && who[i].number == who[*earlier].number ? "same number" : "same name") +
              " as " + place(rows[*earlier]));
  }
}

void checkMultiParty(const std::vector<models::RowRecord>& rows, const std::vector<const models::ListEntry*>& listOf,
                     const std::vector<RowIdentity>& who, std::vector<models::JudgedRow>& judged) {
  // Per election: a row's person is its number, or its name where no row of
  // that election gives the name a number.
  std::map<std::string, std::vector<std::size_t>> byElection;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (listOf[i] && listOf[i]->electionDate) byElection[listOf[i]->electionDate->toString()].push_back(i);

  for (const auto& [election, indices] : byElection) {
    std::map<std::string, std::string> numberOfName;
    for (std::size_t i : indices)
      if (!who[i].number.empty() && !who[i].nameKey.empty()) numberOfName.emplace(who[i].nameKey, who[i].number);
    std::map<std::string, std::vector<std::size_t>> byPerson;
    for (std::size_t i : indices) {
      std::string key = who[i].number;
      if (key.empty() && !who[i].nameKey.empty()) {
        const auto it = numberOfName.find(who[i].nameKey);
        key = it != numberOfName.end() ? it->second : "name:" + who[i].nameKey;
      }
      if (!key.empty()) byPerson[key].push_back(i);
    }
    for (const auto& [person, occurrences] : byPerson) {
      std::set<std::string> parties;
      for (std::size_t i : occurrences) parties.insert(models::foldText(listOf[i]->party));
      if (parties.size() < 2) continue;
      // The first filer keeps the supporter; on a tie of dates, the list_id that sorts first.
      const models::ListEntry* first = nullptr;
      for (std::size_t i : occurrences) {
        const models::ListEntry* l = listOf[i];
        if (!first || std::tie(l->submittedOn, l->listId) < std::tie(first->submittedOn, first->listId)) first = l;
      }
      for (std::size_t i : occurrences) {
        std::string others;
        int shown = 0;
        for (std::size_t k : occurrences) {
          if (k == i || listOf[k]->party == listOf[i]->party || shown == 3) continue;
          others += (others.empty() ? "" : "; ") + listOf[k]->listId + " (" + listOf[k]->party + "), " + place(rows[k]);
          ++shown;
        }
        addFinding(
            judged[i], Flag::MultiParty,
            "also on " + others + (listOf[i] == first ? "; this list was filed first and keeps the supporter" : ""));
        judged[i].firstFiler = listOf[i] == first;
      }
    }
  }
}

// Signatures alike enough that one hand or one copy made them. Rows are
// sorted by the ink of their shapes, and only shapes whose ink is within
// kInkTolerance of each other are compared: a batch of many thousand rows
// does not compare every pair.
void checkRepeatedSignatures(const std::vector<models::RowRecord>& rows, const JudgeOptions& options,
                             std::vector<models::JudgedRow>& judged) {
  // Relative. Stroke width does not scale with the cell, so one hand in a wider
  // cell or at another resolution shows up to about a third more or less ink.
  constexpr double kInkTolerance = 0.5;
  std::vector<std::pair<double, std::size_t>> byInk;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i].signatureInk >= options.minSignatureInk && !rows[i].signatureShape.empty())
      byInk.emplace_back(shapeInk(rows[i].signatureShape), i);
  std::sort(byInk.begin(), byInk.end());
  std::vector<std::pair<double, std::size_t>> best(rows.size(), {0.0, rows.size()});
  for (std::size_t a = 0; a < byInk.size(); ++a) {
    for (std::size_t b = a + 1; b < byInk.size() && byInk[b].first <= byInk[a].first * (1 + kInkTolerance); ++b) {
      const std::size_t i = byInk[a].second, k = byInk[b].second;
      const double s = shapeSimilarity(rows[i].signatureShape, rows[k].signatureShape);
      if (s < options.minSignatureSimilarity) continue;
      if (s > best[i].first) best[i] = {s, k};
      if (s > best[k].first) best[k] = {s, i};
    }
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (best[i].second == rows.size()) continue;
    const models::RowRecord& other = rows[best[i].second];
    addFinding(judged[i], Flag::SignatureRepeated,
               "matches the signature of " + (other.listId == rows[i].listId ? "" : "list " + other.listId + ", ") +
                   place(other) + " (shape similarity " + models::decimal(best[i].first, 2) + ")");
  }
}

}  // namespace

void checkAcrossRows(const std::vector<models::RowRecord>& rows, const std::vector<const models::ListEntry*>& listOf,
                     const std::vector<RowIdentity>& who, const JudgeOptions& options,
                     std::vector<models::JudgedRow>& judged) {
  checkDuplicates(rows, who, judged);
  checkMultiParty(rows, listOf, who, judged);
  checkRepeatedSignatures(rows, options, judged);
}

}  // namespace listaudit::pipeline

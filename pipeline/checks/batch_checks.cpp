#include "pipeline/checks/batch_checks.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "models/decimal_text.hpp"
#include "models/name_text.hpp"
#include "models/signature_pairs.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

std::string place(const models::RowRecord& r) {
  return "page " + std::to_string(r.page) + ", row " + std::to_string(r.row);
}

models::RowKey keyOf(const models::RowRecord& r) { return {r.listId, r.page, r.row}; }

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

// The cases of each election, each grouped by person: a row's person is its
// number, or its name where no row of that election gives the name a number.
std::vector<std::vector<std::size_t>> peopleByElection(const std::vector<RowCase>& cases) {
  std::map<std::string, std::vector<std::size_t>> byElection;
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (cases[i].list->electionDate && cases[i].who.established)
      byElection[cases[i].list->electionDate->toString()].push_back(i);
  std::vector<std::vector<std::size_t>> people;
  for (const auto& [election, indices] : byElection) {
    std::map<std::string, std::string> numberOfName;
    for (std::size_t i : indices)
      if (!cases[i].who.number.empty() && !cases[i].who.nameKey.empty())
        numberOfName.emplace(cases[i].who.nameKey, cases[i].who.number);
    std::map<std::string, std::vector<std::size_t>> byPerson;
    for (std::size_t i : indices) {
      std::string key = cases[i].who.number;
      if (key.empty() && !cases[i].who.nameKey.empty()) {
        const auto it = numberOfName.find(cases[i].who.nameKey);
        key = it != numberOfName.end() ? it->second : "name:" + cases[i].who.nameKey;
      }
      if (!key.empty()) byPerson[key].push_back(i);
    }
    for (auto& [person, occurrences] : byPerson) people.push_back(std::move(occurrences));
  }
  return people;
}

// MULTI_PARTY on every occurrence of one person standing for several parties.
void flagOnSeveralParties(std::vector<RowCase>& cases, const std::vector<std::size_t>& occurrences) {
  // The first filer keeps the supporter; on a tie of dates, the list_id that sorts first.
  const models::ListEntry* first = nullptr;
  for (std::size_t i : occurrences) {
    const models::ListEntry* l = cases[i].list;
    if (!first || std::tie(l->submittedOn, l->listId) < std::tie(first->submittedOn, first->listId)) first = l;
  }
  for (std::size_t i : occurrences) {
    std::string others;
    std::vector<models::RowKey> related;
    int shown = 0;
    for (std::size_t k : occurrences) {
      if (k == i || cases[k].list->party == cases[i].list->party || shown == 3) continue;
      others += (others.empty() ? "" : "; ") + cases[k].list->listId + " (" + cases[k].list->party + "), " +
                place(*cases[k].row);
      related.push_back(keyOf(*cases[k].row));
      ++shown;
    }
    cases[i].raise(
        Flag::MultiParty,
        "also on " + others + (cases[i].list == first ? "; this list was filed first and keeps the supporter" : ""),
        std::move(related));
    cases[i].judged.firstFiler = cases[i].list == first;
  }
}

}  // namespace

void checkDuplicates(std::vector<RowCase>& cases, const CheckContext&) {
  std::map<std::string, ListMemory> memories;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const RowIdentity& who = cases[i].who;
    if (!who.established) continue;  // a misreading accuses nobody of standing twice
    if (auto earlier = memories[cases[i].row->listId].seenBefore(i, who))
      cases[i].raise(
          Flag::DuplicateInList,
          std::string(!who.number.empty() && who.number == cases[*earlier].who.number ? "same number" : "same name") +
              " as " + place(*cases[*earlier].row),
          {keyOf(*cases[*earlier].row)});
  }
}

void checkMultiParty(std::vector<RowCase>& cases, const CheckContext&) {
  for (const std::vector<std::size_t>& occurrences : peopleByElection(cases)) {
    std::set<std::string> parties;
    for (std::size_t i : occurrences) parties.insert(models::foldText(cases[i].list->party));
    if (parties.size() >= 2) flagOnSeveralParties(cases, occurrences);
  }
}

// Signatures alike enough that one hand or one copy made them: each signed
// row names its most alike other row. similarSignaturePairs() keeps a batch
// of many thousand rows from comparing every pair.
void checkRepeatedSignatures(std::vector<RowCase>& cases, const CheckContext& context) {
  const double minInk = context.options.minSignatureInk;
  std::vector<const std::vector<std::uint8_t>*> shapes;
  std::vector<std::size_t> caseOf;
  for (std::size_t i = 0; i < cases.size(); ++i)
    if (cases[i].row->signatureInk >= minInk && !cases[i].row->signatureShape.empty()) {
      shapes.push_back(&cases[i].row->signatureShape);
      caseOf.push_back(i);
    }
  std::vector<std::pair<double, std::size_t>> best(cases.size(), {0.0, cases.size()});
  for (const models::SignaturePair& p : models::similarSignaturePairs(shapes, context.options.minSignatureSimilarity)) {
    const std::size_t i = caseOf[p.a], k = caseOf[p.b];
    if (p.similarity > best[i].first) best[i] = {p.similarity, k};
    if (p.similarity > best[k].first) best[k] = {p.similarity, i};
  }
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (best[i].second == cases.size()) continue;
    const models::RowRecord& other = *cases[best[i].second].row;
    const models::RowRecord& row = *cases[i].row;
    cases[i].raise(Flag::SignatureRepeated,
                   "matches the signature of " + (other.listId == row.listId ? "" : "list " + other.listId + ", ") +
                       place(other) + " (shape similarity " + models::decimal(best[i].first, 2) + ")",
                   {keyOf(other)});
  }
}

}  // namespace listaudit::pipeline

#include "pipeline/checks/judge.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "pipeline/checks/batch_checks.hpp"
#include "pipeline/checks/digital_copy_check.hpp"
#include "pipeline/checks/reading_checks.hpp"
#include "pipeline/checks/register_checks.hpp"
#include "pipeline/checks/risk_model.hpp"
#include "pipeline/checks/row_case.hpp"

namespace listaudit::pipeline {
namespace {

// The checks, in the order they run; each raises a flag at most once a row.
constexpr std::array<RowCheck, 6> kRowChecks{checkReading, checkPopulation, checkAge,
                                             checkConsent, checkComplaints, checkDigitalCopy};
constexpr std::array<BatchCheck, 3> kBatchChecks{checkDuplicates, checkMultiParty, checkRepeatedSignatures};

// The electronic copy's row at the row's page and row, when a copy was given.
const ingest::DigitalRow* copyRow(const models::RowRecord& row, const DigitalCopies& digital) {
  const auto copy = digital.find(row.listId);
  if (copy == digital.end()) return nullptr;
  const auto it = copy->second.find({row.page, row.row});
  return it == copy->second.end() ? nullptr : &it->second;
}

// Each row with its list, its number resolved under the list's scheme, and who it is.
std::vector<RowCase> openCases(const std::vector<models::ListEntry>& lists, const std::vector<models::RowRecord>& rows,
                               const CheckContext& context) {
  static const models::ListEntry kUnknownList;
  std::map<std::string, const models::ListEntry*> listById;
  for (const auto& l : lists) listById[l.listId] = &l;
  std::vector<RowCase> cases;
  cases.reserve(rows.size());
  for (const models::RowRecord& row : rows) {
    RowCase c;
    c.row = &row;
    const auto found = listById.find(row.listId);
    c.list = found == listById.end() ? &kUnknownList : found->second;
    c.id = models::resolveId(row.rawId, row.idCharacterConfidences, c.list->country.scheme(), row.idOtherReadings);
    c.who = identify(row, c.id, {*c.list, context.registers, copyRow(row, context.digital), context.options});
    c.judged = {row.listId, row.page, row.row, c.id.number, {}, 0, c.id.repair, false, c.who.spelling};
    auto note = [&](const std::string& what) { c.judged.note += (c.judged.note.empty() ? "" : "; ") + what; };
    if (!row.laidOut.empty()) note(row.laidOut);
    if (!c.who.confirmation.empty()) note("number confirmed: " + c.who.confirmation);
    if (c.who.byName) note("identified by name, the number failing");
    if (!c.who.spelling.empty()) note("name read as " + row.fullName + ", spelled as " + c.who.spellingSource);
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

std::vector<models::JudgedRow> judgeRows(const std::vector<models::ListEntry>& lists,
                                         const std::vector<models::RowRecord>& rows, const CheckOptions& options,
                                         const Registers& registers, const DigitalCopies& digital) {
  const CheckContext context{registers, digital, options};
  std::vector<RowCase> cases = openCases(lists, rows, context);
  for (RowCase& c : cases)
    for (const RowCheck check : kRowChecks) check(c, context);
  for (const BatchCheck check : kBatchChecks) check(cases, context);

  std::vector<models::JudgedRow> judged;
  judged.reserve(cases.size());
  for (RowCase& c : cases) {
    std::sort(c.judged.findings.begin(), c.judged.findings.end(),
              [](const models::Finding& a, const models::Finding& b) { return a.flag < b.flag; });
    c.judged.risk = riskOf(c.judged.findings);
    judged.push_back(std::move(c.judged));
  }
  return judged;
}

}  // namespace listaudit::pipeline

#include "pipeline/judge.hpp"

#include "models/decimal_text.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "pipeline/cross_row_checks.hpp"
#include "pipeline/digital_copy_check.hpp"
#include "pipeline/id_resolver.hpp"
#include "pipeline/register_checks.hpp"
#include "pipeline/risk_model.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

// The flags a row's own reading raises.
void checkReading(const models::RowRecord& row, const ResolvedId& id, const JudgeOptions& options, const Raise& raise) {
  if (!id.check.valid()) raise(Flag::IdInvalid, id.number.empty() ? "no number could be read" : id.check.reason);
  // An unsure number that passes its scheme's check is confirmed by it: the
  // reader's doubt was between glyphs that mean the same there (I, l, |).
  const bool numberUnsure = id.number.empty() || (row.idConfidence < options.minIdConfidence && !id.check.valid());
  if (row.fullName.empty() || row.nameConfidence < options.minNameConfidence || numberUnsure)
    raise(Flag::Unreadable, "name read with confidence " + models::decimal(row.nameConfidence, 2) + ", number with " +
                                models::decimal(row.idConfidence, 2) + " (a person must read below " +
                                models::decimal(std::min(options.minNameConfidence, options.minIdConfidence), 2) + ")");
  if (row.signatureInk < options.minSignatureInk)
    raise(Flag::SignatureMissing,
          "ink covers " + models::decimal(row.signatureInk * 100, 2) + "%" + " of the signature cell");
}

}  // namespace

std::vector<models::JudgedRow> judgeRows(const std::vector<models::ListEntry>& lists,
                                         const std::vector<models::RowRecord>& rows, const JudgeOptions& options,
                                         const Registers& registers, const DigitalCopies& digital) {
  std::map<std::string, const models::ListEntry*> listById;
  for (const auto& l : lists) listById[l.listId] = &l;
  static const models::ListEntry kUnknownList;

  std::vector<models::JudgedRow> judged;
  std::vector<RowIdentity> identities;
  std::vector<const models::ListEntry*> listOf;
  judged.reserve(rows.size());
  for (const models::RowRecord& row : rows) {
    const auto found = listById.find(row.listId);
    const models::ListEntry& list = found == listById.end() ? kUnknownList : *found->second;
    const ResolvedId id = resolveId(row.rawId, row.idCharacterConfidences, list.country, row.idOtherReadings);
    models::JudgedRow j{row.listId, row.page, row.row, id.number, {}, 0, id.repair, false};
    const Raise raise = [&](Flag flag, std::string evidence) { addFinding(j, flag, std::move(evidence)); };
    checkReading(row, id, options, raise);
    RowIdentity who = identify(row, id, registers);
    if (who.byName) j.note += (j.note.empty() ? "" : "; ") + std::string("identified by name, the number failing");
    checkRegisters(row, list, id, who, registers, raise);
    if (const auto copy = digital.find(row.listId); copy != digital.end())
      checkDigitalCopy(row, id.number, copy->second, std::filesystem::path(list.digitalPath).filename().string(),
                       raise);
    judged.push_back(std::move(j));
    identities.push_back(std::move(who));
    listOf.push_back(found == listById.end() ? nullptr : found->second);
  }

  checkAcrossRows(rows, listOf, identities, options, judged);
  for (auto& j : judged) {
    std::sort(j.findings.begin(), j.findings.end(),
              [](const models::Finding& a, const models::Finding& b) { return a.flag < b.flag; });
    j.risk = riskOf(j.findings);
  }
  return judged;
}

}  // namespace listaudit::pipeline

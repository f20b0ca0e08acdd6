#include "pipeline/report/csv_outputs.hpp"

#include <map>
#include <set>

#include "models/decimal_text.hpp"
#include "models/flag.hpp"
#include "models/list_tally.hpp"
#include "pipeline/report/csv_writer.hpp"

namespace listaudit::pipeline {

std::string flagCodes(const models::JudgedRow& row) {
  std::set<models::Flag> flags;
  for (const auto& f : row.findings) flags.insert(f.flag);
  std::string out;
  for (models::Flag f : flags) out += (out.empty() ? "" : ";") + std::string(models::flagCode(f));
  return out;
}

void writeRowsCsv(const models::Store& store, const std::string& path, const Pseudonyms* pseudonyms) {
  const std::vector<models::RowRecord> rows = store.rows();
  const std::vector<models::JudgedRow> judged = store.judgements();
  CsvWriter out(path);
  out.write({"list_id", "page", "row", "full_name", "national_id", "flags", "risk", "national_id_as_read",
             "name_confidence", "id_confidence", "signature_ink", "evidence"});
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const models::RowRecord& r = rows[i];
    const models::JudgedRow& j = judged[i];
    std::string evidence = pseudonyms ? std::string() : j.note;
    for (const auto& f : j.findings)
      evidence += (evidence.empty() ? "" : " | ") + std::string(models::flagCode(f.flag)) + ": " +
                  (pseudonyms ? std::string(models::flagWords(f.flag)) : f.evidence);
    const std::string name = j.fullName.empty() ? r.fullName : j.fullName;
    out.write({r.listId, std::to_string(r.page), std::to_string(r.row), pseudonyms ? pseudonyms->name(name) : name,
               pseudonyms ? pseudonyms->number(j.nationalId) : j.nationalId, flagCodes(j), models::decimal(j.risk, 3),
               pseudonyms ? pseudonyms->number(r.rawId) : r.rawId, models::decimal(r.nameConfidence, 2),
               models::decimal(r.idConfidence, 2), models::decimal(r.signatureInk, 4), evidence});
  }
  out.close();
}

void writeListsCsv(const models::Store& store, const std::string& path, int required) {
  std::map<std::string, models::ListTally> counts = models::tallyLists(store.judgements());
  CsvWriter out(path);
  std::vector<std::string> header{"list_id", "party", "pages", "rows", "flagged_rows", "valid_rows"};
  for (models::Flag f : models::kAllFlags) header.emplace_back(models::flagCode(f));
  if (required > 0) header.emplace_back("reaches_required");
  out.write(header);
  for (const models::ListEntry& list : store.lists()) {
    const models::ListTally& c = counts[list.listId];
    std::vector<std::string> line{list.listId,
                                  list.party,
                                  std::to_string(store.pageCount(list.listId)),
                                  std::to_string(c.rows),
                                  std::to_string(c.flagged),
                                  std::to_string(c.valid)};
    for (models::Flag f : models::kAllFlags) {
      const auto it = c.perFlag.find(f);
      line.push_back(std::to_string(it == c.perFlag.end() ? 0 : it->second));
    }
    if (required > 0) line.push_back(c.valid >= required ? "yes" : "no");
    out.write(line);
  }
  out.close();
}

void writeErrorsCsv(const models::Store& store, const std::string& path) {
  CsvWriter out(path);
  out.write({"input", "page", "message"});
  for (const models::InputError& e : store.errors())
    out.write({e.input, e.page > 0 ? std::to_string(e.page) : std::string(), e.message});
  out.close();
}

void writeDecisionsCsv(const models::Store& store, std::ostream& out) {
  // CRLF, as CsvWriter ends its lines.
  auto line = [&](const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csvField(fields[i]);
    out << "\r\n";
  };
  line({"list_id", "page", "row", "decision", "full_name", "national_id", "reviewer", "decided_at", "note"});
  for (const models::Decision& d : store.decisions())
    line({d.listId, std::to_string(d.page), std::to_string(d.row), std::string(models::decisionWord(d.kind)),
          d.fullName, d.nationalId, d.reviewer, d.decidedAt, d.note});
}

}  // namespace listaudit::pipeline

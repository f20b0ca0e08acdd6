#pragma once
// rows.csv, lists.csv and errors.csv (contract sections 6 and 8), written
// from the store alone. Throw std::runtime_error naming the file when it
// cannot be written.
#include <ostream>
#include <string>
#include <vector>

#include "models/store.hpp"
#include "pipeline/report/pseudonyms.hpp"

namespace listaudit::pipeline {

// With `pseudonyms`, the shareable rows.csv: names and numbers replaced by
// their pseudonyms, and the evidence (which quotes registers' names and
// numbers) by the flags in words.
void writeRowsCsv(const models::Store& store, const std::string& path, const Pseudonyms* pseudonyms = nullptr);
// With `required` > 0, a last column reaches_required says whether the
// list's valid_rows reach that number.
void writeListsCsv(const models::Store& store, const std::string& path, int required = 0);

void writeErrorsCsv(const models::Store& store, const std::string& path);

// Every decision of the run, in the order made (contract section 12): list_id,
// page, row, decision, full_name, national_id, reviewer, decided_at, note.
void writeDecisionsCsv(const models::Store& store, std::ostream& out);

// The flags of a row as rows.csv writes them: codes in alphabetical order, ';'.
std::string flagCodes(const models::JudgedRow& row);

}  // namespace listaudit::pipeline

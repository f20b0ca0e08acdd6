#pragma once
// rows.csv, lists.csv and errors.csv (contract sections 6 and 8), written
// from the store alone. Throw std::runtime_error naming the file when it
// cannot be written.
#include <map>
#include <string>
#include <vector>

#include "models/store.hpp"

namespace listaudit::pipeline {

void writeRowsCsv(const models::Store& store, const std::string& path);
// With `required` > 0, a last column reaches_required says whether the
// list's valid_rows reach that number.
void writeListsCsv(const models::Store& store, const std::string& path, int required = 0);

// Whether an election commission accepts the row (contract section 8): no
// flag, or MULTI_PARTY alone on the list filed first.
bool acceptedRow(const models::JudgedRow& row);

// A list's rows counted as lists.csv and the report show them.
struct ListTally {
  int rows = 0, flagged = 0, valid = 0;
  std::map<models::Flag, int> perFlag;  // rows carrying each flag
};
std::map<std::string, ListTally> tallyLists(const std::vector<models::JudgedRow>& judged);
void writeErrorsCsv(const models::Store& store, const std::string& path);

// The flags of a row as rows.csv writes them: codes in alphabetical order, ';'.
std::string flagCodes(const models::JudgedRow& row);

}  // namespace listaudit::pipeline

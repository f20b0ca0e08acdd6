#include "pipeline/digital_copy_check.hpp"

#include "models/decimal_text.hpp"

#include <cstdio>

#include "models/name_text.hpp"

namespace listaudit::pipeline {

void checkDigitalCopy(const models::RowRecord& row, const std::string& resolvedNumber,
                      const std::map<std::pair<int, int>, ingest::DigitalRow>& copy, const std::string& copyName,
                      const Raise& raise) {
  const auto it = copy.find({row.page, row.row});
  if (it == copy.end()) {
    raise(models::Flag::DigitalMismatch,
          copyName + " has no row " + std::to_string(row.row) + " of page " + std::to_string(row.page));
    return;
  }
  const ingest::DigitalRow& d = it->second;
  std::string differences;
  if (d.nationalId != resolvedNumber) differences = "its number is " + d.nationalId;
  const double similarity = models::nameSimilarity(row.fullName, d.fullName);
  if (similarity < kDigitalSameName) {
    differences += (differences.empty() ? "" : " and ") + std::string("its name is ") + d.fullName + " (similarity " +
                   models::decimal(similarity, 2) + ")";
  }
  if (!differences.empty())
    raise(models::Flag::DigitalMismatch, copyName + " line " + std::to_string(d.line) + ": " + differences);
}

}  // namespace listaudit::pipeline

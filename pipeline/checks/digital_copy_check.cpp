#include "pipeline/checks/digital_copy_check.hpp"

#include <filesystem>

#include "models/decimal_text.hpp"
#include "models/name_text.hpp"

namespace listaudit::pipeline {

void checkDigitalCopy(RowCase& c, const CheckContext& context) {
  const models::RowRecord& row = *c.row;
  const auto copy = context.digital.find(row.listId);
  if (copy == context.digital.end()) return;
  const std::string copyName = std::filesystem::path(c.list->digitalPath).filename().string();
  const auto it = copy->second.find({row.page, row.row});
  if (it == copy->second.end()) {
    c.raise(models::Flag::DigitalMismatch,
            copyName + " has no row " + std::to_string(row.row) + " of page " + std::to_string(row.page));
    return;
  }
  const ingest::DigitalRow& d = it->second;
  std::string differences;
  if (d.nationalId != c.id.number) differences = "its number is " + d.nationalId;
  const double similarity = models::nameSimilarity(row.fullName, d.fullName);
  if (similarity < kDigitalSameName) {
    differences += (differences.empty() ? "" : " and ") + std::string("its name is ") + d.fullName + " (similarity " +
                   models::decimal(similarity, 2) + ")";
  }
  if (!differences.empty())
    c.raise(models::Flag::DigitalMismatch, copyName + " line " + std::to_string(d.line) + ": " + differences);
}

}  // namespace listaudit::pipeline

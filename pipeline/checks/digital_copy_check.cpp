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
  // What the paper says is known only where it was read with confidence: a
  // number not known (identify.hpp) is compared with nothing.
  std::string differences;
  if (c.who.numberKnown() && d.nationalId != c.id.number) differences = "its number is " + d.nationalId;
  const std::string paperName = c.judged.fullName.empty() ? row.fullName : c.judged.fullName;
  const double similarity = models::nameSimilarity(paperName, d.fullName);
  if (c.who.nameKnown(row, context.options) && similarity < kDigitalSameName) {
    differences += (differences.empty() ? "" : " and ") + std::string("its name is ") + d.fullName + " (similarity " +
                   models::decimal(similarity, 2) + ")";
  }
  if (!differences.empty())
    c.raise(models::Flag::DigitalMismatch, copyName + " line " + std::to_string(d.line) + ": " + differences);
}

}  // namespace listaudit::pipeline

#include "pipeline/checks/corrections.hpp"

namespace listaudit::pipeline {

int applyCorrections(std::vector<models::RowRecord>& rows, const std::vector<models::Decision>& decisions) {
  const auto inForce = models::decisionsInForce(decisions);
  int applied = 0;
  for (models::RowRecord& row : rows) {
    const auto it = inForce.find({row.listId, row.page, row.row});
    if (it == inForce.end() || it->second.kind != models::Decision::Kind::Correct) continue;
    const models::Decision& d = it->second;
    row.fullName = d.fullName;
    row.rawId = d.nationalId;
    // A person read it: no doubt is left for the checks to weigh.
    row.nameConfidence = row.idConfidence = 1.0;
    row.idCharacterConfidences.assign(row.rawId.size(), 1.0);
    row.idAlternatives.clear();
    row.idOtherReadings.clear();
    row.nameOtherReadings.clear();
    row.idWriting = models::Writing::Printed;
    row.correctedByReviewer = true;
    ++applied;
  }
  return applied;
}

}  // namespace listaudit::pipeline

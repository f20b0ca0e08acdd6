#include "pipeline/checks/row_case.hpp"

#include "models/flag.hpp"
#include "pipeline/checks/risk_model.hpp"

namespace listaudit::pipeline {

void RowCase::raise(models::Flag flag, std::string evidence, std::vector<models::RowKey> related) {
  // Contract section 7 in one place: each check already asks whether the
  // person is established before raising a flag that needs them; a check
  // that forgot would accuse someone a misreading named.
  if (models::needsThePerson(flag) && !who.established) return;
  addFinding(judged, flag, std::move(evidence), std::move(related));
}

}  // namespace listaudit::pipeline

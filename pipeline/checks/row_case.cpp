#include "pipeline/checks/row_case.hpp"

#include "pipeline/checks/risk_model.hpp"

namespace listaudit::pipeline {

void RowCase::raise(models::Flag flag, std::string evidence, std::vector<models::RowKey> related) {
  addFinding(judged, flag, std::move(evidence), std::move(related));
}

}  // namespace listaudit::pipeline

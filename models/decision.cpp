#include "models/decision.hpp"

namespace listaudit::models {

std::string_view decisionWord(Decision::Kind kind) {
  switch (kind) {
    case Decision::Kind::Accept: return "accept";
    case Decision::Kind::Reject: return "reject";
    case Decision::Kind::Correct: return "correct";
  }
  return "accept";
}

std::optional<Decision::Kind> decisionFromWord(std::string_view word) {
  for (auto kind : {Decision::Kind::Accept, Decision::Kind::Reject, Decision::Kind::Correct})
    if (decisionWord(kind) == word) return kind;
  return std::nullopt;
}

std::map<RowKey, Decision> decisionsInForce(const std::vector<Decision>& decisions) {
  std::map<RowKey, Decision> out;
  for (const Decision& d : decisions) out.insert_or_assign({d.listId, d.page, d.row}, d);
  return out;
}

}  // namespace listaudit::models

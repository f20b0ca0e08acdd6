#include "pipeline/review_decisions.hpp"

#include <algorithm>

#include "ingest/who_and_when.hpp"
#include "models/name_text.hpp"

namespace listaudit::pipeline {

RunSummary recordDecision(models::Store& store, const std::string& outDir, models::Decision decision,
                          const std::function<void(const std::string&)>& onStage) {
  auto trimmed = [](std::string text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return std::string();
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  };
  decision.reviewer = trimmed(decision.reviewer);
  if (decision.reviewer.empty()) throw DecisionError("a decision needs the reviewer's name");
  if (decision.kind == models::Decision::Kind::Correct) {
    decision.fullName = models::normaliseName(decision.fullName);
    std::erase_if(decision.nationalId, [](char c) { return c == ' ' || c == '\t'; });
    if (decision.fullName.empty() || decision.nationalId.empty())
      throw DecisionError("a corrected reading needs both the name and the number");
  } else {
    decision.fullName.clear();
    decision.nationalId.clear();
  }
  const models::AuditEntry entry = ingest::auditEntry(
      "decide", std::string(models::decisionWord(decision.kind)) + " on list " + decision.listId + ", page " +
                    std::to_string(decision.page) + ", row " + std::to_string(decision.row));
  if (decision.decidedAt.empty()) decision.decidedAt = entry.at;
  try {
    store.addDecision(decision);
  } catch (const std::invalid_argument& e) {
    throw DecisionError(e.what());
  }
  store.addAudit(entry);
  return recheckRun(store, outDir, onStage);
}

}  // namespace listaudit::pipeline

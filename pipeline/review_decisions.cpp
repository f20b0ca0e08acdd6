#include "pipeline/review_decisions.hpp"

#include <algorithm>

#include "ingest/who_and_when.hpp"
#include "models/name_text.hpp"
#include "models/sample_check.hpp"

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

std::vector<models::RowKey> drawListSample(models::Store& store, const std::string& outDir, const std::string& listId,
                                           std::uint64_t seed) {
  std::vector<models::RowKey> rows;
  for (const models::JudgedRow& j : store.judgements())
    if (j.listId == listId) rows.emplace_back(j.listId, j.page, j.row);
  if (rows.empty()) throw DecisionError("the run holds no row of list " + listId + " to draw a sample from");
  models::Store::Sample sample;
  sample.seed = seed;
  const models::AuditEntry entry = ingest::auditEntry(
      "sample", "list " + listId + ", seed " + std::to_string(seed) + ", " +
                    std::to_string(models::sampleSize(static_cast<int>(rows.size()))) + " rows drawn");
  sample.drawnAt = entry.at;
  for (int i : models::drawSample(static_cast<int>(rows.size()), seed))
    sample.rows.push_back(rows[static_cast<std::size_t>(i)]);
  store.setSample(listId, sample);
  store.addAudit(entry);
  rewriteOutputs(store, outDir);
  return sample.rows;
}

}  // namespace listaudit::pipeline

#pragma once
// Recording a reviewer's decision (contract section 12), the one way the
// command line (`listaudit decide`) and the reviewer's web pages do it:
// checked, kept in the store beside every earlier decision, put on the audit
// trail (who decided on which row, never a name or number), and the run
// checked again so that lists.csv and report.html follow.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "models/decision.hpp"
#include "models/store.hpp"
#include "pipeline/batch_run.hpp"

namespace listaudit::pipeline {

// A decision that cannot be taken as given: no reviewer, a corrected
// reading without its name or number, a row the run does not hold.
class DecisionError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

// `decision.decidedAt` is set to now (UTC) when empty; a corrected name is
// normalised as names read are (NFC, single spaces), a number loses its
// spaces. Throws DecisionError before anything is stored, and what
// recheckRun throws after the decision is stored (it stays: the outputs
// follow it once the run can be checked again).
RunSummary recordDecision(models::Store& store, const std::string& outDir, models::Decision decision,
                          const std::function<void(const std::string&)>& onStage = {});

// Draws list `listId`'s random sample with `seed` (models/sample_check.hpp:
// 3% of its rows or 500, whichever is more) over its rows in page and row
// order, keeps it in the store (replacing an earlier draw), puts it on the
// audit trail and writes the outputs again. Returns the rows drawn. Throws
// DecisionError for a list the run does not hold or that has no row.
std::vector<models::RowKey> drawListSample(models::Store& store, const std::string& outDir, const std::string& listId,
                                           std::uint64_t seed);

}  // namespace listaudit::pipeline

#include "pipeline/checks/risk_model.hpp"

#include <cmath>

namespace listaudit::pipeline {

double flagWeight(models::Flag flag) {
  using models::Flag;
  switch (flag) {
    case Flag::Complaint: return 6.0;  // the person says they never signed
    case Flag::Deceased: return 6.0;   // a dead person cannot sign
    case Flag::ConsentWithdrawn: return 4.5;
    case Flag::NoConsent: return 4.0;
    case Flag::NameMismatch: return 3.5;       // someone else's number
    case Flag::NotInRegister: return 3.5;      // nobody's number
    case Flag::SignatureRepeated: return 3.0;  // one hand for several people
    case Flag::ConsentLate: return 2.5;
    case Flag::Underage: return 2.5;
    case Flag::SignatureMissing: return 2.0;
    case Flag::DuplicateInList: return 1.5;
    case Flag::IdInvalid: return 1.0;  // usually the person's own slip
    case Flag::MultiParty: return 1.0;
    case Flag::DigitalMismatch: return 1.0;
    case Flag::Unreadable: return 0.0;  // a reading problem, not evidence either way
  }
  return 0.0;
}

void addFinding(models::JudgedRow& row, models::Flag flag, std::string evidence, std::vector<models::RowKey> related) {
  row.findings.push_back({flag, flagWeight(flag), std::move(evidence), std::move(related)});
}

double riskOf(const std::vector<models::Finding>& findings) {
  double logOdds = kPriorLogOdds;
  for (const auto& f : findings) logOdds += f.weight;
  return 1.0 / (1.0 + std::exp(-logOdds));
}

}  // namespace listaudit::pipeline

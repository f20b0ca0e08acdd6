#pragma once
// How much each flag says about a row having been entered without consent,
// as log-odds weights in the manner of Splink's match weights: the row starts
// at a prior and each piece of evidence adds a stated amount, so a reviewer
// can follow the sum. The weights are judgement, written down in the README.
#include <string>
#include <vector>

#include "models/flag.hpp"
#include "models/records.hpp"

namespace listaudit::pipeline {

// Log-odds of a row with no evidence: about 1 in 20.
inline constexpr double kPriorLogOdds = -3.0;

double flagWeight(models::Flag flag);
// Raises `flag` on `row` with its evidence and its weight.
void addFinding(models::JudgedRow& row, models::Flag flag, std::string evidence,
                std::vector<models::RowKey> related = {});
// 1 / (1 + e^-(prior + sum of the findings' weights)).
double riskOf(const std::vector<models::Finding>& findings);

}  // namespace listaudit::pipeline

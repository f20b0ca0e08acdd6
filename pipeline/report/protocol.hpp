#pragma once
// `listaudit protocol`: the PDF an election commission decides on, for one
// list, in the commission's language (messages.hpp): the party and dates,
// pages and rows checked, valid supporters against the number required,
// rows not accepted counted by reason in the order a commission counts them,
// the reviewers' decisions, the random sample and its projection when one
// was drawn, the registers used with their SHA-256 and the checks not made
// for want of one, the tool's version, the rows not accepted by page and row
// with their reason (no name or number: the reason needs none), and lines
// for the signatures. Built from the run's store alone with cairo and pango.
#include <string>
#include <vector>

#include "models/flag.hpp"
#include "models/store.hpp"
#include "pipeline/report/messages.hpp"

namespace listaudit::pipeline {

// The order in which a commission counts the reasons a row is not accepted
// (a row counts once, under its first); a reviewer's rejection of a row with
// no flag comes last.
const std::vector<models::Flag>& commissionReasonOrder();

// Throws std::invalid_argument when the store holds no list `listId`,
// std::runtime_error when the file cannot be written.
void writeProtocol(const models::Store& store, const std::string& listId, const std::string& path,
                   const Messages& messages);

}  // namespace listaudit::pipeline

#pragma once
// What every check takes: one RowCase per row (the row as read, its list,
// its number as resolved, who it is, and the judgement the checks add their
// findings to), and the CheckContext of the batch (registers, electronic
// copies, thresholds). A row check looks at one case; a batch check at all
// of them, in list, page, row order. judge.cpp holds the two lists.
#include <string>
#include <vector>

#include "models/id_resolver.hpp"
#include "models/records.hpp"
#include "pipeline/checks/check_options.hpp"
#include "pipeline/checks/identify.hpp"
#include "pipeline/checks/registers.hpp"

namespace listaudit::pipeline {

struct RowCase {
  const models::RowRecord* row = nullptr;
  const models::ListEntry* list = nullptr;  // never null: a row of no manifest list has an empty one
  models::ResolvedId id;
  RowIdentity who;
  models::JudgedRow judged;

  // Raises `flag` with its evidence (and its weight, from the risk model).
  // `related`: the other rows the flag rests on. A flag that needs the person
  // (models::needsThePerson) is not raised while `who` is not established.
  void raise(models::Flag flag, std::string evidence, std::vector<models::RowKey> related = {});
};

struct CheckContext {
  const Registers& registers;
  const DigitalCopies& digital;
  const CheckOptions& options;
};

// A check that needs only its row; it raises on `c` the flags it finds.
using RowCheck = void (*)(RowCase& c, const CheckContext& context);
// A check that compares rows with each other.
using BatchCheck = void (*)(std::vector<RowCase>& cases, const CheckContext& context);

}  // namespace listaudit::pipeline

#pragma once
// Who "this person" is (contract section 7): the person with the row's number
// when it passes its check, otherwise the person the population register
// holds under the row's name, when exactly one. Pure function, thread-safe.
#include <optional>
#include <string>

#include "models/id_resolver.hpp"
#include "models/records.hpp"
#include "pipeline/checks/registers.hpp"

namespace listaudit::pipeline {

struct RowIdentity {
  std::string number;  // the row's valid number, or the number the register gives its name; empty when unknown
  std::string nameKey;
  std::optional<models::Person> person;  // the population register's line, when given and found
  bool byName = false;                   // found through the name, the number failing
};

RowIdentity identify(const models::RowRecord& row, const models::ResolvedId& id, const Registers& registers);

}  // namespace listaudit::pipeline

#pragma once
// Who a row is, and the flags of contract section 7 that ask the registers:
// NOT_IN_REGISTER, NAME_MISMATCH, DECEASED, UNDERAGE, NO_CONSENT,
// CONSENT_WITHDRAWN, CONSENT_LATE, COMPLAINT. Each is raised only when the
// register it needs was given (UNDERAGE needs none when the number dates the
// person). Pure functions of their inputs; thread-safe.
#include <functional>
#include <optional>
#include <string>

#include "models/records.hpp"
#include "pipeline/id_resolver.hpp"
#include "pipeline/registers.hpp"

namespace listaudit::pipeline {

// Who "this person" is (contract section 7): the person with the row's number
// when it passes its check, otherwise the person with the row's name.
struct RowIdentity {
  std::string number;  // the row's valid number, or the number the register gives its name; empty when unknown
  std::string nameKey;
  std::optional<models::Person> person;  // the population register's line, when given and found
  bool byName = false;                   // found through the name, the number failing
};

RowIdentity identify(const models::RowRecord& row, const ResolvedId& id, const Registers& registers);

// Below this similarity two names are different people's.
inline constexpr double kSameNameSimilarity = 0.8;

using Raise = std::function<void(models::Flag, std::string)>;

void checkRegisters(const models::RowRecord& row, const models::ListEntry& list, const ResolvedId& id,
                    const RowIdentity& who, const Registers& registers, const Raise& raise);

}  // namespace listaudit::pipeline

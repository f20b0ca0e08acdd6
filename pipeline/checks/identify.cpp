#include "pipeline/checks/identify.hpp"

#include "models/name_text.hpp"

namespace listaudit::pipeline {

RowIdentity identify(const models::RowRecord& row, const models::ResolvedId& id, const Registers& registers) {
  RowIdentity who;
  who.nameKey = models::nameKey(row.fullName);
  if (id.check.valid()) {
    who.number = id.number;
    if (registers.population) who.person = registers.population->byNumber(id.number);
  } else if (registers.population && !who.nameKey.empty()) {
    // Only a name that names one person identifies anyone.
    auto people = registers.population->byNameKey(who.nameKey);
    if (people.size() == 1) {
      who.person = people.front();
      who.number = who.person->nationalId;
      who.byName = true;
    }
  }
  return who;
}

}  // namespace listaudit::pipeline

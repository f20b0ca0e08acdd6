#include "pipeline/register_checks.hpp"

#include "models/decimal_text.hpp"

#include <cstdio>

#include "models/name_text.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

std::string at(const std::string& file, int line) { return file + " line " + std::to_string(line); }

void checkPopulation(const models::RowRecord& row, const models::ListEntry& list, const ResolvedId& id,
                     const RowIdentity& who, const Registers& registers, const Raise& raise) {
  if (!registers.population) return;
  if (id.check.valid() && !who.person) {
    raise(Flag::NotInRegister, "no line of " + registers.populationName + " holds this number");
    return;
  }
  if (!who.person) return;
  const models::Person& p = *who.person;
  if (id.check.valid()) {
    const double similarity = models::nameSimilarity(row.fullName, p.fullName);
    if (similarity < kSameNameSimilarity)
      raise(Flag::NameMismatch, at(registers.populationName, p.line) + " holds this number under the name " +
                                    p.fullName + " (name similarity " + models::decimal(similarity, 2) + ")");
  }
  if (p.deathDate && list.submittedOn && *p.deathDate <= *list.submittedOn)
    raise(Flag::Deceased, at(registers.populationName, p.line) + " gives death on " + p.deathDate->toString() +
                              ", the list was submitted on " + list.submittedOn->toString());
}

void checkAge(const ResolvedId& id, const RowIdentity& who, const models::ListEntry& list, const Registers& registers,
              const Raise& raise) {
  if (!list.electionDate) return;
  std::optional<models::Date> birth;
  std::string source;
  if (id.check.valid() && id.check.birthDate) {
    birth = id.check.birthDate;
    source = "the number gives birth on ";
  } else if (who.person && who.person->birthDate) {
    birth = who.person->birthDate;
    source = at(registers.populationName, who.person->line) + " gives birth on ";
  }
  if (birth && birth->ageOn(*list.electionDate) < 18)
    raise(Flag::Underage, source + birth->toString() + ": " + std::to_string(birth->ageOn(*list.electionDate)) +
                              " on election day " + list.electionDate->toString());
}

void checkConsent(const RowIdentity& who, const models::ListEntry& list, const Registers& registers,
                  const Raise& raise) {
  if (!registers.consent) return;
  const std::string party = models::foldText(list.party);
  const auto records = registers.consent->find(who.number, who.nameKey, party);
  if (records.empty()) {
    raise(Flag::NoConsent, registers.consentName + " holds no consent of this person for this party");
    return;
  }
  if (!list.submittedOn) return;
  const models::Date submitted = *list.submittedOn;
  const models::ConsentRecord* withdrawn = nullptr;
  const models::ConsentRecord* late = nullptr;
  for (const auto& c : records) {
    const bool signedInTime = !c.signedOn || *c.signedOn <= submitted;
    const bool stillInForce = !c.withdrawnOn || *c.withdrawnOn > submitted;
    if (signedInTime && stillInForce) return;  // one consent in force at submission is enough
    if (!stillInForce && !withdrawn) withdrawn = &c;
    if (!signedInTime && !late) late = &c;
  }
  if (withdrawn)
    raise(Flag::ConsentWithdrawn, at(registers.consentName, withdrawn->line) + ": withdrawn on " +
                                      withdrawn->withdrawnOn->toString() + ", the list was submitted on " +
                                      submitted.toString());
  if (late)
    raise(Flag::ConsentLate, at(registers.consentName, late->line) + ": signed on " + late->signedOn->toString() +
                                 ", after the list was submitted on " + submitted.toString());
}

void checkComplaints(const RowIdentity& who, const models::ListEntry& list, const Registers& registers,
                     const Raise& raise) {
  if (!registers.complaints) return;
  const auto complaints = registers.complaints->find(who.number, who.nameKey, models::foldText(list.party));
  if (complaints.empty()) return;
  const auto& c = complaints.front();
  raise(Flag::Complaint, "complaint " + c.complaintId + (c.filedOn ? " filed on " + c.filedOn->toString() : "") + " (" +
                             at(registers.complaintsName, c.line) + ")" +
                             (complaints.size() > 1 ? " and " + std::to_string(complaints.size() - 1) + " more" : ""));
}

}  // namespace

RowIdentity identify(const models::RowRecord& row, const ResolvedId& id, const Registers& registers) {
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

void checkRegisters(const models::RowRecord& row, const models::ListEntry& list, const ResolvedId& id,
                    const RowIdentity& who, const Registers& registers, const Raise& raise) {
  checkPopulation(row, list, id, who, registers, raise);
  checkAge(id, who, list, registers, raise);
  checkConsent(who, list, registers, raise);
  checkComplaints(who, list, registers, raise);
}

}  // namespace listaudit::pipeline

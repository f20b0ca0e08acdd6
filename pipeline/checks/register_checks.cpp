#include "pipeline/checks/register_checks.hpp"

#include "models/decimal_text.hpp"
#include "models/name_text.hpp"

namespace listaudit::pipeline {
namespace {

using models::Flag;

std::string at(const std::string& file, int line) { return file + " line " + std::to_string(line); }

}  // namespace

void checkPopulation(RowCase& c, const CheckContext& context) {
  const Registers& registers = context.registers;
  if (!registers.population || !c.who.established) return;
  if (c.id.check.valid() && !c.who.person) {
    c.raise(Flag::NotInRegister, "no line of " + registers.populationName + " holds this number");
    return;
  }
  if (!c.who.person) return;
  const models::Person& p = *c.who.person;
  // Only a name read surely, or a hand's that the electronic copy spells as
  // read, can be another person's: a hand's name nothing confirms is for a
  // person to read (UNREADABLE), not a mismatch, since its misreadings are as
  // far from the register as another name; so is one that may be a
  // misreading of the register's.
  if (c.id.check.valid() && c.who.nameKnown(*c.row, context.options)) {
    const std::string& name = c.who.spelling.empty() ? c.row->fullName : c.who.spelling;
    const double similarity = models::nameSimilarity(name, p.fullName);
    if (similarity < kSameNameSimilarity)
      c.raise(Flag::NameMismatch, at(registers.populationName, p.line) + " holds this number under the name " +
                                      p.fullName + " (name similarity " + models::decimal(similarity, 2) + ")");
  }
  const models::ListEntry& list = *c.list;
  if (p.deathDate && list.submittedOn && *p.deathDate <= *list.submittedOn)
    c.raise(Flag::Deceased, at(registers.populationName, p.line) + " gives death on " + p.deathDate->toString() +
                                ", the list was submitted on " + list.submittedOn->toString());
}

void checkAge(RowCase& c, const CheckContext& context) {
  const models::ListEntry& list = *c.list;
  if (!list.electionDate || !c.who.established) return;
  std::optional<models::Date> birth;
  std::string source;
  if (c.id.check.valid() && c.id.check.birthDate) {
    birth = c.id.check.birthDate;
    source = "the number gives birth on ";
  } else if (c.who.person && c.who.person->birthDate) {
    birth = c.who.person->birthDate;
    source = at(context.registers.populationName, c.who.person->line) + " gives birth on ";
  }
  if (birth && birth->ageOn(*list.electionDate) < 18)
    c.raise(Flag::Underage, source + birth->toString() + ": " + std::to_string(birth->ageOn(*list.electionDate)) +
                                " on election day " + list.electionDate->toString());
}

void checkConsent(RowCase& c, const CheckContext& context) {
  const Registers& registers = context.registers;
  if (!registers.consent || !c.who.established) return;
  const auto records = registers.consent->find(c.who.number, c.who.nameKey, models::foldText(c.list->party));
  if (records.empty()) {
    c.raise(Flag::NoConsent, registers.consentName + " holds no consent of this person for this party");
    return;
  }
  if (!c.list->submittedOn) return;
  const models::Date submitted = *c.list->submittedOn;
  const models::ConsentRecord* withdrawn = nullptr;
  const models::ConsentRecord* late = nullptr;
  for (const auto& r : records) {
    const bool signedInTime = !r.signedOn || *r.signedOn <= submitted;
    const bool stillInForce = !r.withdrawnOn || *r.withdrawnOn > submitted;
    if (signedInTime && stillInForce) return;  // one consent in force at submission is enough
    if (!stillInForce && !withdrawn) withdrawn = &r;
    if (!signedInTime && !late) late = &r;
  }
  if (withdrawn)
    c.raise(Flag::ConsentWithdrawn, at(registers.consentName, withdrawn->line) + ": withdrawn on " +
                                        withdrawn->withdrawnOn->toString() + ", the list was submitted on " +
                                        submitted.toString());
  if (late)
    c.raise(Flag::ConsentLate, at(registers.consentName, late->line) + ": signed on " + late->signedOn->toString() +
                                   ", after the list was submitted on " + submitted.toString());
}

void checkComplaints(RowCase& c, const CheckContext& context) {
  const Registers& registers = context.registers;
  if (!registers.complaints || !c.who.established) return;
  const auto complaints = registers.complaints->find(c.who.number, c.who.nameKey, models::foldText(c.list->party));
  if (complaints.empty()) return;
  const auto& first = complaints.front();
  c.raise(Flag::Complaint,
          "complaint " + first.complaintId + (first.filedOn ? " filed on " + first.filedOn->toString() : "") + " (" +
              at(registers.complaintsName, first.line) + ")" +
              (complaints.size() > 1 ? " and " + std::to_string(complaints.size() - 1) + " more" : ""));
}

}  // namespace listaudit::pipeline

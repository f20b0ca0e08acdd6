#include "models/flag.hpp"

namespace listaudit::models {

std::string_view flagCode(Flag flag) {
  switch (flag) {
    case Flag::Complaint: return "COMPLAINT";
    case Flag::ConsentLate: return "CONSENT_LATE";
    case Flag::ConsentWithdrawn: return "CONSENT_WITHDRAWN";
    case Flag::Deceased: return "DECEASED";
    case Flag::DigitalMismatch: return "DIGITAL_MISMATCH";
    case Flag::DuplicateInList: return "DUPLICATE_IN_LIST";
    case Flag::IdInvalid: return "ID_INVALID";
    case Flag::MultiParty: return "MULTI_PARTY";
    case Flag::NameMismatch: return "NAME_MISMATCH";
    case Flag::NoConsent: return "NO_CONSENT";
    case Flag::NotInRegister: return "NOT_IN_REGISTER";
    case Flag::SignatureMissing: return "SIGNATURE_MISSING";
    case Flag::SignatureRepeated: return "SIGNATURE_REPEATED";
    case Flag::Underage: return "UNDERAGE";
    case Flag::Unreadable: return "UNREADABLE";
  }
  return "";
}

std::optional<Flag> flagFromCode(std::string_view code) {
  for (Flag f : kAllFlags)
    if (flagCode(f) == code) return f;
  return std::nullopt;
}

std::string_view flagWords(Flag flag) {
  switch (flag) {
    case Flag::Complaint: return "This person has filed a complaint against this party.";
    case Flag::ConsentLate: return "The person's consent is dated after the list was submitted.";
    case Flag::ConsentWithdrawn: return "The person withdrew consent on or before the submission date.";
    case Flag::Deceased: return "The population register records the person as dead by the submission date.";
    case Flag::DigitalMismatch: return "The electronic copy differs from the paper at this row, or lacks it.";
    case Flag::DuplicateInList: return "The same person already stands on an earlier row of this list.";
    case Flag::IdInvalid: return "The ID number fails its form or check digit and could not be repaired.";
    case Flag::MultiParty: return "The same person supports another party's list for the same election.";
    case Flag::NameMismatch: return "The register holds this ID number under a different person's name.";
    case Flag::NoConsent: return "The consent register holds no record of this person for this party.";
    case Flag::NotInRegister: return "The population register does not hold this ID number.";
    case Flag::SignatureMissing: return "The signature cell is empty.";
    case Flag::SignatureRepeated: return "This signature is a near copy of another row's signature.";
    case Flag::Underage: return "The person is under 18 on election day.";
    case Flag::Unreadable: return "The name or the ID number could not be read with confidence: a person must read it.";
  }
  return "";
}

bool needsThePerson(Flag flag) {
  switch (flag) {
    case Flag::Complaint:
    case Flag::ConsentLate:
    case Flag::ConsentWithdrawn:
    case Flag::Deceased:
    case Flag::DuplicateInList:
    case Flag::MultiParty:
    case Flag::NameMismatch:
    case Flag::NotInRegister:
    case Flag::NoConsent:
    case Flag::Underage: return true;
    case Flag::DigitalMismatch:
    case Flag::IdInvalid:
    case Flag::SignatureMissing:
    case Flag::SignatureRepeated:
    case Flag::Unreadable: return false;
  }
  return false;
}

}  // namespace listaudit::models

#pragma once
// The flag codes of contract section 7, their codes as written in rows.csv and
// the plain words the report shows a reviewer.
#include <array>
#include <optional>
#include <string_view>

namespace listaudit::models {

// Declared in the alphabetical order of their codes, so sorting flags by value
// sorts them as rows.csv must list them.
enum class Flag {
  Complaint,
  ConsentLate,
  ConsentWithdrawn,
  Deceased,
  DigitalMismatch,
  DuplicateInList,
  IdInvalid,
  MultiParty,
  NameMismatch,
  NotInRegister,  // "NOT_" sorts before "NO_C" in ASCII
  NoConsent,
  SignatureMissing,
  SignatureRepeated,
  Underage,
  Unreadable,
};

inline constexpr std::array<Flag, 15> kAllFlags{
    Flag::Complaint,       Flag::ConsentLate,      Flag::ConsentWithdrawn,  Flag::Deceased,     Flag::DigitalMismatch,
    Flag::DuplicateInList, Flag::IdInvalid,        Flag::MultiParty,        Flag::NameMismatch, Flag::NotInRegister,
    Flag::NoConsent,       Flag::SignatureMissing, Flag::SignatureRepeated, Flag::Underage,     Flag::Unreadable};

std::string_view flagCode(Flag flag);
std::optional<Flag> flagFromCode(std::string_view code);
// Whether the flag needs the row's person (contract section 7: COMPLAINT,
// the consent flags, NOT_IN_REGISTER, NAME_MISMATCH, DECEASED, UNDERAGE,
// DUPLICATE_IN_LIST, MULTI_PARTY): such a flag accuses someone, and is raised
// only on a person established with confidence.
bool needsThePerson(Flag flag);

// One sentence a reviewer understands without the contract at hand.
std::string_view flagWords(Flag flag);

}  // namespace listaudit::models

#pragma once
// Personal ID numbers of contract section 5: which scheme a number follows,
// whether it passes that scheme's form and check, and the birth date it encodes.
// Pure functions, thread-safe.
#include <optional>
#include <string>
#include <string_view>

#include "models/date.hpp"

namespace listaudit::models {

enum class IdScheme { Unknown, Egn, Jmbg, Albanian, Kosovo };

std::string_view schemeName(IdScheme scheme);

struct IdCheck {
  IdScheme scheme = IdScheme::Unknown;
  bool formOk = false;   // length and character classes match the scheme
  bool checkOk = false;  // encoded date exists and the check digit matches
  std::optional<Date> birthDate;
  std::string reason;  // why it fails, or a note (the Albanian check letter); never the number
  bool valid() const { return formOk && checkOk; }
};

// Checks `number` (spaces already removed) under `scheme`, or by its form
// when the scheme is Unknown (no country given): 10 digits EGN, 13 digits
// JMBG, letter-8 digits-letter Albanian.
IdCheck checkNationalId(std::string_view number, IdScheme scheme);

// Whether checkNationalId verifies a check digit of the scheme's numbers
// (EGN, JMBG): then a digit misread fails the check, with few exceptions. An
// Albanian number's check letter is not verified (issued numbers do not
// follow the rule) and a Kosovo number has none: a misreading of either
// passes unless it breaks the form or the date.
bool hasVerifiedCheckDigit(IdScheme scheme);

// Check digits by the published algorithms, for the checksum-guided repair.
// The argument is the number without its check digit.
char egnCheckDigit(std::string_view first9);
char jmbgCheckDigit(std::string_view first12);

// Numbers built by the rules checkNationalId checks, for the sample
// generator: the birth date encoded as the scheme says, then the serial
// (0-999), then the check digit. An Albanian number adds 50 to a woman's
// month and ends in `letter` (issued numbers follow no published check).
std::string egnNumber(const Date& birth, int serial);
std::string jmbgNumber(const Date& birth, int region, int serial);
std::string albanianNumber(const Date& birth, bool female, int serial, char letter);

// The scheme's form, a character per position: 'L' a letter, 'D' a digit;
// empty for Unknown.
std::string_view idForm(IdScheme scheme);

// The characters a reader may see in a number of this scheme (OCR whitelist).
std::string_view idAlphabet(IdScheme scheme);

}  // namespace listaudit::models

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

// The scheme a manifest country code decides (BG, RS, MK, ME, BA, AL, XK);
// Unknown for an empty or unknown code, in which case the number's form decides.
IdScheme schemeForCountry(std::string_view country);

struct IdCheck {
  IdScheme scheme = IdScheme::Unknown;
  bool formOk = false;   // length and character classes match the scheme
  bool checkOk = false;  // encoded date exists and the check digit matches
  std::optional<Date> birthDate;
  std::string reason;  // why it fails, or a note (the Albanian check letter); never the number
  bool valid() const { return formOk && checkOk; }
};

// Checks `number` (spaces already removed) under the country's scheme, or by
// its form when the country is empty: 10 digits EGN, 13 digits JMBG,
// letter-8 digits-letter Albanian.
IdCheck checkNationalId(std::string_view number, std::string_view country);

// Check digits by the published algorithms, for the sample generator and the
// checksum-guided repair. The argument is the number without its check digit.
char egnCheckDigit(std::string_view first9);
char jmbgCheckDigit(std::string_view first12);

// The scheme's form, a character per position: 'L' a letter, 'D' a digit;
// empty for Unknown.
std::string_view idForm(IdScheme scheme);

// The characters a reader may see in a number of this scheme (OCR whitelist).
std::string_view idAlphabet(IdScheme scheme);

}  // namespace listaudit::models

#include "models/national_id.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace listaudit::models {
namespace {

bool allDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int digitsValue(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
bool isUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }

// The last steps of a scheme whose number encodes a birth date and ends in a
// check digit: the date must exist, then the check digit must match.
IdCheck datedCheck(IdScheme scheme, const std::string& name, std::optional<Date> birth, bool checkDigitMatches) {
  IdCheck r;
  r.scheme = scheme;
  r.formOk = true;
  r.birthDate = birth;
  if (!birth)
    r.reason = "the " + name + "'s date does not exist";
  else if (!checkDigitMatches)
    r.reason = "the " + name + "'s check digit does not match";
  else
    r.checkOk = true;
  return r;
}

IdCheck formFails(IdScheme scheme, const std::string& reason) {
  IdCheck r;
  r.scheme = scheme;
  r.reason = reason;
  return r;
}

IdCheck checkEgn(std::string_view n) {
  if (n.size() != 10 || !allDigits(n)) return formFails(IdScheme::Egn, "an EGN has 10 digits");
  int year = digitsValue(n.substr(0, 2));
  int month = digitsValue(n.substr(2, 2));
  const int day = digitsValue(n.substr(4, 2));
  if (month > 40) {
    month -= 40;
    year += 2000;
  } else if (month > 20) {
    month -= 20;
    year += 1800;
  } else {
    year += 1900;
  }
  return datedCheck(IdScheme::Egn, "EGN", Date::make(year, month, day), egnCheckDigit(n.substr(0, 9)) == n[9]);
}

IdCheck checkJmbg(std::string_view n) {
  if (n.size() != 13 || !allDigits(n)) return formFails(IdScheme::Jmbg, "a JMBG has 13 digits");
  const int day = digitsValue(n.substr(0, 2));
  const int month = digitsValue(n.substr(2, 2));
  const int yyy = digitsValue(n.substr(4, 3));
  // The year's last three digits: 8xx and 9xx are 1800s and 1900s, 0xx the
  // 2000s; 100 to 799 is no year a living person was born in.
  const std::optional<Date> birth = yyy >= 800  ? Date::make(1000 + yyy, month, day)
                                    : yyy < 100 ? Date::make(2000 + yyy, month, day)
                                                : std::nullopt;
  return datedCheck(IdScheme::Jmbg, "JMBG", birth, jmbgCheckDigit(n.substr(0, 12)) == n[12]);
}

IdCheck checkAlbanian(std::string_view n) {
  const bool decadeOk = n.size() == 10 && ((n[0] >= '0' && n[0] <= '9') || (n[0] >= 'A' && n[0] <= 'T'));
  if (!decadeOk || !allDigits(n.substr(1, 8)) || !isUpperLetter(n[9]))
    return formFails(IdScheme::Albanian, "an Albanian number is a letter, 8 digits and a letter");
  IdCheck r;
  r.scheme = IdScheme::Albanian;
  r.formOk = true;
  const int decade = n[0] <= '9' ? 1800 + 10 * (n[0] - '0') : 1900 + 10 * (n[0] - 'A');
  const int year = decade + (n[1] - '0');
  int month = digitsValue(n.substr(2, 2));
  if (month > 50) month -= 50;  // women
  r.birthDate = Date::make(year, month, digitsValue(n.substr(4, 2)));
  if (!r.birthDate) {
    r.reason = "the Albanian number's date does not exist";
    return r;
  }
  r.checkOk = true;
  // Issued numbers do not follow the published check letter (contract section 5),
  // so the letter is never verified against it.
  r.reason = "check letter not verified: issued numbers do not follow the published rule";
  return r;
}

IdCheck checkKosovo(std::string_view n) {
  if (n.size() != 10 || !allDigits(n)) return formFails(IdScheme::Kosovo, "a Kosovo personal number has 10 digits");
  IdCheck r;
  r.scheme = IdScheme::Kosovo;
  r.formOk = r.checkOk = true;
  return r;
}

}  // namespace

bool hasVerifiedCheckDigit(IdScheme scheme) { return scheme == IdScheme::Egn || scheme == IdScheme::Jmbg; }

std::string_view schemeName(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::Egn: return "EGN";
    case IdScheme::Jmbg: return "JMBG";
    case IdScheme::Albanian: return "AL";
    case IdScheme::Kosovo: return "XK";
    case IdScheme::Unknown: break;
  }
  return "unknown";
}

char egnCheckDigit(std::string_view first9) {
  static constexpr std::array<int, 9> kWeights{2, 4, 8, 5, 10, 9, 7, 3, 6};
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) sum += (first9[i] - '0') * kWeights[i];
  const int check = sum % 11;
  return static_cast<char>('0' + (check == 10 ? 0 : check));
}

char jmbgCheckDigit(std::string_view first12) {
  static constexpr std::array<int, 12> kWeights{7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += (first12[i] - '0') * kWeights[i];
  const int m = 11 - sum % 11;
  return static_cast<char>('0' + (m >= 10 ? 0 : m));
}

IdCheck checkNationalId(std::string_view number, IdScheme scheme) {
  if (scheme == IdScheme::Unknown) {
    if (number.size() == 10 && allDigits(number))
      scheme = IdScheme::Egn;
    else if (number.size() == 13 && allDigits(number))
      scheme = IdScheme::Jmbg;
    else if (number.size() == 10 && isUpperLetter(number[0]) && isUpperLetter(number[9]))
      scheme = IdScheme::Albanian;
  }
  switch (scheme) {
    case IdScheme::Egn: return checkEgn(number);
    case IdScheme::Jmbg: return checkJmbg(number);
    case IdScheme::Albanian: return checkAlbanian(number);
    case IdScheme::Kosovo: return checkKosovo(number);
    case IdScheme::Unknown: break;
  }
  IdCheck r;
  r.reason = number.empty() ? "no number" : "the number has the form of no known scheme";
  return r;
}

std::string egnNumber(const Date& birth, int serial) {
  const int monthCode = birth.month + (birth.year >= 2000 ? 40 : birth.year < 1900 ? 20 : 0);
  char b[16];
  std::snprintf(b, sizeof b, "%02d%02d%02d%03d", birth.year % 100, monthCode % 100, birth.day % 100, serial % 1000);
  const std::string first9 = b;
  return first9 + egnCheckDigit(first9);
}

std::string jmbgNumber(const Date& birth, int region, int serial) {
  char b[16];
  std::snprintf(b, sizeof b, "%02d%02d%03d%02d%03d", birth.day, birth.month, birth.year % 1000, region % 100,
                serial % 1000);
  const std::string first12 = b;
  return first12 + jmbgCheckDigit(first12);
}

std::string albanianNumber(const Date& birth, bool female, int serial, char letter) {
  // The decade: 0-9 for the 1800s, then A for the 1900s, B for the 1910s ...
  const int decades = (birth.year - 1800) / 10;
  const char decade = static_cast<char>(decades < 10 ? '0' + decades : 'A' + (decades - 10));
  char b[16];
  std::snprintf(b, sizeof b, "%c%d%02d%02d%03d%c", decade, birth.year % 10, birth.month + (female ? 50 : 0), birth.day,
                serial % 1000, letter);
  return b;
}

std::string_view idForm(IdScheme scheme) {
  switch (scheme) {
    case IdScheme::Egn:
    case IdScheme::Kosovo: return "DDDDDDDDDD";
    case IdScheme::Jmbg: return "DDDDDDDDDDDDD";
    case IdScheme::Albanian: return "LDDDDDDDDL";
    case IdScheme::Unknown: break;
  }
  return "";
}

std::string_view idAlphabet(IdScheme scheme) {
  if (scheme == IdScheme::Albanian) return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  if (scheme == IdScheme::Unknown) return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  return "0123456789";
}

}  // namespace listaudit::models

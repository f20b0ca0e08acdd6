#include "models/id_resolver.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "models/text_distance.hpp"

namespace listaudit::models {
namespace {

// Glyphs a reader confuses across the digit/letter line.
char asLetter(char c) {
  switch (c) {
    case '0': return 'O';
    case '1': return 'I';
    case '2': return 'Z';
    case '4': return 'A';
    case '5': return 'S';
    case '6': return 'G';
    case '7': return 'T';
    case '8': return 'B';
    case ')':
    case ']':
    case '}': return 'J';  // a J whose tail dips below the line
    case '|': return 'I';
    default: return c >= 'A' && c <= 'Z' ? c : 0;
  }
}
char asDigit(char c) {
  switch (c) {
    case 'O':
    case 'D':
    case 'Q': return '0';
    case 'I':
    case 'L':
    case '|': return '1';
    case 'Z': return '2';
    case 'A': return '4';
    case 'S': return '5';
    case 'G': return '6';
    case 'T': return '7';
    case 'B': return '8';
    default: return c >= '0' && c <= '9' ? c : 0;
  }
}
bool confusable(char a, char b) { return a == b || asLetter(a) == b || asDigit(a) == b; }

// The number with each character made the class the form has there; empty
// when a character has no counterpart.
std::string fitForm(const std::string& s, const std::string& form) {
  std::string out = s;
  for (std::size_t i = 0; i < s.size(); ++i) {
    out[i] = form[i] == 'L' ? asLetter(s[i]) : asDigit(s[i]);
    if (!out[i]) return {};
  }
  return out;
}

// Repairs that pass the check, and in words how the last one was found.
struct Repairs {
  std::set<std::string> passing;
  std::string how;
};

// Without a country the number's form decides its scheme (contract section
// 5): resolve under each scheme the reading could be, and keep the one that
// passes. The Albanian form is tried only when an end of the reading is a
// letter, else ten digits would pass as an Albanian 2090s date.
ResolvedId resolveByForm(const std::string& read, const std::vector<double>& confidences,
                         const std::vector<std::string>& otherReadings) {
  const bool letterAtAnEnd = !read.empty() && (std::isalpha(static_cast<unsigned char>(read.front())) ||
                                               std::isalpha(static_cast<unsigned char>(read.back())));
  std::vector<ResolvedId> passing;
  for (const IdScheme scheme : {IdScheme::Egn, IdScheme::Jmbg, IdScheme::Albanian}) {
    if (scheme == IdScheme::Albanian && !letterAtAnEnd) continue;
    ResolvedId candidate = resolveId(read, confidences, scheme, otherReadings);
    if (candidate.check.valid()) passing.push_back(std::move(candidate));
  }
  if (passing.size() == 1) return passing.front();
  return {read, checkNationalId(read, IdScheme::Unknown), false, {}, read, false};
}

// The reading as the form has it, or with one of two neighbouring confusable
// glyphs dropped when the reader saw one glyph twice: those that pass.
Repairs formRepairs(const std::string& read, const std::string& form, IdScheme scheme) {
  std::vector<std::pair<std::string, std::string>> shapes;  // candidate, what was done
  if (read.size() == form.size()) shapes.emplace_back(read, "");
  if (read.size() == form.size() + 1)
    for (std::size_t i = 0; i + 1 < read.size(); ++i)
      if (confusable(read[i], read[i + 1]))
        shapes.emplace_back(read.substr(0, i) + read.substr(i + 1),
                            "a glyph read twice at position " + std::to_string(i + 1));
  Repairs out;
  for (const auto& [shape, done] : shapes) {
    const std::string fitted = fitForm(shape, form);
    if (fitted.empty() || !checkNationalId(fitted, scheme).valid()) continue;
    if (out.passing.insert(fitted).second)
      out.how = done.empty() ? "letters and digits confused where the form is fixed" : done;
  }
  return out;
}

// One unsure digit: every value there that passes. The check digit admits at
// most one, so the repair is confirmed only when the reader itself was unsure
// of that digit and sure of all the others.
Repairs uncertainDigitRepair(const std::string& reading, const std::vector<double>& confidences,
                             const std::string& form, IdScheme scheme) {
  Repairs out;
  if (reading.size() != form.size() || confidences.size() != reading.size()) return out;
  std::vector<std::size_t> order(reading.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return confidences[a] < confidences[b]; });
  const std::size_t weakest = order[0];
  if (form[weakest] != 'D' || confidences[weakest] >= 0.8 || confidences[order[1]] < 0.9) return out;
  for (char d = '0'; d <= '9'; ++d) {
    std::string candidate = reading;
    candidate[weakest] = d;
    if (candidate != reading && checkNationalId(candidate, scheme).valid()) out.passing.insert(candidate);
  }
  out.how = "the one unsure digit, position " + std::to_string(weakest + 1) + ", set by the check digit";
  return out;
}

// The cell read again: the readings that pass and lie near the first one, or
// any passing reading when the first has not even the scheme's form (nothing
// to be near). Two readings of one cell that disagree leave it in doubt.
std::set<std::string> secondLookRepairs(const std::string& reading, const std::vector<std::string>& otherReadings,
                                        const std::string& form, IdScheme scheme) {
  std::set<std::string> out;
  const bool firstHasForm = reading.size() == form.size() && !fitForm(reading, form).empty();
  for (const std::string& other : otherReadings) {
    const std::string fitted = other.size() == form.size() ? fitForm(other, form) : std::string();
    if (fitted.empty() || !checkNationalId(fitted, scheme).valid()) continue;
    // Near: at most two characters changed, added or dropped (a final I lost).
    if (firstHasForm && editDistance(fitted, reading) > 2) continue;
    out.insert(fitted);
  }
  return out;
}

}  // namespace

ResolvedId resolveId(const std::string& read, const std::vector<double>& confidences, IdScheme scheme,
                     const std::vector<std::string>& otherReadings) {
  if (scheme == IdScheme::Unknown) return resolveByForm(read, confidences, otherReadings);
  const std::string form(idForm(scheme));
  ResolvedId r{read, checkNationalId(read, scheme), false, {}, read, false};
  // Where the form fixes a letter or a digit, a glyph of the other class is
  // the reader's confusion, whatever the check says: an Albanian number whose
  // first character reads as a digit would date its holder to the 1800s.
  if (read.size() == form.size() && form.find('L') != std::string::npos) {
    const std::string fitted = fitForm(read, form);
    if (!fitted.empty() && fitted != read)
      r = {fitted, checkNationalId(fitted, scheme),
           true,   "read as " + read + ": letters and digits set by the number's form",
           fitted, true};
  }
  if (r.check.valid() || read.empty() || form.empty()) return r;

  Repairs repairs = formRepairs(read, form, scheme);
  if (repairs.passing.empty()) repairs = uncertainDigitRepair(r.number, confidences, form, scheme);
  const std::set<std::string> secondLooks = secondLookRepairs(r.number, otherReadings, form, scheme);
  if (repairs.passing.empty()) {
    repairs = {secondLooks, "the cell read again (enlarged, or a hand's widened past its edge) passes the check"};
  } else if (repairs.passing.size() > 1) {
    // Several repairs pass: the one the second look also reads is the one.
    std::set<std::string> confirmed;
    for (const auto& candidate : repairs.passing)
      if (secondLooks.count(candidate)) confirmed.insert(candidate);
    if (confirmed.size() == 1)
      repairs = {confirmed, "of several passing repairs, the one the cell read again confirms"};
  }
  if (repairs.passing.size() == 1) {
    r.number = *repairs.passing.begin();
    r.check = checkNationalId(r.number, scheme);
    r.repaired = true;
    r.formOnly = false;
    r.repair = "read as " + read + ", repaired: " + repairs.how;
  }
  return r;
}

}  // namespace listaudit::models

#pragma once
// Resolves a personal number as read into the number written, repairing only
// what can be confirmed: the scheme's form (a letter where the form has a
// digit, a glyph read twice) and its check digit (one unsure digit whose only
// passing value is unique). A repair stands only when exactly one candidate
// passes the scheme's check; otherwise the number stays as read.
// Pure function, thread-safe.
#include <string>
#include <vector>

#include "models/national_id.hpp"

namespace listaudit::models {

struct ResolvedId {
  std::string number;  // as resolved
  IdCheck check;
  bool repaired = false;
  std::string repair;     // what was changed, in words, when repaired
  std::string asRead;     // the reading with only its look-alike glyphs set by the form (no repair)
  bool formOnly = false;  // the only change is that setting: nothing written was changed
};

// `confidences` has one entry per character of `read` (0..1), or is empty.
// `otherReadings` are the same cell read again: one that passes the check and
// is at most two edits from `read` confirms a repair.
// `scheme` Unknown (no country given) resolves under every scheme whose form
// the reading could have and keeps the one repair that passes.
ResolvedId resolveId(const std::string& read, const std::vector<double>& confidences, IdScheme scheme,
                     const std::vector<std::string>& otherReadings = {});

}  // namespace listaudit::models

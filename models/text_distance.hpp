#pragma once
// Edit distance between UTF-8 strings, counted in Unicode code points: how far
// a name as read is from the name as written. Pure, thread-safe.
#include <cstddef>
#include <string_view>

namespace listaudit::models {

// Insertions, deletions and substitutions (Levenshtein).
std::size_t editDistance(std::string_view a, std::string_view b);
// Jaro-Winkler similarity in [0, 1] over code points: 1 for equal strings;
// common prefixes weigh more, as names are written from the front.
double jaroWinkler(std::string_view a, std::string_view b);
// Code points in a UTF-8 string.
std::size_t codePointCount(std::string_view utf8);

}  // namespace listaudit::models

#pragma once
// "Natural" name order for page files: page-2 before page-10, as a person
// numbers pages. ICU's numeric collation does the comparing.
#include <string>
#include <vector>

namespace listaudit::models {

// Sorts UTF-8 file names in natural order; ties keep byte order, so the
// result is the same on every machine.
void sortNatural(std::vector<std::string>& names);

}  // namespace listaudit::models

#include "models/natural_order.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace listaudit::models {

void sortNatural(std::vector<std::string>& names) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) throw std::runtime_error("natural_order: ICU collator unavailable");
  collator->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
  std::stable_sort(names.begin(), names.end(), [&](const std::string& a, const std::string& b) {
    UErrorCode s = U_ZERO_ERROR;
    const UCollationResult r = collator->compareUTF8(a, b, s);
    return r == UCOL_EQUAL ? a < b : r == UCOL_LESS;
  });
}

}  // namespace listaudit::models

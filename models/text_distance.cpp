#include "models/text_distance.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace listaudit::models {
namespace {

std::u32string codePoints(std::string_view utf8) {
  const icu::UnicodeString u =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::u32string out;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    out.push_back(static_cast<char32_t>(c));
    i += U16_LENGTH(c);
  }
  return out;
}

}  // namespace

double jaroWinkler(std::string_view a, std::string_view b) {
  const std::u32string x = codePoints(a), y = codePoints(b);
  if (x.empty() && y.empty()) return 1.0;
  if (x.empty() || y.empty()) return 0.0;
  const std::size_t window = std::max<std::size_t>(1, std::max(x.size(), y.size()) / 2) - 1;
  std::vector<bool> xMatched(x.size()), yMatched(y.size());
  std::size_t matches = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::size_t from = i > window ? i - window : 0, to = std::min(y.size(), i + window + 1);
    for (std::size_t j = from; j < to; ++j) {
      if (yMatched[j] || x[i] != y[j]) continue;
      xMatched[i] = yMatched[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  std::size_t transpositions = 0;
  for (std::size_t i = 0, j = 0; i < x.size(); ++i) {
    if (!xMatched[i]) continue;
    while (!yMatched[j]) ++j;
    if (x[i] != y[j]) ++transpositions;
    ++j;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / x.size() + m / y.size() + (m - transpositions / 2.0) / m) / 3.0;
  std::size_t prefix = 0;
  while (prefix < 4 && prefix < x.size() && prefix < y.size() && x[prefix] == y[prefix]) ++prefix;
  return jaro + prefix * 0.1 * (1.0 - jaro);
}

std::size_t codePointCount(std::string_view utf8) { return codePoints(utf8).size(); }

std::size_t editDistance(std::string_view a, std::string_view b) {
  const std::u32string x = codePoints(a), y = codePoints(b);
  std::vector<std::size_t> previous(y.size() + 1), current(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j)
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
    std::swap(previous, current);
  }
  return previous[y.size()];
}

}  // namespace listaudit::models

#include "models/name_odds.hpp"

#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

#include "models/name_text.hpp"

namespace listaudit::models {
namespace {

// A Cyrillic letter that looks like a Latin one, and that Latin letter's class.
const std::map<std::string_view, std::string_view>& latinOfLookAlike() {
  static const std::map<std::string_view, std::string_view> map{
      {"а", "a"}, {"е", "e"}, {"о", "o"}, {"р", "p"}, {"с", "c"}, {"х", "x"}, {"у", "y"}, {"ј", "j"}, {"ѕ", "s"}};
  return map;
}
const std::map<std::string_view, std::string_view>& cyrillicOfLookAlike() {
  static const std::map<std::string_view, std::string_view> map = [] {
    std::map<std::string_view, std::string_view> back;
    for (const auto& [cyrillic, latin] : latinOfLookAlike()) back[latin] = cyrillic;
    return back;
  }();
  return map;
}

// The outputs (1-based) that spell `name`, case folded, look-alike Cyrillic
// letters as their Latin classes; letters the network does not know are left
// out, and spaces collapse. Whether a letter is Cyrillic says the script.
std::vector<std::size_t> outputsOf(std::string_view name, bool& cyrillic) {
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(foldText(name));
  std::vector<std::size_t> out;
  cyrillic = false;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    UErrorCode status = U_ZERO_ERROR;
    cyrillic |= uscript_getScript(c, &status) == USCRIPT_CYRILLIC;
    std::string letter;
    icu::UnicodeString(c).toUTF8String(letter);
    if (const auto twin = latinOfLookAlike().find(letter); twin != latinOfLookAlike().end()) letter = twin->second;
    const auto at = std::find(kNameClasses.begin(), kNameClasses.end(), letter);
    if (at == kNameClasses.end()) continue;
    const std::size_t output = static_cast<std::size_t>(at - kNameClasses.begin()) + 1;
    if (output == 1 && (out.empty() || out.back() == 1)) continue;  // a space: one, between words
    out.push_back(output);
  }
  while (!out.empty() && out.back() == 1) out.pop_back();
  return out;
}

double logSum(double a, double b) {
  if (a == -std::numeric_limits<double>::infinity()) return b;
  if (b == -std::numeric_limits<double>::infinity()) return a;
  const double top = std::max(a, b);
  return top + std::log1p(std::exp(std::min(a, b) - top));
}

}  // namespace

NameOdds NameOdds::fromProbabilities(const std::vector<float>& probabilities) {
  std::vector<std::uint8_t> costs(probabilities.size());
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const double p = std::max(static_cast<double>(probabilities[i]), 1e-30);
    costs[i] = static_cast<std::uint8_t>(std::clamp(std::lround(-std::log(p) * 16.0), 0L, 255L));
  }
  return fromCosts(std::move(costs));
}

NameOdds NameOdds::fromCosts(std::vector<std::uint8_t> costs) {
  if (costs.size() % kOutputs != 0)
    throw std::invalid_argument("name odds: " + std::to_string(costs.size()) + " values are no whole count of " +
                                std::to_string(kOutputs) + "-output columns");
  return NameOdds(std::move(costs));
}

std::string NameOdds::reading(Script script) const {
  const bool cyrillic = script == Script::Cyrillic;
  // None and signs, then the script's letters.
  std::vector<std::size_t> allowed{0};
  for (std::size_t k = 0; k < kNameClasses.size(); ++k) {
    const bool latin = k < kFirstCyrillicClass;
    if (k < kFirstLetterClass || (cyrillic ? !latin || cyrillicOfLookAlike().count(kNameClasses[k]) : latin))
      allowed.push_back(k + 1);
  }
  std::string out;
  std::size_t last = 0;
  for (std::size_t t = 0; t < columns(); ++t) {
    const std::size_t k = *std::max_element(allowed.begin(), allowed.end(),
                                            [&](std::size_t a, std::size_t b) { return logP(t, a) < logP(t, b); });
    if (k != last && k != 0) {
      std::string_view letter = kNameClasses[k - 1];
      if (const auto twin = cyrillicOfLookAlike().find(letter); cyrillic && twin != cyrillicOfLookAlike().end())
        letter = twin->second;
      if (letter != " " || (!out.empty() && out.back() != ' ')) out += letter;
    }
    last = k;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::optional<double> NameOdds::support(std::string_view name) const {
  if (empty()) return std::nullopt;
  bool cyrillic = false;
  const std::vector<std::size_t> letters = outputsOf(name, cyrillic);
  if (letters.empty()) return std::nullopt;
  bool ignored = false;
  const std::vector<std::size_t> best = outputsOf(reading(cyrillic ? Script::Cyrillic : Script::Latin), ignored);
  return logLikelihood(letters) - logLikelihood(best);
}

double NameOdds::logLikelihood(const std::vector<std::size_t>& letters) const {
  // States: none, letter 1, none, letter 2, ..., none.
  const std::size_t states = 2 * letters.size() + 1, T = columns();
  const double never = -std::numeric_limits<double>::infinity();
  auto output = [&](std::size_t s) { return s % 2 == 0 ? std::size_t{0} : letters[s / 2]; };
  std::vector<double> alpha(states, never), next(states);
  alpha[0] = logP(0, 0);
  if (states > 1) alpha[1] = logP(0, output(1));
  for (std::size_t t = 1; t < T; ++t) {
    for (std::size_t s = 0; s < states; ++s) {
      double a = alpha[s];
      if (s >= 1) a = logSum(a, alpha[s - 1]);
      if (s >= 2 && s % 2 == 1 && output(s) != output(s - 2)) a = logSum(a, alpha[s - 2]);
      next[s] = a == never ? never : a + logP(t, output(s));
    }
    alpha.swap(next);
  }
  return states > 1 ? logSum(alpha[states - 1], alpha[states - 2]) : alpha[0];
}

}  // namespace listaudit::models

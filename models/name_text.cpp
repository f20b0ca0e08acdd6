#include "models/name_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <vector>

#include <stdexcept>
#include "models/text_distance.hpp"

namespace listaudit::models {
namespace {

// The national romanisations first (each leaves the letters it does not know),
// so that ђ, ћ, љ, ѓ, ќ, щ, ъ get their own systems' spelling; then whatever
// Cyrillic is left, then ASCII, then no punctuation.
constexpr const char* kNameKeyRules =
    "Serbian-Latin/BGN; Macedonian-Latin/BGN; Bulgarian-Latin/BGN; Any-Latin; Latin-ASCII; "
    "[[:Punctuation:][:Symbol:]] Remove; Lower";

icu::UnicodeString collapseSpaces(const icu::UnicodeString& in) {
  icu::UnicodeString out;
  bool pendingSpace = false;
  for (int32_t i = 0; i < in.length();) {
    const UChar32 c = in.char32At(i);
    i += U16_LENGTH(c);
    if (u_isUWhiteSpace(c) || c == 0x00A0) {
      pendingSpace = !out.isEmpty();
      continue;
    }
    if (pendingSpace) out.append(static_cast<UChar>(' '));
    pendingSpace = false;
    out.append(c);
  }
  return out;
}

icu::UnicodeString nfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("name_text: ICU NFC normaliser unavailable");
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  icu::UnicodeString out = normalizer->normalize(text, status);
  if (U_FAILURE(status)) throw std::runtime_error("name_text: NFC normalisation failed");
  return out;
}

std::string toUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

icu::Transliterator& nameKeyTransliterator() {
  // A Transliterator instance must not be used by two threads at once.
  thread_local std::unique_ptr<icu::Transliterator> instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(kNameKeyRules, UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !t) throw std::runtime_error("name_text: ICU transliterator for name keys unavailable");
    return t;
  }();
  return *instance;
}

}  // namespace

std::string normaliseName(std::string_view utf8) { return toUtf8(collapseSpaces(nfc(utf8))); }

std::string foldText(std::string_view utf8) {
  icu::UnicodeString text = collapseSpaces(nfc(utf8));
  text.foldCase();
  return toUtf8(text);
}

bool mixesScripts(std::string_view utf8) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  bool cyrillic = false, latin = false;
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    cyrillic |= script == USCRIPT_CYRILLIC;
    latin |= script == USCRIPT_LATIN;
  }
  return cyrillic && latin;
}

bool looksLikeName(std::string_view utf8) {
  const icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  for (int32_t i = 0; i < text.length();) {
    const UChar32 c = text.char32At(i);
    i += U16_LENGTH(c);
    if (u_isalpha(c) || u_getCombiningClass(c) > 0 || u_isUWhiteSpace(c)) continue;
    if (c == '-' || c == '\'' || c == '.' || c == 0x2019 || c == 0x2010) continue;
    return false;
  }
  return true;
}

double nameSimilarity(std::string_view a, std::string_view b) {
  auto words = [](const std::string& key) {
    std::vector<std::string> out;
    std::istringstream in(key);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
  };
  std::vector<std::string> x = words(nameKey(a)), y = words(nameKey(b));
  if (x.empty() || y.empty()) return x.empty() && y.empty() ? 1.0 : 0.0;
  if (x.size() > y.size()) std::swap(x, y);
  double weakest = 1.0;
  for (const auto& w : x) {
    double best = 0.0;
    for (const auto& v : y) best = std::max(best, jaroWinkler(w, v));
    weakest = std::min(weakest, best);
  }
  return weakest;
}

std::string nameKey(std::string_view utf8) {
  icu::UnicodeString text = nfc(utf8);
  nameKeyTransliterator().transliterate(text);
  return toUtf8(collapseSpaces(text));
}

std::string collectorName(std::string_view line) {
  const auto colon = line.rfind(':');
  return normaliseName(colon == std::string_view::npos ? line : line.substr(colon + 1));
}

}  // namespace listaudit::models

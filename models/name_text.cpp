#include "models/name_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <unordered_map>
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
  std::string joined;
  for (const auto& w : x) {
    double best = 0.0;
    for (const auto& v : y) best = std::max(best, jaroWinkler(w, v));
    // A word read as two (a hand's gap inside it, "Ѓорѓи евски") or two
    // read as one: a word the other name does not hold as it is is paired
    // with its neighbouring words joined too.
    for (std::size_t i = 0; best < 1.0 && i + 1 < y.size(); ++i) {
      joined.assign(y[i]).append(y[i + 1]);
      best = std::max(best, jaroWinkler(w, joined));
    }
    weakest = std::min(weakest, best);
  }
  return weakest;
}

namespace {

// One word's key, transliterated once per thread and then remembered.
const std::string& wordKey(std::string_view word) {
  // Words distinct enough to remember: a national register has some tens of
  // thousands; beyond this the memory is cleared and filled again.
  constexpr std::size_t kWordsRemembered = 200000;
  // Looked up by the view itself: a remembered word costs no copy of it.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  thread_local std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> remembered;
  if (const auto it = remembered.find(word); it != remembered.end()) return it->second;
  if (remembered.size() >= kWordsRemembered) remembered.clear();
  icu::UnicodeString text = nfc(word);
  nameKeyTransliterator().transliterate(text);
  return remembered.emplace(std::string(word), toUtf8(collapseSpaces(text))).first->second;
}

}  // namespace

// Word by word: NFC, the transliterators and the punctuation rule never look
// across white space, so a name's key is its words' keys joined by a space
// (the test NameText.keyOfANameIsItsWordsKeys holds us to that). The
// transliterator was 85% of a population import's CPU; a register of
// millions of names has only tens of thousands of distinct words.
std::string nameKey(std::string_view utf8) {
  std::string key;
  const auto addWord = [&](std::size_t begin, std::size_t end) {
    if (end <= begin) return;
    const std::string& k = wordKey(utf8.substr(begin, end - begin));
    if (k.empty()) return;
    if (!key.empty()) key += ' ';
    key += k;
  };
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(utf8.data());
  const auto length = static_cast<std::int32_t>(utf8.size());
  std::size_t wordBegin = 0;
  for (std::int32_t i = 0; i < length;) {
    const std::int32_t at = i;
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0 && (u_isUWhiteSpace(c) || c == 0x00A0)) {
      addWord(wordBegin, static_cast<std::size_t>(at));
      wordBegin = static_cast<std::size_t>(i);
    }
  }
  addWord(wordBegin, utf8.size());
  return key;
}

std::string collectorName(std::string_view line) {
  const auto colon = line.rfind(':');
  return normaliseName(colon == std::string_view::npos ? line : line.substr(colon + 1));
}

}  // namespace listaudit::models

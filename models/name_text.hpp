#pragma once
// Text of names as the contract wants it: NFC with single spaces for display,
// and a comparison key that ignores case, diacritics and script.
// Thread-safe: ICU transliterators are created per thread.
#include <string>
#include <string_view>

namespace listaudit::models {

// NFC, whitespace runs collapsed to one space, trimmed. Invalid UTF-8 is
// replaced, never passed on.
std::string normaliseName(std::string_view utf8);

// NFC, case folding and whitespace collapse: how the contract compares party names and scores names read.
std::string foldText(std::string_view utf8);

// A key under which the same name in Cyrillic or Latin script, any case, with
// or without diacritics, compares equal: transliterated to Latin, then to ASCII,
// lower case, single spaces.
std::string nameKey(std::string_view utf8);

}  // namespace listaudit::models

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

// True when the text holds both Cyrillic and Latin letters: a name is written
// in one script, so such a reading mixed two models' guesses.
bool mixesScripts(std::string_view utf8);

// True when every character could stand in a person's name: letters,
// combining marks, spaces, hyphens, apostrophes and dots. A reading with
// digits or other signs is a misreading.
bool looksLikeName(std::string_view utf8);

// How alike two names are, 0 to 1, after nameKey(), word by word: each word
// of the name with fewer words is paired with its most alike word of the
// other (Jaro-Winkler), and the least alike pair decides. So word order and a
// left-out middle name do not count, but one different surname does. A word
// the other name does not hold as it is is paired with two neighbouring
// words of it joined as well: a word read as two, or two read as one, is
// the same name.
double nameSimilarity(std::string_view a, std::string_view b);

// A key under which the same name in Cyrillic or Latin script, any case, with
// or without diacritics, compares equal: transliterated to Latin, then to ASCII,
// lower case, single spaces.
std::string nameKey(std::string_view utf8);

// The collector's name from the line read under a page's table: what follows
// the form's label (up to its last colon), normalised; the whole line when it
// has no label.
std::string collectorName(std::string_view line);

}  // namespace listaudit::models

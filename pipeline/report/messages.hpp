#pragma once
// The words of the report and the protocol in the reader's language, from
// the message catalogues in messages/ (ICU resource bundles, compiled by
// genrb at build time; root.txt is English and holds every key, bg.txt is
// Bulgarian). Messages are ICU MessageFormat patterns, so plurals follow
// the language and numbers and dates are written as it writes them.
// Thread-safe once made (const use only).
#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "models/date.hpp"

#include <unicode/uversion.h>
U_NAMESPACE_BEGIN
class ResourceBundle;
class Locale;
U_NAMESPACE_END

namespace listaudit::pipeline {

// The languages the catalogues hold, by code ("en", "bg").
const std::vector<std::string>& messageLanguages();

class Messages {
 public:
  using Arg = std::variant<std::string, std::int64_t, double>;
  // `language`: one of messageLanguages(). Throws std::invalid_argument for
  // another, std::runtime_error when the catalogues are missing.
  explicit Messages(std::string_view language = "en");
  ~Messages();
  Messages(Messages&&) noexcept;

  const std::string& language() const { return language_; }
  // The message `key` with its named arguments. A key the catalogue lacks
  // throws std::logic_error (a programming error, caught by the tests).
  std::string text(const char* key, std::initializer_list<std::pair<const char*, Arg>> args = {}) const;
  // A date as the language writes it in full (4 April 2021; 4 април 2021 г.).
  std::string date(const models::Date& date) const;
  // A whole number with the language's grouping (12,345; 12 345).
  std::string number(std::int64_t value) const;
  // Every message whose key begins with `prefix`, as its pattern (not
  // formatted), in this language or, where it has none, in English: for a
  // web page that fills in its own {names}.
  std::map<std::string, std::string> patterns(std::string_view prefix) const;

 private:
  std::string language_;
  std::unique_ptr<icu::Locale> locale_;
  std::unique_ptr<icu::ResourceBundle> bundle_;
};

}  // namespace listaudit::pipeline

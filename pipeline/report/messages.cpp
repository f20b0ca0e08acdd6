#include "pipeline/report/messages.hpp"

#include <unicode/datefmt.h>
#include <unicode/msgfmt.h>
#include <unicode/numfmt.h>
#include <unicode/resbund.h>
#include <unicode/ucal.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

namespace listaudit::pipeline {
namespace {

std::string catalogueDir() {
  if (const char* env = std::getenv("LISTAUDIT_MESSAGES_DIR"); env && *env) return std::string(env) + "/";
  return std::string(LISTAUDIT_MESSAGES_DIR) + "/";
}

std::string utf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

const std::vector<std::string>& messageLanguages() {
  static const std::vector<std::string> kLanguages{"en", "bg"};
  return kLanguages;
}

Messages::Messages(std::string_view language) : language_(language) {
  const auto& known = messageLanguages();
  if (std::find(known.begin(), known.end(), language_) == known.end())
    throw std::invalid_argument("--lang: " + language_ + " is not a language of the catalogues (en, bg)");
  locale_ = std::make_unique<icu::Locale>(language_.c_str());
  UErrorCode status = U_ZERO_ERROR;
  // English is the root bundle itself.
  const std::string dir = catalogueDir();
  bundle_ =
      std::make_unique<icu::ResourceBundle>(dir.c_str(), language_ == "en" ? icu::Locale::getRoot() : *locale_, status);
  if (U_FAILURE(status) || bundle_->getSize() == 0)
    throw std::runtime_error("the message catalogues are missing from " + dir + " (" + u_errorName(status) + ")");
}

Messages::~Messages() = default;
Messages::Messages(Messages&&) noexcept = default;

std::string Messages::text(const char* key, std::initializer_list<std::pair<const char*, Arg>> args) const {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString pattern = bundle_->getStringEx(key, status);
  if (U_FAILURE(status)) throw std::logic_error(std::string("the message catalogue has no key ") + key);
  if (args.size() == 0 && pattern.indexOf(u'{') < 0) return utf8(pattern);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.emplace_back(icu::UnicodeString::fromUTF8(name));
    if (const auto* s = std::get_if<std::string>(&value))
      values.emplace_back(icu::UnicodeString::fromUTF8(*s));
    else if (const auto* i = std::get_if<std::int64_t>(&value))
      values.emplace_back(static_cast<int64_t>(*i));
    else
      values.emplace_back(std::get<double>(value));
  }
  const icu::MessageFormat format(pattern, *locale_, status);
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(names.size()), out, status);
  if (U_FAILURE(status)) throw std::logic_error(std::string("the message ") + key + " cannot be formatted");
  return utf8(out);
}

std::string Messages::date(const models::Date& date) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> format(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, *locale_));
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(icu::TimeZone::getGMT()->clone(), status));
  calendar->clear();
  calendar->set(date.year, date.month - 1, date.day);
  format->setTimeZone(*icu::TimeZone::getGMT());
  icu::UnicodeString out;
  format->format(calendar->getTime(status), out);
  return utf8(out);
}

std::map<std::string, std::string> Messages::patterns(std::string_view prefix) const {
  // The root (English) holds every key; this language's bundle falls back to it.
  UErrorCode status = U_ZERO_ERROR;
  icu::ResourceBundle root(catalogueDir().c_str(), icu::Locale::getRoot(), status);
  std::map<std::string, std::string> out;
  root.resetIterator();
  while (U_SUCCESS(status) && root.hasNext()) {
    const icu::ResourceBundle item = root.getNext(status);
    const std::string key = item.getKey() ? item.getKey() : "";
    if (key.rfind(prefix, 0) != 0) continue;
    UErrorCode own = U_ZERO_ERROR;
    out[key] = utf8(bundle_->getStringEx(key.c_str(), own));
  }
  return out;
}

std::string Messages::number(std::int64_t value) const {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(*locale_, status));
  icu::UnicodeString out;
  format->format(static_cast<int64_t>(value), out);
  return utf8(out);
}

}  // namespace listaudit::pipeline

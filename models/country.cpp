#include "models/country.hpp"

#include <cctype>
#include <map>
#include <string>

#include "models/id_resolver.hpp"

namespace listaudit::models {

struct Country::Info {
  std::string_view code;
  IdScheme scheme;
  Language language;
  bool cyrillic, latin;
  std::vector<JmbgRegions> regions;
};

namespace {

// Contract section 2's countries. JMBG regions: Bosnia and Herzegovina 10-19,
// Montenegro 20-29 (21-29 for its municipalities), North Macedonia 41-49,
// Serbia 71-79 and Vojvodina 80-89.
const std::vector<Country::Info>& table() {
  static const std::vector<Country::Info> kTable{
      {"BG", IdScheme::Egn, Language::Bulgarian, true, false, {}},
      {"RS", IdScheme::Jmbg, Language::Serbian, true, true, {{71, 79}, {80, 89}}},
      {"MK", IdScheme::Jmbg, Language::Macedonian, true, false, {{41, 49}}},
      {"ME", IdScheme::Jmbg, Language::Serbian, true, true, {{21, 29}}},
      {"BA", IdScheme::Jmbg, Language::Serbian, true, true, {{10, 19}}},
      {"AL", IdScheme::Albanian, Language::Albanian, false, true, {}},
      {"XK", IdScheme::Kosovo, Language::Albanian, false, true, {}},
  };
  return kTable;
}

const Country::Info kUnknown{"", IdScheme::Unknown, Language::Unknown, true, true, {}};

}  // namespace

Country::Country() : info_(&kUnknown) {}

std::optional<Country> Country::fromCode(std::string_view code) {
  std::string c;
  for (char ch : code)
    if (!std::isspace(static_cast<unsigned char>(ch)))
      c += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (c.empty()) return Country();
  for (const Info& info : table())
    if (info.code == c) return Country(&info);
  return std::nullopt;
}

Country Country::ofJmbgRegion(int region) {
  for (const Info& info : table())
    for (const JmbgRegions& r : info.regions)
      if (region >= r.first && region <= r.last) return Country(&info);
  return Country();
}

const std::vector<Country>& Country::all() {
  static const std::vector<Country> kAll = [] {
    std::vector<Country> out;
    for (const Info& info : table()) out.push_back(Country(&info));
    return out;
  }();
  return kAll;
}

bool Country::known() const { return info_ != &kUnknown; }
std::string_view Country::code() const { return info_->code; }
IdScheme Country::scheme() const { return info_->scheme; }
Language Country::language() const { return info_->language; }
bool Country::writesCyrillic() const { return info_->cyrillic; }
bool Country::writesLatin() const { return info_->latin; }
std::span<const JmbgRegions> Country::jmbgRegions() const { return info_->regions; }

Country countryOfNumbers(const std::vector<std::string>& readings) {
  std::map<std::string_view, std::pair<int, Country>> votes;  // by code, so ties go to the first code
  for (const std::string& reading : readings) {
    const ResolvedId id = resolveId(reading, {}, IdScheme::Unknown, {});
    if (!id.check.valid()) continue;
    Country country;
    if (id.check.scheme == IdScheme::Jmbg)
      country = Country::ofJmbgRegion(std::stoi(id.number.substr(7, 2)));
    else
      for (const Country& c : Country::all())
        if (c.scheme() == id.check.scheme) {
          country = c;
          break;
        }
    if (!country.known()) continue;
    auto& [count, who] = votes[country.code()];
    ++count;
    who = country;
  }
  const std::pair<int, Country>* best = nullptr;
  for (const auto& [code, vote] : votes)
    if (!best || vote.first > best->first) best = &vote;
  return best ? best->second : Country();
}

}  // namespace listaudit::models

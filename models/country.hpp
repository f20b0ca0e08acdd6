#pragma once
// A country of contract section 2 as one type: its manifest code, the scheme
// of its personal numbers (section 5), the language and scripts its people
// write their names in, and, for the JMBG countries, the register regions
// its numbers carry. Every question that depends on the country asks this
// type, so no code compares country codes as strings.
//
// A value type (a pointer into a static table): copy it freely; thread-safe.
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "models/national_id.hpp"

namespace listaudit::models {

// The language a country's lists are written in; it decides which reading
// models and which generated names fit.
enum class Language { Unknown, Bulgarian, Serbian, Macedonian, Albanian };

// A closed range of JMBG region digits (positions 8 and 9).
struct JmbgRegions {
  int first = 0, last = 0;
};

class Country {
 public:
  // No country given: every question is answered for all countries, and a
  // number is taken by its form (contract section 5).
  Country();
  // The country of a manifest code (any case, surrounding spaces allowed);
  // nullopt for a code the contract does not name. An empty code is the
  // unknown country.
  static std::optional<Country> fromCode(std::string_view code);
  // The country whose registers issue a JMBG with this region; the unknown
  // country when none of the contract's does.
  static Country ofJmbgRegion(int region);
  // Every country of the contract, in the order the contract lists them.
  static const std::vector<Country>& all();

  bool known() const;
  std::string_view code() const;  // "BG"; empty when unknown
  IdScheme scheme() const;
  Language language() const;
  // The scripts names are written in: Serbian in both Cyrillic and Latin.
  bool writesCyrillic() const;
  bool writesLatin() const;
  // The JMBG regions the country's registers issue, the first the most
  // common; empty for a country of another scheme.
  std::span<const JmbgRegions> jmbgRegions() const;

  bool operator==(const Country& other) const { return info_ == other.info_; }

  struct Info;  // the table's row; defined in country.cpp

 private:
  explicit Country(const Info* info) : info_(info) {}
  const Info* info_;
};

// The country a page's numbers say it is from, for a list whose manifest
// gives none: the country most readings pass the scheme of (EGN for BG,
// Albanian for AL, JMBG by its region for RS, MK, ME or BA), after the
// resolver fits each reading to a scheme's form; the unknown country when
// none passes. Ties go to the country whose code sorts first.
Country countryOfNumbers(const std::vector<std::string>& readings);

}  // namespace listaudit::models

#pragma once
// Generated people: names in the naming traditions of the countries the
// contract names, addresses, and personal ID numbers valid by their scheme.
// Every name is a random combination from common-name pools: no real person.
#include <string>

#include "models/country.hpp"
#include "models/date.hpp"
#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {

// A country's tradition and the script its list is written in.
struct Locale {
  models::Country country;
  bool latin = false;  // Serbian lists may be in either script
};

struct Person {
  std::string fullName;
  std::string nationalId;
  models::Date birthDate;
  std::string address;
  bool female = false;
};

class PeopleFactory {
 public:
  explicit PeopleFactory(SampleRandom random) : random_(random) {}
  // A voter born between 1940 and the 18th birthday before `election`.
  Person voter(const Locale& locale, const models::Date& election);
  // Someone who turns 18 after `election`: 16 or 17 on election day.
  Person minor(const Locale& locale, const models::Date& election);
  // The same number with one digit of the body changed so that its check fails
  // (the kind of slip a person makes writing their own number).
  std::string withWrongCheck(const std::string& number, const Locale& locale);
  // A full name for the collector line.
  std::string collectorName(const Locale& locale);

  SampleRandom& random() { return random_; }

 private:
  std::string name(const Locale& locale, bool female);
  std::string number(const Locale& locale, const models::Date& birth, bool female);
  std::string address(const Locale& locale);

  SampleRandom random_;
};

// Serbian Cyrillic to Latin by the national system (ICU), for Latin-script lists.
std::string toSerbianLatin(const std::string& cyrillic);

}  // namespace listaudit::tools

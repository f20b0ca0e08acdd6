#include "tools/samples/people.hpp"

#include "models/name_text.hpp"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace listaudit::tools {
namespace {

using Pool = std::vector<std::string>;

// Bulgarian: first name, father's name (+ов/+ев), family name; female forms add -а.
const Pool kBgMale{"Иван",   "Георги", "Димитър", "Николай", "Петър",   "Христо", "Стоян", "Тодор",   "Васил",
                   "Атанас", "Калоян", "Мартин",  "Йордан",  "Любомир", "Цветан", "Живко", "Борислав"};
const Pool kBgFemale{"Мария",  "Елена",   "Иванка", "Десислава", "Йорданка", "Румяна", "Цветелина", "Гергана",
                     "Милена", "Надежда", "Радка",  "Снежана",   "Теодора",  "Яна",    "Юлия"};
const Pool kBgPatronymic{"Иванов",  "Георгиев", "Димитров", "Николов",  "Петров",   "Христов",
                         "Стоянов", "Тодоров",  "Василев",  "Атанасов", "Йорданов", "Цветанов"};
const Pool kBgFamily{"Попов",  "Костов", "Маринов", "Ангелов", "Илиев",  "Стефанов", "Митев",    "Колев",  "Янков",
                     "Шишков", "Дочев",  "Щерев",   "Жеков",   "Цанков", "Вълчев",   "Бъчваров", "Чолаков"};
const Pool kBgCities{"гр. София", "гр. Пловдив",      "гр. Варна",  "гр. Бургас",
                     "гр. Русе",  "гр. Стара Загора", "гр. Плевен", "с. Житница"};
const Pool kBgStreets{"ул. Шипка",   "ул. Раковски", "бул. Христо Ботев", "ул. Цар Симеон",
                      "ул. Оборище", "ж.к. Люлин",   "ул. Вежен"};

// Serbian (Cyrillic; Latin lists transliterate) and Montenegrin/Bosnian alike.
const Pool kRsMale{"Марко", "Никола", "Стефан",  "Душан", "Милош",  "Ђорђе",  "Јован",
                   "Лазар", "Вук",    "Небојша", "Жарко", "Бранко", "Драган", "Ненад"};
const Pool kRsFemale{"Јелена", "Милица", "Ана",    "Драгана", "Љиљана",  "Снежана",
                     "Јована", "Ивана",  "Тијана", "Невена",  "Гордана", "Бранка"};
const Pool kRsFamily{"Јовановић", "Петровић", "Николић", "Ђорђевић", "Илић",  "Марковић",    "Станковић", "Павловић",
                     "Милошевић", "Живковић", "Ћирић",   "Лукић",    "Шарац", "Његовановић", "Чолић"};
const Pool kRsCities{"Београд", "Нови Сад", "Ниш", "Крагујевац", "Суботица", "Чачак", "Ужице"};
const Pool kRsStreets{"ул. Краља Петра", "Булевар ослобођења", "ул. Његошева",
                      "ул. Цара Душана", "ул. Шумадијска",     "ул. Војводе Мишића"};

// Macedonian: -ски / -ска.
const Pool kMkMale{"Александар", "Горан",  "Зоран", "Дејан",    "Никола", "Ѓорѓи",
                   "Кирил",      "Трајче", "Бобан", "Методија", "Љупчо"};
const Pool kMkFemale{"Марија", "Ана", "Елена", "Весна", "Билјана", "Катерина", "Сашка", "Јасмина", "Ќерка", "Маја"};
const Pool kMkFamily{"Петровски",    "Николовски", "Стојановски", "Трајковски",  "Ѓорѓиевски", "Јовановски",
                     "Димитриевски", "Костовски",  "Ристовски",   "Кузмановски", "Велјановски"};
const Pool kMkCities{"Скопје", "Битола", "Куманово", "Прилеп", "Тетово", "Охрид", "Штип"};
const Pool kMkStreets{"ул. Македонија", "бул. Партизански одреди", "ул. Гоце Делчев", "ул. Илинденска",
                      "ул. Маршал Тито"};

// Albanian (AL and XK).
const Pool kAlMale{"Arben",  "Besnik",  "Dritan", "Ermal",  "Gjergj", "Ilir",  "Kastriot",
                   "Lulzim", "Shpëtim", "Çlirim", "Fatmir", "Agron",  "Ëndri", "Përparim"};
const Pool kAlFemale{"Anila",  "Blerina", "Drita",  "Elona",  "Fjolla", "Jonida", "Lindita",
                     "Mimoza", "Valbona", "Ëndrra", "Mirela", "Rozafa", "Çiljeta"};
const Pool kAlFamily{"Hoxha", "Krasniqi", "Berisha", "Gashi", "Shehu",  "Çela",   "Dervishi", "Leka",
                     "Kola",  "Prifti",   "Tafaj",   "Muçaj", "Zeqiri", "Bytyçi", "Lleshi"};
const Pool kAlCities{"Tiranë", "Durrës", "Shkodër", "Elbasan", "Vlorë", "Korçë", "Fier"};
const Pool kXkCities{"Prishtinë", "Prizren", "Pejë", "Gjakovë", "Mitrovicë", "Ferizaj"};
const Pool kAlStreets{"Rr. e Durrësit", "Rr. Myslym Shyri", "Rr. Nëna Terezë",
                      "Rr. Skënderbeu", "Rr. Fehmi Agani",  "Bul. Dëshmorët"};

std::string feminineSlavic(const std::string& surname) {
  const std::string ski = "ски";
  if (surname.size() >= ski.size() && surname.compare(surname.size() - ski.size(), ski.size(), ski) == 0)
    return surname.substr(0, surname.size() - ski.size()) + "ска";
  return surname + "а";
}

// Where people of a country live: its towns and its streets.
struct Places {
  const Pool& cities;
  const Pool& streets;
};

Places placesOf(const models::Country& country) {
  using models::Language;
  switch (country.language()) {
    case Language::Bulgarian: return {kBgCities, kBgStreets};
    case Language::Macedonian: return {kMkCities, kMkStreets};
    case Language::Albanian: return {country.code() == "XK" ? kXkCities : kAlCities, kAlStreets};
    case Language::Serbian:
    case Language::Unknown: break;
  }
  return {kRsCities, kRsStreets};
}

}  // namespace

std::string toSerbianLatin(const std::string& cyrillic) {
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(
        icu::Transliterator::createInstance("Serbian-Latin/BGN", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) throw std::runtime_error("people: ICU Serbian-Latin/BGN unavailable");
    return tr;
  }();
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(cyrillic);
  t->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return models::normaliseName(out);  // the transliterator leaves letters decomposed
}

std::string PeopleFactory::name(const Locale& locale, bool female) {
  using models::Language;
  switch (locale.country.language()) {
    case Language::Bulgarian: {
      const std::string first = random_.pick(female ? kBgFemale : kBgMale);
      std::string father = random_.pick(kBgPatronymic), family = random_.pick(kBgFamily);
      if (female) {
        father = feminineSlavic(father);
        family = feminineSlavic(family);
      }
      return first + " " + father + " " + family;
    }
    case Language::Macedonian: {
      const std::string family = random_.pick(kMkFamily);
      return random_.pick(female ? kMkFemale : kMkMale) + " " + (female ? feminineSlavic(family) : family);
    }
    case Language::Albanian: return random_.pick(female ? kAlFemale : kAlMale) + " " + random_.pick(kAlFamily);
    case Language::Serbian:
    case Language::Unknown: break;
  }
  const std::string full = random_.pick(female ? kRsFemale : kRsMale) + " " + random_.pick(kRsFamily);
  return locale.latin ? toSerbianLatin(full) : full;
}

std::string PeopleFactory::address(const Locale& locale) {
  const std::string number = std::to_string(random_.between(1, 120));
  const Places places = placesOf(locale.country);
  const std::string a = random_.pick(places.cities) + ", " + random_.pick(places.streets) + " " + number;
  // Only Serbian is written in both scripts: a Latin list's addresses are in Latin.
  return locale.latin && locale.country.writesCyrillic() ? toSerbianLatin(a) : a;
}

std::string PeopleFactory::number(const Locale& locale, const models::Date& birth, bool female) {
  switch (locale.country.scheme()) {
    case models::IdScheme::Egn: {
      // The ninth digit is even for men, odd for women.
      const int serial = random_.between(0, 99) * 10 + random_.below(5) * 2 + (female ? 1 : 0);
      return models::egnNumber(birth, serial);
    }
    case models::IdScheme::Jmbg: {
      const models::JmbgRegions regions = locale.country.jmbgRegions().front();
      const int region = random_.between(regions.first, regions.last);
      const int serial = female ? random_.between(500, 999) : random_.between(0, 499);
      return models::jmbgNumber(birth, region, serial);
    }
    case models::IdScheme::Albanian: {
      const char letter = static_cast<char>('A' + random_.below(26));
      const int serial = random_.between(0, 999);
      return models::albanianNumber(birth, female, serial, letter);
    }
    case models::IdScheme::Kosovo:
    case models::IdScheme::Unknown: break;
  }
  // Kosovo: ten digits, form only.
  std::string n = std::to_string(random_.between(1, 9));
  for (int i = 0; i < 9; ++i) n += static_cast<char>('0' + random_.below(10));
  return n;
}

Person PeopleFactory::voter(const Locale& locale, const models::Date& election) {
  Person p;
  p.female = random_.chance(0.5);
  const int latestYear = election.year - 19;
  const int year = random_.between(1940, latestYear);
  const int month = random_.between(1, 12);
  p.birthDate = *models::Date::make(year, month, random_.between(1, models::daysInMonth(year, month)));
  p.fullName = name(locale, p.female);
  p.nationalId = number(locale, p.birthDate, p.female);
  p.address = address(locale);
  return p;
}

Person PeopleFactory::minor(const Locale& locale, const models::Date& election) {
  Person p;
  p.female = random_.chance(0.5);
  // Born between 18 years and 16 years before election day, the 18th birthday still to come.
  const models::Date eighteenYearsBefore = models::Date::make(election.year - 18, election.month, election.day)
                                               .value_or(models::Date{election.year - 18, 3, 1});
  p.birthDate = eighteenYearsBefore.plusDays(random_.between(1, 700));
  p.fullName = name(locale, p.female);
  p.nationalId = number(locale, p.birthDate, p.female);
  p.address = address(locale);
  return p;
}

std::string PeopleFactory::withWrongCheck(const std::string& number, const Locale& locale) {
  // Change the check digit itself: the body (and so the date) stays a real
  // person's, and every scheme with a check digit then fails.
  std::string wrong = number;
  const models::IdScheme scheme = locale.country.scheme();
  if (scheme == models::IdScheme::Kosovo || wrong.size() < 10) return wrong;  // form only: nothing to get wrong
  if (scheme == models::IdScheme::Albanian) {
    wrong.replace(2, 2, random_.chance(0.5) ? "13" : "63");  // no such month: the date fails
    return wrong;
  }
  const char right = wrong.back();
  wrong.back() = static_cast<char>('0' + (right - '0' + random_.between(1, 9)) % 10);
  return wrong;
}

std::string PeopleFactory::collectorName(const Locale& locale) { return name(locale, random_.chance(0.5)); }

}  // namespace listaudit::tools

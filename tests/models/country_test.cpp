#include "models/country.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

TEST(Country, knowsEachContractCountrysSchemeAndScripts) {
  EXPECT_EQ(Country::fromCode("BG")->scheme(), IdScheme::Egn);
  EXPECT_EQ(Country::fromCode("mk")->scheme(), IdScheme::Jmbg);
  EXPECT_EQ(Country::fromCode(" AL ")->scheme(), IdScheme::Albanian);
  EXPECT_EQ(Country::fromCode("XK")->scheme(), IdScheme::Kosovo);
  EXPECT_TRUE(Country::fromCode("RS")->writesCyrillic());
  EXPECT_TRUE(Country::fromCode("RS")->writesLatin());
  EXPECT_FALSE(Country::fromCode("BG")->writesLatin());
  EXPECT_FALSE(Country::fromCode("XK")->writesCyrillic());
  EXPECT_EQ(Country::fromCode("ME")->language(), Language::Serbian);
  EXPECT_EQ(Country::all().size(), 7u);
}

TEST(Country, anEmptyCodeIsTheUnknownCountryAndAStrangeOneIsNone) {
  const auto unknown = Country::fromCode("");
  ASSERT_TRUE(unknown);
  EXPECT_FALSE(unknown->known());
  EXPECT_EQ(unknown->scheme(), IdScheme::Unknown);
  EXPECT_TRUE(unknown->code().empty());
  EXPECT_FALSE(Country::fromCode("FR"));
  EXPECT_TRUE(*unknown == Country());
}

TEST(Country, tellsAJmbgCountryByItsRegion) {
  EXPECT_EQ(Country::ofJmbgRegion(71).code(), "RS");
  EXPECT_EQ(Country::ofJmbgRegion(85).code(), "RS");  // Vojvodina
  EXPECT_EQ(Country::ofJmbgRegion(45).code(), "MK");
  EXPECT_EQ(Country::ofJmbgRegion(21).code(), "ME");
  EXPECT_EQ(Country::ofJmbgRegion(17).code(), "BA");
  EXPECT_FALSE(Country::ofJmbgRegion(33).known());  // Croatia: not a country of the contract
  EXPECT_TRUE(Country::fromCode("BG")->jmbgRegions().empty());
}

TEST(Country, tellsAPagesCountryFromItsNumbers) {
  EXPECT_EQ(countryOfNumbers({"7501020018", "0241010000", "garbage"}).code(), "BG");
  EXPECT_EQ(countryOfNumbers({"0101990710008", "1709988713174"}).code(), "RS");  // regions 71
  EXPECT_EQ(countryOfNumbers({"I95715775P"}).code(), "AL");
  EXPECT_FALSE(countryOfNumbers({"12345"}).known());
}

TEST(Country, buildsNumbersTheSchemeCheckAccepts) {
  for (const Country& country : Country::all()) {
    const Date birth{1987, 11, 30};
    std::string number;
    if (country.scheme() == IdScheme::Egn) number = egnNumber(birth, 417);
    if (country.scheme() == IdScheme::Jmbg) number = jmbgNumber(birth, country.jmbgRegions().front().first, 503);
    if (country.scheme() == IdScheme::Albanian) number = albanianNumber(birth, true, 12, 'K');
    if (number.empty()) continue;
    const IdCheck check = checkNationalId(number, country.scheme());
    EXPECT_TRUE(check.valid()) << country.code();
    EXPECT_EQ(check.birthDate, birth) << country.code();
  }
  EXPECT_EQ(egnNumber({2003, 2, 5}, 11).substr(0, 6), "034205");           // month +40 for the 2000s
  EXPECT_EQ(albanianNumber({1987, 11, 30}, true, 12, 'K'), "I76130012K");  // 1980s, woman: month +50
}

#include "models/national_id.hpp"

#include <gtest/gtest.h>

using namespace listaudit::models;

// EGN 750102001?: 7*2 + 5*4 + 0*8 + 1*5 + 0*10 + 2*9 + 0*7 + 0*3 + 1*6 = 63; 63 mod 11 = 8.
TEST(EgnScheme, acceptsNumberWithPublishedCheckDigit) {
  const IdCheck c = checkNationalId("7501020018", IdScheme::Egn);
  EXPECT_TRUE(c.valid()) << c.reason;
  EXPECT_EQ(c.scheme, IdScheme::Egn);
  EXPECT_EQ(c.birthDate, (Date{1975, 1, 2}));
  EXPECT_EQ(egnCheckDigit("750102001"), '8');
}

// 024101000?: 0*2 + 2*4 + 4*8 + 1*5 + 0 + 1*9 + 0 + 0 + 0 = 54; 54 mod 11 = 10, which counts as 0.
TEST(EgnScheme, readsMonthPlusFortyAsTheTwoThousands) {
  const IdCheck c = checkNationalId("0241010000", IdScheme::Egn);
  EXPECT_TRUE(c.valid()) << c.reason;
  EXPECT_EQ(c.birthDate, (Date{2002, 1, 1}));
}

TEST(EgnScheme, readsMonthPlusTwentyAsTheEighteenHundreds) {
  const std::string body = "992223000";  // 23 February 1899
  const IdCheck c = checkNationalId(body + egnCheckDigit(body), IdScheme::Egn);
  EXPECT_TRUE(c.valid());
  EXPECT_EQ(c.birthDate, (Date{1899, 2, 23}));
}

TEST(EgnScheme, rejectsWrongCheckDigit) {
  const IdCheck c = checkNationalId("7501020017", IdScheme::Egn);
  EXPECT_TRUE(c.formOk);
  EXPECT_FALSE(c.valid());
  EXPECT_NE(c.reason.find("check digit"), std::string::npos);
}

TEST(EgnScheme, rejectsDateThatDoesNotExist) {
  const std::string body = "750230001";  // 30 February
  EXPECT_FALSE(checkNationalId(body + egnCheckDigit(body), IdScheme::Egn).valid());
}

TEST(EgnScheme, rejectsWrongLengthAndLetters) {
  EXPECT_FALSE(checkNationalId("750102001", IdScheme::Egn).formOk);
  EXPECT_FALSE(checkNationalId("75010200A8", IdScheme::Egn).formOk);
}

// 010199071000?: 0*7 + 1*6 + 0*5 + 1*4 + 9*3 + 9*2 + 0*7 + 7*6 + 1*5 + 0 + 0 + 0 = 102;
// 102 mod 11 = 3; m = 11 - 3 = 8.
TEST(JmbgScheme, acceptsNumberWithPublishedCheckDigit) {
  const IdCheck c = checkNationalId("0101990710008", IdScheme::Jmbg);
  EXPECT_TRUE(c.valid()) << c.reason;
  EXPECT_EQ(c.birthDate, (Date{1990, 1, 1}));
  EXPECT_EQ(jmbgCheckDigit("010199071000"), '8');
}

TEST(JmbgScheme, readsYearsBelowEightHundredAsTwoThousands) {
  const std::string body = "150600371000";  // 15.06.(2)003
  const IdCheck c = checkNationalId(body + jmbgCheckDigit(body), IdScheme::Jmbg);
  EXPECT_TRUE(c.valid());
  EXPECT_EQ(c.birthDate, (Date{2003, 6, 15}));
}

TEST(JmbgScheme, countsCheckOfTenOrElevenAsZero) {
  // Search bodies whose m is 10 or 11: their check digit must be 0.
  int found = 0;
  for (int serial = 0; serial < 200 && found < 3; ++serial) {
    char body[16];
    std::snprintf(body, sizeof body, "0101990710%02d", serial % 100);
    int sum = 0;
    const int weights[] = {7, 6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    for (int i = 0; i < 12; ++i) sum += (body[i] - '0') * weights[i];
    if (11 - sum % 11 >= 10) {
      EXPECT_EQ(jmbgCheckDigit(body), '0');
      EXPECT_TRUE(checkNationalId(std::string(body) + "0", IdScheme::Jmbg).valid());
      ++found;
    }
  }
  EXPECT_GT(found, 0);
}

TEST(JmbgScheme, rejectsWrongCheckDigit) { EXPECT_FALSE(checkNationalId("0101990710007", IdScheme::Jmbg).valid()); }

TEST(AlbanianScheme, acceptsLetterDateSerialLetter) {
  const IdCheck c = checkNationalId("I95715775P", IdScheme::Albanian);  // I = 1980s, 9, month 57 = July (woman), 15
  EXPECT_TRUE(c.valid()) << c.reason;
  EXPECT_EQ(c.birthDate, (Date{1989, 7, 15}));
  EXPECT_NE(c.reason.find("check letter"), std::string::npos);  // a note, never a failure
}

TEST(AlbanianScheme, codesTheTwoThousandsWithK) {
  EXPECT_EQ(checkNationalId("K20101123A", IdScheme::Albanian).birthDate, (Date{2002, 1, 1}));
}

TEST(AlbanianScheme, rejectsMonthThatDoesNotExist) {
  EXPECT_FALSE(checkNationalId("I91315775P", IdScheme::Albanian).valid());
  EXPECT_FALSE(checkNationalId("I96315775P", IdScheme::Albanian).valid());
}

TEST(AlbanianScheme, rejectsWrongForm) {
  EXPECT_FALSE(checkNationalId("I9571577P", IdScheme::Albanian).formOk);
  EXPECT_FALSE(checkNationalId("I957157751", IdScheme::Albanian).formOk);
  EXPECT_FALSE(checkNationalId("U95715775P", IdScheme::Albanian).formOk);
}

TEST(KosovoScheme, checksFormOnly) {
  EXPECT_TRUE(checkNationalId("1234567890", IdScheme::Kosovo).valid());
  EXPECT_FALSE(checkNationalId("123456789", IdScheme::Kosovo).valid());
}

TEST(NationalId, takesSchemeFromFormWithoutCountry) {
  EXPECT_EQ(checkNationalId("7501020018", IdScheme::Unknown).scheme, IdScheme::Egn);
  EXPECT_EQ(checkNationalId("0101990710008", IdScheme::Unknown).scheme, IdScheme::Jmbg);
  EXPECT_EQ(checkNationalId("I95715775P", IdScheme::Unknown).scheme, IdScheme::Albanian);
  EXPECT_EQ(checkNationalId("12345", IdScheme::Unknown).scheme, IdScheme::Unknown);
  EXPECT_FALSE(checkNationalId("", IdScheme::Unknown).valid());
}

TEST(NationalId, schemeDecidesOverForm) {
  // Ten digits under XK's scheme are a Kosovo number, not an EGN.
  EXPECT_EQ(checkNationalId("7501020017", IdScheme::Kosovo).scheme, IdScheme::Kosovo);
  EXPECT_TRUE(checkNationalId("7501020017", IdScheme::Kosovo).valid());
}

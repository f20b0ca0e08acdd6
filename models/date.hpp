#pragma once
// A calendar date (proleptic Gregorian), as the contract writes it: YYYY-MM-DD.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace listaudit::models {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  auto operator<=>(const Date&) const = default;

  // Parses exactly YYYY-MM-DD; nullopt for anything else or a date that does not exist.
  static std::optional<Date> parse(std::string_view text);
  // Nullopt when the day does not exist (30 February, month 13).
  static std::optional<Date> make(int year, int month, int day);
  std::string toString() const;
  // Whole years completed on `when` (the birthday itself counts as completed).
  int ageOn(const Date& when) const;
  // The date `days` days later (earlier when negative).
  Date plusDays(int days) const;
};

bool isLeapYear(int year);
int daysInMonth(int year, int month);

}  // namespace listaudit::models

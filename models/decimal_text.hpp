#pragma once
// A number as a person reads it in a report or a CSV: fixed decimals, a dot,
// the same on every machine (no locale).
#include <string>

namespace listaudit::models {

std::string decimal(double value, int places);

}  // namespace listaudit::models

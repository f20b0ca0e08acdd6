#include "models/decimal_text.hpp"

#include <cstdio>

namespace listaudit::models {

std::string decimal(double value, int places) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
  return buffer;
}

}  // namespace listaudit::models

#pragma once
// The middle value of a sample (the upper one of an even count): what the
// layout and the cut take as a line's, a row's or a glyph's typical size,
// where a mean would follow a stamp or a speck. Zero (T{}) for no values.
#include <algorithm>
#include <vector>

namespace listaudit::pipeline {

template <class T>
T median(std::vector<T> values) {
  if (values.empty()) return T{};
  const auto middle = values.begin() + static_cast<long>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace listaudit::pipeline

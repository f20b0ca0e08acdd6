#include "pipeline/page/ruled_layout_finder.hpp"

#include <algorithm>

#include "pipeline/page/table_layout.hpp"

namespace listaudit::pipeline {

PageLayout RuledLayoutFinder::find(const CleanPage& page) const {
  const Ruling& ruling = page.ruling;
  if (ruling.horizontal.size() < 3)
    throw LayoutError("no ruled table found (" + std::to_string(ruling.horizontal.size()) + " horizontal lines)");
  if (ruling.vertical.size() != 6)
    throw LayoutError("the table has " + std::to_string(ruling.vertical.size()) +
                      " vertical lines, the form has 6 (five columns)");
  std::array<int, 6> columnX{};
  std::copy(ruling.vertical.begin(), ruling.vertical.end(), columnX.begin());
  return layOutTable(page, columnX, "");
}

}  // namespace listaudit::pipeline

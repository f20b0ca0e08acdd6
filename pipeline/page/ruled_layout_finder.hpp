#pragma once
// Finds the table by its rulings (found by the clean stage): the six
// vertical lines of the five columns, the horizontal lines of the header and
// the body rows; rows that hold no writing are skipped; the rulings are
// painted out of the image the readers read.
#include "pipeline/page/layout_finder.hpp"

namespace listaudit::pipeline {

class RuledLayoutFinder final : public LayoutFinder {
 public:
  PageLayout find(const CleanPage& page) const override;  // throws LayoutError
};

}  // namespace listaudit::pipeline

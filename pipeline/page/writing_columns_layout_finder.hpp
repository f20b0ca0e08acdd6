#pragma once
// The fallback when the form's column rulings cannot be used (a form printed
// without them, or rulings too faint or broken to find): the table's rows
// come from its row rulings, and its five columns from the writing itself.
// Across the header and every body row, the columns of a form are separated
// by upright strips where nobody wrote (each cell's text keeps clear of its
// neighbour's); the four widest such strips inside the table are the column
// edges, each taken at its middle. Rows laid out this way say so in their
// evidence.
#include "pipeline/page/layout_finder.hpp"

namespace listaudit::pipeline {

class WritingColumnsLayoutFinder final : public LayoutFinder {
 public:
  PageLayout find(const CleanPage& page) const override;  // throws LayoutError
};

}  // namespace listaudit::pipeline

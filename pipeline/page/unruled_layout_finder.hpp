#pragma once
// The last fallback: a table that shows no rulings at all, printed without
// them or copied by a photocopier that lost faint ones. The header is the
// first line of writing that stands in four or more separate pieces across
// half the page (the column labels), with more such lines under it (the
// rows); the title above is prose, its words close together. Two edges are
// set around the header as its rulings would stand, and the writing-columns
// finder lays out the rest: rows from the lines of writing, columns from the
// labels and the clear strips between the cells. Rows laid out this way say
// so in their evidence.
#include "pipeline/page/layout_finder.hpp"

namespace listaudit::pipeline {

class UnruledLayoutFinder final : public LayoutFinder {
 public:
  PageLayout find(const CleanPage& page) const override;  // throws LayoutError
};

}  // namespace listaudit::pipeline

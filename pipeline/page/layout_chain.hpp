#pragma once
// The layout slot as the wiring fills it: the form's rulings first, then the
// writing's columns under ruled rows or a ruled header, then a table with no
// rulings at all. A layout that finds no written row is no success: the next
// finder tries. The error, when all fail, says why each did.
#include "pipeline/page/layout_finder.hpp"

namespace listaudit::pipeline {

class LayoutChain final : public LayoutFinder {
 public:
  PageLayout find(const CleanPage& page) const override;  // throws LayoutError
};

}  // namespace listaudit::pipeline

#pragma once
// The slot for finding the form's table on a clean page: its header, its body
// rows top to bottom, the five columns of contract section 3, the title above
// and the collector line under it. One class per way of finding it.
// Implementations are plain function objects: thread-safe, no state between
// pages.
#include <stdexcept>

#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

// The page holds no table of the contract's form; the message says what was
// found instead, in words for errors.csv.
class LayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class LayoutFinder {
 public:
  virtual ~LayoutFinder() = default;
  // Throws LayoutError when the page holds no usable table.
  virtual PageLayout find(const CleanPage& page) const = 0;
};

}  // namespace listaudit::pipeline

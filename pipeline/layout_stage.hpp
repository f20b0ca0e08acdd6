#pragma once
// Page stage 2: finds the form's ruled table on a clean page: its header, its
// body rows top to bottom, the five columns of contract section 3, the title
// above and the collector line under it. A plain function object,
// thread-safe.
#include <stdexcept>

#include "pipeline/page_types.hpp"

namespace listaudit::pipeline {

// The page holds no table of the contract's form; the message says what was
// found instead, in words for errors.csv.
class LayoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class LayoutStage {
 public:
  PageLayout operator()(const CleanPage& page) const;  // throws LayoutError
};

}  // namespace listaudit::pipeline

#include "pipeline/page/layout_chain.hpp"

#include <string>

#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/unruled_layout_finder.hpp"
#include "pipeline/page/writing_columns_layout_finder.hpp"

namespace listaudit::pipeline {

PageLayout LayoutChain::find(const CleanPage& page) const {
  std::string why;
  try {
    return RuledLayoutFinder{}.find(page);
  } catch (const LayoutError& ruled) {
    why = ruled.what();
  }
  try {
    return WritingColumnsLayoutFinder{}.find(page);
  } catch (const LayoutError& writing) {
    why += std::string("; ") + writing.what();
  }
  try {
    return UnruledLayoutFinder{}.find(page);
  } catch (const LayoutError& unruled) {
    throw LayoutError(why + "; " + unruled.what());
  }
}

}  // namespace listaudit::pipeline

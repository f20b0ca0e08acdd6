#include "pipeline/page/layout_chain.hpp"

#include <string>

#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/unruled_layout_finder.hpp"
#include "pipeline/page/writing_columns_layout_finder.hpp"

namespace listaudit::pipeline {

PageLayout LayoutChain::find(const CleanPage& page) const {
  const RuledLayoutFinder ruled;
  const WritingColumnsLayoutFinder writing;
  const UnruledLayoutFinder unruled;
  const LayoutFinder* finders[] = {&ruled, &writing, &unruled};
  std::string why;
  for (const LayoutFinder* finder : finders) {
    try {
      PageLayout layout = finder->find(page);
      // A table without one written row is no list's page laid out: the
      // table was found where it is not, or its columns are (seed 727's
      // L04-MK page 2, a light copy upside down whose only solid lines were
      // the per-digit boxes, gave no row and no word of it: 10 rows lost).
      // The next finder tries; when none finds a row, the page is an error
      // a person sees, with its image in the report.
      if (!layout.rows.empty()) return layout;
      why += (why.empty() ? "" : "; ") + layout.how + (layout.how.empty() ? "" : ": ") + "no written row found";
    } catch (const LayoutError& e) {
      why += (why.empty() ? "" : "; ") + std::string(e.what());
    }
  }
  throw LayoutError(why);
}

}  // namespace listaudit::pipeline

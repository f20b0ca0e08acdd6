#pragma once
// Page stage 3: reads every body row of a laid-out page: the name (in the
// languages of the list's country), the personal number (in the scheme's
// characters), a confidence for each, whether the signature cell holds ink
// and its shape, and the image of the row for the report; plus the title and
// the collector line. Each cell is read by the registered reader that
// accepts it (readers.hpp). A plain function object: thread-safe as long as
// each thread passes its own Readers.
#include <vector>

#include "models/records.hpp"
#include "pipeline/page/page_types.hpp"
#include "pipeline/page/readers.hpp"

namespace listaudit::pipeline {

struct PageReading {
  models::PageRecord page;
  std::vector<models::RowRecord> rows;
};

class ReadStage {
 public:
  PageReading operator()(const PageImage& image, const CleanPage& clean, const PageLayout& layout,
                         Readers& readers) const;
};

// A row that numbers the form's columns under the header ("1 2 3 4 5"): no
// name of two letters or more, no number of three characters or more.
bool looksLikeColumnNumbers(const models::RowRecord& row);

}  // namespace listaudit::pipeline

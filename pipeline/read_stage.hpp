#pragma once
// Page stage 3: reads every body row of a laid-out page: the name (in the
// languages of the list's country), the personal number (with the scheme's
// alphabet as whitelist), a confidence for each, whether the signature cell
// holds ink, and the image of the row for the report; plus the title and the
// collector line. A plain function object: thread-safe as long as each
// thread passes its own OcrEnginePool.
#include <vector>

#include "models/records.hpp"
#include "pipeline/ocr_engine.hpp"
#include "pipeline/page_types.hpp"

namespace listaudit::pipeline {

struct PageReading {
  models::PageRecord page;
  std::vector<models::RowRecord> rows;
};

class ReadStage {
 public:
  PageReading operator()(const PageImage& image, const CleanPage& clean, const PageLayout& layout,
                         OcrEnginePool& engines) const;
};

// A row that numbers the form's columns under the header ("1 2 3 4 5"): no
// name of two letters or more, no number of three characters or more.
bool looksLikeColumnNumbers(const models::RowRecord& row);

// The country a page's numbers say it is from, for a list whose manifest
// gives none: the scheme most of the readings pass (EGN for BG, Albanian for
// AL, JMBG by its region digits for RS, MK, ME or BA); empty when none pass.
std::string countryOfNumbers(const std::vector<std::string>& readings);

// The characters the number reader may return for a country's scheme: its
// alphabet, and for schemes with letters the glyphs a J or an I is taken for,
// which the resolver maps back by the number's form.
std::string idReadingAlphabet(const std::string& country);
// The personal number as read: letters upper-cased, spaces and characters
// outside idReadingAlphabet dropped.
std::string cleanIdText(const std::string& text, const std::string& country);

}  // namespace listaudit::pipeline

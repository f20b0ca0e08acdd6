#pragma once
// report.html (contract section 8): one self-contained page a reviewer opens.
// Per list its summary, then every flagged row with the image of the row cut
// from the scan, its flags in plain words and the evidence for each; then the
// inputs that could not be read. Images are embedded; no network resource.
// Built from the store alone. Throws std::runtime_error naming the file when
// it cannot be written.
#include <string>

#include "models/store.hpp"
#include "pipeline/report/pseudonyms.hpp"

namespace listaudit::pipeline {

// With `pseudonyms`, the shareable report: no image of a row or page (they
// show names and numbers), names and numbers as pseudonyms, the flags in
// words without their evidence.
void writeHtmlReport(const models::Store& store, const std::string& path, const Pseudonyms* pseudonyms = nullptr);

// Text made safe to stand in HTML content and attribute values.
std::string htmlEscape(const std::string& text);
// Text from the inputs as the report shows it: escaped, and cut to its first
// 200 characters (never inside a UTF-8 sequence) with a note that it was.
std::string shownText(const std::string& text);

}  // namespace listaudit::pipeline

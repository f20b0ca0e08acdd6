#pragma once
// report.html (contract section 8), built from the store alone, with no
// network resource. Per list its summary (valid supporters against the
// number required, rows decided and still to decide, a list with inputs not
// read marked as not wholly checked), its collectors, then every flagged row
// with the image of the row cut from the scan, its flags in plain words, the
// evidence for each and the reviewer's decision; then the inputs that could
// not be read. A small run is one self-contained page; a large one an index
// page and, in the folder beside it (reportFolder), a page per list with its
// images as files, so that a browser opens a run of any size. Throws
// std::runtime_error naming the file when it cannot be written.
#include <string>

#include "models/store.hpp"
#include "pipeline/report/pseudonyms.hpp"

namespace listaudit::pipeline {

// With `pseudonyms`, the shareable report: no image of a row or page (they
// show names and numbers), names and numbers as pseudonyms, the flags in
// words without their evidence.
struct ReportOptions {
  const Pseudonyms* pseudonyms = nullptr;
  int required = 0;              // supporters a list needs; 0 when not asked
  int selfContainedRows = 3000;  // above this many rows, an index and a page per list
  std::string language = "en";   // one of messageLanguages()
};
void writeHtmlReport(const models::Store& store, const std::string& path, const ReportOptions& options = {});
// The folder of a large report's list pages and images, beside the index
// (which, whatever name it is written under, they link back to as report.html).
inline constexpr const char* kReportPages = "report-pages";
std::string reportFolder(const std::string& reportPath);

// Text made safe to stand in HTML content and attribute values.
std::string htmlEscape(const std::string& text);
// Text from the inputs as the report shows it: escaped, and cut to its first
// 200 characters (never inside a UTF-8 sequence) with a note that it was.
std::string shownText(const std::string& text);

}  // namespace listaudit::pipeline

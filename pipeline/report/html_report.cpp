#include "pipeline/report/html_report.hpp"

#include <leptonica/allheaders.h>
#include <unicode/utf8.h>

#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>

#include "models/decimal_text.hpp"
#include "models/flag.hpp"
#include "models/list_tally.hpp"

namespace listaudit::pipeline {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1500px;overflow-wrap:anywhere}
.notice{background:#fff8e1;border:1px solid #e9c46a;padding:.5em 1em;border-radius:4px}
h1{margin-bottom:.2em} .muted{color:#666}
table.summary{border-collapse:collapse;margin:.5em 0 1.5em} .summary td,.summary th{border:1px solid #ccc;padding:.3em .7em;text-align:left}
.row{border:1px solid #ddd;border-left:6px solid #c33;margin:1em 0;padding:.6em 1em;border-radius:4px}
.row.low{border-left-color:#e9a23b} .row img{max-width:100%;border:1px solid #eee;display:block;margin:.4em 0}
.flag{margin:.2em 0} .code{font-family:monospace;background:#f3f3f3;padding:0 .3em}
.evidence{color:#555;font-size:.92em;margin-left:1.5em}
.errors td{vertical-align:top}
)css";

std::string base64(const std::vector<std::uint8_t>& bytes) {
  l_int32 size = 0;
  std::unique_ptr<char, void (*)(void*)> encoded(encodeBase64(bytes.data(), static_cast<l_int32>(bytes.size()), &size),
                                                 [](void* p) { lept_free(p); });
  return encoded ? std::string(encoded.get(), static_cast<std::size_t>(size)) : std::string();
}

// Text from the inputs is as long as a party or a register makes it; the
// report shows at most this many characters of it (the store and the CSVs
// keep it whole).
constexpr int32_t kShownCharacters = 200;

}  // namespace

std::string shownText(const std::string& text) {
  if (text.size() <= static_cast<std::size_t>(kShownCharacters)) return htmlEscape(text);
  int32_t end = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
  U8_FWD_N(bytes, end, static_cast<int32_t>(text.size()), kShownCharacters);
  if (static_cast<std::size_t>(end) >= text.size()) return htmlEscape(text);
  return htmlEscape(text.substr(0, static_cast<std::size_t>(end))) + "&hellip; <span class=\"muted\">(shortened; " +
         std::to_string(text.size()) + " bytes in the CSV)</span>";
}

std::string htmlEscape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

void writeSummary(std::ostream& out, const models::ListEntry& list, int pages, const models::ListTally& c) {
  std::string flagCounts;
  for (const auto& [flag, n] : c.perFlag)
    flagCounts += (flagCounts.empty() ? "" : ", ") + std::string(models::flagCode(flag)) + " " + std::to_string(n);
  out << "<h2 id=\"" << htmlEscape(list.listId) << "\">List " << shownText(list.listId) << "</h2>\n"
      << "<table class=\"summary\"><tr><th>Party</th><td>" << shownText(list.party) << "</td></tr>"
      << "<tr><th>Election</th><td>" << (list.electionDate ? list.electionDate->toString() : "") << "</td></tr>"
      << "<tr><th>Submitted</th><td>" << (list.submittedOn ? list.submittedOn->toString() : "") << "</td></tr>"
      << "<tr><th>Pages</th><td>" << pages << "</td></tr>"
      << "<tr><th>Rows read</th><td>" << c.rows << "</td></tr>"
      << "<tr><th>Rows flagged</th><td>" << c.flagged << (flagCounts.empty() ? "" : " (" + flagCounts + ")")
      << "</td></tr>"
      << "<tr><th>Valid supporters</th><td>" << c.valid
      << " (no flag, or only MULTI_PARTY on the list filed first)</td></tr></table>\n";
  if (c.flagged == 0) out << "<p>No row of this list is flagged.</p>\n";
}

void writeFlaggedRow(std::ostream& out, const models::RowRecord& r, const models::JudgedRow& j,
                     const std::vector<std::uint8_t>& image, const Pseudonyms* pseudonyms) {
  out << "<div class=\"row" << (j.risk < 0.5 ? " low" : "") << "\"><strong>Page " << r.page << ", row " << r.row
      << "</strong> &middot; risk " << models::decimal(j.risk, 2)
      << "<br>Name as read: " << shownText(pseudonyms ? pseudonyms->name(r.fullName) : r.fullName)
      << " &middot; Number: <span class=\"code\">"
      << shownText(pseudonyms ? pseudonyms->number(j.nationalId) : j.nationalId) << "</span>\n";
  if (!image.empty())
    out << "<img alt=\"Page " << r.page << ", row " << r.row << " as scanned\" src=\"data:image/png;base64,"
        << base64(image) << "\">\n";
  for (const auto& f : j.findings) {
    out << "<div class=\"flag\"><span class=\"code\">" << models::flagCode(f.flag) << "</span> "
        << htmlEscape(std::string(models::flagWords(f.flag)));
    if (!pseudonyms)
      out << "<div class=\"evidence\">Evidence: " << shownText(f.evidence) << " (adds " << models::decimal(f.weight, 1)
          << " to the log-odds)</div>";
    out << "</div>\n";
  }
  out << "</div>\n";
}

void writeErrors(std::ostream& out, const models::Store& store, const std::vector<models::InputError>& errors,
                 bool withImages) {
  out << "<h2>Inputs that could not be read</h2>\n";
  if (errors.empty()) {
    out << "<p>None: every input was read.</p>\n";
    return;
  }
  out << "<table class=\"summary errors\"><tr><th>Input</th><th>Page</th><th>Why</th></tr>\n";
  for (const auto& e : errors)
    out << "<tr><td>" << shownText(e.input) << "</td><td>" << (e.page > 0 ? std::to_string(e.page) : "") << "</td><td>"
        << shownText(e.message) << "</td></tr>\n";
  out << "</table>\n";
  // Pages whose table was not found, for a person to read.
  for (const auto& e : errors) {
    if (!withImages) break;
    if (e.page <= 0) continue;
    const auto image = store.unreadPage(e.input, e.page);
    if (image.empty()) continue;
    out << "<div class=\"row\"><strong>" << shownText(e.input) << ", page " << e.page
        << "</strong>: no row could be found on this page; a person must read it.<img alt=\"Page " << e.page
        << " as scanned\" src=\"data:image/png;base64," << base64(image) << "\"></div>\n";
  }
}

}  // namespace

void writeHtmlReport(const models::Store& store, const std::string& path, const Pseudonyms* pseudonyms) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(path + ": cannot be written");
  const auto lists = store.lists();
  const auto rows = store.rows();
  const auto judged = store.judgements();
  const auto errors = store.errors();

  std::map<std::string, models::ListTally> perList = models::tallyLists(judged);
  int flaggedTotal = 0;
  for (const auto& [id, tally] : perList) flaggedTotal += tally.flagged;

  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>listaudit report</title><style>"
      << kStyle << "</style></head><body>\n<h1>listaudit report</h1>\n<p class=\"muted\">" << lists.size() << " lists, "
      << rows.size() << " rows read, " << flaggedTotal << " rows flagged, " << errors.size()
      << " inputs could not be read. Each flagged row shows the image cut from the scan, every flag in words and "
         "the evidence behind it. Risk is the estimated chance that the row was entered without the person's "
         "consent.</p>\n"
      << "<p class=\"notice\"><strong>A flag is evidence for a person to decide on, never a decision.</strong> "
         "Before a row is refused or anyone is told that their name was used without consent, a reviewer looks "
         "at the row's image and the register lines the evidence names. A row whose reading is in doubt is "
         "UNREADABLE: it accuses no one and must be read by a person.</p>\n";
  if (pseudonyms)
    out << "<p class=\"notice\">Shareable copy: names and personal numbers are keyed pseudonyms, and row images "
           "and evidence are left out. The run's owner holds the key and the full report.</p>\n";
  for (const auto& list : lists) {
    writeSummary(out, list, store.pageCount(list.listId), perList[list.listId]);
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (rows[i].listId == list.listId && !judged[i].findings.empty())
        writeFlaggedRow(
            out, rows[i], judged[i],
            pseudonyms ? std::vector<std::uint8_t>() : store.rowImage(rows[i].listId, rows[i].page, rows[i].row),
            pseudonyms);
  }
  writeErrors(out, store, errors, pseudonyms == nullptr);
  out << "</body></html>\n";
  out.flush();
  if (!out) throw std::runtime_error(path + ": write failed");
}

}  // namespace listaudit::pipeline

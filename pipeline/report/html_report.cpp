#include "pipeline/report/html_report.hpp"

#include <leptonica/allheaders.h>
#include <unicode/utf8.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <stdexcept>

#include "models/decimal_text.hpp"
#include "models/flag.hpp"
#include "models/list_tally.hpp"
#include "models/name_text.hpp"
#include "pipeline/report/messages.hpp"
#include "pipeline/report/svg_charts.hpp"

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
.ok{color:#1a7f37;font-weight:bold} .short{color:#c33;font-weight:bold}
.decision{margin-top:.4em;padding:.2em .5em;background:#eef6ee;border-radius:3px}
.charts{display:flex;gap:2em;flex-wrap:wrap;align-items:flex-start} figure{margin:.3em 0} figcaption{font-size:.85em;color:#555}
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

// Where the report puts a row's image: inside the page (a small run), or as
// a file beside it that the page links (a run too large for one page).
class ImagePlacer {
 public:
  ImagePlacer() = default;  // embedded
  // Files `fileStart` + name in `folder`, linked as `linkStart` + that.
  ImagePlacer(std::filesystem::path folder, std::string linkStart, std::string fileStart = {})
      : folder_(std::move(folder)), prefix_(std::move(linkStart)), fileStart_(std::move(fileStart)) {}
  // The src of an <img> for `png`; `name` names the file when one is written.
  std::string place(const std::vector<std::uint8_t>& png, std::string name) const {
    if (folder_.empty()) return "data:image/png;base64," + base64(png);
    name = fileStart_ + name;
    std::ofstream file(folder_ / name, std::ios::binary | std::ios::trunc);
    file.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!file) throw std::runtime_error((folder_ / name).string() + ": cannot be written");
    return prefix_ + htmlEscape(name);
  }

 private:
  std::filesystem::path folder_;
  std::string prefix_, fileStart_;
};

// A file name safe on every file system, for a list id that may hold anything.
std::string safeFileName(const std::string& text) {
  std::string out;
  for (unsigned char c : text) out += std::isalnum(c) || c == '-' || c == '_' ? static_cast<char>(c) : '_';
  return out.substr(0, 60);
}

// What the report knows of the run beyond rows and judgements.
struct RunView {
  std::map<models::RowKey, models::Decision> decided;
  std::map<std::pair<std::string, int>, std::string> collectorOfPage;  // (list, page) -> collector as read
  std::map<std::string, int> errorsOfList;                             // inputs of the list not read
  std::map<std::pair<std::string, std::string>, models::CollectorTally> collectors;  // by (list, collector)
  int required = 0;
};

void writeSummary(std::ostream& out, const models::ListEntry& list, int pages, const models::ListTally& c,
                  const RunView& view, const Messages& m) {
  std::string flagCounts;
  for (const auto& [flag, n] : c.perFlag)
    flagCounts += (flagCounts.empty() ? "" : ", ") + std::string(models::flagCode(flag)) + " " + std::to_string(n);
  const int unread = view.errorsOfList.count(list.listId) ? view.errorsOfList.at(list.listId) : 0;
  auto n = [](int v) { return static_cast<std::int64_t>(v); };
  auto date = [&](const std::optional<models::Date>& d) { return d ? m.date(*d) : std::string(); };
  out << "<h2 id=\"" << htmlEscape(list.listId) << "\">" << shownText(m.text("report_list", {{"list", list.listId}}))
      << "</h2>\n"
      << "<table class=\"summary\"><tr><th>" << m.text("party") << "</th><td>" << shownText(list.party) << "</td></tr>"
      << "<tr><th>" << m.text("election_date") << "</th><td>" << date(list.electionDate) << "</td></tr>"
      << "<tr><th>" << m.text("submitted_on") << "</th><td>" << date(list.submittedOn) << "</td></tr>"
      << "<tr><th>" << m.text("report_pages") << "</th><td>" << pages << "</td></tr>"
      << "<tr><th>" << m.text("report_rows_read") << "</th><td>" << c.rows << "</td></tr>"
      << "<tr><th>" << m.text("report_rows_flagged") << "</th><td>" << c.flagged
      << (flagCounts.empty() ? "" : " (" + flagCounts + ")") << "</td></tr>"
      << "<tr><th>" << m.text("valid_supporters") << "</th><td>" << c.valid << " ";
  if (view.required > 0)
    out << htmlEscape(m.text("report_of_required", {{"required", n(view.required)}})) << " "
        << (c.valid >= view.required
                ? "<span class=\"ok\">" + htmlEscape(m.text("report_reaches")) + "</span>"
                : "<span class=\"short\">" +
                      htmlEscape(m.text("report_short_by", {{"n", n(view.required - c.valid)}})) + "</span>")
        << " ";
  out << htmlEscape(m.text("report_valid_note")) << "</td></tr>"
      << "<tr><th>" << m.text("report_decided") << "</th><td>"
      << htmlEscape(m.text("report_decided_counts", {{"decided", n(c.decided)}, {"todecide", n(c.toDecide)}}))
      << "</td></tr></table>\n";
  // The pictures: the count against the requirement, and rows per flag.
  out << "<div class=\"charts\"><figure>" << valueAgainstRequiredSvg(c.valid, view.required, m.text("chart_valid"))
      << "<figcaption>" << htmlEscape(m.text("chart_valid")) << "</figcaption></figure>";
  if (!c.perFlag.empty()) {
    std::vector<std::pair<std::string, double>> perFlag;
    for (const auto& [flag, count] : c.perFlag) perFlag.emplace_back(std::string(models::flagCode(flag)), count);
    out << "<figure>" << barsSvg(perFlag, m.text("chart_flags")) << "<figcaption>" << htmlEscape(m.text("chart_flags"))
        << "</figcaption></figure>";
  }
  out << "</div>\n";
  if (unread > 0)
    out << "<p class=\"notice\">" << htmlEscape(m.text("report_not_checked", {{"n", n(unread)}})) << "</p>\n";
  else if (c.flagged == 0)
    out << "<p>" << htmlEscape(m.text("report_no_flag")) << "</p>\n";
}

// Per collector (the line under each page's table), so that invented
// entries clustering by collector stand out: the table, then the list's rows
// by risk (five bands) and each collector's share of flagged rows, drawn.
void writeCollectorsAndCharts(std::ostream& out, const std::string& listId, const models::ListTally& tally,
                              const RunView& view, const Pseudonyms* pseudonyms, const Messages& m) {
  using models::Flag;
  std::vector<std::pair<std::string, double>> shares;
  const auto first = view.collectors.lower_bound({listId, std::string()});
  if (first != view.collectors.end() && first->first.first == listId) {
    out << "<table class=\"summary\"><tr><th>" << m.text("collector_header") << "</th><th>" << m.text("collector_rows")
        << "</th><th>" << m.text("collector_flagged") << "</th><th>" << m.text("collector_no_consent") << "</th><th>"
        << m.text("collector_repeated") << "</th></tr>\n";
    for (auto it = first; it != view.collectors.end() && it->first.first == listId; ++it) {
      const std::string& collector = it->first.second;
      const models::CollectorTally& c = it->second;
      const std::string who = collector.empty() ? m.text("collector_not_read")
                              : pseudonyms      ? pseudonyms->name(collector)
                                                : collector;
      const int noConsent = c.count(Flag::NoConsent);
      out << "<tr><td>" << shownText(who) << "</td><td>" << c.rows << "</td><td>" << c.flagged << "</td><td>"
          << noConsent << " (" << models::decimal(c.rows ? 100.0 * noConsent / c.rows : 0, 0) << "%)</td><td>"
          << c.count(Flag::SignatureRepeated) << "</td></tr>\n";
      shares.emplace_back(who, c.rows ? static_cast<double>(c.flagged) / c.rows : 0.0);
    }
    out << "</table>\n";
  }
  std::vector<std::pair<std::string, double>> bands;
  for (std::size_t b = 0; b < tally.riskBands.size(); ++b)
    bands.emplace_back(std::to_string(b * 20) + "–" + std::to_string(b * 20 + 20) + "%", tally.riskBands[b]);
  out << "<div class=\"charts\"><figure>" << barsSvg(bands, m.text("chart_risk")) << "<figcaption>"
      << htmlEscape(m.text("chart_risk")) << "</figcaption></figure><figure>"
      << barsSvg(shares, m.text("chart_collectors"), true) << "<figcaption>" << htmlEscape(m.text("chart_collectors"))
      << "</figcaption></figure></div>\n";
}

void writeFlaggedRow(std::ostream& out, const models::RowRecord& r, const models::JudgedRow& j,
                     const std::vector<std::uint8_t>& image, const Pseudonyms* pseudonyms, const RunView& view,
                     const ImagePlacer& images, const Messages& m) {
  out << "<div class=\"row" << (j.risk < 0.5 ? " low" : "") << "\"><strong>Page " << r.page << ", row " << r.row
      << "</strong> &middot; " << m.text("row_risk") << " " << models::decimal(j.risk, 2) << "<br>"
      << m.text("row_name_as_read") << ": " << shownText(pseudonyms ? pseudonyms->name(r.fullName) : r.fullName)
      << " &middot; Number: <span class=\"code\">"
      << shownText(pseudonyms ? pseudonyms->number(j.nationalId) : j.nationalId) << "</span>\n";
  if (!image.empty())
    out << "<img alt=\"Page " << r.page << ", row " << r.row << " as scanned\" loading=\"lazy\" src=\""
        << images.place(image, std::to_string(r.page) + "-" + std::to_string(r.row) + ".png") << "\">\n";
  for (const auto& f : j.findings) {
    out << "<div class=\"flag\"><span class=\"code\">" << models::flagCode(f.flag) << "</span> "
        << htmlEscape(m.text(("flag_" + std::string(models::flagCode(f.flag))).c_str()));
    if (!pseudonyms)
      out << "<div class=\"evidence\">Evidence: " << shownText(f.evidence) << " (adds " << models::decimal(f.weight, 1)
          << " to the log-odds)</div>";
    out << "</div>\n";
  }
  if (auto it = view.decided.find({r.listId, r.page, r.row}); it != view.decided.end() && !pseudonyms) {
    const models::Decision& d = it->second;
    const std::string what = m.text(d.kind == models::Decision::Kind::Accept   ? "report_accepted_by"
                                    : d.kind == models::Decision::Kind::Reject ? "report_rejected_by"
                                                                               : "report_corrected_by",
                                    {{"reviewer", d.reviewer}, {"date", d.decidedAt}});
    out << "<div class=\"decision\">" << shownText(what);
    if (d.kind == models::Decision::Kind::Correct)
      out << " to " << shownText(d.fullName) << ", <span class=\"code\">" << shownText(d.nationalId) << "</span>";
    if (!d.note.empty()) out << ": " << shownText(d.note);
    out << "</div>\n";
  }
  out << "</div>\n";
}

void writeErrors(std::ostream& out, const models::Store& store, const std::vector<models::InputError>& errors,
                 bool withImages, const ImagePlacer& images, const Messages& m) {
  out << "<h2>" << m.text("errors_title") << "</h2>\n";
  if (errors.empty()) {
    out << "<p>" << m.text("errors_none") << "</p>\n";
    return;
  }
  out << "<table class=\"summary errors\"><tr><th>Input</th><th>Page</th><th>Why</th></tr>\n";
  for (const auto& e : errors)
    out << "<tr><td>" << shownText(e.input) << "</td><td>" << (e.page > 0 ? std::to_string(e.page) : "") << "</td><td>"
        << shownText(e.message) << "</td></tr>\n";
  out << "</table>\n";
  // Pages whose table was not found, for a person to read.
  int n = 0;
  for (const auto& e : errors) {
    if (!withImages) break;
    if (e.page <= 0) continue;
    const auto image = store.unreadPage(e.input, e.page);
    if (image.empty()) continue;
    out << "<div class=\"row\"><strong>" << shownText(e.input) << ", page " << e.page
        << "</strong>: no row could be found on this page; a person must read it.<img alt=\"Page " << e.page
        << " as scanned\" loading=\"lazy\" src=\"" << images.place(image, "unread-" + std::to_string(++n) + ".png")
        << "\"></div>\n";
  }
}

void writeHead(std::ostream& out, const std::string& title, const std::string& language) {
  out << "<!DOCTYPE html>\n<html lang=\"" << language << "\"><head><meta charset=\"utf-8\"><title>" << htmlEscape(title)
      << "</title><style>" << kStyle << "</style></head><body>\n";
}

void writeIntro(std::ostream& out, std::size_t lists, std::size_t rows, int flagged, std::size_t errors,
                const Pseudonyms* pseudonyms, const Messages& m) {
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  out << "<h1>" << htmlEscape(m.text("report_title")) << "</h1>\n<p class=\"muted\">"
      << htmlEscape(m.text("report_intro", {{"lists", n(lists)},
                                            {"rows", n(rows)},
                                            {"flagged", n(static_cast<std::size_t>(flagged))},
                                            {"errors", n(errors)}}))
      << "</p>\n<p class=\"notice\">" << htmlEscape(m.text("report_notice")) << "</p>\n";
  if (pseudonyms)
    out << "<p class=\"notice\">Shareable copy: names and personal numbers are keyed pseudonyms, and row images "
           "and evidence are left out. The run's owner holds the key and the full report.</p>\n";
}

// How the check was made: the version, the manifest and each register by
// SHA-256, and the registers not given, whose checks were not made. No
// date: a resumed or merged run must write the same bytes as one whole run
// (contract sections 8 and 11); the protocol and the store carry the date.
void writeProvenance(std::ostream& out, const models::Store& store, const Messages& m) {
  if (store.runValue("tool").empty()) return;  // a store made without a run (a test's)
  std::string registers;
  for (const char* which : {"population", "consent", "complaints"}) {
    const std::string name = m.text(("register_" + std::string(which)).c_str());
    const std::string sha = store.runValue(std::string(which) + "_sha256");
    registers += (registers.empty() ? "" : "; ") +
                 (sha.empty() ? m.text("report_register_missing", {{"name", name}})
                              : m.text("report_register_given", {{"name", name}, {"sha", sha}}));
  }
  out << "<p class=\"muted provenance\">"
      << htmlEscape(m.text("report_provenance", {{"tool", store.runValue("tool")},
                                                 {"manifest", store.runValue("manifest_sha256")},
                                                 {"registers", registers}}))
      << "</p>\n";
}

void finish(std::ofstream& out, const std::string& path) {
  out << "</body></html>\n";
  out.flush();
  if (!out) throw std::runtime_error(path + ": write failed");
}

std::ofstream openPage(const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw std::runtime_error(path + ": cannot be written");
  return out;
}

}  // namespace

std::string reportFolder(const std::string& reportPath) {
  return (std::filesystem::path(reportPath).parent_path() / kReportPages).string();
}

void writeHtmlReport(const models::Store& store, const std::string& path, const ReportOptions& options) {
  const Pseudonyms* pseudonyms = options.pseudonyms;
  const Messages messages(options.language);
  const auto lists = store.lists();
  const auto rows = store.rows();
  const auto judged = store.judgements();
  const auto errors = store.errors();

  RunView view;
  view.required = options.required;
  if (!pseudonyms) view.decided = models::decisionsInForce(store.decisions());
  for (const auto& list : lists)
    for (const models::PageRecord& page : store.pages(list.listId))
      view.collectorOfPage[{list.listId, page.page}] = models::collectorName(page.collector);
  for (const auto& e : errors)
    if (!e.listId.empty()) ++view.errorsOfList[e.listId];

  std::map<std::string, models::ListTally> perList = models::tallyLists(judged);
  int flaggedTotal = 0;
  for (const auto& [id, tally] : perList) flaggedTotal += tally.flagged;
  auto rowImage = [&](const models::RowRecord& r) {
    return pseudonyms ? std::vector<std::uint8_t>() : store.rowImage(r.listId, r.page, r.row);
  };
  view.collectors = models::tallyCollectors(judged, view.collectorOfPage);
  // Each list's flagged rows, found in one pass rather than one per list.
  std::map<std::string, std::vector<std::size_t>> flaggedOfList;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!judged[i].findings.empty()) flaggedOfList[rows[i].listId].push_back(i);
  auto writeList = [&](std::ostream& out, const models::ListEntry& list, const ImagePlacer& images) {
    writeSummary(out, list, store.pageCount(list.listId), perList[list.listId], view, messages);
    writeCollectorsAndCharts(out, list.listId, perList[list.listId], view, pseudonyms, messages);
    for (std::size_t i : flaggedOfList[list.listId])
      writeFlaggedRow(out, rows[i], judged[i], rowImage(rows[i]), pseudonyms, view, images, messages);
  };

  std::ofstream out = openPage(path);
  writeHead(out, messages.text("report_title"), messages.language());
  writeIntro(out, lists.size(), rows.size(), flaggedTotal, errors.size(), pseudonyms, messages);
  writeProvenance(out, store, messages);
  if (static_cast<int>(rows.size()) <= options.selfContainedRows) {
    const ImagePlacer embedded;
    for (const auto& list : lists) writeList(out, list, embedded);
    writeErrors(out, store, errors, pseudonyms == nullptr, embedded, messages);
    finish(out, path);
    return;
  }
  // A large run: this page is the index, each list a page of its own in the
  // folder beside it, with its images as files there.
  const std::filesystem::path folder = reportFolder(path);
  std::filesystem::remove_all(folder);  // no image of a row no longer flagged stays
  std::filesystem::create_directories(folder);
  const std::string folderName = folder.filename().string();
  out << "<table class=\"summary\"><tr><th>List</th><th>Party</th><th>Pages</th><th>Rows</th><th>Flagged</th>"
         "<th>Valid</th><th>Still to decide</th><th>Inputs not read</th></tr>\n";
  for (std::size_t n = 0; n < lists.size(); ++n) {
    const models::ListEntry& list = lists[n];
    const models::ListTally& c = perList[list.listId];
    // Numbered, so that two ids made alike by the safe name stay apart.
    const std::string stem = std::to_string(n + 1) + "-" + safeFileName(list.listId);
    const std::string page = stem + ".html";
    const int unread = view.errorsOfList.count(list.listId) ? view.errorsOfList.at(list.listId) : 0;
    out << "<tr><td><a href=\"" << htmlEscape(folderName + "/" + page) << "\">" << shownText(list.listId)
        << "</a></td><td>" << shownText(list.party) << "</td><td>" << store.pageCount(list.listId) << "</td><td>"
        << c.rows << "</td><td>" << c.flagged << "</td><td>" << c.valid;
    if (view.required > 0)
      out << (c.valid >= view.required ? " <span class=\"ok\">reaches " : " <span class=\"short\">short of ")
          << view.required << "</span>";
    out << "</td><td>" << c.toDecide << "</td><td>" << (unread ? "<span class=\"short\">" : "<span>") << unread
        << (unread ? " (not wholly checked)" : "") << "</span></td></tr>\n";
    std::ofstream listPage = openPage((folder / page).string());
    writeHead(listPage, messages.text("report_title") + ": " + list.listId, messages.language());
    listPage << "<p><a href=\"../report.html\">&larr; all lists</a></p>\n";
    writeList(listPage, list, ImagePlacer(folder, "", stem + "-"));
    finish(listPage, (folder / page).string());
  }
  out << "</table>\n";
  writeErrors(out, store, errors, pseudonyms == nullptr, ImagePlacer(folder, folderName + "/"), messages);
  finish(out, path);
}

}  // namespace listaudit::pipeline

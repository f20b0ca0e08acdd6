#include "pipeline/report/protocol.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
#include <memory>
#include <stdexcept>

#include "models/list_tally.hpp"

namespace listaudit::pipeline {
namespace {

// A4 in points, and the margins.
constexpr double kWidth = 595.28, kHeight = 841.89, kMargin = 56, kFooter = 28;

// Text laid out down the pages, each block moved to a new page when it does
// not fit. Run twice: once to count the pages, once to draw them with the
// count in each footer.
class PageFlow {
 public:
  PageFlow(cairo_t* cr, bool draw, int pages, const Messages& messages)
      : cr_(cr), draw_(draw), pages_(pages), messages_(messages) {}

  void title(const std::string& text) { block(text, 15, true, 0, 10); }
  void heading(const std::string& text) { block(text, 11.5, true, 10, 4); }
  void paragraph(const std::string& text) { block(text, 9.5, false, 0, 4); }
  void field(const std::string& name, const std::string& value) {
    block("<b>" + escaped(name) + ":</b> " + escaped(value), 9.5, false, 0, 2, true);
  }
  void line(const std::string& text) { block(text, 9, false, 0, 1); }
  void signatureLine(const std::string& role) {
    need(34);
    y_ += 26;
    if (draw_) {
      cairo_set_line_width(cr_, 0.6);
      cairo_move_to(cr_, kMargin + 120, y_);
      cairo_line_to(cr_, kMargin + 360, y_);
      cairo_stroke(cr_);
    }
    block(role, 9, false, 0, 0, false, kMargin);
  }
  int finish() {
    footer();
    return page_;
  }

 private:
  static std::string escaped(const std::string& text) {
    gchar* e = g_markup_escape_text(text.c_str(), -1);
    std::string out(e);
    g_free(e);
    return out;
  }
  // A new page when `height` more points do not fit on this one.
  void need(double height) {
    if (y_ + height <= kHeight - kMargin - kFooter) return;
    footer();
    if (draw_) cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
  }
  void footer() {
    if (!draw_) return;
    // A layout of its own: the block that asked for the new page keeps its.
    auto layout = layoutOf(messages_.text("page_of", {{"page", static_cast<std::int64_t>(page_)},
                                                      {"pages", static_cast<std::int64_t>(pages_)}}),
                           8, false, false);
    cairo_move_to(cr_, kMargin, kHeight - kMargin);
    pango_cairo_show_layout(cr_, layout.get());
  }
  struct Unref {
    void operator()(PangoLayout* l) const { g_object_unref(l); }
  };
  using LayoutPtr = std::unique_ptr<PangoLayout, Unref>;
  void layoutText(const std::string& text, double size, bool bold, bool markup) {
    layout_ = layoutOf(text, size, bold, markup);
  }
  LayoutPtr layoutOf(const std::string& text, double size, bool bold, bool markup) {
    LayoutPtr layout(pango_cairo_create_layout(cr_));
    PangoFontDescription* font = pango_font_description_from_string("DejaVu Sans");
    pango_font_description_set_size(font, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(font, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout.get(), font);
    pango_font_description_free(font);
    pango_layout_set_width(layout.get(), static_cast<int>((kWidth - 2 * kMargin) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    if (markup)
      pango_layout_set_markup(layout.get(), text.c_str(), -1);
    else
      pango_layout_set_text(layout.get(), text.c_str(), -1);
    return layout;
  }
  void block(const std::string& text, double size, bool bold, double before, double after, bool markup = false,
             double x = kMargin) {
    layoutText(text, size, bold, markup);
    int w = 0, h = 0;
    pango_layout_get_size(layout_.get(), &w, &h);
    const double height = static_cast<double>(h) / PANGO_SCALE;
    need(before + height);
    y_ += before;
    if (draw_) {
      cairo_move_to(cr_, x, y_);
      pango_cairo_show_layout(cr_, layout_.get());
    }
    y_ += height + after;
  }

  cairo_t* cr_;
  bool draw_;
  int pages_;
  const Messages& messages_;
  LayoutPtr layout_;
  double y_ = kMargin;
  int page_ = 1;
};

// The first reason a commission counts for a row not accepted.
std::string reasonKey(const models::JudgedRow& row) {
  for (models::Flag flag : commissionReasonOrder())
    for (const auto& f : row.findings)
      if (f.flag == flag && !(flag == models::Flag::MultiParty && row.firstFiler))
        return "reason_" + std::string(models::flagCode(flag));
  return "reason_REJECTED";
}

std::string dateText(const std::optional<models::Date>& date, const Messages& m) {
  return date ? m.date(*date) : std::string("-");
}

// Everything the protocol says, in order: written once to count the pages,
// once to draw them.
void writeContent(PageFlow& flow, const models::Store& store, const models::ListEntry& list, const Messages& m) {
  const auto judged = store.judgements();
  std::vector<models::JudgedRow> mine;
  for (const auto& j : judged)
    if (j.listId == list.listId) mine.push_back(j);
  const models::ListTally tally = models::tallyLists(mine)[list.listId];
  const int required = std::atoi(store.runValue("required").c_str());
  int unread = 0;
  for (const auto& e : store.errors())
    if (e.listId == list.listId) ++unread;
  auto n = [](int v) { return static_cast<std::int64_t>(v); };

  flow.title(m.text("protocol_title"));
  flow.paragraph(m.text("protocol_intro"));
  flow.field(m.text("list"), list.listId);
  flow.field(m.text("party"), list.party);
  flow.field(m.text("election_date"), dateText(list.electionDate, m));
  flow.field(m.text("submitted_on"), dateText(list.submittedOn, m));
  flow.field(m.text("pages_checked"), m.number(store.pageCount(list.listId)));
  flow.field(m.text("rows_checked"), m.number(tally.rows));
  flow.field(m.text("valid_supporters"), m.number(tally.valid));
  if (required > 0) {
    flow.field(m.text("required_supporters"), m.number(required));
    flow.paragraph(tally.valid >= required ? m.text("verdict_reaches")
                                           : m.text("verdict_short", {{"n", n(required - tally.valid)}}));
  } else {
    flow.paragraph(m.text("verdict_none"));
  }
  if (unread > 0) flow.paragraph(m.text("not_wholly_checked", {{"n", n(unread)}}));

  // Rows not accepted, by their first reason in the commission's order.
  std::map<std::string, int> perReason;
  std::vector<const models::JudgedRow*> refused;
  for (const auto& j : mine)
    if (!models::acceptedRow(j)) {
      ++perReason[reasonKey(j)];
      refused.push_back(&j);
    }
  flow.heading(m.text("reasons_title"));
  flow.paragraph(m.text("reasons_note"));
  std::vector<std::string> keys;
  for (models::Flag f : commissionReasonOrder()) keys.push_back("reason_" + std::string(models::flagCode(f)));
  keys.push_back("reason_REJECTED");
  for (const std::string& key : keys)
    if (perReason.count(key)) flow.field(m.text(key.c_str()), m.number(perReason[key]));
  flow.field(m.text("reasons_total"), m.number(static_cast<std::int64_t>(refused.size())));

  flow.heading(m.text("decisions_title"));
  int decisions = 0;
  for (const models::Decision& d : store.decisions()) {
    if (d.listId != list.listId) continue;
    ++decisions;
    const std::string word = d.kind == models::Decision::Kind::Accept   ? m.text("decision_accept")
                             : d.kind == models::Decision::Kind::Reject ? m.text("decision_reject")
                                                                        : m.text("decision_correct");
    flow.line(m.text("decision_line", {{"page", n(d.page)},
                                       {"row", n(d.row)},
                                       {"decision", word},
                                       {"reviewer", d.reviewer},
                                       {"date", d.decidedAt},
                                       {"note", d.note.empty() ? std::string() : ": " + d.note}}));
  }
  if (decisions == 0) flow.paragraph(m.text("decisions_none"));

  flow.heading(m.text("sample_title"));
  if (const auto sample = store.sample(list.listId)) {
    const models::SampleTally s = models::tallySample(mine, list.listId, sample->rows, required);
    const auto& p = s.projection;
    flow.paragraph(m.text("sample_drawn", {{"size", n(p.sampled)},
                                           {"rows", n(p.rows)},
                                           {"seed", std::to_string(sample->seed)},
                                           {"decided", n(s.decided)},
                                           {"valid", n(p.validInSample)}}));
    flow.paragraph(m.text("sample_projection", {{"projected", p.projected}, {"low", n(p.low)}, {"high", n(p.high)}}));
    if (p.verdict == models::Projection::Verdict::Qualifies) flow.paragraph(m.text("sample_qualifies"));
    if (p.verdict == models::Projection::Verdict::Fails) flow.paragraph(m.text("sample_fails"));
    if (p.verdict == models::Projection::Verdict::FullCheck) flow.paragraph(m.text("sample_full_check"));
    if (s.decided < p.sampled) flow.paragraph(m.text("sample_provisional"));
  } else {
    flow.paragraph(m.text("sample_none"));
  }

  flow.heading(m.text("provenance_title"));
  flow.field(m.text("run_at"), store.runValue("run_at"));
  flow.field(m.text("tool_version"), store.runValue("tool"));
  flow.field(m.text("manifest"), store.runValue("manifest_sha256"));
  for (const char* which : {"population", "consent", "complaints"}) {
    const std::string path = store.runValue(which);
    const std::string label = m.text(("register_" + std::string(which)).c_str());
    // One block, so that a page never parts a register from its hash.
    flow.field(label, path.empty() ? m.text("register_not_given")
                                   : path + "\nSHA-256 " + store.runValue(std::string(which) + "_sha256"));
  }

  flow.heading(m.text("rows_title"));
  for (const models::JudgedRow* j : refused)
    flow.line(
        m.text("row_line", {{"page", n(j->page)}, {"row", n(j->row)}, {"reason", m.text(reasonKey(*j).c_str())}}));

  flow.heading(m.text("signatures_title"));
  flow.signatureLine(m.text("signature_chair"));
  flow.signatureLine(m.text("signature_secretary"));
  for (int i = 0; i < 3; ++i) flow.signatureLine(m.text("signature_member"));
}

}  // namespace

const std::vector<models::Flag>& commissionReasonOrder() {
  using models::Flag;
  static const std::vector<Flag> kOrder{
      Flag::NotInRegister,   Flag::IdInvalid,        Flag::NameMismatch,      Flag::Deceased,         Flag::Underage,
      Flag::DuplicateInList, Flag::MultiParty,       Flag::NoConsent,         Flag::ConsentWithdrawn, Flag::ConsentLate,
      Flag::Complaint,       Flag::SignatureMissing, Flag::SignatureRepeated, Flag::DigitalMismatch,  Flag::Unreadable};
  return kOrder;
}

void writeProtocol(const models::Store& store, const std::string& listId, const std::string& path,
                   const Messages& messages) {
  const auto lists = store.lists();
  const auto list = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.listId == listId; });
  if (list == lists.end()) throw std::invalid_argument("the run holds no list " + listId);
  // Count the pages on a surface that draws nothing, then draw them.
  int pages = 0;
  {
    cairo_surface_t* scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t* cr = cairo_create(scratch);
    PageFlow count(cr, false, 0, messages);
    writeContent(count, store, *list, messages);
    pages = count.finish();
    cairo_destroy(cr);
    cairo_surface_destroy(scratch);
  }
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kWidth, kHeight);
  cairo_t* cr = cairo_create(pdf);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_TITLE,
                                 (messages.text("protocol_title") + ": " + listId).c_str());
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATOR, "listaudit");
  PageFlow flow(cr, true, pages, messages);
  writeContent(flow, store, *list, messages);
  flow.finish();
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(pdf);
  const cairo_status_t status = cairo_surface_status(pdf);
  cairo_surface_destroy(pdf);
  if (status != CAIRO_STATUS_SUCCESS)
    throw std::runtime_error(path + ": the protocol cannot be written (" + cairo_status_to_string(status) + ")");
}

}  // namespace listaudit::pipeline

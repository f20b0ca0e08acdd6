#include "tools/samples/form_renderer.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>

#include <cmath>
#include <memory>
#include <numeric>
#include <opencv2/imgproc.hpp>
#include <tuple>
#include <utility>
#include <vector>

#include "tools/samples/pango_text.hpp"
#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {
namespace {

constexpr double kPageWidthMm = 210, kPageHeightMm = 297, kMarginMm = 15, kTableTopMm = 48, kHeaderMm = 13;

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, Deleter<cairo_surface_t, cairo_surface_destroy>>;
using CairoPtr = std::unique_ptr<cairo_t, Deleter<cairo_t, cairo_destroy>>;

enum class Align { Left, Center };

// A dot-matrix printer's print of the layout at the current point: its pins
// strike whole round dots on a grid, the head striking twice as densely
// across as its pins stand down. A pin strikes where the glyph covers enough
// of the pin's own cell of the grid, as a printer's rasteriser decides
// (TrueType's dropout control, a font ROM's hand-set glyphs): a stroke
// thinner than the pitch still gets its dots (the first generator sampled
// only the cells' centres, and lost the diagonal of a 7 and the bar of a 2,
// print no printer makes and nobody could read). A worn ribbon strikes
// smaller dots, each as faint as the ribbon is where it struck; a broken pin
// strikes nothing, on every pass of the head (nine pins a pass).
void showAsDots(cairo_t* cr, PangoLayout* layout, const Typing& printer) {
  const double pitchMm = printer.dotPitchMm;
  double atX = 0, atY = 0;
  cairo_get_current_point(cr, &atX, &atY);
  cairo_new_path(cr);  // the layout's path alone, from where the caller moved to
  cairo_move_to(cr, atX, atY);
  pango_cairo_layout_path(cr, layout);
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  cairo_fill_extents(cr, &x0, &y0, &x1, &y1);
  const double across = pitchMm / 2;
  constexpr int kLooks = 4;   // looks across and down a pin's cell
  constexpr int kEnough = 3;  // of kLooks * kLooks, the glyph's share that strikes the pin
  constexpr int kPinsAPass = 9;
  const double top = std::floor(y0 / pitchMm) * pitchMm;
  std::vector<std::pair<double, double>> dots;
  for (double y = top; y <= y1; y += pitchMm) {
    const int pin = static_cast<int>(std::lround((y - top) / pitchMm)) % kPinsAPass;
    if (pin == printer.brokenPin) continue;
    for (double x = std::floor(x0 / across) * across; x <= x1; x += across) {
      int covered = 0;
      for (int i = 0; i < kLooks; ++i)
        for (int j = 0; j < kLooks; ++j)
          covered +=
              cairo_in_fill(cr, x + across * ((j + 0.5) / kLooks - 0.5), y + pitchMm * ((i + 0.5) / kLooks - 0.5));
      if (covered >= kEnough) dots.emplace_back(x, y);
    }
  }
  cairo_new_path(cr);
  double r = 0, g = 0, b = 0, a = 1;
  cairo_pattern_get_rgba(cairo_get_source(cr), &r, &g, &b, &a);
  // The ribbon's wear, dot by dot, from where the text stands: the same
  // page draws the same dots.
  SampleRandom ribbon(static_cast<std::uint64_t>(std::llround(atX * 1000)) * 1000003u +
                      static_cast<std::uint64_t>(std::llround(atY * 1000)));
  const double radius = pitchMm * (0.42 - 0.12 * printer.ribbonWear);
  for (const auto& [x, y] : dots) {
    cairo_new_sub_path(cr);
    cairo_arc(cr, x, y, radius, 0, 2 * G_PI);
    if (printer.ribbonWear > 0) {
      cairo_set_source_rgba(cr, r, g, b, a * (1 - printer.ribbonWear * ribbon.real(0, 0.8)));
      cairo_fill(cr);
    }
  }
  cairo_fill(cr);
  cairo_set_source_rgba(cr, r, g, b, a);
}

// Draws `text` in the box (mm), shrinking the font until it fits the width;
// in dots when `dotPrinter` is a dot-matrix printer (its pitch not 0).
void drawText(cairo_t* cr, const std::string& text, const std::string& family, double pt, bool bold, double x, double y,
              double w, double h, Align align, bool wrap, const Typing* dotPrinter = nullptr) {
  if (text.empty()) return;
  LayoutPtr layout;
  double textW = 0, textH = 0;
  for (double size = pt; size >= 5; size -= 0.5) {
    layout = millimetreLayout(cr, family, size, bold);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    pango_layout_set_alignment(layout.get(), align == Align::Center ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);
    if (wrap) {
      pango_layout_set_width(layout.get(), static_cast<int>(w * PANGO_SCALE));
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
    }
    std::tie(textW, textH) = layoutSize(layout.get());
    if (textW <= w && textH <= h) break;
  }
  const double left = align == Align::Center && !wrap ? x + (w - textW) / 2 : x;
  cairo_move_to(cr, left, y + (h - textH) / 2);
  if (dotPrinter && dotPrinter->dotPitchMm > 0)
    showAsDots(cr, layout.get(), *dotPrinter);
  else
    pango_cairo_show_layout(cr, layout.get());
}

// A number typed into the form's boxes, a character centred in each: a
// typist tabs from box to box, so the spacing is the form's, not the font's.
void drawTypedInBoxes(cairo_t* cr, const std::string& number, const Typing& t, double pt, int boxes, double x, double y,
                      double w, double h) {
  const double box = w / boxes;
  for (std::size_t i = 0; i < number.size() && static_cast<int>(i) < boxes; ++i)
    drawText(cr, number.substr(i, 1), t.font, pt, t.bold, x + box * static_cast<double>(i), y + h * 0.08, box, h * 0.84,
             Align::Center, false, &t);
}

// `text` in capitals, as Unicode maps each letter (ë to Ë, ђ to Ђ).
std::string upperCase(const std::string& text) {
  std::unique_ptr<gchar, decltype(&g_free)> upper(g_utf8_strup(text.c_str(), -1), &g_free);
  return upper.get();
}

// A pen scribble: a few connected loops whose shape depends only on the seed.
void drawSignature(cairo_t* cr, std::uint64_t seed, double x, double y, double w, double h) {
  SampleRandom r(seed);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0.08, 0.08, 0.2);
  cairo_set_line_width(cr, r.real(0.25, 0.45));
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  double px = x + w * r.real(0.1, 0.25), py = y + h * r.real(0.45, 0.7);
  cairo_move_to(cr, px, py);
  const int strokes = r.between(3, 6);
  for (int i = 0; i < strokes; ++i) {
    const double nx = std::min(x + w * 0.9, px + w * r.real(0.08, 0.2));
    const double ny = y + h * r.real(0.3, 0.75);
    cairo_curve_to(cr, px + w * r.real(-0.05, 0.15), y + h * r.real(0.1, 0.35), nx - w * r.real(0, 0.1),
                   y + h * r.real(0.6, 0.9), nx, ny);
    px = nx;
    py = ny;
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

// A round office stamp in translucent ink: one ring or two, and the
// office's words across the middle or set round inside the outer ring.
// Pressed unevenly, its ink fades towards one side.
void drawStamp(cairo_t* cr, const FormPage& page, double cx, double cy) {
  cairo_save(cr);
  const auto& c = page.stampColour;
  const double outer = page.stampMm / 2;
  auto alphaAt = [&](double radians) {
    return 0.7 * (1 - page.stampFade * (1 + std::cos(radians - page.stampFadeRadians)) / 2);
  };
  // A ring in short arcs, each in the ink its side of the stamp got.
  auto ring = [&](double radius, double width) {
    constexpr int kArcs = 72;
    cairo_set_line_width(cr, width);
    for (int k = 0; k < kArcs; ++k) {
      const double from = 2 * G_PI * k / kArcs, to = 2 * G_PI * (k + 1) / kArcs;
      cairo_set_source_rgba(cr, c[0], c[1], c[2], alphaAt((from + to) / 2));
      cairo_new_path(cr);  // an arc would otherwise join the last position
      cairo_arc(cr, cx, cy, radius, from, to);
      cairo_stroke(cr);
    }
  };
  ring(outer, 0.7);
  // Words set round need room between the rings.
  const double inner = page.stampWordsRound ? outer - 4 : outer * 12.5 / 15;
  if (page.stampRings > 1) ring(inner, 0.4);
  if (!page.stampWordsRound) {
    cairo_set_source_rgba(cr, c[0], c[1], c[2], alphaAt(0));
    drawText(cr, page.stampText, page.font, 7, true, cx - outer * 11 / 15, cy - 6, outer * 22 / 15, 12, Align::Center,
             true);
  } else {
    // Each character upright to the ring, about 2.4 mm apart, centred on the top.
    const double radius = page.stampRings > 1 ? (outer + inner) / 2 : outer - 2.2;
    const glong count = g_utf8_strlen(page.stampText.c_str(), -1);
    const double step = 2.4 / radius;
    const char* at = page.stampText.c_str();
    for (glong i = 0; i < count; ++i) {
      const char* next = g_utf8_next_char(at);
      const double turn = (static_cast<double>(i) - static_cast<double>(count - 1) / 2) * step;
      cairo_save(cr);
      cairo_translate(cr, cx, cy);
      cairo_rotate(cr, turn);
      cairo_set_source_rgba(cr, c[0], c[1], c[2], alphaAt(turn - G_PI / 2));
      drawText(cr, std::string(at, next), page.font, 6, true, -1.5, -radius - 1.5, 3, 3, Align::Center, false);
      cairo_restore(cr);
      at = next;
    }
  }
  cairo_restore(cr);
}

// Where the table lies on the page, in millimetres.
struct TableGeometry {
  double left = 0, width = 0;
  std::array<double, 6> columnX{};  // the six vertical rulings
  int rowCount = 0;                 // filled and blank body rows
  double numberingMm = 0;           // the row numbering the columns, when the form has one
  double bodyTop = 0, bottom = 0;
};

TableGeometry tableGeometry(const FormPage& page) {
  TableGeometry g;
  g.width = std::accumulate(page.columnMm.begin(), page.columnMm.end(), 0.0);
  g.left = (kPageWidthMm - g.width) / 2;
  g.rowCount = static_cast<int>(page.rows.size()) + page.blankRows;
  g.numberingMm = page.numberingRow ? 5.5 : 0;
  g.bodyTop = kTableTopMm + kHeaderMm + g.numberingMm;
  g.bottom = g.bodyTop + g.rowCount * page.rowMm;
  g.columnX[0] = g.left;
  for (int c = 0; c < 5; ++c) g.columnX[c + 1] = g.columnX[c] + page.columnMm[c];
  return g;
}

// The rulings, the column-numbering row and the header.
void drawTableFrame(cairo_t* cr, const FormPage& page, const TableGeometry& g) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, page.lineGrey, page.lineGrey, page.lineGrey);
  cairo_set_line_width(cr, page.lineMm);
  if (page.dashMm > 0) {
    const double dashes[] = {page.dashMm, page.dashGapMm};
    cairo_set_dash(cr, dashes, 2, 0);
  }
  for (double x : g.columnX) {
    if (!page.columnRulings) break;
    cairo_move_to(cr, x, kTableTopMm);
    cairo_line_to(cr, x, g.bottom);
  }
  for (int r = 0; r <= (page.bodyRulings ? g.rowCount + 1 : 1); ++r) {
    const double y = r == 0 ? kTableTopMm : g.bodyTop + (r - 1) * page.rowMm;
    cairo_move_to(cr, g.left, y);
    cairo_line_to(cr, g.left + g.width, y);
  }
  if (page.numberingRow) {
    cairo_move_to(cr, g.left, kTableTopMm + kHeaderMm);
    cairo_line_to(cr, g.left + g.width, kTableTopMm + kHeaderMm);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
  if (page.numberingRow)
    for (int c = 0; c < 5; ++c)
      drawText(cr, std::to_string(c + 1), page.font, 8, false, g.columnX[c], kTableTopMm + kHeaderMm, page.columnMm[c],
               g.numberingMm, Align::Center, false);
  for (int c = 0; c < 5; ++c)
    drawText(cr, page.headers[c], page.font, 8, true, g.columnX[c] + 0.8, kTableTopMm + 0.5, page.columnMm[c] - 1.6,
             kHeaderMm - 1, Align::Center, true);
}

// Body row `i`: its number, the writing in its cells, its signature.
void drawRow(cairo_t* cr, const FormPage& page, const TableGeometry& g, std::size_t i) {
  constexpr double pad = 1.5;
  const FormRow& row = page.rows[i];
  const double y = g.bodyTop + static_cast<double>(i) * page.rowMm, h = page.rowMm;
  auto cellWidth = [&](int c) { return page.columnMm[c] - 2 * pad; };
  drawText(cr, std::to_string(i + 1), page.font, page.fontPt, false, g.columnX[0] + pad, y, cellWidth(0), h,
           Align::Center, false);
  if (row.hand && page.digits) {
    drawHandwriting(cr, row.name, *row.hand, page.fontPt + 1, g.columnX[1] + pad, y, cellWidth(1), h);
    drawHandwrittenNumber(cr, row.nationalId, *row.hand, *page.digits, g.columnX[2] + pad, y, cellWidth(2), h,
                          page.digitBoxes);
    drawHandwriting(cr, row.address, *row.hand, page.fontPt - 1, g.columnX[3] + pad, y, cellWidth(3), h);
  } else {
    const Typing& t = page.typing;
    cairo_save(cr);
    cairo_set_source_rgb(cr, t.ink, t.ink, t.ink);
    const std::string name = t.capitals ? upperCase(row.name) : row.name;
    const std::string address = t.capitals ? upperCase(row.address) : row.address;
    drawText(cr, name, t.font, page.fontPt, t.bold, g.columnX[1] + pad, y, cellWidth(1), h, Align::Left, false, &t);
    if (page.digitBoxes > 0)
      drawTypedInBoxes(cr, row.nationalId, t, page.fontPt, page.digitBoxes, g.columnX[2] + pad, y, cellWidth(2), h);
    else
      drawText(cr, row.nationalId, t.font, page.fontPt, t.bold, g.columnX[2] + pad, y, cellWidth(2), h, Align::Left,
               false, &t);
    drawText(cr, address, t.font, page.fontPt - 2, t.bold, g.columnX[3] + pad, y, cellWidth(3), h, Align::Left, false,
             &t);
    cairo_restore(cr);
  }
  if (row.signed_) drawSignature(cr, row.signatureSeed, g.columnX[4] + 1, y + 0.8, page.columnMm[4] - 2, h - 1.6);
}

// The cairo surface as an 8-bit BGR image.
cv::Mat toImage(cairo_surface_t* surface, int width, int height) {
  cairo_surface_flush(surface);
  cv::Mat bgra(height, width, CV_8UC4, cairo_image_surface_get_data(surface),
               static_cast<std::size_t>(cairo_image_surface_get_stride(surface)));
  cv::Mat bgr;
  cv::cvtColor(bgra, bgr, cv::COLOR_BGRA2BGR);
  return bgr;
}

}  // namespace

cv::Mat renderForm(const FormPage& page) {
  const double pxPerMm = page.dpi / 25.4;
  const int width = static_cast<int>(kPageWidthMm * pxPerMm), height = static_cast<int>(kPageHeightMm * pxPerMm);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  cairo_scale(cr.get(), pxPerMm, pxPerMm);
  cairo_set_source_rgb(cr.get(), 0, 0, 0);

  const TableGeometry g = tableGeometry(page);
  drawText(cr.get(), page.title, page.font, 12, true, kMarginMm, 14, kPageWidthMm - 2 * kMarginMm, 28, Align::Center,
           true);
  drawTableFrame(cr.get(), page, g);
  for (int r = 0; r < g.rowCount && page.digitBoxes > 0; ++r)
    drawDigitBoxes(cr.get(), page.digitBoxes, g.columnX[2] + 1.5, g.bodyTop + r * page.rowMm, page.columnMm[2] - 3.0,
                   page.rowMm);
  for (std::size_t i = 0; i < page.rows.size(); ++i) drawRow(cr.get(), page, g, i);
  drawText(cr.get(), page.collectorLabel + " " + page.collectorName + "   ______________", page.font, 10, false, g.left,
           g.bottom + 8, g.width, 8, Align::Left, false);
  if (page.stampRow >= 0 && page.stampRow < g.rowCount) {
    const double across = page.stampAcross < 0 ? g.columnX[4] - 2 : g.left + page.stampAcross * g.width;
    drawStamp(cr.get(), page, across, g.bodyTop + (page.stampRow + 0.5) * page.rowMm);
  }
  return toImage(surface.get(), width, height);
}

}  // namespace listaudit::tools

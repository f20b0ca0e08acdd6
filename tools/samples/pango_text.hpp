#pragma once
// Pango text on the generator's cairo pages, whose user unit is one
// millimetre. RAII for the layout; the one place that sets the resolution.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <string>

namespace listaudit::tools {

struct LayoutUnref {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, LayoutUnref>;

// A layout for `cr` in `font` at `pt` points, sized in millimetres.
LayoutPtr millimetreLayout(cairo_t* cr, const std::string& font, double pt, bool bold = false);

// The layout's logical width and height, in millimetres.
std::pair<double, double> layoutSize(PangoLayout* layout);

// The characters of `text` (UTF-8) that the font `family` does not draw
// itself: all of them when fontconfig gives another family for the name.
// Pango would draw them in a fallback font.
std::string charactersMissingFrom(const std::string& family, const std::string& text);

}  // namespace listaudit::tools

#include "tools/samples/pango_text.hpp"

namespace listaudit::tools {

LayoutPtr millimetreLayout(cairo_t* cr, const std::string& font, double pt, bool bold) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  pango_cairo_context_set_resolution(pango_layout_get_context(layout.get()), 25.4);  // 1 user unit = 1 mm
  pango_layout_context_changed(layout.get());
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  pango_font_description_set_size(description, static_cast<int>(pt * PANGO_SCALE));
  pango_font_description_set_weight(description, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), description);
  pango_font_description_free(description);
  return layout;
}

std::pair<double, double> layoutSize(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return {w / double(PANGO_SCALE), h / double(PANGO_SCALE)};
}

}  // namespace listaudit::tools

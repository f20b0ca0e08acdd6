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

std::string charactersMissingFrom(const std::string& family, const std::string& text) {
  PangoFontMap* map = pango_cairo_font_map_get_default();  // Pango's own, not to be freed
  PangoContext* context = pango_font_map_create_context(map);
  PangoFontDescription* wanted = pango_font_description_from_string(family.c_str());
  PangoFont* font = pango_font_map_load_font(map, context, wanted);
  bool same = false;
  if (font) {
    PangoFontDescription* got = pango_font_describe(font);
    // Compared with the name as parsed: "DejaVu Sans Condensed" is the family
    // DejaVu Sans at a condensed stretch.
    same = g_ascii_strcasecmp(pango_font_description_get_family(got), pango_font_description_get_family(wanted)) == 0;
    pango_font_description_free(got);
  }
  std::string missing;
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p))
    if (!same || !pango_font_has_char(font, g_utf8_get_char(p)))
      missing.append(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
  if (font) g_object_unref(font);
  pango_font_description_free(wanted);
  g_object_unref(context);
  return missing;
}

std::pair<double, double> layoutSize(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_size(layout, &w, &h);
  return {w / double(PANGO_SCALE), h / double(PANGO_SCALE)};
}

}  // namespace listaudit::tools

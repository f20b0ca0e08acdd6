#include "pipeline/report/svg_charts.hpp"

#include <algorithm>
#include <cmath>

#include "models/decimal_text.hpp"
#include "pipeline/report/html_report.hpp"

namespace listaudit::pipeline {
namespace {

std::string px(double v) { return models::decimal(v, 1); }

}  // namespace

std::string valueAgainstRequiredSvg(int value, int required, const std::string& caption) {
  const double width = 320, height = 18, top = std::max({value, required, 1}) * 1.1;
  const double bar = width * value / top;
  const bool reaches = required <= 0 || value >= required;
  std::string svg = "<svg class=\"chart\" role=\"img\" width=\"" + px(width + 60) + "\" height=\"" + px(height + 6) +
                    "\" viewBox=\"0 0 " + px(width + 60) + " " + px(height + 6) + "\"><title>" + htmlEscape(caption) +
                    "</title><rect x=\"0\" y=\"3\" width=\"" + px(width) + "\" height=\"" + px(height) +
                    "\" fill=\"#e3e6ea\"/><rect x=\"0\" y=\"3\" width=\"" + px(bar) + "\" height=\"" + px(height) +
                    "\" fill=\"" + (reaches ? "#1a7f37" : "#c33") + "\"/>";
  if (required > 0) {
    const double mark = width * required / top;
    svg += "<rect x=\"" + px(mark - 1) + "\" y=\"0\" width=\"2\" height=\"" + px(height + 6) + "\" fill=\"#222\"/>";
  }
  svg += "<text x=\"" + px(width + 6) + "\" y=\"" + px(height) + "\" font-size=\"12\">" + std::to_string(value) +
         (required > 0 ? "/" + std::to_string(required) : "") + "</text></svg>";
  return svg;
}

std::string barsSvg(const std::vector<std::pair<std::string, double>>& items, const std::string& caption, bool shares) {
  const double labelWidth = 190, barWidth = 220, rowHeight = 16;
  double top = shares ? 1.0 : 0;
  for (const auto& [label, v] : items) top = std::max(top, v);
  if (top <= 0) top = 1;
  const double height = rowHeight * static_cast<double>(items.size()) + 4;
  std::string svg = "<svg class=\"chart\" role=\"img\" width=\"" + px(labelWidth + barWidth + 60) + "\" height=\"" +
                    px(height) + "\" viewBox=\"0 0 " + px(labelWidth + barWidth + 60) + " " + px(height) +
                    "\"><title>" + htmlEscape(caption) + "</title>";
  double y = 2;
  for (const auto& [label, v] : items) {
    const std::string shown = shares ? models::decimal(v * 100, 0) + "%" : models::decimal(v, 0);
    svg += "<text x=\"" + px(labelWidth - 6) + "\" y=\"" + px(y + 11) + "\" font-size=\"11\" text-anchor=\"end\">" +
           htmlEscape(label.substr(0, 40)) + "</text><rect x=\"" + px(labelWidth) + "\" y=\"" + px(y + 1) +
           "\" width=\"" + px(barWidth * v / top) + "\" height=\"" + px(rowHeight - 4) +
           "\" fill=\"#4a6fd8\"/><text x=\"" + px(labelWidth + barWidth * v / top + 4) + "\" y=\"" + px(y + 11) +
           "\" font-size=\"11\">" + shown + "</text>";
    y += rowHeight;
  }
  return svg + "</svg>";
}

}  // namespace listaudit::pipeline

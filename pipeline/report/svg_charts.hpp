#pragma once
// Small charts drawn as inline SVG by the tool itself (no script library, no
// network), for the pages where people would rather look than read. Each
// returns one <svg> element; labels are escaped here. Pure functions.
#include <string>
#include <utility>
#include <vector>

namespace listaudit::pipeline {

// A bar of `value` against a mark at `required` (0: none), green when the
// value reaches it, red when short.
std::string valueAgainstRequiredSvg(int value, int required, const std::string& caption);

// One horizontal bar per item, labelled, scaled to the largest value; a
// value in (0, 1] is drawn as a share, with `shares` true.
std::string barsSvg(const std::vector<std::pair<std::string, double>>& items, const std::string& caption,
                    bool shares = false);

}  // namespace listaudit::pipeline

#pragma once
// The reviewer's desk page (web/desk.html: markup, style and script in one
// file, nothing from the network), built into the program so that the server
// needs no file beside it.
#include <string_view>

namespace listaudit::tools::review {

extern const std::string_view kDeskPage;

}  // namespace listaudit::tools::review

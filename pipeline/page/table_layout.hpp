#pragma once
// The form's table laid out once its six column edges are known, whoever
// found them (the rulings, or the gaps of the writing): the rulings painted
// out of the text image, the header told from the body, the body rows that
// hold writing, the title above and the collector line below. Pure.
#include <array>
#include <string>

#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

// Where the row edges in `page.ruling.horizontal` come from: the form's row
// rulings, some of which a fax, a copier or a stamp may have lost, or the
// lines of writing (one edge between each two, none lost).
enum class RowEdges { Rulings, WritingLines };

// `page.ruling.horizontal` holds at least three rulings; `how` says how the
// columns were found when not by the form's own rulings.
PageLayout layOutTable(const CleanPage& page, const std::array<int, 6>& columnX, std::string how,
                       RowEdges rowEdges = RowEdges::Rulings);

}  // namespace listaudit::pipeline

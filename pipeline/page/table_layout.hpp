#pragma once
// The form's table laid out once its six column edges are known, whoever
// found them (the rulings, or the gaps of the writing): the rulings painted
// out of the text image, the header told from the body, the body rows that
// hold writing, the title above and the collector line below. Pure.
#include <array>
#include <string>
#include <vector>

#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

// Where the row edges in `page.ruling.horizontal` come from: the form's row
// rulings, some of which a fax, a copier or a stamp may have lost, or the
// lines of writing (one edge between each two, none lost).
enum class RowEdges { Rulings, WritingLines };

// The height of one row, from the heights of the bands between a table's
// row rulings, some of which may have been lost (a band of two rows or more).
int rowPitch(const std::vector<int>& heights);

// Where the first row begins in a header band (from `top` to `bottom`,
// between `left` and `right`) that lost the ruling under it: the middle of
// the paper between the labels and the row's writing at the band's foot; -1
// when the band shows no such foot. `typical` is a row's height.
int firstRowInTheHeader(const cv::Mat& ink, const cv::Mat& lines, int top, int bottom, int left, int right,
                        int typical);

// `page.ruling.horizontal` holds at least three rulings; `how` says how the
// columns were found when not by the form's own rulings.
PageLayout layOutTable(const CleanPage& page, const std::array<int, 6>& columnX, std::string how,
                       RowEdges rowEdges = RowEdges::Rulings);

}  // namespace listaudit::pipeline

#pragma once
// The lines of writing on a page that shows no rulings, each with the pieces
// its ink stands in from left to right: what lays out such a page
// (unruled_layout_finder) and tells whether it is upside down (clean_stage).
// Pure functions.
#include <opencv2/core.hpp>
#include <utility>
#include <vector>

namespace listaudit::pipeline {

struct TextLine {
  int top = 0, bottom = 0;
  std::vector<std::pair<int, int>> pieces;  // x from, to: words joined across their spaces
};

// The lines of `writing` (255 on ink) top to bottom: runs of pixel rows that
// hold ink, gaps of a few rows inside one joined (an accent over its
// letter), at least `minHeight` tall (a speck is not a line); pieces joined
// across gaps of at most `join` pixels, specks beside them left out.
std::vector<TextLine> textLines(const cv::Mat& writing, int minHeight, int join);

// Runs of x where `counts` (ink per pixel column) is not zero, joined across
// gaps of at most `join` pixels, those narrower than `minWidth` left out.
std::vector<std::pair<int, int>> inkPieces(const std::vector<int>& counts, int join, int minWidth);

// The middles (page y) of the lines of ink in `column` (x only) from `from`
// down to `to`: runs of pixel rows with two inked pixels or more. What the
// form prints in its row-number column, one number a row, whether anyone
// wrote on the row or not, and the rows are told by.
std::vector<int> inkLinesIn(const cv::Mat& ink, const cv::Rect& column, int from, int to);

// The row numbers a form prints above a row, found among `lines` (the
// middles inkLinesIn gives of the row-number column): `anchor` is the line
// nearest `expected` (within a quarter of `pitch`; -1 when none), and
// `above` the lines a pitch apart up from it, nearest first, each within a
// tenth of a pitch of its step. Printed numbers stand a pitch apart to the
// pixel; a row numbering the columns stands off that step (its row is about
// half as tall) and ends the walk.
struct NumbersAbove {
  int anchor = -1;
  std::vector<int> above;
};
NumbersAbove numbersAbove(const std::vector<int>& lines, int expected, int pitch);

// A line laid out as a table's: four or more pieces (labels, or a row's
// cells) spread over half the page.
bool tableLike(const TextLine& line, int pageWidth);
// A line that may be a table's row: as tableLike, but three pieces will do.
// A row's cells run together where its writing bridges the space between
// two columns (a number's boxes into the address beside it, a long address
// into the signature); a header's labels, printed apart, do not.
bool rowLike(const TextLine& line, int pageWidth);

// The join and the least height textLines takes on a page `pageWidth`
// pixels wide: a label's words are closer than a fifth of an inch at any
// resolution, and two columns' labels further apart.
int wordJoin(int pageWidth);
int leastLineHeight(int pageWidth);

}  // namespace listaudit::pipeline

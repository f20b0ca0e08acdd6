#pragma once
// A handwritten number cut into its characters: the cell's ink (rulings and
// specks already gone) without the lines of per-digit boxes, split into
// connected strokes, strokes of one character joined, dashes, dots and
// slashes between groups left out, characters that touch split where their
// ink is thinnest, until there are as many as the number's form has. Each
// character comes out as a network input (glyphImage). Pure functions.
#include <opencv2/core.hpp>
#include <string_view>
#include <vector>

namespace listaudit::pipeline {

struct Glyph {
  cv::Rect box;  // in the cell
  cv::Mat ink;   // 255 on the glyph's strokes, the size of `box`
};

// The glyphs of a number cell, left to right. `expected` is the number of
// characters the scheme's form has (0 when it is not known): touching
// characters are split, and a character broken in two joined, towards it.
std::vector<Glyph> segmentGlyphs(const cv::Mat& cellInk, int expected);

// The cell's ink without the lines of boxes printed for each character:
// vertical strokes almost as tall as the cell, horizontal ones across much of it.
cv::Mat withoutBoxLines(const cv::Mat& cellInk);

// The cell's ink cut finely, for cutting by recognition: each stroke, strokes
// one above the other joined, specks gone, and strokes wider than a character
// is tall cut at their thinnest columns. Left to right.
std::vector<Glyph> glyphFragments(const cv::Mat& cellInk);
// Fragments first to last (inclusive) as one glyph.
Glyph joinFragments(const std::vector<Glyph>& fragments, std::size_t first, std::size_t last);

// Whether the glyphs look written by hand rather than printed: printed
// characters of one font share one height and one baseline; a hand's vary.
// When the glyphs line up with `form` ('L' a letter, 'D' a digit), only the
// digits are compared: a font's capitals and figures differ in height.
bool looksHandwritten(const std::vector<Glyph>& glyphs, std::string_view form = {});

// The glyph as the network reads it: its ink fitted into 20x20 pixels and
// centred in 28x28, values 0 to 1 (CV_32F), as tools/train/train_glyphs.py
// prepares its training samples.
cv::Mat glyphImage(const cv::Mat& ink);
inline constexpr int kGlyphSide = 28, kGlyphBox = 20;

}  // namespace listaudit::pipeline

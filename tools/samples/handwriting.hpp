#pragma once
// Handwriting for generated pages: a person's hand (a handwriting font that
// draws their script, a size, a slant, an ink), text drawn letter by letter
// with jitter of size and baseline, and numbers written with real handwritten
// digits (or, for three hands in ten, the digits their font draws).
//
// Fonts were chosen by rendering every letter of the five alphabets, since
// fontconfig claims glyphs some fonts draw blank: Steve (sjfonts) writes
// Cyrillic and Latin; Humor Sans and Comic Neue Latin only; Andika is a neat
// school hand in both.
#include <cairo.h>

#include <array>
#include <cstdint>
#include <opencv2/core.hpp>
#include <string>

#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {

struct Hand {
  std::string font;
  double size = 1.0;   // relative to the printed size
  double slant = 0.0;  // degrees, clockwise
  std::array<double, 3> ink{0.05, 0.05, 0.35};
  std::uint64_t seed = 0;  // the letter-by-letter jitter
  int pen = 0;             // -1 a fine pen, 0 the digits as sampled, 1 a broad one
  double spacing = 0.7;    // advance between digits, in digit heights: below 0.6 they touch
  // Harder hands (drawn from a stream of their own, so the draws above stay):
  bool capitals = false;  // writes in block capitals, as many forms ask
  double drift = 0.0;     // degrees the line of writing climbs (or falls) across a cell
  double lift = 0.0;      // mm the writing sits above (below, when negative) the cell's middle
  // Writes its digits as its font draws them, not as the digit sheet's hands
  // did (a 1 that is a bare stroke, a 7 with a bar): hands the number
  // networks never saw write digits.
  bool fontDigits = false;
};

// A person's hand, from their own random stream; `cyrillic` when the name is
// written in Cyrillic, which only some fonts draw.
Hand handFor(SampleRandom random, bool cyrillic);

bool isCyrillic(const std::string& utf8);

// Real handwritten digits the glyph reader never trained on: the held-out
// 70 of each class of shared/data's digits-train.png
// (tools/samples/data/digits-heldout.png). Throws std::runtime_error naming
// the file when it cannot be read.
class DigitBank {
 public:
  explicit DigitBank(const std::string& path);
  // A 20x20 grey sample, white ink on black, chosen by `which`.
  cv::Mat sample(int digit, std::uint64_t which) const;
  int samplesPerDigit() const;

 private:
  cv::Mat sheet_;
};

// The path of the digits the generator ships.
std::string defaultDigitsPath();

// `text` in the box (mm), letter by letter, shrunk to fit the width.
void drawHandwriting(cairo_t* cr, const std::string& text, const Hand& hand, double pt, double x, double y, double w,
                     double h);
// A personal number: digits from the bank (or the hand's font, for a hand
// that writes them so), letters (Albanian) in the hand's font. With `boxes` > 0 the cell holds that many printed boxes,
// a character in each (as some forms print them).
void drawHandwrittenNumber(cairo_t* cr, const std::string& number, const Hand& hand, const DigitBank& digits, double x,
                           double y, double w, double h, int boxes = 0);
// The printed boxes of a number cell, one per character.
void drawDigitBoxes(cairo_t* cr, int boxes, double x, double y, double w, double h);

}  // namespace listaudit::tools

#pragma once
// How a list's rows were typed and printed: the typist's font, weight and
// case, and the printer's toner. The first generator typed every list in
// DejaVu Sans at full black, and the reader read all of it; real lists come
// from every office's word processor and printer.
//
// The fonts were chosen by asking each for every letter of the five
// alphabets (`charactersMissingFrom`, tested): a font that lacks one would
// have Pango draw it in a fallback font, a mix no printer makes.
#include <string>
#include <vector>

#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {

struct Typing {
  std::string font = "DejaVu Sans";
  bool bold = false;
  bool capitals = false;  // the names typed in capitals, as many offices type them
  double ink = 0;         // grey of the print, 0 black; a printer low on toner prints grey
  double dotPitchMm = 0;  // a dot-matrix printer's pin pitch; 0 for a laser or an inkjet
  // A dot-matrix printer's faults: how worn its ribbon is (0 new, 1 spent:
  // its dots smaller and unevenly faint), and the one of its nine pins that
  // no longer strikes (-1 none), which leaves a line of paper through every
  // glyph of a line at that pin's height.
  double ribbonWear = 0;
  int brokenPin = -1;
};

// The print fonts of Debian the generator types in: serif, sans, condensed
// and monospaced faces that draw Cyrillic, Serbian Latin and Albanian.
const std::vector<std::string>& printFonts();

// The letters of the five alphabets (Bulgarian, Macedonian and Serbian
// Cyrillic, Serbian Latin, Albanian), both cases.
const std::string& formAlphabets();

// One list's typing, from its own random stream.
Typing typingFor(SampleRandom random);

}  // namespace listaudit::tools

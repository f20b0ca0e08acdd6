#pragma once
// Draws the official supporter-list form (contract section 3) as a clean
// page image: title, ruled five-column table with a header, the rows, and
// the collector line under the table. Pango lays out the text, so Cyrillic
// and Albanian letters come out as a font draws them.
#include <array>
#include <cstdint>
#include <opencv2/core.hpp>
#include <optional>
#include <string>
#include <vector>

#include "tools/samples/handwriting.hpp"
#include "tools/samples/typing.hpp"

namespace listaudit::tools {

struct FormRow {
  std::string name;
  std::string nationalId;
  std::string address;
  bool signed_ = true;
  std::uint64_t signatureSeed = 0;  // one hand, one scribble
  std::optional<Hand> hand;         // written by hand when set, else printed
};

struct FormPage {
  std::string title;
  std::array<std::string, 5> headers;
  std::vector<FormRow> rows;
  std::string collectorLabel;
  std::string collectorName;
  double dpi = 300;
  std::array<double, 5> columnMm{12, 58, 32, 50, 28};
  double rowMm = 10;
  std::string font = "DejaVu Sans";  // the form's own words: title, headers, collector line
  double fontPt = 11;
  Typing typing;        // how the rows were typed (the printed ones)
  double lineMm = 0.3;  // ruling width
  double lineGrey = 0;  // ruling ink, 0 black to 1 white: faint rulings are grey
  // A dotted or dashed ruling: the ink and the gap along the line, in mm; 0
  // for a solid one.
  double dashMm = 0, dashGapMm = 0;
  bool columnRulings = true;  // false for a form that rules its rows only
  bool bodyRulings = true;    // false for a form that rules its header only
  int blankRows = 0;          // empty ruled rows after the filled ones, as on a real form
  bool numberingRow = false;  // a low row under the header numbering the columns 1 to 5
  // Boxes printed in each number cell, one per character; 0 for none. A
  // typed row is typed into them, a character a box.
  int digitBoxes = 0;
  // A round ink stamp (the collector's office) over this body row; -1 for none.
  int stampRow = -1;
  // Where across the table the stamp's centre falls, 0 its left edge to 1 its
  // right; below 0 at the signature column's left edge, over the address and
  // the signature, where an office means to put it.
  double stampAcross = -1;
  std::string stampText;
  std::array<double, 3> stampColour{0.25, 0.3, 0.75};  // RGB, 0..1
  double stampMm = 30;                                 // the outer ring's diameter
  int stampRings = 2;                                  // one ring or two
  bool stampWordsRound = false;  // the words set round inside the outer ring, not across the middle
  // A stamp pressed unevenly: its ink fades by up to this share towards one
  // side (0 for even ink), the lightest at stampFadeRadians from the right.
  double stampFade = 0, stampFadeRadians = 0;
  const DigitBank* digits = nullptr;  // needed when a row is handwritten
};

// An A4 page at the page's dpi, 8-bit BGR (the stamp is the only colour).
cv::Mat renderForm(const FormPage& page);

}  // namespace listaudit::tools

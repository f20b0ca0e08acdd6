#pragma once
// What a reader makes of one cell: the text, and for each character the
// reader's choices with their probabilities, so that later steps (the
// number resolver, a reviewer's candidates) can weigh what else the ink
// could be. Value type.
#include <algorithm>
#include <string>
#include <vector>

#include "models/records.hpp"

namespace listaudit::pipeline {

struct GlyphChoice {
  std::string glyph;  // one character, UTF-8
  double probability = 0;
};

// One character of a reading: its choices, the one in the text first.
struct ReadGlyph {
  std::vector<GlyphChoice> choices;
};

struct CellReading {
  std::string text;               // UTF-8, trimmed
  double confidence = 0;          // 0..1: the least sure character's probability
  std::vector<ReadGlyph> glyphs;  // one per character of `text` that is not a space; empty when they cannot be told
  models::Writing writing = models::Writing::Printed;  // the print reader's or the handwriting reader's
  // The cell read by the reader's other models (a Serbian name by the Latin
  // and the Cyrillic model), the text's own left out: a later step that knows
  // the person may find the name in one of them.
  std::vector<std::string> otherTexts;

  // The text and the confidence of `glyphs` as they stand: each character's
  // first choice, and the least sure of them (0 for no characters).
  void spellGlyphs() {
    text.clear();
    confidence = glyphs.empty() ? 0 : 1;
    for (const ReadGlyph& g : glyphs) {
      text += g.choices.front().glyph;
      confidence = std::min(confidence, g.choices.front().probability);
    }
  }

  // The probability of each character's first choice, in order.
  std::vector<double> confidences() const {
    std::vector<double> out;
    for (const ReadGlyph& g : glyphs) out.push_back(g.choices.empty() ? 0.0 : g.choices.front().probability);
    return out;
  }
};

// Choices kept per character of a network's reading: every class the network
// gives at least this probability, so that the decoder weighs a register's
// number by what the network said of each of its characters, not by a guess
// at the leftover.
inline constexpr double kChoiceKept = 0.001;

// A network's characters as a reading written as `writing`: each
// character's choices under kChoiceKept dropped, text and confidence spelt.
inline CellReading networkReading(std::vector<ReadGlyph> glyphs, models::Writing writing) {
  CellReading out;
  for (ReadGlyph& glyph : glyphs) {
    while (glyph.choices.size() > 1 && glyph.choices.back().probability < kChoiceKept) glyph.choices.pop_back();
    out.glyphs.push_back(std::move(glyph));
  }
  out.spellGlyphs();
  out.writing = writing;
  return out;
}

}  // namespace listaudit::pipeline

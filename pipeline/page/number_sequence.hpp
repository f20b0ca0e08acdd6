#pragma once
// A handwritten number cell read whole by the project's sequence network
// (weights/numbers.onnx, tools/train-numbers makes it): the network gives,
// for each quarter of the cell's width, the probability of every character
// and of none (connectionist temporal classification); here the cell is
// prepared as the network was trained on it, and its output decoded into
// the number's characters under the scheme's form, each with its choices.
// Pure functions, apart from the network run by the reader that holds it.
#include <opencv2/core.hpp>
#include <string_view>
#include <vector>

#include "models/national_id.hpp"
#include "pipeline/page/cell_reading.hpp"

namespace listaudit::pipeline {

inline constexpr int kSequenceHeight = 32, kSequenceMargin = 8, kSequenceMaxWidth = 480;
// The cell's writing (255 on the strokes) as a sequence network reads it: cut
// to the writing's box (flat remnants of rulings left out of the box), scaled
// to `height` - 4 pixels high inside `height` (the number network's 32), at
// most `maxWidth` wide with 8 empty columns each side; CV_32F, 0 to 1. Empty
// when the cell holds no writing. Must agree with `sequence_input` in
// tools/train/train_numbers.py.
cv::Mat sequenceInput(const cv::Mat& writing, int height = kSequenceHeight, int maxWidth = kSequenceMaxWidth);

// A printed number's writing with what stands above and below its figures
// left out: the figures' band is where every stroke but thin uprights and
// flat ones stands (print's figures are of one height), so the remains of
// box sides a fax took in steps, taller than the figures, no longer make the
// figures small in sequenceInput. The writing as it is when it holds nothing
// but thin uprights.
cv::Mat withinTheFiguresBand(const cv::Mat& writing);

// The characters the handwriting reader's networks tell apart, in their
// output order: the glyph network's outputs, and the number network's after
// its "none" (output 0). Both are trained on this order.
inline constexpr std::string_view kGlyphClasses = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// The characters position `k` of `form` ('D' a digit, 'L' a letter) allows;
// every one for no form.
std::string_view formCharacters(std::string_view form, std::size_t k);

// Per column of the cell, the probability of none and of each of
// kGlyphClasses (one row per column, 37 columns): decoded into the
// likeliest characters that fit `form` ('D' a digit, 'L' a letter), each
// with its choices of the classes its position allows, best first, their
// probabilities the network's over the columns the character spans.
// `form` empty: any characters, as many as the network sees. Empty when the
// columns are too few for the form.
std::vector<ReadGlyph> decodeSequence(const cv::Mat& posteriors, std::string_view form);

// Several networks' readings of one cell as one: where they read as many
// characters, each character's choices are the mean of theirs (a choice one
// network did not give counts as 0 there), best first, so that a character
// the networks read differently is left in doubt between their readings.
// Where they read different counts, the first's reading. Empty when given none.
std::vector<ReadGlyph> averagedReading(const std::vector<std::vector<ReadGlyph>>& readings);

// A printed number as Tesseract read it (`first`), with another reader's
// reading of the same cell (`second`) weighed in at the positions whose form
// class (`form`: 'L' a letter, 'D' a digit) is in `weighed`: where they read
// a character differently, it is the mean of both readings of it,
// Tesseract's choice first, so the character is in doubt and the registers
// may confirm either (contract section 6); where they agree, it is as sure
// as the surer of the two. Two second readers are weighed so:
// - the number networks (the handwriting reader), at the letters of an
//   Albanian number only: Tesseract is sure of its misreadings of them (an F
//   read as a P, which moves a birth from 1952 to 2052, at 1.00), and the
//   networks read them better; on print they misread digits of some faces
//   (a 9 as a 5) that Tesseract reads right (on the printed batch of seed
//   606, of the characters the two read differently, the networks were
//   right at 6 of 9 letters and at none of 65 digits);
// - the printed-number network, at every character of an EGN or JMBG it did
//   not read surely enough to stand on its own: where it agrees with
//   Tesseract, a clearly typed wrong check digit stays as typed (Tesseract's
//   0.97 alone left the register's number one digit away 0.02 as likely,
//   enough to repair it); where it does not, the digit is in doubt.
// Where the counts differ, or either gives no characters, `first` as it was.
CellReading withSecondOpinion(const CellReading& first, const CellReading& second, std::string_view form,
                              std::string_view weighed = "L");
// Whether withSecondOpinion weighs anything of a number of `form`: whether
// the form has letters.
bool formHasLetters(std::string_view form);

// How sure a network's reading must be to stand in place of another
// reader's on its own, and how sure at least to stand where it is the surer.
inline constexpr double kSureNetworkReading = 0.9, kDoubtfulNetworkReading = 0.5;

// Whether a network's reading of a number cell stands in place of another
// reader's of it: it has the form's count of characters, and is sure
// (kSureNetworkReading: a wrong check digit is then as typed), or at
// kDoubtfulNetworkReading or more surer than the other and passing the
// check digit where `scheme` has one. Below kSureNetworkReading it is a
// reading in doubt still, which the register or the electronic copy must
// confirm.
bool standsAgainst(const CellReading& network, const CellReading& other, models::IdScheme scheme);

// Tesseract's reading of a printed number weighed against a network's of
// the same cell. Where both read the form's count of characters, the
// network's is a second opinion at the characters of `weighed` kinds
// (withSecondOpinion). Where Tesseract read another count (a heavy print's
// first figures lost, two figures run together) and the network the
// form's, the network's reading stands where standsAgainst says so (as
// printed); else, when the network read at kDoubtfulNetworkReading or more,
// Tesseract's reading stays, in doubt at that confidence at most: the two
// disagree on what was typed, and a count misread is no ID_INVALID.
CellReading weighedAgainst(CellReading tesseract, CellReading network, models::IdScheme scheme,
                           std::string_view weighed);

}  // namespace listaudit::pipeline

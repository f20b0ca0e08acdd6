#pragma once
// What the handwritten-name network (pipeline/page/handwritten_name_reader.hpp,
// weights/names.onnx) made of a name cell, and what that says of a name: for
// each column of the cell, how likely none and each letter is (connectionist
// temporal classification, Graves et al. 2006). From these the likeliest
// reading in a script, and how likely the ink is to be a given name (the
// register's, the electronic copy's) against that reading: the image's
// support for a spelling that contract section 6 asks for, as ReadingOdds
// gives it for a number.
//
// The network tells letters apart up to case, and a Cyrillic letter that
// looks like a Latin one (а and a, р and p) is that Latin letter's class.
// Value type; thread-safe to query.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace listaudit::models {

// The letters the name network tells apart, UTF-8, in its output order after
// its "none" (output 0): signs, Latin letters (from kFirstLetterClass), then
// the Cyrillic letters no Latin one looks like (from kFirstCyrillicClass).
// The network is trained on this order (CLASSES in tools/train/train_names.py).
inline constexpr std::array<std::string_view, 67> kNameClasses{
    " ", "-", ".", "'", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z", "č", "ć", "đ", "š", "ž", "ë", "ç", "б", "в", "г", "д", "ж", "з", "и", "й", "к",
    "л", "м", "н", "п", "т", "ф", "ц", "ч", "ш", "щ", "ъ", "ь", "ю", "я", "ѓ", "љ", "њ", "ќ", "џ", "ђ", "ћ"};
inline constexpr std::size_t kFirstLetterClass = 4, kFirstCyrillicClass = 37;

enum class Script { Latin, Cyrillic };

// The image supports a name when the ink is at least this likely (natural
// log) to be that name as to be the likeliest reading in its script: 1 in
// 400. Measured on the generator's hands, which the network never trained
// on (tools/train/train_names.py --validate; README): see kNameSupportLog's
// figures in the README.
inline constexpr double kNameSupportLog = -6.0;

class NameOdds {
 public:
  // The network's outputs per column: none, then kNameClasses.
  static constexpr std::size_t kOutputs = kNameClasses.size() + 1;

  NameOdds() = default;
  // Per column, the probability of none and of each of kNameClasses,
  // kOutputs a column, column after column.
  static NameOdds fromProbabilities(const std::vector<float>& probabilities);
  // As costs() gives them (the store's form). Throws std::invalid_argument
  // when they are no whole count of columns.
  static NameOdds fromCosts(std::vector<std::uint8_t> costs);

  bool empty() const { return costs_.empty(); }
  // Per column and output, -ln p in sixteenths, capped at 255 (p down to
  // about one in eight million): compact enough to keep with every
  // handwritten row.
  const std::vector<std::uint8_t>& costs() const { return costs_; }

  // The likeliest letter of `script` or none per column, repeats and nones
  // dropped, words separated by one space, lower case; look-alike classes as
  // the script's letters. A hand the network never saw may write a Cyrillic
  // и that looks more like u to it than like anything Cyrillic: the script
  // the name is written in is what a reader knows first.
  std::string reading(Script script) const;

  // ln P(ink | the name written is `name`) - ln P(ink | it is the likeliest
  // reading in the name's script): 0 or less as a rule, and the nearer 0 the
  // more the image supports the name. Empty when there are no odds or the
  // name holds no letter the network knows.
  std::optional<double> support(std::string_view name) const;

 private:
  explicit NameOdds(std::vector<std::uint8_t> costs) : costs_(std::move(costs)) {}
  std::size_t columns() const { return costs_.size() / kOutputs; }
  double logP(std::size_t column, std::size_t output) const { return -costs_[column * kOutputs + output] / 16.0; }
  // ln P(ink | the outputs `letters`, 1-based, in order), summed over every
  // way of placing them among the columns (CTC's forward pass).
  double logLikelihood(const std::vector<std::size_t>& letters) const;

  std::vector<std::uint8_t> costs_;
};

}  // namespace listaudit::models

#pragma once
// How strongly the image of a number supports each number it could be. A
// reader gives, per character, the character it read with a probability and
// perhaps its other choices; what is left over is spread over the other
// characters of the scheme, more of it on the look-alikes of the character
// read (B and E, 1 and I, 0 and O). A candidate number then has a likelihood,
// and its ratio to the likelihood of the reading itself says whether the image
// leaves room for it (contract section 6: a repair needs the image's support).
// Value type; thread-safe to query.
#include <string>
#include <string_view>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

// A candidate the image supports is at least this likely, relative to the
// reading: one in twenty.
inline constexpr double kSupportRatio = 0.05;

class ReadingOdds {
 public:
  // `confidences` and `alternatives` line up with `read` (either may be
  // empty: every character is then taken as read at 0.5). `alphabet` is the
  // scheme's characters.
  ReadingOdds(std::string read, const std::vector<double>& confidences,
              const std::vector<std::vector<Alternative>>& alternatives, std::string_view alphabet);

  // P(image | the number written is `number`) / P(image | it is the reading);
  // 0 when the lengths differ.
  double ratio(const std::string& number) const;
  // Up to `count` numbers of the reading's length, most likely first, that
  // differ from it only in characters the image leaves in doubt (ratio at
  // least `floor`). The reading itself comes first.
  std::vector<std::string> likeliest(std::size_t count, double floor = kSupportRatio) const;

 private:
  double probability(std::size_t position, char c) const;

  std::string read_;
  // Per position, every character of the alphabet with its probability, likeliest first.
  std::vector<std::vector<std::pair<char, double>>> odds_;
};

}  // namespace listaudit::models

#include "models/reading_odds.hpp"

#include <algorithm>
#include <cmath>
#include <queue>
#include <set>

namespace listaudit::models {
namespace {

// Characters that print and handwriting make alike: a reader's doubt about one
// is mostly doubt between these.
constexpr std::string_view kLookAlikes[] = {"0ODQ", "1IL7T", "2Z", "5S", "6G", "8B3E", "4A", "9G", "UV", "MN", "EF"};

bool alike(char a, char b) {
  for (std::string_view group : kLookAlikes)
    if (group.find(a) != std::string_view::npos && group.find(b) != std::string_view::npos) return true;
  return false;
}

// Half of what a character leaves unexplained goes to its look-alikes.
constexpr double kLookAlikeShare = 0.5;
// Nothing is impossible: a smudge can make any character of any other.
constexpr double kFloor = 1e-4;

}  // namespace

ReadingOdds::ReadingOdds(std::string read, const std::vector<double>& confidences,
                         const std::vector<std::vector<Alternative>>& alternatives, std::string_view alphabet)
    : read_(std::move(read)) {
  for (std::size_t i = 0; i < read_.size(); ++i) {
    std::vector<std::pair<char, double>> listed;
    const double first = i < confidences.size() ? std::clamp(confidences[i], kFloor, 1.0) : 0.5;
    listed.emplace_back(read_[i], first);
    double left = 1.0 - first;
    if (i < alternatives.size())
      for (const Alternative& a : alternatives[i]) {
        if (a.glyph == read_[i] || alphabet.find(a.glyph) == std::string_view::npos) continue;
        listed.emplace_back(a.glyph, a.probability);
        left -= a.probability;
      }
    left = std::max(left, 0.0);
    // What is left, spread over the unlisted characters, more on the look-alikes.
    int lookAlikes = 0, others = 0;
    for (char c : alphabet) {
      if (std::any_of(listed.begin(), listed.end(), [&](const auto& l) { return l.first == c; })) continue;
      (alike(c, read_[i]) ? lookAlikes : others)++;
    }
    for (char c : alphabet) {
      if (std::any_of(listed.begin(), listed.end(), [&](const auto& l) { return l.first == c; })) continue;
      const double share = alike(c, read_[i]) ? left * kLookAlikeShare / std::max(1, lookAlikes)
                                              : left * (lookAlikes ? 1 - kLookAlikeShare : 1.0) / std::max(1, others);
      listed.emplace_back(c, share);
    }
    std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    odds_.push_back(std::move(listed));
  }
}

double ReadingOdds::probability(std::size_t position, char c) const {
  for (const auto& [glyph, p] : odds_[position])
    if (glyph == c) return std::max(p, kFloor);
  return kFloor;
}

double ReadingOdds::ratio(const std::string& number) const {
  if (number.size() != read_.size()) return 0;
  double logRatio = 0;
  for (std::size_t i = 0; i < number.size(); ++i)
    if (number[i] != read_[i]) logRatio += std::log(probability(i, number[i])) - std::log(probability(i, read_[i]));
  return std::exp(logRatio);
}

std::vector<std::string> ReadingOdds::likeliest(std::size_t count, double floor) const {
  // Best-first search over changes to the reading: a change at a position is
  // a step to a less likely character there, and a number's ratio is the
  // product of its steps' ratios.
  struct Node {
    double logRatio;
    std::string number;
    std::size_t from;  // positions before this are not changed further (each number is reached once)
    bool operator<(const Node& other) const { return logRatio < other.logRatio; }
  };
  const double logFloor = std::log(floor);
  std::priority_queue<Node> open;
  open.push({0.0, read_, 0});
  std::vector<std::string> out;
  std::set<std::string> seen;
  while (!open.empty() && out.size() < count) {
    Node node = open.top();
    open.pop();
    if (!seen.insert(node.number).second) continue;
    out.push_back(node.number);
    for (std::size_t i = node.from; i < read_.size(); ++i) {
      if (node.number[i] != read_[i]) continue;
      const double base = std::log(probability(i, read_[i]));
      for (const auto& [glyph, p] : odds_[i]) {
        if (glyph == read_[i]) continue;
        const double step = std::log(std::max(p, kFloor)) - base;
        if (node.logRatio + step < logFloor) break;  // sorted: the rest are less likely still
        std::string next = node.number;
        next[i] = glyph;
        open.push({node.logRatio + step, std::move(next), i + 1});
      }
    }
  }
  return out;
}

}  // namespace listaudit::models

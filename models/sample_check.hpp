#pragma once
// Random-sample verification of a list (California's rule, Elections Code
// 9030: a random sample of 3% of the rows or 500, whichever is more; the
// valid count projected from it; the list qualifies above 110% of the
// requirement, fails below 95%, and between the two every row is checked),
// as commissions that check a sample rather than every row do. Pure
// functions; thread-safe.
#include <cstdint>
#include <vector>

namespace listaudit::models {

// How many rows the sample draws from a list of `rows`: 3% (rounded up) or
// 500, whichever is more, and never more than the list has.
int sampleSize(int rows);

// The positions (0-based, ascending) of a simple random sample of
// sampleSize(rows) out of `rows`, the same for the same seed on every
// machine (a Mersenne Twister of the standard's definition and a partial
// Fisher-Yates shuffle with unbiased draws: no library's own shuffle).
std::vector<int> drawSample(int rows, std::uint64_t seed);

struct Projection {
  int rows = 0, sampled = 0, validInSample = 0;
  double projected = 0;   // rows * validInSample / sampled
  int low = 0, high = 0;  // the valid count of the whole list, 95% confidence (exact, hypergeometric)
  int required = 0;
  enum class Verdict { Qualifies, Fails, FullCheck, NoRequirement } verdict = Verdict::NoRequirement;
};

// The valid count of a list of `rows` projected from `validInSample` valid
// rows among `sampled` drawn at random without replacement, with its exact
// 95% interval (the valid counts under which what was seen is not in either
// 2.5% tail of the hypergeometric distribution) and the rule's verdict
// against `required` (0: none given).
Projection projectValid(int rows, int sampled, int validInSample, int required);

}  // namespace listaudit::models

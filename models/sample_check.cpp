#include "models/sample_check.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace listaudit::models {
namespace {

constexpr double kShare = 0.03;
constexpr int kAtLeast = 500;
constexpr double kTail = 0.025;  // each side of a 95% interval

// log of the hypergeometric probability of k valid among n drawn from N rows of which K are valid.
double logPmf(int k, int n, int N, int K) {
  auto logChoose = [](int a, int b) { return std::lgamma(a + 1.0) - std::lgamma(b + 1.0) - std::lgamma(a - b + 1.0); };
  if (k < std::max(0, n - (N - K)) || k > std::min(n, K)) return -INFINITY;
  return logChoose(K, k) + logChoose(N - K, n - k) - logChoose(N, n);
}

// P(X <= x) and P(X >= x) for X hypergeometric(N, K, n).
double atMost(int x, int n, int N, int K) {
  double p = 0;
  for (int k = 0; k <= x; ++k) p += std::exp(logPmf(k, n, N, K));
  return std::min(1.0, p);
}
double atLeast(int x, int n, int N, int K) {
  double p = 0;
  for (int k = x; k <= n; ++k) p += std::exp(logPmf(k, n, N, K));
  return std::min(1.0, p);
}

}  // namespace

int sampleSize(int rows) {
  if (rows <= 0) return 0;
  const int share = static_cast<int>(std::ceil(rows * kShare));
  return std::min(rows, std::max(share, kAtLeast));
}

std::vector<int> drawSample(int rows, std::uint64_t seed) {
  const int n = sampleSize(rows);
  std::vector<int> order(static_cast<std::size_t>(rows));
  for (int i = 0; i < rows; ++i) order[static_cast<std::size_t>(i)] = i;
  std::mt19937_64 random(seed);
  // An unbiased draw below `bound` from the generator's raw 64-bit output.
  auto below = [&](std::uint64_t bound) {
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    for (;;)
      if (const std::uint64_t v = random(); v < limit) return v % bound;
  };
  for (int i = 0; i < n; ++i) {
    const auto j = static_cast<std::size_t>(i) + below(static_cast<std::uint64_t>(rows - i));
    std::swap(order[static_cast<std::size_t>(i)], order[j]);
  }
  order.resize(static_cast<std::size_t>(n));
  std::sort(order.begin(), order.end());
  return order;
}

Projection projectValid(int rows, int sampled, int validInSample, int required) {
  Projection p;
  p.rows = rows;
  p.sampled = sampled;
  p.validInSample = validInSample;
  p.required = required;
  if (sampled <= 0 || rows <= 0) return p;
  p.projected = static_cast<double>(rows) * validInSample / sampled;
  // The least K under which seeing validInSample or more is not in the upper
  // tail, and the most under which seeing it or fewer is not in the lower:
  // P(X >= x | K) grows with K and P(X <= x | K) shrinks, so both bisect.
  const int x = validInSample;
  int lo = x, hi = rows - (sampled - x);  // what the sample alone allows
  while (lo < hi) {
    const int mid = lo + (hi - lo) / 2;
    if (atLeast(x, sampled, rows, mid) > kTail)
      hi = mid;
    else
      lo = mid + 1;
  }
  p.low = lo;
  lo = x;
  hi = rows - (sampled - x);
  while (lo < hi) {
    const int mid = lo + (hi - lo + 1) / 2;
    if (atMost(x, sampled, rows, mid) > kTail)
      lo = mid;
    else
      hi = mid - 1;
  }
  p.high = lo;
  if (required > 0) {
    if (p.projected > 1.10 * required)
      p.verdict = Projection::Verdict::Qualifies;
    else if (p.projected < 0.95 * required)
      p.verdict = Projection::Verdict::Fails;
    else
      p.verdict = Projection::Verdict::FullCheck;
  }
  return p;
}

}  // namespace listaudit::models

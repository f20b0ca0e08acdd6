#pragma once
// The pairs of signatures alike enough that one hand or one copy made them,
// found among many thousand without comparing every pair. Pure function,
// thread-safe.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace listaudit::models {

struct SignaturePair {
  std::size_t a = 0, b = 0;  // indexes into the shapes, a < b
  double similarity = 0;     // shapeSimilarity() of the two
};

// Up to `comparedInFull` shapes, every pair whose inks are close enough to
// match is compared (exact). Above, pairs are first blocked by a shape key
// (random-hyperplane hashing of the shapes, from a fixed seed): only shapes
// that share a key in one of the tables are compared. The keys get longer as
// the shapes grow in number, one bit for each doubling, so that the shapes
// that share a key by chance stay about as many per shape; the tables grow
// with them, so that a pair at minSimilarity still shares a key in one table
// as often as it did with 32 tables of 16 bits (`blockingFor`). The pairs
// compared by chance then grow about as the shapes do, but the pairs alike
// (and the near-alike ones, which share keys often) grow with the square of
// their number where many shapes look alike: on the bench's generated
// signatures 26.5 times the time for 10 times the shapes
// (`listaudit bench speed --registers`). A pair at exactly
// minSimilarity 0.9 escapes every table about twice in a hundred times; a
// copy, at 0.97 and above, almost never. Pairs in (a, b) order.
inline constexpr std::size_t kComparedInFull = 1000;

struct Blocking {
  int tables = 0, bits = 0;  // bits of a key: 16 to 30
};
// The tables and key length used for `shapes` shapes of one size.
Blocking blockingFor(std::size_t shapes, double minSimilarity);

std::vector<SignaturePair> similarSignaturePairs(const std::vector<const std::vector<std::uint8_t>*>& shapes,
                                                 double minSimilarity, std::size_t comparedInFull = kComparedInFull);

}  // namespace listaudit::models

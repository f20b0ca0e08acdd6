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
// (random-hyperplane hashing of the shapes, in kHashTables tables of
// kHashBits bits each, from a fixed seed): only shapes that share a table's
// key are compared. That is far from every pair, but not linear: more shapes
// share a key as their number grows (`listaudit bench speed --registers`:
// 0.5 s for 10,000, 17 s for 100,000). A pair at exactly minSimilarity 0.9
// escapes every table about twice in a hundred times (2 of 164 pairs on that
// benchmark); a copy, at 0.97 and above, almost never. Pairs in (a, b) order.
inline constexpr std::size_t kComparedInFull = 1000;
inline constexpr int kHashTables = 32, kHashBits = 16;
std::vector<SignaturePair> similarSignaturePairs(const std::vector<const std::vector<std::uint8_t>*>& shapes,
                                                 double minSimilarity, std::size_t comparedInFull = kComparedInFull);

}  // namespace listaudit::models

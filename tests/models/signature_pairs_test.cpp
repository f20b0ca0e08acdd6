#include "models/signature_pairs.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>
#include <set>

#include "models/signature_similarity.hpp"

namespace listaudit::models {
namespace {

constexpr std::size_t kShapeSize = 64 * 24;

// A shape of a few random strokes (runs of ink along rows), blurred a little
// as the page phase blurs: unlike any other but its planted copies.
std::vector<std::uint8_t> strokes(std::mt19937_64& random) {
  std::vector<std::uint8_t> s(kShapeSize, 0);
  for (int k = 0; k < 12; ++k) {
    const std::size_t y = random() % 24, x = random() % 56, length = 3 + random() % 8;
    for (std::size_t i = 0; i < length && x + i < 64; ++i) {
      s[y * 64 + x + i] = 255;
      if (y + 1 < 24) s[(y + 1) * 64 + x + i] = 128;
    }
  }
  return s;
}

// Many shapes, every 50th a copy of an earlier one with a few grey values
// changed (a scan's noise): the copies' pairs, and the shapes.
std::vector<std::vector<std::uint8_t>> shapesWithCopies(int count,
                                                        std::set<std::pair<std::size_t, std::size_t>>& copies) {
  std::mt19937_64 random(7);
  std::vector<std::vector<std::uint8_t>> shapes;
  for (int i = 0; i < count; ++i) {
    if (i % 50 == 49) {
      const std::size_t original = random() % static_cast<std::size_t>(i);
      auto copy = shapes[original];
      for (int k = 0; k < 40; ++k) copy[random() % kShapeSize] ^= 0x20;
      copies.insert({original, static_cast<std::size_t>(i)});
      shapes.push_back(copy);
    } else {
      shapes.push_back(strokes(random));
    }
  }
  return shapes;
}

std::set<std::pair<std::size_t, std::size_t>> pairsOf(const std::vector<SignaturePair>& found) {
  std::set<std::pair<std::size_t, std::size_t>> out;
  for (const auto& p : found) out.insert({p.a, p.b});
  return out;
}

TEST(SignaturePairs, blockingByTheShapeKeyFindsWhatComparingEveryPairFinds) {
  std::set<std::pair<std::size_t, std::size_t>> copies;
  const auto shapes = shapesWithCopies(1500, copies);
  std::vector<const std::vector<std::uint8_t>*> refs;
  for (const auto& s : shapes) refs.push_back(&s);
  const auto full = similarSignaturePairs(refs, 0.9, refs.size());
  const auto blocked = similarSignaturePairs(refs, 0.9, 0);
  for (const auto& pair : copies) EXPECT_TRUE(pairsOf(full).count(pair));
  EXPECT_GE(full.size(), copies.size());
  EXPECT_EQ(pairsOf(blocked), pairsOf(full));
  for (const auto& p : blocked) {
    EXPECT_LT(p.a, p.b);
    EXPECT_DOUBLE_EQ(p.similarity, shapeSimilarity(shapes[p.a], shapes[p.b]));
    EXPECT_GE(p.similarity, 0.9);
  }
}

// The keys lengthen by a bit for each doubling of the shapes, and the tables
// grow so that a pair at the threshold is found as often as by the 32 tables
// of 16 bits measured at 10,000 shapes.
TEST(SignaturePairs, keysLengthenAndTablesGrowWithTheShapes) {
  const Blocking base = blockingFor(10'000, 0.9);
  EXPECT_EQ(base.bits, 16);
  EXPECT_EQ(base.tables, 32);
  const Blocking tenfold = blockingFor(100'000, 0.9), hundredfold = blockingFor(1'000'000, 0.9);
  EXPECT_EQ(tenfold.bits, 19);
  EXPECT_EQ(hundredfold.bits, 22);
  EXPECT_GT(tenfold.tables, base.tables);
  EXPECT_GT(hundredfold.tables, tenfold.tables);
  const auto foundAt = [](const Blocking& b) {
    const double side = 1 - std::acos(0.9) / std::numbers::pi;
    return 1 - std::pow(1 - std::pow(side, b.bits), b.tables);
  };
  EXPECT_GE(foundAt(tenfold), foundAt(base));
  EXPECT_GE(foundAt(hundredfold), foundAt(base));
  EXPECT_LT(foundAt(hundredfold), foundAt(base) + 0.01);  // no more tables than that needs
  EXPECT_EQ(blockingFor(1500, 0.9).bits, 16);             // never fewer than the base
}

TEST(SignaturePairs, shapesOfDifferentSizesOrNoneNeverPair) {
  const std::vector<std::uint8_t> a(kShapeSize, 0), empty;
  std::vector<std::uint8_t> b = a, c(kShapeSize / 2, 0);
  b[5] = c[5] = 255;
  std::vector<std::uint8_t> a2 = a;
  a2[5] = 255;
  EXPECT_EQ(similarSignaturePairs({&a2, &c, &empty, &b}, 0.9).size(), 1u);  // a2 and b only
}

}  // namespace
}  // namespace listaudit::models

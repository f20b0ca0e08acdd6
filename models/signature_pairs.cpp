#include "models/signature_pairs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <random>
#include <tuple>

#include "models/signature_similarity.hpp"

namespace listaudit::models {
namespace {

// Relative. Stroke width does not scale with the cell, so one hand in a wider
// cell or at another resolution shows up to about a third more or less ink;
// shapes further apart in ink are not compared.
constexpr double kInkTolerance = 0.5;
// Shapes are hashed at a quarter of their resolution (four neighbouring grey
// values summed): a shape key need not see every pixel, and it costs a quarter.
constexpr std::size_t kPooled = 4;
// The share of a pooled shape each hyperplane looks at (sparse random
// projections, Achlioptas 2003): a third of the work of a dense one.
constexpr int kHyperplaneDensity = 3;
constexpr std::uint64_t kHashSeed = 20231122;

bool inkClose(double a, double b) { return std::max(a, b) <= std::min(a, b) * (1 + kInkTolerance); }

// The sums one shape's correlation with any other needs, kept so that a pair
// costs one integer dot product.
struct ShapeSums {
  std::int64_t sum = 0, squares = 0;
};

ShapeSums sumsOf(const std::vector<std::uint8_t>& s) {
  ShapeSums out;
  for (std::uint8_t v : s) {
    out.sum += v;
    out.squares += static_cast<std::int64_t>(v) * v;
  }
  return out;
}

// shapeSimilarity() from the kept sums (the same value up to rounding).
double quickSimilarity(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b, const ShapeSums& sa,
                       const ShapeSums& sb) {
  std::int64_t dot = 0;
  for (std::size_t i = 0; i < a.size(); ++i) dot += static_cast<std::int32_t>(a[i]) * b[i];
  const double n = static_cast<double>(a.size());
  const double cov = static_cast<double>(dot) - static_cast<double>(sa.sum) * static_cast<double>(sb.sum) / n;
  const double va = static_cast<double>(sa.squares) - static_cast<double>(sa.sum) * static_cast<double>(sa.sum) / n;
  const double vb = static_cast<double>(sb.squares) - static_cast<double>(sb.sum) * static_cast<double>(sb.sum) / n;
  return va > 0 && vb > 0 ? cov / std::sqrt(va * vb) : 0;
}

struct Hyperplane {
  std::vector<std::uint32_t> plus, minus;  // pooled positions added and taken away
};

// The same hyperplanes on every machine: drawn from std::mt19937_64's bits,
// whose sequence the standard fixes.
std::vector<Hyperplane> hyperplanes(std::size_t pooledSize, const Blocking& blocking) {
  std::mt19937_64 bits(kHashSeed);
  std::vector<Hyperplane> planes(static_cast<std::size_t>(blocking.tables) * static_cast<std::size_t>(blocking.bits));
  for (Hyperplane& h : planes)
    for (std::uint32_t i = 0; i < pooledSize; ++i) {
      const std::uint64_t draw = bits() % (2 * kHyperplaneDensity);
      if (draw == 0) h.plus.push_back(i);
      if (draw == 1) h.minus.push_back(i);
    }
  return planes;
}

// Each shape's key in every table: the sides of the hyperplanes its
// mean-centred, pooled shape lies on.
std::vector<std::uint32_t> shapeKeys(const std::vector<std::uint8_t>& shape, const ShapeSums& sums,
                                     const std::vector<Hyperplane>& planes, const Blocking& blocking) {
  const std::size_t pooledSize = shape.size() / kPooled;
  const double mean = static_cast<double>(sums.sum) / static_cast<double>(shape.size());
  std::vector<float> pooled(pooledSize);
  for (std::size_t i = 0; i < pooledSize; ++i) {
    int s = 0;
    for (std::size_t k = 0; k < kPooled; ++k) s += shape[i * kPooled + k];
    pooled[i] = static_cast<float>(s - mean * kPooled);
  }
  std::vector<std::uint32_t> keys(static_cast<std::size_t>(blocking.tables), 0);
  for (int t = 0; t < blocking.tables; ++t)
    for (int b = 0; b < blocking.bits; ++b) {
      const Hyperplane& h = planes[static_cast<std::size_t>(t * blocking.bits + b)];
      float side = 0;
      for (std::uint32_t i : h.plus) side += pooled[i];
      for (std::uint32_t i : h.minus) side -= pooled[i];
      keys[static_cast<std::size_t>(t)] = keys[static_cast<std::size_t>(t)] << 1 | (side > 0 ? 1u : 0u);
    }
  return keys;
}

// Shapes of one size: compared in full, or blocked by their keys.
void pairsOfOneSize(const std::vector<const std::vector<std::uint8_t>*>& shapes,
                    const std::vector<std::size_t>& members, double minSimilarity, std::size_t comparedInFull,
                    std::vector<SignaturePair>& out) {
  std::vector<double> ink(shapes.size());
  std::vector<ShapeSums> sums(shapes.size());
  for (std::size_t i : members) {
    sums[i] = sumsOf(*shapes[i]);
    // The share of the shape that is ink, 0 to 1: shapes far apart in it
    // cannot match. From the sum just taken, not a second pass.
    ink[i] = static_cast<double>(sums[i].sum) / (255.0 * static_cast<double>(shapes[i]->size()));
  }
  // Each pair is considered once: in full, once; blocked, in the first table
  // whose key it shares.
  const auto consider = [&](std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    if (!inkClose(ink[a], ink[b])) return;
    if (quickSimilarity(*shapes[a], *shapes[b], sums[a], sums[b]) < minSimilarity - 1e-9) return;
    // The figure the evidence gives, computed as it always was.
    const double s = shapeSimilarity(*shapes[a], *shapes[b]);
    if (s >= minSimilarity) out.push_back({a, b, s});
  };
  if (members.size() <= comparedInFull || shapes[members.front()]->size() < kPooled) {
    // Sorted by ink, each shape is compared with those of close ink after it.
    std::vector<std::size_t> byInk = members;
    std::sort(byInk.begin(), byInk.end(), [&](std::size_t a, std::size_t b) { return ink[a] < ink[b]; });
    for (std::size_t x = 0; x < byInk.size(); ++x)
      for (std::size_t y = x + 1; y < byInk.size() && inkClose(ink[byInk[x]], ink[byInk[y]]); ++y)
        consider(byInk[x], byInk[y]);
    return;
  }
  const Blocking blocking = blockingFor(members.size(), minSimilarity);
  const auto planes = hyperplanes(shapes[members.front()]->size() / kPooled, blocking);
  std::vector<std::vector<std::uint32_t>> keys;  // by place in members
  keys.reserve(members.size());
  for (std::size_t i : members) keys.push_back(shapeKeys(*shapes[i], sums[i], planes, blocking));
  const auto sharedEarlier = [&](std::size_t x, std::size_t y, std::size_t table) {
    for (std::size_t t = 0; t < table; ++t)
      if (keys[x][t] == keys[y][t]) return true;
    return false;
  };
  std::vector<std::pair<std::uint32_t, std::size_t>> table(members.size());
  for (std::size_t t = 0; t < static_cast<std::size_t>(blocking.tables); ++t) {
    for (std::size_t m = 0; m < members.size(); ++m) table[m] = {keys[m][t], m};
    std::sort(table.begin(), table.end());
    for (std::size_t x = 0; x < table.size(); ++x)
      for (std::size_t y = x + 1; y < table.size() && table[y].first == table[x].first; ++y)
        if (!sharedEarlier(table[x].second, table[y].second, t))
          consider(members[table[x].second], members[table[y].second]);
  }
}

}  // namespace

Blocking blockingFor(std::size_t shapes, double minSimilarity) {
  // 32 tables of 16 bits were measured at 10,000 shapes (2 of 164 pairs at
  // 0.9 escaped). One bit more for each doubling beyond keeps the keys shared
  // by chance about as many per shape.
  constexpr int kBaseTables = 32, kBaseBits = 16, kMostBits = 30, kMostTables = 512;
  const int bits =
      std::clamp(static_cast<int>(std::ceil(std::log2(std::max<double>(shapes, 2)))) + 2, kBaseBits, kMostBits);
  // The chance that one hyperplane leaves a pair at minSimilarity on one side
  // (Charikar 2002), and the chance the base blocking puts it in one table.
  const double side = 1 - std::acos(std::clamp(minSimilarity, -1.0, 1.0)) / std::numbers::pi;
  const double found = 1 - std::pow(1 - std::pow(side, kBaseBits), kBaseTables);
  const double perTable = std::pow(side, bits);
  int tables = kBaseTables;
  if (perTable > 0 && perTable < 1 && found < 1)
    tables = static_cast<int>(std::ceil(std::log(1 - found) / std::log(1 - perTable) - 1e-9));
  return {std::clamp(tables, kBaseTables, kMostTables), bits};
}

std::vector<SignaturePair> similarSignaturePairs(const std::vector<const std::vector<std::uint8_t>*>& shapes,
                                                 double minSimilarity, std::size_t comparedInFull) {
  std::map<std::size_t, std::vector<std::size_t>> bySize;  // shapes of different sizes never match
  for (std::size_t i = 0; i < shapes.size(); ++i)
    if (!shapes[i]->empty()) bySize[shapes[i]->size()].push_back(i);
  std::vector<SignaturePair> out;
  for (const auto& [size, members] : bySize) pairsOfOneSize(shapes, members, minSimilarity, comparedInFull, out);
  std::sort(out.begin(), out.end(),
            [](const SignaturePair& x, const SignaturePair& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
  return out;
}

}  // namespace listaudit::models

#pragma once
// How alike two signature shapes are (the shapes the page phase stores for
// each signed cell: a fixed grid of grey values). Used by the batch check for
// repeated signatures. Pure functions, thread-safe.
#include <cstdint>
#include <vector>

namespace listaudit::models {

// Normalised cross-correlation of two shapes, -1 to 1; 0 when either is empty
// or their sizes differ.
double shapeSimilarity(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);

// The share of a shape's area that is ink, 0 to 1: shapes far apart in it
// cannot match, which lets a batch skip most comparisons.
double shapeInk(const std::vector<std::uint8_t>& shape);

}  // namespace listaudit::models

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

}  // namespace listaudit::models

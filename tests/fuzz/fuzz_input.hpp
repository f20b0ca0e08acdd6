#pragma once
// The readers take paths, as the tool does: each input of a fuzz run is
// written to a file of its own (per process, so parallel fuzzers do not
// share one) and read from there.
#include <cstddef>
#include <cstdint>
#include <string>

namespace listaudit::fuzz {

// Writes `data` to a temporary file ending in `suffix`; returns its path.
std::string inputFile(const std::uint8_t* data, std::size_t size, const std::string& suffix);

}  // namespace listaudit::fuzz

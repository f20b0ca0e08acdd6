#pragma once
// The clocks and the memory gauge the benchmarks share.
#include <sys/resource.h>

#include <chrono>

namespace listaudit::tools {

inline double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The process's peak resident memory so far, in MB.
inline long peakMemoryMb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;  // kilobytes on Linux
}

}  // namespace listaudit::tools

#include "tools/omp_guard.hpp"

#include <unistd.h>

#include <cstdlib>

namespace listaudit::tools {

void ensureSingleThreadedOpenMp(char** argv) {
  if (std::getenv("OMP_THREAD_LIMIT") != nullptr) return;
  if (setenv("OMP_THREAD_LIMIT", "1", 1) != 0) return;
  execv("/proc/self/exe", argv);
  // execv only returns on failure: go on in this process, slower but correct.
}

}  // namespace listaudit::tools

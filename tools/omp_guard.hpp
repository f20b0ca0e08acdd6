#pragma once
// libtesseract's OpenMP threads make OCR several times slower on a small
// machine, and OpenMP reads OMP_THREAD_LIMIT only when the process starts.
// So the tool re-executes itself once with OMP_THREAD_LIMIT=1 unless the
// variable is already set.

namespace listaudit::tools {

// Returns only when OMP_THREAD_LIMIT is set (or re-executing failed, in which
// case OCR is slower but correct). Otherwise replaces the process.
void ensureSingleThreadedOpenMp(char** argv);

}  // namespace listaudit::tools

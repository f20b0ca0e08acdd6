#pragma once
// A Leptonica image owned as a unique_ptr that calls pixDestroy, in the
// manner of SQLiteCpp's RAII handles: no PIX is ever freed by hand.
#include <leptonica/allheaders.h>

#include <memory>

namespace listaudit::pipeline {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

}  // namespace listaudit::pipeline

#pragma once
// The page phase's progress as a person reads it on stderr: pages done of
// all, pages a second and the time left. On a terminal one line redrawn in
// place; into a file or a pipe (a batch job's log) a plain line every
// `every` pages, and for every page that could not be read. Never a name or
// a number: list ids and page numbers only.
#include <chrono>
#include <cstdio>

#include "pipeline/page_pipeline.hpp"

namespace listaudit::tools {

class ProgressPrinter {
 public:
  explicit ProgressPrinter(std::FILE* out);
  void operator()(const pipeline::PageProgress& p);

 private:
  std::FILE* out_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  int resumed_ = 0;  // pages taken from an interrupted run: not part of the rate
};

}  // namespace listaudit::tools

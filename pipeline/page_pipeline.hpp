#pragma once
// The page phase: every page of every list through clean, layout and read,
// in parallel, into the store in list and page order. The only place that
// knows about oneTBB.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "models/error_reporter.hpp"
#include "models/records.hpp"
#include "models/store.hpp"

namespace listaudit::pipeline {

struct PageProgress {
  int done = 0;          // pages stored so far, read or not
  bool resumed = false;  // this page was in the store already
  int total = 0;         // pages in the batch, as far as the scans could be opened
  std::string listId;
  int page = 0;
  int rows = 0;
  bool failed = false;
};

struct PagePhaseOptions {
  int jobs = 0;  // threads; 0 for one per core
  // Pages a resumed run already holds in the store, with their row counts:
  // counted, not read again.
  std::map<std::pair<std::string, int>, int> alreadyStored;
  // Called from one thread, in page order.
  std::function<void(const PageProgress&)> progress;
};

// CPU seconds each stage of the page phase spent, summed over its threads.
struct StageSeconds {
  double decode = 0, clean = 0, layout = 0, read = 0, store = 0;
  // The read stage's seconds by reader and task ("numbers, Tesseract", ...).
  std::map<std::string, double> reading;
};

struct PagePhaseResult {
  int pages = 0;      // pages found
  int pagesRead = 0;  // pages whose rows are in the store
  int rows = 0;
  int errors = 0;  // lists and pages that could not be read
  StageSeconds cpu;
};

// Reads `lists` into `store` (which must already hold the lists). Every input
// that cannot be read (a list's scans, a page) is reported to `errors`, from
// one thread, in page order; nothing here throws for bad input. Misuse
// (jobs < 0) throws std::invalid_argument.
PagePhaseResult readPages(const std::vector<models::ListEntry>& lists, models::Store& store,
                          models::ErrorReporter& errors, const PagePhaseOptions& options);

}  // namespace listaudit::pipeline

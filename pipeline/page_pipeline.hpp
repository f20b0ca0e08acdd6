#pragma once
// The page phase: every page of every list through clean, layout and read,
// in parallel, into the store in list and page order. The only place that
// knows about oneTBB.
#include <functional>
#include <string>
#include <vector>

#include "models/records.hpp"
#include "models/store.hpp"

namespace listaudit::pipeline {

struct PageProgress {
  int done = 0;   // pages stored so far, read or not
  int total = 0;  // pages in the batch, as far as the scans could be opened
  std::string listId;
  int page = 0;
  int rows = 0;
  bool failed = false;
};

struct PagePhaseOptions {
  int jobs = 0;  // threads; 0 for one per core
  // Both called from one thread, in page order.
  std::function<void(const PageProgress&)> progress;
  std::function<void(const models::InputError&)> onError;
};

struct PagePhaseResult {
  int pages = 0;      // pages found
  int pagesRead = 0;  // pages whose rows are in the store
  int rows = 0;
  int errors = 0;  // lists and pages that could not be read
};

// Reads `lists` into `store` (which must already hold the lists). Every input
// that cannot be read becomes an error row in the store; nothing here throws
// for bad input. Misuse (jobs < 0) throws std::invalid_argument.
PagePhaseResult readPages(const std::vector<models::ListEntry>& lists, models::Store& store,
                          const PagePhaseOptions& options);

}  // namespace listaudit::pipeline

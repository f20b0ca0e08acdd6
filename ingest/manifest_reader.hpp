#pragma once
// Reads the batch manifest (contract section 2).
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "models/records.hpp"

namespace listaudit::ingest {

struct Manifest {
  std::vector<models::ListEntry> lists;    // the usable lines, in file order
  std::vector<models::InputError> errors;  // one per line that cannot be used, naming the line
};

// Throws CsvError when the manifest cannot be used at all: missing, empty, no
// header, a required column absent, malformed quoting. A bad line (empty
// list_id, a repeated list_id, a bad date, an unknown country, no path) is an
// error entry and the other lines are still read.
Manifest readManifest(const std::string& path);

}  // namespace listaudit::ingest

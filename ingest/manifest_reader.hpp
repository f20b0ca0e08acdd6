#pragma once
// Reads the batch manifest (contract section 2).
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "models/error_reporter.hpp"
#include "models/records.hpp"

namespace listaudit::ingest {

// The usable lines, in file order, with paths resolved against the manifest's
// folder. Throws CsvError when the manifest cannot be used at all: missing,
// empty, no header, a required column absent, malformed quoting. A bad line
// (empty list_id, a repeated list_id, a bad date, an unknown country, no
// path) is reported, naming the line, and the other lines are still read.
std::vector<models::ListEntry> readManifest(const std::string& path, models::ErrorReporter& errors);

}  // namespace listaudit::ingest

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
// path, a line not in UTF-8 or not as wide as the header) is reported,
// naming the line, and the other lines are still read.
//
// Paths stay inside the manifest's folder unless `paths` says otherwise: a
// manifest is an input like any other, and `../../home/x/.ssh/id_rsa` or
// `/etc/shadow` in it must not be read and shown in a report. The test is on
// the path as written (lexically): links inside the folder are the
// operator's own.
enum class ManifestPaths { InsideItsFolder, Anywhere };
std::vector<models::ListEntry> readManifest(const std::string& path, models::ErrorReporter& errors,
                                            ManifestPaths paths = ManifestPaths::InsideItsFolder);

}  // namespace listaudit::ingest

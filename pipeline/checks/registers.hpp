#pragma once
// The registers a run was given, ready for look-ups: each (population,
// consent, complaints) streamed into an indexed file of the cache, imported
// once per content and then reused, so registers of millions of rows are
// never held in memory. A register not given stays empty, and its checks are
// not made.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ingest/register_reader.hpp"
#include "models/consent_book.hpp"
#include "models/error_reporter.hpp"
#include "models/population_index.hpp"

namespace listaudit::pipeline {

struct RegisterPaths {
  std::string population, consent, complaints;  // empty when not given
  std::string cacheDir;                         // where imported registers are kept
};

struct Registers {
  std::optional<models::PopulationIndex> population;
  std::optional<models::ConsentBook> consent;
  std::optional<models::ComplaintBook> complaints;
  std::string populationName, consentName, complaintsName;  // file names, for evidence
  // Each given register's SHA-256, hashed once as it is loaded: the outputs
  // say which registers the rows were checked against.
  std::string populationSha256, consentSha256, complaintsSha256;
};

// Throws ingest::CsvError when a register cannot be used at all; bad lines are
// reported to `errors`, also when a register's earlier import is reused. A
// damaged import in the cache is replaced. `onImport` hears how many
// population rows are imported so far; `say` hears what is done about the
// cache.
Registers loadRegisters(const RegisterPaths& paths, models::ErrorReporter& errors,
                        const std::function<void(long long)>& onImport = {},
                        const std::function<void(const std::string&)>& say = {});

// True for a file name that an import into the cache folder writes (a
// register's import, or one a killed run left unfinished): what `purge
// --cache` erases.
bool isImportedRegisterFile(const std::string& fileName);

// Each list's electronic copy, by list_id; a copy that cannot be read is an
// error, and its list is not compared.
using DigitalCopies = std::map<std::string, std::map<std::pair<int, int>, ingest::DigitalRow>>;
DigitalCopies loadDigitalCopies(const std::vector<models::ListEntry>& lists, models::ErrorReporter& errors);

}  // namespace listaudit::pipeline

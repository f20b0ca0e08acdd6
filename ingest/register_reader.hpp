#pragma once
// Streams the registers of contract section 4 record by record: nothing holds
// a whole register. A file that cannot be used at all (missing, no header, a
// required column absent) throws CsvError naming it; so does a population or
// consent register with a line that cannot be read (not UTF-8, the wrong
// number of fields), since its person would be flagged wrongly. Any other bad
// line is reported (naming file and line) and the rest is read.
#include <functional>
#include <map>
#include <string>

#include "ingest/csv_reader.hpp"
#include "models/error_reporter.hpp"
#include "models/records.hpp"

namespace listaudit::ingest {

// At most this many bad lines of one register are reported one by one; the
// rest are counted in one last error.
inline constexpr int kMaxLineErrors = 100;

void readPopulation(const std::string& path, const std::function<void(const models::Person&)>& onPerson,
                    models::ErrorReporter& errors);
void readConsent(const std::string& path, const std::function<void(const models::ConsentRecord&)>& onRecord,
                 models::ErrorReporter& errors);
void readComplaints(const std::string& path, const std::function<void(const models::Complaint&)>& onRecord,
                    models::ErrorReporter& errors);

// A list's electronic copy (contract section 2: page, row, full_name,
// national_id), keyed by page and row.
struct DigitalRow {
  std::string fullName, nationalId;
  int line = 0;
};
std::map<std::pair<int, int>, DigitalRow> readDigitalCopy(const std::string& path, models::ErrorReporter& errors);

}  // namespace listaudit::ingest

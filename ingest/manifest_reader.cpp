#include "ingest/manifest_reader.hpp"

#include <filesystem>
#include <optional>
#include <set>

#include "models/country.hpp"

namespace listaudit::ingest {
namespace {

// The list on one manifest line, or, when the line cannot be used, why not.
struct ManifestLine {
  models::ListEntry entry;
  std::string problem;
};

// `seen` holds the list_ids of the lines before, and takes this line's.
// Whether `written`, resolved against `folder`, stays inside it.
bool staysInside(const std::filesystem::path& folder, const std::string& written) {
  const std::filesystem::path p(written);
  if (p.is_absolute()) return false;
  const std::filesystem::path relative = (folder / p).lexically_normal().lexically_relative(folder);
  return !relative.empty() && *relative.begin() != "..";
}

ManifestLine parseLine(const CsvHeader& header, const std::vector<std::string>& record, int line,
                       const std::filesystem::path& folder, ManifestPaths paths, std::set<std::string>& seen) {
  ManifestLine out;
  models::ListEntry& e = out.entry;
  e.manifestLine = line;
  e.listId = header.get(record, "list_id");
  e.party = header.get(record, "party");
  const std::optional<models::Country> country = models::Country::fromCode(header.get(record, "country"));
  const std::string scans = header.get(record, "path");
  const std::string digital = header.get(record, "digital_path");
  e.electionDate = models::Date::parse(header.get(record, "election_date"));
  e.submittedOn = models::Date::parse(header.get(record, "submitted_on"));

  if (e.listId.empty())
    out.problem = "list_id is empty";
  else if (!seen.insert(e.listId).second)
    out.problem = "list_id repeats an earlier line's";
  else if (scans.empty())
    out.problem = "path is empty";
  else if (!e.electionDate)
    out.problem = "election_date is not a date as YYYY-MM-DD";
  else if (!e.submittedOn)
    out.problem = "submitted_on is not a date as YYYY-MM-DD";
  else if (!country)
    out.problem = "country must be one of BG, RS, MK, ME, BA, AL, XK";
  else if (paths == ManifestPaths::InsideItsFolder && !staysInside(folder, scans))
    out.problem = "path leaves the manifest's folder (run with --allow-outside-paths to read it)";
  else if (paths == ManifestPaths::InsideItsFolder && !digital.empty() && !staysInside(folder, digital))
    out.problem = "digital_path leaves the manifest's folder (run with --allow-outside-paths to read it)";
  if (!out.problem.empty()) return out;
  e.country = *country;
  e.scanPath = (folder / scans).lexically_normal().string();
  if (!digital.empty()) e.digitalPath = (folder / digital).lexically_normal().string();
  return out;
}

}  // namespace

std::vector<models::ListEntry> readManifest(const std::string& path, models::ErrorReporter& errors,
                                            ManifestPaths paths) {
  const std::filesystem::path folder =
      std::filesystem::absolute(std::filesystem::path(path)).lexically_normal().parent_path();
  std::vector<models::ListEntry> lists;
  std::set<std::string> seen;
  forEachCsvRecord(
      path, {"list_id", "party", "election_date", "submitted_on", "path"},
      [&](const CsvHeader& header, const std::vector<std::string>& record, int line) {
        ManifestLine parsed = parseLine(header, record, line, folder, paths, seen);
        if (!parsed.problem.empty())
          errors.reportLine(path, line, parsed.problem);
        else
          lists.push_back(std::move(parsed.entry));
      },
      [&](int line, const std::string& reason) { errors.reportLine(path, line, reason); });
  return lists;
}

}  // namespace listaudit::ingest

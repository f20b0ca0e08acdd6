#include "ingest/manifest_reader.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

#include "models/national_id.hpp"

namespace listaudit::ingest {

Manifest readManifest(const std::string& path) {
  namespace fs = std::filesystem;
  CsvReader reader(path);
  std::vector<std::string> record;
  if (!reader.next(record)) throw CsvError(path + ": empty manifest, no header");
  const CsvHeader header(record);
  header.require({"list_id", "party", "election_date", "submitted_on", "path"}, path);

  const fs::path folder = fs::absolute(fs::path(path)).parent_path();
  Manifest manifest;
  std::set<std::string> seen;
  while (reader.next(record)) {
    if (record.size() == 1 && record[0].empty()) continue;  // a blank line
    const std::string where = path + " line " + std::to_string(reader.line());
    auto fail = [&](const std::string& why) { manifest.errors.push_back({where, 0, why}); };

    models::ListEntry e;
    e.manifestLine = reader.line();
    e.listId = header.get(record, "list_id");
    e.party = header.get(record, "party");
    e.country = header.get(record, "country");
    std::transform(e.country.begin(), e.country.end(), e.country.begin(),
                   [](unsigned char c) { return std::toupper(c); });
    const std::string scans = header.get(record, "path");
    const std::string digital = header.get(record, "digital_path");
    e.electionDate = models::Date::parse(header.get(record, "election_date"));
    e.submittedOn = models::Date::parse(header.get(record, "submitted_on"));

    if (e.listId.empty()) {
      fail("list_id is empty");
      continue;
    }
    if (!seen.insert(e.listId).second) {
      fail("list_id repeats an earlier line's");
      continue;
    }
    if (scans.empty()) {
      fail("path is empty");
      continue;
    }
    if (!e.electionDate) {
      fail("election_date is not a date as YYYY-MM-DD");
      continue;
    }
    if (!e.submittedOn) {
      fail("submitted_on is not a date as YYYY-MM-DD");
      continue;
    }
    if (!e.country.empty() && models::schemeForCountry(e.country) == models::IdScheme::Unknown) {
      fail("country must be one of BG, RS, MK, ME, BA, AL, XK");
      continue;
    }
    e.scanPath = (folder / scans).lexically_normal().string();
    if (!digital.empty()) e.digitalPath = (folder / digital).lexically_normal().string();
    manifest.lists.push_back(std::move(e));
  }
  return manifest;
}

}  // namespace listaudit::ingest

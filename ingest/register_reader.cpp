#include "ingest/register_reader.hpp"

#include <map>

#include "models/name_text.hpp"

namespace listaudit::ingest {
namespace {

// Reports a register's bad lines, up to kMaxLineErrors of them.
class LineErrors {
 public:
  LineErrors(std::string path, std::vector<models::InputError>& errors) : path_(std::move(path)), errors_(errors) {}
  ~LineErrors() {
    if (count_ > kMaxLineErrors)
      errors_.push_back({path_, 0, std::to_string(count_ - kMaxLineErrors) + " more bad lines not listed"});
  }
  void report(int line, const std::string& message) {
    if (++count_ <= kMaxLineErrors) errors_.push_back({path_ + " line " + std::to_string(line), 0, message});
  }

 private:
  std::string path_;
  std::vector<models::InputError>& errors_;
  int count_ = 0;
};

// An optional date column: empty is none; anything else must be a date.
std::optional<models::Date> optionalDate(const CsvHeader& header, const std::vector<std::string>& record,
                                         const std::string& column, LineErrors& errors, int line) {
  const std::string text = header.get(record, column);
  if (text.empty()) return std::nullopt;
  auto date = models::Date::parse(text);
  if (!date) errors.report(line, column + " is not a date as YYYY-MM-DD; taken as none");
  return date;
}

// Opens a register, checks its header and hands each non-blank record on.
template <class OnRecord>
void forEachRecord(const std::string& path, const std::vector<std::string>& required, OnRecord onRecord) {
  CsvReader reader(path);
  std::vector<std::string> record;
  if (!reader.next(record)) throw CsvError(path + ": empty, no header");
  const CsvHeader header(record);
  header.require(required, path);
  while (reader.next(record)) {
    if (record.size() == 1 && record[0].empty()) continue;
    onRecord(header, record, reader.line());
  }
}

}  // namespace

void readPopulation(const std::string& path, const std::function<void(const models::Person&)>& onPerson,
                    std::vector<models::InputError>& errors) {
  LineErrors bad(path, errors);
  forEachRecord(path, {"national_id", "full_name", "birth_date", "death_date"},
                [&](const CsvHeader& h, const std::vector<std::string>& r, int line) {
                  models::Person p;
                  p.nationalId = h.get(r, "national_id");
                  if (p.nationalId.empty()) return bad.report(line, "national_id is empty; line skipped");
                  p.fullName = models::normaliseName(h.get(r, "full_name"));
                  p.birthDate = optionalDate(h, r, "birth_date", bad, line);
                  p.deathDate = optionalDate(h, r, "death_date", bad, line);
                  p.line = line;
                  onPerson(p);
                });
}

void readConsent(const std::string& path, const std::function<void(const models::ConsentRecord&)>& onRecord,
                 std::vector<models::InputError>& errors) {
  LineErrors bad(path, errors);
  forEachRecord(path, {"national_id", "full_name", "party", "signed_on", "withdrawn_on"},
                [&](const CsvHeader& h, const std::vector<std::string>& r, int line) {
                  models::ConsentRecord c;
                  c.nationalId = h.get(r, "national_id");
                  c.fullName = models::normaliseName(h.get(r, "full_name"));
                  c.party = h.get(r, "party");
                  if (c.nationalId.empty() && c.fullName.empty())
                    return bad.report(line, "neither national_id nor full_name; line skipped");
                  c.signedOn = optionalDate(h, r, "signed_on", bad, line);
                  c.withdrawnOn = optionalDate(h, r, "withdrawn_on", bad, line);
                  c.line = line;
                  onRecord(c);
                });
}

void readComplaints(const std::string& path, const std::function<void(const models::Complaint&)>& onRecord,
                    std::vector<models::InputError>& errors) {
  LineErrors bad(path, errors);
  forEachRecord(path, {"complaint_id", "national_id", "full_name", "party", "filed_on"},
                [&](const CsvHeader& h, const std::vector<std::string>& r, int line) {
                  models::Complaint c;
                  c.complaintId = h.get(r, "complaint_id");
                  c.nationalId = h.get(r, "national_id");
                  c.fullName = models::normaliseName(h.get(r, "full_name"));
                  c.party = h.get(r, "party");
                  if (c.nationalId.empty() && c.fullName.empty())
                    return bad.report(line, "neither national_id nor full_name; line skipped");
                  c.filedOn = optionalDate(h, r, "filed_on", bad, line);
                  c.line = line;
                  onRecord(c);
                });
}

std::map<std::pair<int, int>, DigitalRow> readDigitalCopy(const std::string& path,
                                                          std::vector<models::InputError>& errors) {
  LineErrors bad(path, errors);
  std::map<std::pair<int, int>, DigitalRow> rows;
  forEachRecord(path, {"page", "row", "full_name", "national_id"},
                [&](const CsvHeader& h, const std::vector<std::string>& r, int line) {
                  int page = 0, row = 0;
                  try {
                    page = std::stoi(h.get(r, "page"));
                    row = std::stoi(h.get(r, "row"));
                  } catch (const std::exception&) {
                    return bad.report(line, "page and row must be numbers; line skipped");
                  }
                  rows[{page, row}] = {models::normaliseName(h.get(r, "full_name")), h.get(r, "national_id"), line};
                });
  return rows;
}

}  // namespace listaudit::ingest

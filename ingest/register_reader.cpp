#include "ingest/register_reader.hpp"

#include <map>

#include "models/name_text.hpp"

namespace listaudit::ingest {
namespace {

// An optional date column: empty is none; anything else must be a date.
std::optional<models::Date> optionalDate(const std::string& path, const CsvHeader& header,
                                         const std::vector<std::string>& record, const std::string& column,
                                         models::ErrorReporter& errors, int line) {
  const std::string text = header.get(record, column);
  if (text.empty()) return std::nullopt;
  auto date = models::Date::parse(text);
  if (!date) errors.reportLine(path, line, column + " is not a date as YYYY-MM-DD; taken as none");
  return date;
}

// What a line that cannot be read at all (not UTF-8, the wrong number of
// fields) does to its file. A population or consent register with such a line
// cannot be used: the person on it would be flagged NOT_IN_REGISTER or
// NO_CONSENT for a line the tool never read. A complaint or an electronic
// copy line is only a check not made for that line.
enum class UnreadLine { RefusesTheFile, IsSkipped };

// Lines named in the message that refuses a register; the rest are counted.
constexpr int kRefusalLinesNamed = 5;

// Reads a register with its bad lines reported through a cap, and the count
// of those left unlisted reported once the file is read.
void readRecords(const std::string& path, const std::vector<std::string>& required, models::ErrorReporter& errors,
                 UnreadLine policy,
                 const std::function<void(const CsvHeader&, const std::vector<std::string>&, int,
                                          models::ErrorReporter&)>& onRecord) {
  models::CappedReporter bad(errors, path, kMaxLineErrors);
  int unread = 0;
  std::string named;
  forEachCsvRecord(
      path, required,
      [&](const CsvHeader& header, const std::vector<std::string>& record, int line) {
        onRecord(header, record, line, bad);
      },
      [&](int line, const std::string& reason) {
        if (policy == UnreadLine::IsSkipped) return bad.reportLine(path, line, reason + "; line skipped");
        if (++unread <= kRefusalLinesNamed) named += "; line " + std::to_string(line) + ": " + reason;
      });
  bad.finish();
  if (unread > 0)
    throw CsvError(path + ": " + std::to_string(unread) + " line(s) cannot be read" + named +
                   (unread > kRefusalLinesNamed ? "; ..." : "") +
                   ". The register cannot be used: a person on a line not read would be flagged wrongly. Save it as "
                   "UTF-8 CSV with every line as wide as the header and run again.");
}

// The fields a consent record and a complaint share: whom it concerns (a
// number or a name) and which party. False, and reported, when the line names
// nobody.
template <class Record>
bool readWhoAndParty(const std::string& path, const CsvHeader& h, const std::vector<std::string>& r, int line,
                     models::ErrorReporter& bad, Record& out) {
  out.nationalId = h.get(r, "national_id");
  out.fullName = models::normaliseName(h.get(r, "full_name"));
  out.party = h.get(r, "party");
  out.line = line;
  if (!out.nationalId.empty() || !out.fullName.empty()) return true;
  bad.reportLine(path, line, "neither national_id nor full_name; line skipped");
  return false;
}

}  // namespace

void readPopulation(const std::string& path, const std::function<void(const models::Person&)>& onPerson,
                    models::ErrorReporter& errors) {
  readRecords(path, {"national_id", "full_name", "birth_date", "death_date"}, errors, UnreadLine::RefusesTheFile,
              [&](const CsvHeader& h, const std::vector<std::string>& r, int line, models::ErrorReporter& bad) {
                models::Person p;
                p.nationalId = h.get(r, "national_id");
                if (p.nationalId.empty()) return bad.reportLine(path, line, "national_id is empty; line skipped");
                p.fullName = models::normaliseName(h.get(r, "full_name"));
                p.birthDate = optionalDate(path, h, r, "birth_date", bad, line);
                p.deathDate = optionalDate(path, h, r, "death_date", bad, line);
                p.line = line;
                onPerson(p);
              });
}

void readConsent(const std::string& path, const std::function<void(const models::ConsentRecord&)>& onRecord,
                 models::ErrorReporter& errors) {
  readRecords(path, {"national_id", "full_name", "party", "signed_on", "withdrawn_on"}, errors,
              UnreadLine::RefusesTheFile,
              [&](const CsvHeader& h, const std::vector<std::string>& r, int line, models::ErrorReporter& bad) {
                models::ConsentRecord c;
                if (!readWhoAndParty(path, h, r, line, bad, c)) return;
                c.signedOn = optionalDate(path, h, r, "signed_on", bad, line);
                c.withdrawnOn = optionalDate(path, h, r, "withdrawn_on", bad, line);
                onRecord(c);
              });
}

void readComplaints(const std::string& path, const std::function<void(const models::Complaint&)>& onRecord,
                    models::ErrorReporter& errors) {
  readRecords(path, {"complaint_id", "national_id", "full_name", "party", "filed_on"}, errors, UnreadLine::IsSkipped,
              [&](const CsvHeader& h, const std::vector<std::string>& r, int line, models::ErrorReporter& bad) {
                models::Complaint c;
                c.complaintId = h.get(r, "complaint_id");
                if (!readWhoAndParty(path, h, r, line, bad, c)) return;
                c.filedOn = optionalDate(path, h, r, "filed_on", bad, line);
                onRecord(c);
              });
}

std::map<std::pair<int, int>, DigitalRow> readDigitalCopy(const std::string& path, models::ErrorReporter& errors) {
  std::map<std::pair<int, int>, DigitalRow> rows;
  readRecords(path, {"page", "row", "full_name", "national_id"}, errors, UnreadLine::IsSkipped,
              [&](const CsvHeader& h, const std::vector<std::string>& r, int line, models::ErrorReporter& bad) {
                int page = 0, row = 0;
                try {
                  page = std::stoi(h.get(r, "page"));
                  row = std::stoi(h.get(r, "row"));
                } catch (const std::exception&) {
                  return bad.reportLine(path, line, "page and row must be numbers; line skipped");
                }
                rows[{page, row}] = {models::normaliseName(h.get(r, "full_name")), h.get(r, "national_id"), line};
              });
  return rows;
}

}  // namespace listaudit::ingest

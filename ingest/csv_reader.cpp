#include "ingest/csv_reader.hpp"

#include <csv.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>

namespace listaudit::ingest {
namespace {

void fieldCallback(void* data, std::size_t size, void* self) {
  static_cast<CsvReader*>(self)->onField(static_cast<const char*>(data), size);
}
void recordCallback(int, void* self) { static_cast<CsvReader*>(self)->onRecordEnd(); }

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}
std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

}  // namespace

CsvReader::CsvReader(const std::string& path)
    : path_(path), file_(std::fopen(path.c_str(), "rb"), &std::fclose), parser_(std::make_unique<csv_parser>()) {
  if (!file_) throw CsvError(path + ": cannot be opened");
  if (csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) throw CsvError(path + ": CSV parser unavailable");
}

CsvReader::~CsvReader() { csv_free(parser_.get()); }

void CsvReader::onField(const char* data, std::size_t size) { current_.emplace_back(data, size); }

void CsvReader::onRecordEnd() {
  ready_.push_back(std::move(current_));
  current_.clear();
}

bool CsvReader::fill() {
  char buffer[1 << 16];
  const std::size_t n = std::fread(buffer, 1, sizeof buffer, file_.get());
  if (n > 0) {
    if (csv_parse(parser_.get(), buffer, n, fieldCallback, recordCallback, this) != n)
      throw CsvError(path_ + ": malformed CSV after line " + std::to_string(line_ + static_cast<int>(ready_.size())) +
                     ": " + csv_strerror(csv_error(parser_.get())));
    return true;
  }
  if (std::ferror(file_.get())) throw CsvError(path_ + ": read error after line " + std::to_string(line_));
  if (csv_fini(parser_.get(), fieldCallback, recordCallback, this) != 0)
    throw CsvError(path_ + ": malformed CSV at its end (an unclosed quote?)");
  eof_ = true;
  return false;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  while (ready_.empty() && !eof_) fill();
  if (ready_.empty()) return false;
  fields = std::move(ready_.front());
  ready_.pop_front();
  ++line_;
  if (!bomChecked_) {
    bomChecked_ = true;
    if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);
  }
  return true;
}

CsvHeader::CsvHeader(const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i) index_.emplace(lower(trim(names[i])), static_cast<int>(i));
}

int CsvHeader::find(const std::string& name) const {
  const auto it = index_.find(lower(name));
  return it == index_.end() ? -1 : it->second;
}

void CsvHeader::require(const std::vector<std::string>& names, const std::string& path) const {
  std::string missing;
  for (const auto& n : names)
    if (find(n) < 0) missing += (missing.empty() ? "" : ", ") + n;
  if (!missing.empty()) throw CsvError(path + " line 1: required column(s) missing: " + missing);
}

std::string CsvHeader::get(const std::vector<std::string>& record, const std::string& name) const {
  const int i = find(name);
  if (i < 0 || static_cast<std::size_t>(i) >= record.size()) return {};
  return trim(record[static_cast<std::size_t>(i)]);
}

std::string recordProblem(const std::vector<std::string>& record, std::size_t columns) {
  for (std::size_t i = 0; i < record.size(); ++i) {
    // ICU's conversion refuses ill-formed UTF-8 (a Windows-1251 export, a
    // damaged byte) instead of silently turning it into U+FFFD.
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = 0;
    u_strFromUTF8(nullptr, 0, &length, record[i].data(), static_cast<int32_t>(record[i].size()), &status);
    if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR)
      return "field " + std::to_string(i + 1) + " is not valid UTF-8 (was the file saved in another encoding?)";
  }
  if (record.size() != columns)
    return std::to_string(record.size()) + " fields where the header has " + std::to_string(columns);
  return {};
}

void forEachCsvRecord(const std::string& path, const std::vector<std::string>& required,
                      const CsvRecordHandler& onRecord, const CsvBadRecordHandler& onBadRecord) {
  CsvReader reader(path);
  std::vector<std::string> record;
  if (!reader.next(record)) throw CsvError(path + ": empty, no header");
  if (const std::string problem = recordProblem(record, record.size()); !problem.empty())
    throw CsvError(path + " line 1: the header's " + problem);
  const CsvHeader header(record);
  header.require(required, path);
  const std::size_t columns = record.size();
  while (reader.next(record)) {
    if (record.size() == 1 && record[0].empty()) continue;  // a blank line
    if (const std::string problem = recordProblem(record, columns); !problem.empty()) {
      if (!onBadRecord) throw CsvError(path + " line " + std::to_string(reader.line()) + ": " + problem);
      onBadRecord(reader.line(), problem);
      continue;
    }
    onRecord(header, record, reader.line());
  }
}

}  // namespace listaudit::ingest

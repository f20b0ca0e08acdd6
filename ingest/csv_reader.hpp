#pragma once
// Streams records from an RFC 4180 CSV file (libcsv does the quoting rules),
// a chunk at a time, so a register of millions of rows is never held whole.
//
// Not thread-safe. Opening a missing file or a malformed quote throws
// CsvError, whose message names the file and the record.
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

struct csv_parser;

namespace listaudit::ingest {

class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class CsvReader {
 public:
  explicit CsvReader(const std::string& path);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // The next record into `fields`; false at the end of the file.
  bool next(std::vector<std::string>& fields);
  // The 1-based record number of the record last returned (the header is 1):
  // the file's line number unless a quoted field holds a line break.
  int line() const { return line_; }
  const std::string& path() const { return path_; }

  // Called by libcsv; public only for its C callbacks.
  void onField(const char* data, std::size_t size);
  void onRecordEnd();

 private:
  bool fill();

  std::string path_;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_;
  std::unique_ptr<csv_parser> parser_;
  std::vector<std::string> current_;
  std::deque<std::vector<std::string>> ready_;
  bool eof_ = false;
  bool bomChecked_ = false;
  int line_ = 0;
};

// Column positions by header name, matched without regard to case.
class CsvHeader {
 public:
  CsvHeader() = default;
  explicit CsvHeader(const std::vector<std::string>& names);
  // Index of the column, or -1 when absent.
  int find(const std::string& name) const;
  // Throws CsvError naming the file and every required column that is absent.
  void require(const std::vector<std::string>& names, const std::string& path) const;
  // The field of `record` in column `name`, trimmed; empty when absent.
  std::string get(const std::vector<std::string>& record, const std::string& name) const;

 private:
  std::map<std::string, int> index_;
};

// The one loop over a CSV file's records: opens `path`, checks that its
// header holds every `required` column, and hands each record that is not a
// blank line to `onRecord` with the header and the record's line. A record
// that cannot be a line of the file (not valid UTF-8, or not as many fields
// as the header) goes to `onBadRecord` with the reason instead, or, without
// one, throws CsvError naming the file and line. Throws CsvError naming the
// file when it cannot be used at all (missing, empty, no header, a header not
// in UTF-8, a required column absent, malformed quoting).
using CsvRecordHandler = std::function<void(const CsvHeader&, const std::vector<std::string>&, int line)>;
using CsvBadRecordHandler = std::function<void(int line, const std::string& reason)>;
void forEachCsvRecord(const std::string& path, const std::vector<std::string>& required,
                      const CsvRecordHandler& onRecord, const CsvBadRecordHandler& onBadRecord = {});

// Why `record` cannot be a line of a file with `columns` columns, or empty
// when it can.
std::string recordProblem(const std::vector<std::string>& record, std::size_t columns);

}  // namespace listaudit::ingest

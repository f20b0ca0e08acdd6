#pragma once
// Writes RFC 4180 CSV: a field is quoted (by libcsv) only when it holds a
// comma, a quote or a line break; lines end in CRLF as RFC 4180 says. A field
// a spreadsheet would run as a formula (starting with =, +, -, @, tab or
// carriage return) is written with an apostrophe before it (contract
// section 8): the inputs come from parties with a stake in the result.
// Not thread-safe. Throws std::runtime_error naming the file when it cannot
// be opened or written.
#include <fstream>
#include <string>
#include <vector>

namespace listaudit::pipeline {

class CsvWriter {
 public:
  explicit CsvWriter(const std::string& path);
  void write(const std::vector<std::string>& fields);
  // Flushes and checks that every byte reached the file.
  void close();

 private:
  std::string path_;
  std::ofstream out_;
};

// A field a spreadsheet would run, with the apostrophe that stops it.
std::string neutralised(const std::string& field);
// One field as it stands in a CSV line: neutralised, then quoted if need be.
std::string csvField(const std::string& text);

}  // namespace listaudit::pipeline

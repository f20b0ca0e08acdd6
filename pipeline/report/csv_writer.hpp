#pragma once
// Writes RFC 4180 CSV: a field is quoted (by libcsv) only when it holds a
// comma, a quote or a line break; lines end in CRLF as RFC 4180 says.
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

// One field as it stands in a CSV line.
std::string csvField(const std::string& field);

}  // namespace listaudit::pipeline

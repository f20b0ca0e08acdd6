#include "pipeline/report/csv_writer.hpp"

#include <csv.h>

#include <stdexcept>
#include <string_view>

namespace listaudit::pipeline {

std::string neutralised(const std::string& field) {
  if (field.empty() || std::string_view("=+-@\t\r").find(field.front()) == std::string_view::npos) return field;
  return "'" + field;
}

std::string csvField(const std::string& text) {
  const std::string field = neutralised(text);
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string quoted(field.size() * 2 + 2, '\0');
  quoted.resize(csv_write(quoted.data(), quoted.size(), field.data(), field.size()));
  return quoted;
}

CsvWriter::CsvWriter(const std::string& path) : path_(path), out_(path, std::ios::binary | std::ios::trunc) {
  if (!out_) throw std::runtime_error(path + ": cannot be written");
}

void CsvWriter::write(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ << ',';
    out_ << csvField(fields[i]);
  }
  out_ << "\r\n";
  if (!out_) throw std::runtime_error(path_ + ": write failed");
}

void CsvWriter::close() {
  out_.flush();
  if (!out_) throw std::runtime_error(path_ + ": write failed");
  out_.close();
}

}  // namespace listaudit::pipeline

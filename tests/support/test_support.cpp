#include "tests/support/test_support.hpp"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "ingest/csv_reader.hpp"

namespace listaudit::testing {

TempDir::TempDir() {
  std::random_device device;
  for (int attempt = 0; attempt < 100; ++attempt) {
    path_ = std::filesystem::temp_directory_path() / ("listaudit-test-" + std::to_string(device()));
    if (std::filesystem::create_directory(path_)) return;
  }
  throw std::runtime_error("cannot make a temporary folder");
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string dataDir() { return TEST_DATA_DIR; }

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void writeFile(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

std::vector<std::map<std::string, std::string>> readCsv(const std::string& path) {
  ingest::CsvReader reader(path);
  std::vector<std::string> header, record;
  std::vector<std::map<std::string, std::string>> rows;
  if (!reader.next(header)) return rows;
  while (reader.next(record)) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < record.size(); ++i) row[header[i]] = record[i];
    rows.push_back(std::move(row));
  }
  return rows;
}

models::RowRecord clearRow(const std::string& listId, int page, int row, const std::string& name,
                           const std::string& number) {
  models::RowRecord r;
  r.listId = listId;
  r.page = page;
  r.row = row;
  r.fullName = name;
  r.rawId = number;
  r.nationalId = number;
  r.nameConfidence = r.idConfidence = 0.99;
  r.signatureInk = 0.05;
  return r;
}

bool hasFlag(const models::JudgedRow& row, models::Flag flag) {
  for (const auto& f : row.findings)
    if (f.flag == flag) return true;
  return false;
}

models::ListEntry listEntry(const std::string& listId, const std::string& party) {
  models::ListEntry list;
  list.listId = listId;
  list.party = party;
  list.scanPath = "x.pdf";
  return list;
}

void addListPage(models::Store& store, const models::ListEntry& list, int page, std::vector<models::RowRecord> rows,
                 const std::string& collector) {
  store.addList(list);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].listId = list.listId;
    rows[i].page = page;
    if (rows[i].row == 0) rows[i].row = static_cast<int>(i) + 1;
  }
  models::PageRecord record;
  record.listId = list.listId;
  record.page = page;
  record.collector = collector;
  store.addPage(record, rows);
}

}  // namespace listaudit::testing

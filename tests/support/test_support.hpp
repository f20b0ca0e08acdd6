#pragma once
// Helpers every test folder shares: temporary folders, the sample batch,
// reading files and CSVs.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "models/records.hpp"
#include "models/store.hpp"

namespace listaudit::testing {

// A fresh empty folder under the system's temporary folder, removed when the
// object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::string dataDir();  // data-samples/
std::string readFile(const std::string& path);
void writeFile(const std::string& path, const std::string& content);

// A CSV file as header-keyed records (RFC 4180 via the project's reader).
std::vector<std::map<std::string, std::string>> readCsv(const std::string& path);

// A row read clearly (confidence 0.99) and signed, on `page`, numbered `row`.
models::RowRecord clearRow(const std::string& listId, int page, int row, const std::string& name,
                           const std::string& number);

bool hasFlag(const models::JudgedRow& row, models::Flag flag);

// A list of `party` whose scan is x.pdf (not read by the tests that use it).
models::ListEntry listEntry(const std::string& listId, const std::string& party);
// `list` added to `store` with one page, number `page`, holding `rows`; each
// row is set on that list and page, and numbered 1, 2, ... unless it has a number.
void addListPage(models::Store& store, const models::ListEntry& list, int page, std::vector<models::RowRecord> rows,
                 const std::string& collector = "");

}  // namespace listaudit::testing

#pragma once
// Helpers every test folder shares: temporary folders, the sample batch,
// reading files and CSVs.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

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

}  // namespace listaudit::testing

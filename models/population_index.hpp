#pragma once
// The population register as an indexed SQLite file: look-ups by number and
// by name key, so a register of millions of rows is imported once and then
// only queried. The file is named by the register's content, so a later run
// on the same register reuses it.
//
// Not thread-safe: one thread uses an index. SQLite errors throw
// SQLite::Exception.
#include <SQLiteCpp/Database.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

class PopulationIndex {
 public:
  // Opens a finished index; nullopt when `path` holds none (absent, or an
  // import that never finished). Throws DamagedIndex when the file is there
  // but is not a whole index (cut short, overwritten): the caller imports the
  // register anew rather than fail every later run.
  static std::optional<PopulationIndex> open(const std::string& path);
  class DamagedIndex : public std::runtime_error {
   public:
    using std::runtime_error::runtime_error;
  };

  // The register's bad lines, kept with its import so that a run reusing the
  // import reports them again.
  std::vector<InputError> importErrors() const;

  std::optional<Person> byNumber(const std::string& nationalId) const;
  // Everyone whose name has this nameKey().
  std::vector<Person> byNameKey(const std::string& key) const;
  long long size() const;

  // Fills a new index. Rows go in through add(); finish() builds the indexes
  // and marks the file complete, so an interrupted import is never reused.
  class Builder {
   public:
    explicit Builder(const std::string& path);
    void add(const Person& person);
    void addError(const InputError& error);
    void finish();

   private:
    std::unique_ptr<SQLite::Database> db_;
    std::unique_ptr<SQLite::Statement> insert_;
    long long pending_ = 0;
  };

 private:
  explicit PopulationIndex(std::unique_ptr<SQLite::Database> db) : db_(std::move(db)) {}
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace listaudit::models

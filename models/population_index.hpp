#pragma once
// The population register as an indexed SQLite file: look-ups by number and
// by name key, so a register of millions of rows is imported once and then
// only queried. The file is named by the register's content, so a later run
// on the same register reuses it.
//
// Not thread-safe: one thread uses an index. SQLite errors throw
// SQLite::Exception.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/records.hpp"
#include "models/register_file.hpp"

namespace listaudit::models {

class PopulationIndex {
 public:
  // Opens a finished index; nullopt when `path` holds none. Throws
  // DamagedRegisterFile (register_file.hpp).
  static std::optional<PopulationIndex> open(const std::string& path);

  // The register's bad lines, kept with its import so that a run reusing the
  // import reports them again.
  std::vector<InputError> importErrors() const;

  std::optional<Person> byNumber(const std::string& nationalId) const;
  // Those whose name has this nameKey(), the first `limit` of them in the
  // register's order: a common name in a national register is shared by
  // thousands, and no row is identified by its name among more than a few.
  std::vector<Person> byNameKey(const std::string& key, int limit) const;
  long long size() const;

  // Fills a new index. Rows go in through add(); finish() builds the indexes
  // and marks the file complete, so an interrupted import is never reused.
  class Builder {
   public:
    explicit Builder(const std::string& path);
    static RecordKeys keysOf(const Person& person);
    void add(const Person& person, const RecordKeys& keys);
    void add(const Person& person) { add(person, keysOf(person)); }
    void addError(const InputError& error) { file_.addError(error); }
    void finish();

   private:
    RegisterFileWriter file_;
  };

 private:
  explicit PopulationIndex(std::unique_ptr<SQLite::Database> db);
  std::unique_ptr<SQLite::Database> db_;
  // Prepared once: a run asks millions of questions.
  std::unique_ptr<SQLite::Statement> byNumber_, byNameKey_;
};

}  // namespace listaudit::models

#pragma once
// The consent and complaints registers, each imported into an SQLite file of
// its own (register_file.hpp) and queried by person: by number, and by name
// key for a person known only by name. A register of millions of records is
// streamed into the file, never held in memory, and imported once per content.
//
// Not thread-safe: one thread uses a book. SQLite errors throw SQLite::Exception.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "models/records.hpp"
#include "models/register_file.hpp"

namespace listaudit::models {

template <class Record>
class RegisterBook {
 public:
  // A finished book; nullopt when `path` holds none. Throws DamagedRegisterFile.
  static std::optional<RegisterBook> open(const std::string& path);
  std::vector<InputError> importErrors() const { return registerFileErrors(*db_); }

  // The records of the person with this number, or, when `number` is empty,
  // with this name key; only those whose party folds to `partyFolded`; in
  // the register's order.
  std::vector<Record> find(const std::string& number, const std::string& nameKey, const std::string& partyFolded) const;
  long long size() const;

  class Builder {
   public:
    explicit Builder(const std::string& path);
    static RecordKeys keysOf(const Record& record);
    void add(const Record& record, const RecordKeys& keys);
    void add(const Record& record) { add(record, keysOf(record)); }
    void addError(const InputError& error) { file_.addError(error); }
    void finish();

   private:
    RegisterFileWriter file_;
  };

 private:
  explicit RegisterBook(std::unique_ptr<SQLite::Database> db);
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> byNumber_, byName_;  // prepared once
};

using ConsentBook = RegisterBook<ConsentRecord>;
using ComplaintBook = RegisterBook<Complaint>;

}  // namespace listaudit::models

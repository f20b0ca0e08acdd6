#pragma once
// What the imported registers (population, consent, complaints) share: each
// is an SQLite file of its own in the cache, written once per content by a
// writer and then only queried. A file is marked complete as its writer's
// last act, so an interrupted import is never taken for a whole one; the
// register's bad lines are kept in it, so a run reusing the import reports
// them again.
//
// Not thread-safe: one thread uses a file. SQLite errors throw
// SQLite::Exception.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

// The file is there but is not a whole import (cut short, overwritten): the
// caller imports the register anew rather than fail every later run.
class DamagedRegisterFile : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A finished register file opened read-only; nullptr when `path` holds none
// (absent, or an import that never finished). Throws DamagedRegisterFile.
std::unique_ptr<SQLite::Database> openRegisterFile(const std::string& path);

// A finished register file opened as a register class (`make` builds it on
// the open database, preparing its statements); nullopt when `path` holds
// none. A file whose statements cannot be prepared is damaged too.
template <class Register, class Make>
std::optional<Register> openRegisterAs(const std::string& path, Make make) {
  auto db = openRegisterFile(path);
  if (!db) return std::nullopt;
  try {
    return make(std::move(db));
  } catch (const SQLite::Exception& e) {
    throw DamagedRegisterFile(path + ": the imported register is damaged (" + e.what() + ")");
  }
}

// The register's bad lines kept with its import, in the order reported.
std::vector<InputError> registerFileErrors(SQLite::Database& db);

// The keys a record is found by, made from it apart from writing it (so that
// a thread reading the register makes them while another writes).
struct RecordKeys {
  std::string name;   // nameKey() of the record's name
  std::string party;  // foldText() of its party; empty for a person
};

// Fills a new register file: `createTable` makes its one table of rows,
// `insert` is the statement that adds a row. For each row the caller binds
// next()'s placeholders and calls add().
class RegisterFileWriter {
 public:
  RegisterFileWriter(const std::string& path, const std::string& createTable, const std::string& insert);
  SQLite::Statement& next();
  void add();
  void addError(const InputError& error);
  // Builds `indexes` (CREATE INDEX statements) and marks the file complete.
  void finish(const std::vector<std::string>& indexes);

 private:
  std::unique_ptr<SQLite::Database> db_;
  std::unique_ptr<SQLite::Statement> insert_;
  long long pending_ = 0;
};

}  // namespace listaudit::models

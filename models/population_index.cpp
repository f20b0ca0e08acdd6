#include "models/population_index.hpp"

#include <SQLiteCpp/Statement.h>

#include <filesystem>

#include "models/name_text.hpp"

namespace listaudit::models {
namespace {

// Rows per transaction while importing: large batches make SQLite fast.
constexpr long long kBatch = 50000;

Person personFrom(SQLite::Statement& q) {
  Person p;
  p.nationalId = q.getColumn(0).getString();
  p.fullName = q.getColumn(1).getString();
  p.birthDate = Date::parse(q.getColumn(2).getString());
  p.deathDate = Date::parse(q.getColumn(3).getString());
  p.line = q.getColumn(4).getInt();
  return p;
}

}  // namespace

std::optional<PopulationIndex> PopulationIndex::open(const std::string& path) {
  if (!std::filesystem::exists(path)) return std::nullopt;
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    if (!db->tableExists("complete")) return std::nullopt;
    // A file cut short still declares its whole size in its header; the file
    // itself says otherwise. (Damage inside a whole file needs a full
    // integrity check, too slow for every run on millions of rows.)
    const long long pages = db->execAndGet("PRAGMA page_count").getInt64();
    const long long pageSize = db->execAndGet("PRAGMA page_size").getInt64();
    if (static_cast<long long>(std::filesystem::file_size(path)) != pages * pageSize)
      throw DamagedIndex(path + ": the imported register is cut short");
    db->execAndGet("SELECT count(*) FROM import_errors");
    return PopulationIndex(std::move(db));
  } catch (const SQLite::Exception& e) {
    throw DamagedIndex(path + ": the imported register is damaged (" + e.what() + ")");
  }
}

std::vector<InputError> PopulationIndex::importErrors() const {
  std::vector<InputError> out;
  SQLite::Statement q(*db_, "SELECT input, page, message FROM import_errors ORDER BY rowid");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString()});
  return out;
}

std::optional<Person> PopulationIndex::byNumber(const std::string& nationalId) const {
  SQLite::Statement q(*db_,
                      "SELECT national_id, full_name, birth_date, death_date, line FROM people WHERE national_id = ? "
                      "ORDER BY line LIMIT 1");
  q.bind(1, nationalId);
  if (!q.executeStep()) return std::nullopt;
  return personFrom(q);
}

std::vector<Person> PopulationIndex::byNameKey(const std::string& key) const {
  SQLite::Statement q(*db_,
                      "SELECT national_id, full_name, birth_date, death_date, line FROM people WHERE name_key = ? "
                      "ORDER BY line");
  q.bind(1, key);
  std::vector<Person> out;
  while (q.executeStep()) out.push_back(personFrom(q));
  return out;
}

long long PopulationIndex::size() const { return db_->execAndGet("SELECT count(*) FROM people").getInt64(); }

PopulationIndex::Builder::Builder(const std::string& path) {
  std::filesystem::remove(path);
  db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db_->exec("PRAGMA journal_mode = OFF");
  db_->exec("PRAGMA synchronous = OFF");
  db_->exec(
      "CREATE TABLE people (national_id TEXT NOT NULL, full_name TEXT NOT NULL, name_key TEXT NOT NULL, "
      "birth_date TEXT, death_date TEXT, line INTEGER NOT NULL)");
  db_->exec("CREATE TABLE import_errors (input TEXT NOT NULL, page INTEGER NOT NULL, message TEXT NOT NULL)");
  db_->exec("BEGIN");
  insert_ = std::make_unique<SQLite::Statement>(
      *db_, "INSERT INTO people (national_id, full_name, name_key, birth_date, death_date, line) VALUES (?,?,?,?,?,?)");
}

void PopulationIndex::Builder::add(const Person& person) {
  insert_->reset();
  insert_->bind(1, person.nationalId);
  insert_->bind(2, person.fullName);
  insert_->bind(3, nameKey(person.fullName));
  insert_->bind(4, person.birthDate ? person.birthDate->toString() : std::string());
  insert_->bind(5, person.deathDate ? person.deathDate->toString() : std::string());
  insert_->bind(6, person.line);
  insert_->exec();
  if (++pending_ % kBatch == 0) {
    db_->exec("COMMIT");
    db_->exec("BEGIN");
  }
}

void PopulationIndex::Builder::addError(const InputError& error) {
  SQLite::Statement q(*db_, "INSERT INTO import_errors (input, page, message) VALUES (?,?,?)");
  q.bind(1, error.input);
  q.bind(2, error.page);
  q.bind(3, error.message);
  q.exec();
}

void PopulationIndex::Builder::finish() {
  insert_.reset();
  db_->exec("COMMIT");
  db_->exec("CREATE INDEX people_by_number ON people (national_id)");
  db_->exec("CREATE INDEX people_by_name ON people (name_key)");
  db_->exec("CREATE TABLE complete (at TEXT)");
  db_.reset();
}

}  // namespace listaudit::models

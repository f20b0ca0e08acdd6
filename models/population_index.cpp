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
  auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
  if (!db->tableExists("complete")) return std::nullopt;
  return PopulationIndex(std::move(db));
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

void PopulationIndex::Builder::finish() {
  insert_.reset();
  db_->exec("COMMIT");
  db_->exec("CREATE INDEX people_by_number ON people (national_id)");
  db_->exec("CREATE INDEX people_by_name ON people (name_key)");
  db_->exec("CREATE TABLE complete (at TEXT)");
  db_.reset();
}

}  // namespace listaudit::models

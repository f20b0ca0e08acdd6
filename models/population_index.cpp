#include "models/population_index.hpp"

#include "models/name_text.hpp"

namespace listaudit::models {
namespace {

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

// Rows go in in the register's order, so rowid order is line order, and the
// indexes give a key's rows in it: a LIMIT stops early instead of sorting
// every namesake.
PopulationIndex::PopulationIndex(std::unique_ptr<SQLite::Database> db)
    : db_(std::move(db)),
      byNumber_(std::make_unique<SQLite::Statement>(
          *db_,
          "SELECT national_id, full_name, birth_date, death_date, line FROM people WHERE national_id = ? "
          "ORDER BY rowid LIMIT 1")),
      byNameKey_(std::make_unique<SQLite::Statement>(
          *db_,
          "SELECT national_id, full_name, birth_date, death_date, line FROM people WHERE name_key = ? ORDER BY "
          "rowid LIMIT ?")) {}

std::optional<PopulationIndex> PopulationIndex::open(const std::string& path) {
  return openRegisterAs<PopulationIndex>(
      path, [](std::unique_ptr<SQLite::Database> db) { return PopulationIndex(std::move(db)); });
}

std::vector<InputError> PopulationIndex::importErrors() const { return registerFileErrors(*db_); }

std::optional<Person> PopulationIndex::byNumber(const std::string& nationalId) const {
  SQLite::Statement& q = *byNumber_;
  q.reset();
  q.bind(1, nationalId);
  if (!q.executeStep()) return std::nullopt;
  return personFrom(q);
}

std::vector<Person> PopulationIndex::byNameKey(const std::string& key, int limit) const {
  SQLite::Statement& q = *byNameKey_;
  q.reset();
  q.bind(1, key);
  q.bind(2, limit);
  std::vector<Person> out;
  while (q.executeStep()) out.push_back(personFrom(q));
  return out;
}

long long PopulationIndex::size() const { return db_->execAndGet("SELECT count(*) FROM people").getInt64(); }

PopulationIndex::Builder::Builder(const std::string& path)
    : file_(path,
            "CREATE TABLE people (national_id TEXT NOT NULL, full_name TEXT NOT NULL, name_key TEXT NOT NULL, "
            "birth_date TEXT, death_date TEXT, line INTEGER NOT NULL)",
            "INSERT INTO people (national_id, full_name, name_key, birth_date, death_date, line) VALUES "
            "(?,?,?,?,?,?)") {}

RecordKeys PopulationIndex::Builder::keysOf(const Person& person) { return {nameKey(person.fullName), {}}; }

void PopulationIndex::Builder::add(const Person& person, const RecordKeys& keys) {
  SQLite::Statement& insert = file_.next();
  insert.bind(1, person.nationalId);
  insert.bind(2, person.fullName);
  insert.bind(3, keys.name);
  insert.bind(4, person.birthDate ? person.birthDate->toString() : std::string());
  insert.bind(5, person.deathDate ? person.deathDate->toString() : std::string());
  insert.bind(6, person.line);
  file_.add();
}

void PopulationIndex::Builder::finish() {
  file_.finish(
      {"CREATE INDEX people_by_number ON people (national_id)", "CREATE INDEX people_by_name ON people (name_key)"});
}

}  // namespace listaudit::models

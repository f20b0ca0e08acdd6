#include "models/consent_book.hpp"

#include "models/name_text.hpp"

namespace listaudit::models {
namespace {

// Each kind of record's own columns, after the three every book has
// (national_id, name_key, party_folded) by which it is found.
template <class Record>
struct Columns;

template <>
struct Columns<ConsentRecord> {
  static constexpr const char* kNames = "full_name, party, signed_on, withdrawn_on, line";
  static constexpr const char* kTypes =
      "full_name TEXT NOT NULL, party TEXT NOT NULL, signed_on TEXT, "
      "withdrawn_on TEXT, line INTEGER NOT NULL";
  static constexpr const char* kPlaceholders = "?,?,?,?,?";
  static void bind(SQLite::Statement& q, int first, const ConsentRecord& r) {
    q.bind(first, r.fullName);
    q.bind(first + 1, r.party);
    q.bind(first + 2, r.signedOn ? r.signedOn->toString() : std::string());
    q.bind(first + 3, r.withdrawnOn ? r.withdrawnOn->toString() : std::string());
    q.bind(first + 4, r.line);
  }
  static ConsentRecord read(SQLite::Statement& q) {
    ConsentRecord r;
    r.nationalId = q.getColumn(0).getString();
    r.fullName = q.getColumn(1).getString();
    r.party = q.getColumn(2).getString();
    r.signedOn = Date::parse(q.getColumn(3).getString());
    r.withdrawnOn = Date::parse(q.getColumn(4).getString());
    r.line = q.getColumn(5).getInt();
    return r;
  }
};

template <>
struct Columns<Complaint> {
  static constexpr const char* kNames = "complaint_id, full_name, party, filed_on, line";
  static constexpr const char* kTypes =
      "complaint_id TEXT NOT NULL, full_name TEXT NOT NULL, party TEXT NOT NULL, "
      "filed_on TEXT, line INTEGER NOT NULL";
  static constexpr const char* kPlaceholders = "?,?,?,?,?";
  static void bind(SQLite::Statement& q, int first, const Complaint& r) {
    q.bind(first, r.complaintId);
    q.bind(first + 1, r.fullName);
    q.bind(first + 2, r.party);
    q.bind(first + 3, r.filedOn ? r.filedOn->toString() : std::string());
    q.bind(first + 4, r.line);
  }
  static Complaint read(SQLite::Statement& q) {
    Complaint r;
    r.nationalId = q.getColumn(0).getString();
    r.complaintId = q.getColumn(1).getString();
    r.fullName = q.getColumn(2).getString();
    r.party = q.getColumn(3).getString();
    r.filedOn = Date::parse(q.getColumn(4).getString());
    r.line = q.getColumn(5).getInt();
    return r;
  }
};

template <class Record>
std::string selectBy(const std::string& column) {
  return std::string("SELECT national_id, ") + Columns<Record>::kNames + " FROM records WHERE " + column +
         " = ? AND party_folded = ? ORDER BY rowid";
}

}  // namespace

template <class Record>
RegisterBook<Record>::RegisterBook(std::unique_ptr<SQLite::Database> db)
    : db_(std::move(db)),
      byNumber_(std::make_unique<SQLite::Statement>(*db_, selectBy<Record>("national_id"))),
      byName_(std::make_unique<SQLite::Statement>(*db_, selectBy<Record>("name_key"))) {}

template <class Record>
std::optional<RegisterBook<Record>> RegisterBook<Record>::open(const std::string& path) {
  return openRegisterAs<RegisterBook>(path,
                                      [](std::unique_ptr<SQLite::Database> db) { return RegisterBook(std::move(db)); });
}

template <class Record>
std::vector<Record> RegisterBook<Record>::find(const std::string& number, const std::string& key,
                                               const std::string& partyFolded) const {
  SQLite::Statement& q = number.empty() ? *byName_ : *byNumber_;
  q.reset();
  q.bind(1, number.empty() ? key : number);
  q.bind(2, partyFolded);
  std::vector<Record> out;
  while (q.executeStep()) out.push_back(Columns<Record>::read(q));
  return out;
}

template <class Record>
long long RegisterBook<Record>::size() const {
  return db_->execAndGet("SELECT count(*) FROM records").getInt64();
}

template <class Record>
RegisterBook<Record>::Builder::Builder(const std::string& path)
    : file_(path,
            std::string("CREATE TABLE records (national_id TEXT NOT NULL, name_key TEXT NOT NULL, party_folded TEXT "
                        "NOT NULL, ") +
                Columns<Record>::kTypes + ")",
            std::string("INSERT INTO records (national_id, name_key, party_folded, ") + Columns<Record>::kNames +
                ") VALUES (?,?,?," + Columns<Record>::kPlaceholders + ")") {}

template <class Record>
RecordKeys RegisterBook<Record>::Builder::keysOf(const Record& record) {
  return {nameKey(record.fullName), foldText(record.party)};
}

template <class Record>
void RegisterBook<Record>::Builder::add(const Record& record, const RecordKeys& keys) {
  SQLite::Statement& insert = file_.next();
  insert.bind(1, record.nationalId);
  insert.bind(2, keys.name);
  insert.bind(3, keys.party);
  Columns<Record>::bind(insert, 4, record);
  file_.add();
}

template <class Record>
void RegisterBook<Record>::Builder::finish() {
  // A record without a number is found by name only; it never matches the
  // empty number, which find() never asks for.
  file_.finish({"CREATE INDEX records_by_number ON records (national_id, party_folded)",
                "CREATE INDEX records_by_name ON records (name_key, party_folded)"});
}

template class RegisterBook<ConsentRecord>;
template class RegisterBook<Complaint>;

}  // namespace listaudit::models

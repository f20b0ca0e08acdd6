#include "models/store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>
#include <tuple>

namespace listaudit::models {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS lists (
  ordinal INTEGER PRIMARY KEY,
  list_id TEXT NOT NULL UNIQUE,
  party TEXT NOT NULL,
  election_date TEXT,
  submitted_on TEXT,
  scan_path TEXT NOT NULL,
  digital_path TEXT NOT NULL,
  country TEXT NOT NULL,
  manifest_line INTEGER NOT NULL,
  pages INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS pages (
  list_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  width INTEGER, height INTEGER,
  skew_degrees REAL, upside_down INTEGER,
  title TEXT, collector TEXT,
  rows INTEGER NOT NULL,
  PRIMARY KEY (list_id, page)
);
CREATE TABLE IF NOT EXISTS rows (
  list_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  row INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  raw_id TEXT NOT NULL,
  national_id TEXT NOT NULL,
  name_confidence REAL, id_confidence REAL, signature_ink REAL,
  id_character_confidences TEXT NOT NULL,
  id_other_readings TEXT NOT NULL DEFAULT '',
  id_alternatives TEXT NOT NULL DEFAULT '',
  id_reader TEXT NOT NULL DEFAULT '',
  signature_shape BLOB,
  x INTEGER, y INTEGER, width INTEGER, height INTEGER,
  image BLOB,
  risk REAL NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  first_filer INTEGER NOT NULL DEFAULT 0,
  resolved_name TEXT NOT NULL DEFAULT '',
  laid_out TEXT NOT NULL DEFAULT '',
  name_other_readings TEXT NOT NULL DEFAULT '',
  name_odds BLOB,
  PRIMARY KEY (list_id, page, row)
);
CREATE TABLE IF NOT EXISTS findings (
  list_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  row INTEGER NOT NULL,
  flag TEXT NOT NULL,
  weight REAL NOT NULL,
  evidence TEXT NOT NULL,
  related TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS findings_by_row ON findings (list_id, page, row);
CREATE TABLE IF NOT EXISTS unread_pages (
  input TEXT NOT NULL,
  page INTEGER NOT NULL,
  image BLOB NOT NULL,
  PRIMARY KEY (input, page)
);
CREATE TABLE IF NOT EXISTS run (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS decisions (
  seq INTEGER PRIMARY KEY,
  list_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  row INTEGER NOT NULL,
  decision TEXT NOT NULL,
  full_name TEXT NOT NULL,
  national_id TEXT NOT NULL,
  reviewer TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS samples (
  list_id TEXT NOT NULL,
  page INTEGER NOT NULL,
  row INTEGER NOT NULL,
  seed TEXT NOT NULL,
  drawn_at TEXT NOT NULL,
  PRIMARY KEY (list_id, page, row)
);
CREATE TABLE IF NOT EXISTS errors (
  seq INTEGER PRIMARY KEY,
  input TEXT NOT NULL,
  page INTEGER NOT NULL,
  message TEXT NOT NULL,
  list_id TEXT NOT NULL DEFAULT ''
);
)sql";

// Rows as "list<US>page<US>row", separated by <RS> (the ASCII unit and
// record separators, which no list id from a CSV manifest line holds).
std::string encodeRowKeys(const std::vector<RowKey>& keys) {
  std::string out;
  for (const auto& [list, page, row] : keys)
    out += (out.empty() ? "" : "\x1e") + list + "\x1f" + std::to_string(page) + "\x1f" + std::to_string(row);
  return out;
}
std::vector<RowKey> decodeRowKeys(const std::string& text) {
  std::vector<RowKey> out;
  std::istringstream records(text);
  for (std::string record; std::getline(records, record, '\x1e');) {
    const auto a = record.find('\x1f'), b = record.rfind('\x1f');
    if (a == std::string::npos || a == b) continue;
    out.emplace_back(record.substr(0, a), std::atoi(record.c_str() + a + 1), std::atoi(record.c_str() + b + 1));
  }
  return out;
}

// Confidences as whole percent, space-separated: compact, and exact enough.
std::string encodeConfidences(const std::vector<double>& values) {
  std::string out;
  for (double v : values) out += (out.empty() ? "" : " ") + std::to_string(static_cast<int>(std::lround(v * 100)));
  return out;
}
std::vector<double> decodeConfidences(const std::string& text) {
  std::vector<double> out;
  std::istringstream in(text);
  for (int v; in >> v;) out.push_back(v / 100.0);
  return out;
}

// A number's readings hold no spaces: one space separates them. A name's
// readings hold spaces but no line break (each is one line's reading): one
// line each.
std::string joined(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}
std::vector<std::string> splitNonEmpty(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string item; std::getline(in, item, separator);)
    if (!item.empty()) out.push_back(item);
  return out;
}

// Alternatives as "G:p,G:p|G:p": a position per '|', p in ten-thousandths.
std::string encodeAlternatives(const std::vector<std::vector<Alternative>>& positions) {
  std::string out;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    if (i) out += '|';
    for (std::size_t k = 0; k < positions[i].size(); ++k)
      out += (k ? "," : "") + std::string(1, positions[i][k].glyph) + ":" +
             std::to_string(static_cast<int>(std::lround(positions[i][k].probability * 10000)));
  }
  return out;
}
std::vector<std::vector<Alternative>> decodeAlternatives(const std::string& text) {
  std::vector<std::vector<Alternative>> out;
  if (text.empty()) return out;
  // One position per '|'-separated field, the empty last one too (getline
  // would drop it).
  for (std::size_t start = 0;;) {
    const std::size_t end = std::min(text.find('|', start), text.size());
    std::vector<Alternative> choices;
    std::istringstream items(text.substr(start, end - start));
    for (std::string item; std::getline(items, item, ',');)
      if (item.size() >= 3 && item[1] == ':') choices.push_back({item[0], std::atoi(item.c_str() + 2) / 10000.0});
    out.push_back(std::move(choices));
    if (end == text.size()) break;
    start = end + 1;
  }
  return out;
}

std::string dateText(const std::optional<Date>& d) { return d ? d->toString() : std::string(); }

}  // namespace

Store::Store(const std::string& path) : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {
  db_.exec("PRAGMA journal_mode = WAL");
  db_.exec("PRAGMA synchronous = NORMAL");
  // A store written by another version of the schema cannot be read as this
  // one: say so rather than fail on a missing column.
  const int version = db_.execAndGet("PRAGMA user_version").getInt();
  const bool empty = db_.execAndGet("SELECT count(*) FROM sqlite_master").getInt() == 0;
  if (!empty && version != kSchemaVersion)
    throw StoreVersionError(path + ": written by another version of listaudit (store schema " +
                            std::to_string(version) + ", this one reads " + std::to_string(kSchemaVersion) +
                            "); run the batch again");
  db_.exec(kSchema);
  db_.exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
}

namespace {
std::string readRunValue(const SQLite::Database& db, const std::string& key) {
  SQLite::Statement q(db, "SELECT value FROM run WHERE key = ?");
  q.bind(1, key);
  return q.executeStep() ? q.getColumn(0).getString() : std::string();
}
void writeRunValue(SQLite::Database& db, const std::string& key, const std::string& value) {
  SQLite::Statement q(db, "INSERT OR REPLACE INTO run (key, value) VALUES (?, ?)");
  q.bind(1, key);
  q.bind(2, value);
  q.exec();
}
}  // namespace

std::string Store::inputs() const { return readRunValue(db_, "inputs"); }
void Store::setInputs(const std::string& fingerprint) {
  writeRunValue(db_, "inputs", fingerprint);
  writeRunValue(db_, "state", "reading");
}
std::string Store::runValue(const std::string& key) const { return readRunValue(db_, key); }
void Store::setRunValue(const std::string& key, const std::string& value) { writeRunValue(db_, key, value); }

void Store::copyShard(const std::string& shardPath) {
  // The shard's rows, pages and unread-page images as they are, blobs and
  // all, without passing through the records; one attachment a shard.
  SQLite::Statement attach(db_, "ATTACH DATABASE ? AS shard");
  attach.bind(1, shardPath);
  attach.exec();
  try {
    SQLite::Transaction tx(db_);
    db_.exec("INSERT INTO main.pages SELECT * FROM shard.pages");
    db_.exec("INSERT INTO main.rows SELECT * FROM shard.rows");
    db_.exec("INSERT OR REPLACE INTO main.unread_pages SELECT * FROM shard.unread_pages");
    db_.exec(
        "UPDATE main.lists SET pages = (SELECT s.pages FROM shard.lists s WHERE s.list_id = main.lists.list_id) "
        "WHERE list_id IN (SELECT list_id FROM shard.lists)");
    tx.commit();
  } catch (...) {
    db_.exec("DETACH DATABASE shard");
    throw;
  }
  db_.exec("DETACH DATABASE shard");
}

bool Store::purged() const { return readRunValue(db_, "purged") == "yes"; }
bool Store::complete() const { return readRunValue(db_, "state") == "complete"; }
void Store::markComplete() { writeRunValue(db_, "state", "complete"); }

std::map<std::pair<std::string, int>, int> Store::storedPages() const {
  std::map<std::pair<std::string, int>, int> out;
  SQLite::Statement q(db_, "SELECT list_id, page, rows FROM pages");
  while (q.executeStep()) out[{q.getColumn(0).getString(), q.getColumn(1).getInt()}] = q.getColumn(2).getInt();
  return out;
}

void Store::forgetErrors() {
  SQLite::Transaction tx(db_);
  db_.exec("DELETE FROM errors");
  db_.exec("DELETE FROM unread_pages");
  tx.commit();
}

void Store::addAudit(const AuditEntry& entry) {
  SQLite::Statement q(db_, "INSERT INTO audit (at, user, action, detail) VALUES (?,?,?,?)");
  q.bind(1, entry.at);
  q.bind(2, entry.user);
  q.bind(3, entry.action);
  q.bind(4, entry.detail);
  q.exec();
}

std::vector<AuditEntry> Store::audit() const {
  std::vector<AuditEntry> out;
  SQLite::Statement q(db_, "SELECT at, user, action, detail FROM audit ORDER BY seq");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                   q.getColumn(3).getString()});
  return out;
}

std::vector<std::string> Store::purgePersonalData() {
  std::vector<std::string> erased;
  {
    SQLite::Transaction tx(db_);
    const int rows = db_.execAndGet("SELECT count(*) FROM rows").getInt();
    const int findings = db_.execAndGet("SELECT count(*) FROM findings").getInt();
    const int unread = db_.execAndGet("SELECT count(*) FROM unread_pages").getInt();
    const int collectors = db_.execAndGet("SELECT count(*) FROM pages WHERE collector <> ''").getInt();
    const int decisions = db_.execAndGet("SELECT count(*) FROM decisions").getInt();
    db_.exec(
        "UPDATE rows SET full_name = '', raw_id = '', national_id = '', resolved_name = '', note = '', "
        "id_other_readings = '', name_other_readings = '', id_alternatives = '', id_character_confidences = '', image "
        "= NULL, "
        "signature_shape = NULL, name_odds = NULL");
    db_.exec("UPDATE findings SET evidence = ''");
    db_.exec("DELETE FROM unread_pages");
    db_.exec("UPDATE pages SET collector = ''");
    db_.exec("UPDATE decisions SET full_name = '', national_id = '', note = ''");
    writeRunValue(db_, "purged", "yes");
    tx.commit();
    erased.push_back(std::to_string(rows) + " rows: name, number as read and as resolved, row image, signature");
    erased.push_back(std::to_string(findings) + " findings: the evidence text (flag codes kept)");
    erased.push_back(std::to_string(unread) + " images of pages no row could be found on");
    erased.push_back(std::to_string(collectors) + " collectors' names");
    erased.push_back(std::to_string(decisions) + " decisions: corrected readings and notes (who decided what, kept)");
  }
  // The bytes themselves, not only the cells: VACUUM rewrites the file, and
  // the write-ahead log is folded in and emptied.
  db_.exec("VACUUM");
  db_.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  return erased;
}

void Store::addList(const ListEntry& list) {
  SQLite::Statement q(db_,
                      "INSERT INTO lists (list_id, party, election_date, submitted_on, scan_path, digital_path, "
                      "country, manifest_line) VALUES (?,?,?,?,?,?,?,?)");
  q.bind(1, list.listId);
  q.bind(2, list.party);
  q.bind(3, dateText(list.electionDate));
  q.bind(4, dateText(list.submittedOn));
  q.bind(5, list.scanPath);
  q.bind(6, list.digitalPath);
  q.bind(7, std::string(list.country.code()));
  q.bind(8, list.manifestLine);
  q.exec();
}

void Store::setPageCount(const std::string& listId, int pages) {
  SQLite::Statement q(db_, "UPDATE lists SET pages = ? WHERE list_id = ?");
  q.bind(1, pages);
  q.bind(2, listId);
  q.exec();
}

void Store::addPage(const PageRecord& page, const std::vector<RowRecord>& rows) {
  SQLite::Transaction tx(db_);
  SQLite::Statement p(db_,
                      "INSERT INTO pages (list_id, page, width, height, skew_degrees, upside_down, title, "
                      "collector, rows) VALUES (?,?,?,?,?,?,?,?,?)");
  p.bind(1, page.listId);
  p.bind(2, page.page);
  p.bind(3, page.width);
  p.bind(4, page.height);
  p.bind(5, page.skewDegrees);
  p.bind(6, page.upsideDown ? 1 : 0);
  p.bind(7, page.title);
  p.bind(8, page.collector);
  p.bind(9, static_cast<int>(rows.size()));
  p.exec();
  SQLite::Statement r(
      db_,
      "INSERT INTO rows (list_id, page, row, full_name, raw_id, national_id, name_confidence, "
      "id_confidence, signature_ink, x, y, width, height, image, id_character_confidences, id_other_readings, "
      "signature_shape, id_alternatives, id_reader, laid_out, name_other_readings, name_odds) "
      "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const RowRecord& row : rows) {
    r.reset();
    r.bind(1, row.listId);
    r.bind(2, row.page);
    r.bind(3, row.row);
    r.bind(4, row.fullName);
    r.bind(5, row.rawId);
    r.bind(6, row.nationalId);
    r.bind(7, row.nameConfidence);
    r.bind(8, row.idConfidence);
    r.bind(9, row.signatureInk);
    r.bind(10, row.box.x);
    r.bind(11, row.box.y);
    r.bind(12, row.box.width);
    r.bind(13, row.box.height);
    if (row.image.empty())
      r.bind(14);
    else
      r.bindNoCopy(14, row.image.data(), static_cast<int>(row.image.size()));
    r.bind(15, encodeConfidences(row.idCharacterConfidences));
    r.bind(16, joined(row.idOtherReadings, ' '));
    if (row.signatureShape.empty())
      r.bind(17);
    else
      r.bindNoCopy(17, row.signatureShape.data(), static_cast<int>(row.signatureShape.size()));
    r.bind(18, encodeAlternatives(row.idAlternatives));
    r.bind(19, row.idWriting == Writing::Handwritten ? "handwriting" : "print");
    r.bind(20, row.laidOut);
    r.bind(21, joined(row.nameOtherReadings, '\n'));
    if (row.nameOdds.empty())
      r.bind(22);
    else
      r.bindNoCopy(22, row.nameOdds.costs().data(), static_cast<int>(row.nameOdds.costs().size()));
    r.exec();
  }
  tx.commit();
}

void Store::addError(const InputError& error) {
  SQLite::Statement q(db_, "INSERT INTO errors (input, page, message, list_id) VALUES (?,?,?,?)");
  q.bind(1, error.input);
  q.bind(2, error.page);
  q.bind(3, error.message);
  q.bind(4, error.listId);
  q.exec();
}

void Store::addUnreadPage(const std::string& input, int page, const std::vector<std::uint8_t>& png) {
  SQLite::Statement q(db_, "INSERT OR REPLACE INTO unread_pages (input, page, image) VALUES (?,?,?)");
  q.bind(1, input);
  q.bind(2, page);
  q.bindNoCopy(3, png.data(), static_cast<int>(png.size()));
  q.exec();
}

std::vector<std::uint8_t> Store::unreadPage(const std::string& input, int page) const {
  SQLite::Statement q(db_, "SELECT image FROM unread_pages WHERE input = ? AND page = ?");
  q.bind(1, input);
  q.bind(2, page);
  if (!q.executeStep()) return {};
  const SQLite::Column blob = q.getColumn(0);
  const auto* data = static_cast<const std::uint8_t*>(blob.getBlob());
  return std::vector<std::uint8_t>(data, data + blob.getBytes());
}

void Store::saveJudgements(const std::vector<JudgedRow>& judged) {
  SQLite::Transaction tx(db_);
  db_.exec("DELETE FROM findings");
  SQLite::Statement update(
      db_,
      "UPDATE rows SET national_id = ?, risk = ?, note = ?, first_filer = ?, resolved_name = ? WHERE list_id = ? "
      "AND page = ? AND row = ?");
  SQLite::Statement insert(db_,
                           "INSERT INTO findings (list_id, page, row, flag, weight, evidence, related) VALUES "
                           "(?,?,?,?,?,?,?)");
  for (const JudgedRow& j : judged) {
    update.reset();
    update.bind(1, j.nationalId);
    update.bind(2, j.risk);
    update.bind(3, j.note);
    update.bind(4, j.firstFiler ? 1 : 0);
    update.bind(5, j.fullName);
    update.bind(6, j.listId);
    update.bind(7, j.page);
    update.bind(8, j.row);
    update.exec();
    for (const Finding& f : j.findings) {
      insert.reset();
      insert.bind(1, j.listId);
      insert.bind(2, j.page);
      insert.bind(3, j.row);
      insert.bind(4, std::string(flagCode(f.flag)));
      insert.bind(5, f.weight);
      insert.bind(6, f.evidence);
      insert.bind(7, encodeRowKeys(f.related));
      insert.exec();
    }
  }
  tx.commit();
}

std::vector<ListEntry> Store::lists() const {
  std::vector<ListEntry> out;
  SQLite::Statement q(db_,
                      "SELECT list_id, party, election_date, submitted_on, scan_path, digital_path, country, "
                      "manifest_line FROM lists ORDER BY ordinal");
  while (q.executeStep()) {
    ListEntry e;
    e.listId = q.getColumn(0).getString();
    e.party = q.getColumn(1).getString();
    e.electionDate = Date::parse(q.getColumn(2).getString());
    e.submittedOn = Date::parse(q.getColumn(3).getString());
    e.scanPath = q.getColumn(4).getString();
    e.digitalPath = q.getColumn(5).getString();
    // Stored by the run from a checked manifest: always a known code or empty.
    e.country = Country::fromCode(q.getColumn(6).getString()).value_or(Country());
    e.manifestLine = q.getColumn(7).getInt();
    out.push_back(std::move(e));
  }
  return out;
}

int Store::pageCount(const std::string& listId) const {
  SQLite::Statement q(db_, "SELECT pages FROM lists WHERE list_id = ?");
  q.bind(1, listId);
  return q.executeStep() ? q.getColumn(0).getInt() : 0;
}

std::vector<PageRecord> Store::pages(const std::string& listId) const {
  std::vector<PageRecord> out;
  SQLite::Statement q(db_,
                      "SELECT page, width, height, skew_degrees, upside_down, title, collector, rows FROM pages "
                      "WHERE list_id = ? ORDER BY page");
  q.bind(1, listId);
  while (q.executeStep()) {
    PageRecord p;
    p.listId = listId;
    p.page = q.getColumn(0).getInt();
    p.width = q.getColumn(1).getInt();
    p.height = q.getColumn(2).getInt();
    p.skewDegrees = q.getColumn(3).getDouble();
    p.upsideDown = q.getColumn(4).getInt() != 0;
    p.title = q.getColumn(5).getString();
    p.collector = q.getColumn(6).getString();
    p.rows = q.getColumn(7).getInt();
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<RowRecord> Store::rows(Shapes shapes) const {
  std::vector<RowRecord> out;
  SQLite::Statement q(db_,
                      "SELECT r.list_id, r.page, r.row, r.full_name, r.raw_id, r.national_id, r.name_confidence, "
                      "r.id_confidence, r.signature_ink, r.x, r.y, r.width, r.height, r.id_character_confidences, "
                      "r.id_other_readings, r.id_alternatives, r.id_reader, r.laid_out, r.name_other_readings, "
                      "r.name_odds, " +
                          std::string(shapes == Shapes::Load ? "r.signature_shape" : "NULL") +
                          " FROM rows r "
                          "JOIN lists l ON l.list_id = r.list_id ORDER BY l.ordinal, r.page, r.row");
  while (q.executeStep()) {
    RowRecord r;
    r.listId = q.getColumn(0).getString();
    r.page = q.getColumn(1).getInt();
    r.row = q.getColumn(2).getInt();
    r.fullName = q.getColumn(3).getString();
    r.rawId = q.getColumn(4).getString();
    r.nationalId = q.getColumn(5).getString();
    r.nameConfidence = q.getColumn(6).getDouble();
    r.idConfidence = q.getColumn(7).getDouble();
    r.signatureInk = q.getColumn(8).getDouble();
    r.box = {q.getColumn(9).getInt(), q.getColumn(10).getInt(), q.getColumn(11).getInt(), q.getColumn(12).getInt()};
    r.idCharacterConfidences = decodeConfidences(q.getColumn(13).getString());
    r.idOtherReadings = splitNonEmpty(q.getColumn(14).getString(), ' ');
    r.idAlternatives = decodeAlternatives(q.getColumn(15).getString());
    r.idWriting = q.getColumn(16).getString() == "handwriting" ? Writing::Handwritten : Writing::Printed;
    r.laidOut = q.getColumn(17).getString();
    r.nameOtherReadings = splitNonEmpty(q.getColumn(18).getString(), '\n');
    if (const SQLite::Column odds = q.getColumn(19); !odds.isNull()) {
      const auto* costs = static_cast<const std::uint8_t*>(odds.getBlob());
      try {
        r.nameOdds = NameOdds::fromCosts({costs, costs + odds.getBytes()});
      } catch (const std::invalid_argument&) {
        // Odds cut short weigh nothing: the row is judged on its readings.
      }
    }
    if (!q.getColumn(20).isNull()) {
      const auto* shape = static_cast<const std::uint8_t*>(q.getColumn(20).getBlob());
      r.signatureShape.assign(shape, shape + q.getColumn(20).getBytes());
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::uint8_t> Store::rowImage(const std::string& listId, int page, int row) const {
  SQLite::Statement q(db_, "SELECT image FROM rows WHERE list_id = ? AND page = ? AND row = ?");
  q.bind(1, listId);
  q.bind(2, page);
  q.bind(3, row);
  if (!q.executeStep() || q.getColumn(0).isNull()) return {};
  const SQLite::Column blob = q.getColumn(0);
  const auto* data = static_cast<const std::uint8_t*>(blob.getBlob());
  return std::vector<std::uint8_t>(data, data + blob.getBytes());
}

std::vector<JudgedRow> Store::judgements() const {
  using Key = std::tuple<std::string, int, int>;
  std::map<Key, std::vector<Finding>> findings;
  SQLite::Statement f(db_, "SELECT list_id, page, row, flag, weight, evidence, related FROM findings ORDER BY rowid");
  while (f.executeStep()) {
    const auto flag = flagFromCode(f.getColumn(3).getString());
    if (!flag) continue;
    findings[{f.getColumn(0).getString(), f.getColumn(1).getInt(), f.getColumn(2).getInt()}].push_back(
        {*flag, f.getColumn(4).getDouble(), f.getColumn(5).getString(), decodeRowKeys(f.getColumn(6).getString())});
  }
  const std::map<RowKey, Decision> decided = decisionsInForce(decisions());
  std::vector<JudgedRow> out;
  SQLite::Statement q(db_,
                      "SELECT r.list_id, r.page, r.row, r.national_id, r.risk, r.note, r.first_filer, r.resolved_name "
                      "FROM rows r "
                      "JOIN lists l ON l.list_id = r.list_id ORDER BY l.ordinal, r.page, r.row");
  while (q.executeStep()) {
    JudgedRow j;
    j.listId = q.getColumn(0).getString();
    j.page = q.getColumn(1).getInt();
    j.row = q.getColumn(2).getInt();
    j.nationalId = q.getColumn(3).getString();
    j.risk = q.getColumn(4).getDouble();
    j.note = q.getColumn(5).getString();
    j.firstFiler = q.getColumn(6).getInt() != 0;
    j.fullName = q.getColumn(7).getString();
    if (auto it = findings.find({j.listId, j.page, j.row}); it != findings.end()) j.findings = std::move(it->second);
    if (auto it = decided.find({j.listId, j.page, j.row}); it != decided.end())
      j.decided = it->second.kind == Decision::Kind::Accept   ? JudgedRow::Decided::Accepted
                  : it->second.kind == Decision::Kind::Reject ? JudgedRow::Decided::Rejected
                                                              : JudgedRow::Decided::Corrected;
    out.push_back(std::move(j));
  }
  return out;
}

void Store::addDecision(const Decision& d) {
  SQLite::Statement exists(db_, "SELECT count(*) FROM rows WHERE list_id = ? AND page = ? AND row = ?");
  exists.bind(1, d.listId);
  exists.bind(2, d.page);
  exists.bind(3, d.row);
  if (!exists.executeStep() || exists.getColumn(0).getInt() == 0)
    throw std::invalid_argument("the run holds no row " + std::to_string(d.row) + " on page " + std::to_string(d.page) +
                                " of list " + d.listId);
  SQLite::Statement q(db_,
                      "INSERT INTO decisions (list_id, page, row, decision, full_name, national_id, reviewer, "
                      "decided_at, note) VALUES (?,?,?,?,?,?,?,?,?)");
  q.bind(1, d.listId);
  q.bind(2, d.page);
  q.bind(3, d.row);
  q.bind(4, std::string(decisionWord(d.kind)));
  q.bind(5, d.fullName);
  q.bind(6, d.nationalId);
  q.bind(7, d.reviewer);
  q.bind(8, d.decidedAt);
  q.bind(9, d.note);
  q.exec();
}

void Store::setSample(const std::string& listId, const Sample& sample) {
  SQLite::Transaction tx(db_);
  SQLite::Statement drop(db_, "DELETE FROM samples WHERE list_id = ?");
  drop.bind(1, listId);
  drop.exec();
  SQLite::Statement add(db_, "INSERT INTO samples (list_id, page, row, seed, drawn_at) VALUES (?,?,?,?,?)");
  for (const auto& [list, page, row] : sample.rows) {
    add.reset();
    add.bind(1, listId);
    add.bind(2, page);
    add.bind(3, row);
    add.bind(4, std::to_string(sample.seed));  // all 64 bits, which SQLite's integer would sign
    add.bind(5, sample.drawnAt);
    add.exec();
  }
  tx.commit();
}

std::optional<Store::Sample> Store::sample(const std::string& listId) const {
  SQLite::Statement q(db_, "SELECT page, row, seed, drawn_at FROM samples WHERE list_id = ? ORDER BY page, row");
  q.bind(1, listId);
  std::optional<Sample> out;
  while (q.executeStep()) {
    if (!out) {
      out.emplace();
      out->seed = std::stoull(q.getColumn(2).getString());
      out->drawnAt = q.getColumn(3).getString();
    }
    out->rows.emplace_back(listId, q.getColumn(0).getInt(), q.getColumn(1).getInt());
  }
  return out;
}

std::vector<Decision> Store::decisions() const {
  std::vector<Decision> out;
  SQLite::Statement q(db_,
                      "SELECT list_id, page, row, decision, full_name, national_id, reviewer, decided_at, note "
                      "FROM decisions ORDER BY seq");
  while (q.executeStep()) {
    Decision d;
    d.listId = q.getColumn(0).getString();
    d.page = q.getColumn(1).getInt();
    d.row = q.getColumn(2).getInt();
    d.kind = decisionFromWord(q.getColumn(3).getString()).value_or(Decision::Kind::Accept);
    d.fullName = q.getColumn(4).getString();
    d.nationalId = q.getColumn(5).getString();
    d.reviewer = q.getColumn(6).getString();
    d.decidedAt = q.getColumn(7).getString();
    d.note = q.getColumn(8).getString();
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<InputError> Store::errors() const {
  std::vector<InputError> out;
  SQLite::Statement q(db_, "SELECT input, page, message, list_id FROM errors ORDER BY seq");
  while (q.executeStep())
    out.push_back(
        {q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString(), q.getColumn(3).getString()});
  return out;
}

}  // namespace listaudit::models

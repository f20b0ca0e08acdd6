#include "models/register_file.hpp"

#include <filesystem>

namespace listaudit::models {
namespace {

// Rows per transaction while importing: large batches make SQLite fast.
constexpr long long kBatch = 50000;
// SQLite's page cache while importing, in KiB (a negative cache_size is
// KiB): sorting millions of keys for the indexes in fewer merge passes. It
// bounds the import's memory whatever the register's size.
constexpr int kCacheKib = 64 * 1024;
// Bytes of a register file mapped into memory for reading (address space,
// not memory: the kernel keeps what it can).
constexpr long long kMappedBytes = 16LL << 30;

}  // namespace

std::unique_ptr<SQLite::Database> openRegisterFile(const std::string& path) {
  if (!std::filesystem::exists(path)) return nullptr;
  try {
    auto db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READONLY);
    if (!db->tableExists("complete")) return nullptr;
    // A file cut short still declares its whole size in its header; the file
    // itself says otherwise. (Damage inside a whole file needs a full
    // integrity check, too slow for every run on millions of rows.)
    const long long pages = db->execAndGet("PRAGMA page_count").getInt64();
    const long long pageSize = db->execAndGet("PRAGMA page_size").getInt64();
    if (static_cast<long long>(std::filesystem::file_size(path)) != pages * pageSize)
      throw DamagedRegisterFile(path + ": the imported register is cut short");
    db->execAndGet("SELECT count(*) FROM import_errors");
    // Read through a memory map: a run makes millions of look-ups, and
    // reading each page into SQLite's own cache was most of their time.
    db->exec("PRAGMA mmap_size = " + std::to_string(kMappedBytes));
    return db;
  } catch (const SQLite::Exception& e) {
    throw DamagedRegisterFile(path + ": the imported register is damaged (" + e.what() + ")");
  }
}

std::vector<InputError> registerFileErrors(SQLite::Database& db) {
  std::vector<InputError> out;
  SQLite::Statement q(db, "SELECT input, page, message FROM import_errors ORDER BY rowid");
  while (q.executeStep())
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString()});
  return out;
}

RegisterFileWriter::RegisterFileWriter(const std::string& path, const std::string& createTable,
                                       const std::string& insert) {
  std::filesystem::remove(path);
  db_ = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  // The file is renamed into place only when whole: no journal is needed.
  db_->exec("PRAGMA journal_mode = OFF");
  db_->exec("PRAGMA synchronous = OFF");
  db_->exec("PRAGMA locking_mode = EXCLUSIVE");
  db_->exec("PRAGMA cache_size = -" + std::to_string(kCacheKib));
  db_->exec(createTable);
  db_->exec("CREATE TABLE import_errors (input TEXT NOT NULL, page INTEGER NOT NULL, message TEXT NOT NULL)");
  db_->exec("BEGIN");
  insert_ = std::make_unique<SQLite::Statement>(*db_, insert);
}

SQLite::Statement& RegisterFileWriter::next() {
  insert_->reset();
  return *insert_;
}

void RegisterFileWriter::add() {
  insert_->exec();
  if (++pending_ % kBatch == 0) {
    db_->exec("COMMIT");
    db_->exec("BEGIN");
  }
}

void RegisterFileWriter::addError(const InputError& error) {
  SQLite::Statement q(*db_, "INSERT INTO import_errors (input, page, message) VALUES (?,?,?)");
  q.bind(1, error.input);
  q.bind(2, error.page);
  q.bind(3, error.message);
  q.exec();
}

void RegisterFileWriter::finish(const std::vector<std::string>& indexes) {
  insert_.reset();
  db_->exec("COMMIT");
  // SQLite sorts an index's keys with a helper thread: a second core is there.
  db_->exec("PRAGMA threads = 2");
  for (const std::string& index : indexes) db_->exec(index);
  db_->exec("CREATE TABLE complete (at TEXT)");
  db_.reset();
}

}  // namespace listaudit::models

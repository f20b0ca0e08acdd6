#pragma once
// The run's SQLite store: every list, page, row, error and finding of a run.
// Every output file is written from it alone, so a report can be rebuilt
// without reading a scan again.
//
// Not thread-safe: one thread owns a Store (the pipeline's sink, then the
// checks, then the writers). Errors from SQLite throw SQLite::Exception.
#include <SQLiteCpp/Database.h>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "models/decision.hpp"
#include "models/records.hpp"

namespace listaudit::models {

// The store's schema; raised when the columns change.
inline constexpr int kSchemaVersion = 6;

// A store that another version of the schema wrote.
class StoreVersionError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One line of the store's audit trail: who did what to the run's personal
// data, and when (the data protection laws in ../shared/seeds ask a
// controller to be able to show it).
struct AuditEntry {
  std::string at;      // UTC, ISO 8601
  std::string user;    // the operating-system user
  std::string action;  // run, resume, find, purge
  std::string detail;  // never a name or a number
};

class Store {
 public:
  // Opens the store at `path`, creating the file and the schema when missing.
  // Throws StoreVersionError when another schema version wrote it.
  explicit Store(const std::string& path);

  void addList(const ListEntry& list);
  void setPageCount(const std::string& listId, int pages);
  // A page and its rows, in one transaction.
  void addPage(const PageRecord& page, const std::vector<RowRecord>& rows);
  void addError(const InputError& error);
  // The image of a page whose table could not be found, so a person reads it.
  void addUnreadPage(const std::string& input, int page, const std::vector<std::uint8_t>& png);
  // That image, or empty.
  std::vector<std::uint8_t> unreadPage(const std::string& input, int page) const;
  // Replaces every finding, resolved number and risk with these, in one transaction.
  void saveJudgements(const std::vector<JudgedRow>& judged);

  // The run's state: what it was started on (a fingerprint of the manifest and
  // the scans), and whether it finished. A store is complete only once every
  // output of its run is written; an interrupted run's store says it is not.
  std::string inputs() const;
  void setInputs(const std::string& fingerprint);
  bool complete() const;
  void markComplete();
  // Pages already stored, with their row counts: what a resumed run skips.
  std::map<std::pair<std::string, int>, int> storedPages() const;
  // Forgets what a resumed run reports again: its errors and unread pages.
  void forgetErrors();

  // Other facts of the run, by name (a shard's place in its run, say).
  std::string runValue(const std::string& key) const;
  void setRunValue(const std::string& key, const std::string& value);
  // A shard's pages, rows, unread-page images and page counts, as they are
  // there (its lists must already be in this store).
  void copyShard(const std::string& shardPath);

  // A reviewer's decision, kept beside every earlier one (contract section
  // 12). Throws std::invalid_argument when the store holds no such row.
  void addDecision(const Decision& decision);
  // Every decision, in the order they were made.
  std::vector<Decision> decisions() const;

  // A list's random sample for verification (models/sample_check.hpp): the
  // rows drawn, the seed that draws them again, when. A new draw replaces it.
  struct Sample {
    std::uint64_t seed = 0;
    std::string drawnAt;
    std::vector<RowKey> rows;
  };
  void setSample(const std::string& listId, const Sample& sample);
  std::optional<Sample> sample(const std::string& listId) const;

  void addAudit(const AuditEntry& entry);
  std::vector<AuditEntry> audit() const;

  // Erases every name, number, image, signature and evidence text of the
  // run, keeping lists, counts and flag codes; returns what it erased, in
  // words. The file is vacuumed so the bytes are gone, not only unlinked.
  std::vector<std::string> purgePersonalData();
  bool purged() const;

  // Lists in manifest order.
  std::vector<ListEntry> lists() const;
  int pageCount(const std::string& listId) const;
  std::vector<PageRecord> pages(const std::string& listId) const;
  // Rows in list (manifest), page, row order, without their images; with the
  // signature shapes only when asked (the checks compare them; writers do not).
  enum class Shapes { Leave, Load };
  std::vector<RowRecord> rows(Shapes shapes = Shapes::Leave) const;
  std::vector<std::uint8_t> rowImage(const std::string& listId, int page, int row) const;
  // Judgements in the order of rows(); rows never judged come back with no
  // findings. Each carries the decision in force on it, if any.
  std::vector<JudgedRow> judgements() const;
  std::vector<InputError> errors() const;

 private:
  SQLite::Database db_;
};

}  // namespace listaudit::models

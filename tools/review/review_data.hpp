#pragma once
// What the reviewer's desk shows, as JSON built from the run's store alone:
// the overview of the lists, the queue of rows to decide or read (filtered,
// searched, sorted), one row with everything a decision rests on, and the
// collectors. No HTTP here, so it is tested on a real store directly.
// A snapshot is read once and served until a decision changes the run.
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "models/decision.hpp"
#include "models/store.hpp"

namespace listaudit::tools::review {

// The run as the desk shows it, read from the store in one go.
struct RunSnapshot {
  std::vector<models::ListEntry> lists;
  std::map<std::string, int> pageCount;             // by list
  std::vector<models::RowRecord> rows;              // without images
  std::vector<models::JudgedRow> judged;            // in the order of rows
  std::map<models::RowKey, std::size_t> index;      // each row's place in rows
  std::vector<std::vector<std::string>> nameWords;  // each row's names by nameKey, word by word, for the search
  std::map<std::pair<std::string, int>, std::string> collectorOfPage;
  std::map<std::string, std::vector<models::InputError>> errorsOfList;
  std::vector<models::InputError> otherErrors;                 // not of one list (a manifest line)
  std::vector<models::Decision> decisions;                     // oldest first
  std::map<std::string, std::vector<models::RowKey>> samples;  // by list: the rows drawn for verification
  int required = 0;
};
RunSnapshot loadSnapshot(const models::Store& store, int required);

// Per list: party, dates, pages, rows, flagged, valid against required
// (0: none asked) and whether it reaches it, rows decided and
// still to decide, UNREADABLE rows, inputs not read (a list with any is not
// wholly checked, never clean); and the run's totals.
nlohmann::json overview(const RunSnapshot& run);

struct QueueFilter {
  std::string list, flag, collector, search;
  int page = 0;  // 0: every page
  double minRisk = 0;
  bool all = false;        // every row, not only those flagged
  bool undecided = false;  // only rows with no decision yet
  bool sampled = false;    // only rows of the lists' random samples
  enum class Order { Risk, Place } order = Order::Risk;
  int offset = 0, limit = 100;
};

// The rows that pass the filter, riskiest first (or in list, page, row
// order), `limit` of them from `offset`, with how many pass in all. The
// search finds a name in either script, any case, with or without
// diacritics (a part of it will do), or a number or a part of one, as
// resolved or as read.
nlohmann::json queue(const RunSnapshot& run, const QueueFilter& filter);

// One row: its reading and confidences, each flag in words with its
// evidence and the rows it rests on, the collector, and every decision on
// it, oldest first. Null when the run holds no such row.
nlohmann::json rowDetail(const RunSnapshot& run, const std::string& listId, int page, int row);

// Per list and collector (the line under each page's table): rows, flagged
// rows, rows per flag, the share without consent, repeated signatures.
nlohmann::json collectors(const RunSnapshot& run);

}  // namespace listaudit::tools::review

#pragma once
// A list's rows counted as an election commission counts them (contract
// section 8): rows, flagged rows, valid supporters and rows per flag. The one
// place lists.csv and report.html take their counts from. Pure functions.
#include <array>
#include <map>
#include <string>
#include <vector>

#include "models/records.hpp"
#include "models/sample_check.hpp"

namespace listaudit::models {

// Whether a commission accepts the row: as a reviewer decided (contract
// section 12), else no flag, or MULTI_PARTY alone on the list filed first
// (which keeps the supporter).
bool acceptedRow(const JudgedRow& row);

struct ListTally {
  int rows = 0, flagged = 0, valid = 0;
  int decided = 0;                 // rows with a reviewer's decision
  int toDecide = 0;                // flagged rows without one
  std::map<Flag, int> perFlag;     // rows carrying each flag
  std::array<int, 5> riskBands{};  // rows by risk: 0-20%, 20-40%, ... 80-100%
};

// By list_id.
std::map<std::string, ListTally> tallyLists(const std::vector<JudgedRow>& judged);

// A collector's rows (the name under the tables of the pages they
// collected), so that invented entries clustering by collector stand out.
struct CollectorTally {
  int rows = 0, flagged = 0;
  std::map<Flag, int> perFlag;
  int count(Flag flag) const { return perFlag.count(flag) ? perFlag.at(flag) : 0; }
};
// By (list_id, collector); `collectorOfPage` gives each (list_id, page) its
// collector's name (a page not in it counts under the empty name).
std::map<std::pair<std::string, std::string>, CollectorTally> tallyCollectors(
    const std::vector<JudgedRow>& judged, const std::map<std::pair<std::string, int>, std::string>& collectorOfPage);

// A list's random sample as it stands: its rows valid as acceptedRow() counts
// them (a reviewer's decision, else the flags), how many a reviewer decided,
// and the valid count of the list projected from it.
struct SampleTally {
  int decided = 0;  // of the sampled rows; the projection is final once all are
  Projection projection;
};
SampleTally tallySample(const std::vector<JudgedRow>& judged, const std::string& listId,
                        const std::vector<RowKey>& sampled, int required);

}  // namespace listaudit::models

#pragma once
// A page of the committed sample batch and its truth, for the stage tests.
#include <map>
#include <string>
#include <vector>

#include "ingest/scan_source.hpp"
#include "tests/support/test_support.hpp"

namespace listaudit::testing {

inline cv::Mat samplePage(const std::string& scans, int index) {
  return ingest::ScanSource::open(dataDir() + "/scans/" + scans)->page(index);
}

// truth.csv rows of one page, in row order.
inline std::vector<std::map<std::string, std::string>> truthRows(const std::string& listId, int page) {
  std::vector<std::map<std::string, std::string>> out;
  for (auto& row : readCsv(dataDir() + "/truth.csv"))
    if (row["list_id"] == listId && row["page"] == std::to_string(page)) out.push_back(row);
  return out;
}

}  // namespace listaudit::testing

#pragma once
// The consent and complaints registers held for look-up by person: by number,
// and by name key for a person known only by name. Built from records; no I/O.
// Read-only after construction, so thread-safe to query.
#include <map>
#include <string>
#include <vector>

#include "models/records.hpp"

namespace listaudit::models {

template <class Record>
class RegisterBook {
 public:
  void add(Record record) {
    const std::size_t i = records_.size();
    if (!record.nationalId.empty()) byNumber_[record.nationalId].push_back(i);
    byName_[nameKeyOf(record)].push_back(i);
    records_.push_back(std::move(record));
  }
  // The records of the person with this number, or, when `number` is empty,
  // with this name key; only those whose party folds to `partyFolded`.
  std::vector<Record> find(const std::string& number, const std::string& nameKey, const std::string& partyFolded) const;
  std::size_t size() const { return records_.size(); }

 private:
  static std::string nameKeyOf(const Record& r);
  std::vector<Record> records_;
  std::map<std::string, std::vector<std::size_t>> byNumber_, byName_;
};

using ConsentBook = RegisterBook<ConsentRecord>;
using ComplaintBook = RegisterBook<Complaint>;

}  // namespace listaudit::models

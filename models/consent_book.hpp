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
  void add(Record record);
  // The records of the person with this number, or, when `number` is empty,
  // with this name key; only those whose party folds to `partyFolded`.
  std::vector<Record> find(const std::string& number, const std::string& nameKey, const std::string& partyFolded) const;
  std::size_t size() const { return records_.size(); }

 private:
  std::vector<Record> records_;
  std::vector<std::string> foldedParty_;  // each record's party, folded once
  std::map<std::string, std::vector<std::size_t>> byNumber_, byName_;
};

using ConsentBook = RegisterBook<ConsentRecord>;
using ComplaintBook = RegisterBook<Complaint>;

}  // namespace listaudit::models

#include "models/consent_book.hpp"

#include "models/name_text.hpp"

namespace listaudit::models {

template <class Record>
void RegisterBook<Record>::add(Record record) {
  const std::size_t i = records_.size();
  if (!record.nationalId.empty()) byNumber_[record.nationalId].push_back(i);
  byName_[nameKey(record.fullName)].push_back(i);
  foldedParty_.push_back(foldText(record.party));
  records_.push_back(std::move(record));
}

template <class Record>
std::vector<Record> RegisterBook<Record>::find(const std::string& number, const std::string& key,
                                               const std::string& partyFolded) const {
  const auto& index = number.empty() ? byName_ : byNumber_;
  const auto it = index.find(number.empty() ? key : number);
  std::vector<Record> out;
  if (it == index.end()) return out;
  for (std::size_t i : it->second)
    if (foldedParty_[i] == partyFolded) out.push_back(records_[i]);
  return out;
}

template class RegisterBook<ConsentRecord>;
template class RegisterBook<Complaint>;

}  // namespace listaudit::models

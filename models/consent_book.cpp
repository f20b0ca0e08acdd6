#include "models/consent_book.hpp"

#include "models/name_text.hpp"

namespace listaudit::models {

template <class Record>
std::string RegisterBook<Record>::nameKeyOf(const Record& r) {
  return nameKey(r.fullName);
}

template <class Record>
std::vector<Record> RegisterBook<Record>::find(const std::string& number, const std::string& key,
                                               const std::string& partyFolded) const {
  const auto& index = number.empty() ? byName_ : byNumber_;
  const auto it = index.find(number.empty() ? key : number);
  std::vector<Record> out;
  if (it == index.end()) return out;
  for (std::size_t i : it->second)
    if (foldText(records_[i].party) == partyFolded) out.push_back(records_[i]);
  return out;
}

template class RegisterBook<ConsentRecord>;
template class RegisterBook<Complaint>;

}  // namespace listaudit::models

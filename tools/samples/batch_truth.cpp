#include "tools/samples/batch_truth.hpp"

#include "models/national_id.hpp"

namespace listaudit::tools {

std::vector<std::set<models::Flag>> truthFlags(const std::vector<TruthRow>& rows,
                                               const std::map<std::string, TruthList>& lists,
                                               const TruthRegisters& registers) {
  using models::Flag;
  std::vector<std::set<Flag>> flags(rows.size());
  std::vector<std::string> personOf(rows.size());
  std::map<std::uint64_t, int> signatureUses;
  for (const auto& r : rows)
    if (r.signed_) ++signatureUses[r.signatureSeed];

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TruthRow& r = rows[i];
    const TruthList& list = lists.at(r.listId);
    auto& f = flags[i];
    const models::IdCheck check = models::checkNationalId(r.nationalId, list.country.scheme());
    // This person: the number's when it passes, otherwise the name's.
    std::string number;
    if (check.valid()) {
      number = r.nationalId;
    } else {
      f.insert(Flag::IdInvalid);
      if (auto it = registers.numberOfName.find(r.name); it != registers.numberOfName.end()) number = it->second;
    }
    personOf[i] = number.empty() ? "name:" + r.name : number;
    const auto resident = number.empty() ? registers.population.end() : registers.population.find(number);
    const bool known = resident != registers.population.end();
    if (check.valid() && !known) f.insert(Flag::NotInRegister);
    if (check.valid() && known && resident->second.name != r.name) f.insert(Flag::NameMismatch);
    if (known && resident->second.death && *resident->second.death <= list.submitted) f.insert(Flag::Deceased);
    std::optional<models::Date> birth = check.valid() ? check.birthDate : std::nullopt;
    if (!birth && known) birth = resident->second.birth;
    if (birth && birth->ageOn(list.election) < 18) f.insert(Flag::Underage);

    bool inForce = false, withdrawn = false, late = false, any = false;
    if (auto c = registers.consent.find(number); !number.empty() && c != registers.consent.end()) {
      for (const auto& consent : c->second) {
        if (consent.party != list.party) continue;
        any = true;
        const bool signedInTime = !consent.signedOn || *consent.signedOn <= list.submitted;
        const bool notWithdrawn = !consent.withdrawnOn || *consent.withdrawnOn > list.submitted;
        inForce |= signedInTime && notWithdrawn;
        withdrawn |= !notWithdrawn;
        late |= !signedInTime;
      }
    }
    if (!any) f.insert(Flag::NoConsent);
    if (any && !inForce && withdrawn) f.insert(Flag::ConsentWithdrawn);
    if (any && !inForce && late) f.insert(Flag::ConsentLate);
    if (auto c = registers.complaints.find(number); !number.empty() && c != registers.complaints.end())
      if (c->second.count(list.party)) f.insert(Flag::Complaint);

    if (!r.signed_) f.insert(Flag::SignatureMissing);
    if (r.signed_ && signatureUses[r.signatureSeed] > 1) f.insert(Flag::SignatureRepeated);
    if (r.digitalDiffers) f.insert(Flag::DigitalMismatch);
  }

  // Across rows: the same person earlier on the list; on several parties' lists.
  std::map<std::string, std::set<std::string>> seenOnList;
  std::map<std::string, std::set<std::string>> partiesOf;  // election|person -> parties
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TruthList& list = lists.at(rows[i].listId);
    if (!seenOnList[rows[i].listId].insert(personOf[i]).second) flags[i].insert(Flag::DuplicateInList);
    partiesOf[list.election.toString() + "|" + personOf[i]].insert(list.party);
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const TruthList& list = lists.at(rows[i].listId);
    if (partiesOf[list.election.toString() + "|" + personOf[i]].size() > 1) flags[i].insert(Flag::MultiParty);
  }
  return flags;
}

}  // namespace listaudit::tools

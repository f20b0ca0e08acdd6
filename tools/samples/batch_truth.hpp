#pragma once
// The flags a perfect reader raises on a generated batch: contract section 7
// applied to what is written on the pages and to the registers the batch
// ships. Written apart from the pipeline's checks, so that the scoreboard
// compares two readings of the contract, not one with itself.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "models/country.hpp"
#include "models/date.hpp"
#include "models/flag.hpp"

namespace listaudit::tools {

struct TruthRow {
  std::string listId;
  int page = 0, row = 0;
  std::string name, nationalId;  // as written
  bool signed_ = true;
  std::uint64_t signatureSeed = 0;  // equal seeds: one hand
  bool digitalDiffers = false;      // the electronic copy's row differs or is missing
};

struct TruthList {
  std::string listId, party;
  models::Country country;
  models::Date election, submitted;
};

struct TruthRegisters {
  struct Resident {
    std::string name;
    models::Date birth;
    std::optional<models::Date> death;
  };
  struct Consent {
    std::string party;
    std::optional<models::Date> signedOn, withdrawnOn;
  };
  std::map<std::string, Resident> population;               // by number
  std::map<std::string, std::string> numberOfName;          // population names, all unique
  std::map<std::string, std::vector<Consent>> consent;      // by number
  std::map<std::string, std::set<std::string>> complaints;  // number -> parties
};

// Flags for each row, in the order of `rows`.
std::vector<std::set<models::Flag>> truthFlags(const std::vector<TruthRow>& rows,
                                               const std::map<std::string, TruthList>& lists,
                                               const TruthRegisters& registers);

}  // namespace listaudit::tools

#pragma once
// Answers "I never signed": every row of a run that is a given person, found
// by number or by name, with where it stands, what the run found there and
// the image of the row; and, when the person is on no row read with
// confidence, how many rows of each party a person must still read.
#include <map>
#include <string>
#include <vector>

#include "models/store.hpp"

namespace listaudit::pipeline {

struct FoundRow {
  std::string listId;
  int page = 0, row = 0;
  std::string fullName, nationalId, flags;
  double score = 0;       // 1 for the same number; below for a near number, the copy's number, or a name
  std::string how;        // "same number", "number one character apart", "the electronic copy's number", ...
  std::string imagePath;  // the row's image, written out of the store
  std::string party, submittedOn, collector;
  std::string evidence;  // the flags' evidence, as rows.csv gives it
  models::Box box;       // the row on its upright page
};

// A row of a list's electronic copy (contract section 5), for the look-up.
struct CopyRow {
  std::string listId;
  int page = 0, row = 0;
  std::string fullName, nationalId;
};

// Rows whose number, resolved or as read, is `number` (or one character from
// it: a misreading), or whose electronic-copy row gives `number`; or, when
// `number` is empty, whose name (or copy's name) is at least
// `minNameSimilarity` alike to `name`; best first. Writes each found row's
// image under `imageDir`.
std::vector<FoundRow> findRows(const models::Store& store, const std::string& number, const std::string& name,
                               const std::string& imageDir, double minNameSimilarity = 0.85,
                               const std::vector<CopyRow>& copies = {});

// UNREADABLE rows per party: where a person not found may still stand.
std::map<std::string, int> unreadableRowsByParty(const models::Store& store);

}  // namespace listaudit::pipeline

#pragma once
// Answers "I never signed": every row of a run that is a given person, found
// by number or by name, with where it stands and the image of the row.
#include <string>
#include <vector>

#include "models/store.hpp"

namespace listaudit::pipeline {

struct FoundRow {
  std::string listId;
  int page = 0, row = 0;
  std::string fullName, nationalId, flags;
  double score = 0;       // 1 for the same number; below for a near number or a name
  std::string how;        // "same number", "one character apart", "name similarity"
  std::string imagePath;  // the row's image, written out of the store
};

// Rows whose number is `number` (or one character from it: a misreading), or,
// when `number` is empty, whose name is at least `minNameSimilarity` alike to
// `name`; best first. Writes each found row's image under `imageDir`.
std::vector<FoundRow> findRows(const models::Store& store, const std::string& number, const std::string& name,
                               const std::string& imageDir, double minNameSimilarity = 0.85);

}  // namespace listaudit::pipeline

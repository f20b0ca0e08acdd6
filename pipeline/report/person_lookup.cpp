#include "pipeline/report/person_lookup.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "models/name_text.hpp"
#include "models/text_distance.hpp"
#include "pipeline/report/csv_outputs.hpp"

namespace listaudit::pipeline {

std::vector<FoundRow> findRows(const models::Store& store, const std::string& number, const std::string& name,
                               const std::string& imageDir, double minNameSimilarity) {
  const auto rows = store.rows();
  const auto judged = store.judgements();
  std::vector<FoundRow> found;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    FoundRow f{r.listId, r.page, r.row, r.fullName, judged[i].nationalId, flagCodes(judged[i]), 0, "", ""};
    if (!number.empty()) {
      if (judged[i].nationalId == number || r.rawId == number) {
        f.score = 1.0;
        f.how = "same number";
      } else if (models::editDistance(judged[i].nationalId, number) == 1) {
        f.score = 0.8;
        f.how = "number one character apart";
      }
    } else {
      const double similarity = models::nameSimilarity(r.fullName, name);
      if (similarity >= minNameSimilarity) {
        f.score = similarity;
        f.how = "name similarity";
      }
    }
    if (f.score > 0) found.push_back(std::move(f));
  }
  std::stable_sort(found.begin(), found.end(), [](const FoundRow& a, const FoundRow& b) { return a.score > b.score; });

  std::filesystem::create_directories(imageDir);
  for (FoundRow& f : found) {
    const auto png = store.rowImage(f.listId, f.page, f.row);
    if (png.empty()) continue;
    std::string file = f.listId + "-page-" + std::to_string(f.page) + "-row-" + std::to_string(f.row) + ".png";
    for (char& c : file)
      if (c == '/' || c == '\\') c = '_';
    f.imagePath = (std::filesystem::path(imageDir) / file).string();
    std::ofstream out(f.imagePath, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  }
  return found;
}

}  // namespace listaudit::pipeline

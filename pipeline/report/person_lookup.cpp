#include "pipeline/report/person_lookup.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "models/name_text.hpp"
#include "models/text_distance.hpp"
#include "pipeline/report/csv_outputs.hpp"

namespace listaudit::pipeline {

std::vector<FoundRow> findRows(const models::Store& store, const std::string& number, const std::string& name,
                               const std::string& imageDir, double minNameSimilarity,
                               const std::vector<CopyRow>& copies) {
  const auto rows = store.rows();
  const auto judged = store.judgements();
  std::map<models::RowKey, std::size_t> index;
  for (std::size_t i = 0; i < rows.size(); ++i) index[{rows[i].listId, rows[i].page, rows[i].row}] = i;
  std::map<models::RowKey, FoundRow> found;
  auto consider = [&](std::size_t i, double score, const std::string& how) {
    const auto& r = rows[i];
    FoundRow& f = found[{r.listId, r.page, r.row}];
    if (score <= f.score) return;
    f.listId = r.listId;
    f.page = r.page;
    f.row = r.row;
    f.fullName = judged[i].fullName.empty() ? r.fullName : judged[i].fullName;
    f.nationalId = judged[i].nationalId;
    f.flags = flagCodes(judged[i]);
    f.score = score;
    f.how = how;
    f.box = r.box;
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (!number.empty()) {
      if (judged[i].nationalId == number || r.rawId == number)
        consider(i, 1.0, "same number");
      else if (models::editDistance(judged[i].nationalId, number) == 1 || models::editDistance(r.rawId, number) == 1)
        consider(i, 0.8, "number one character apart");
    } else {
      const double similarity =
          std::max(models::nameSimilarity(r.fullName, name), models::nameSimilarity(judged[i].fullName, name));
      if (similarity >= minNameSimilarity) consider(i, similarity, "name similarity");
    }
  }
  // The electronic copy may hold the person at a row the paper was misread at.
  for (const CopyRow& c : copies) {
    const auto it = index.find({c.listId, c.page, c.row});
    if (it == index.end()) continue;
    if (!number.empty() && c.nationalId == number)
      consider(it->second, 0.9, "the electronic copy gives this number here");
    else if (number.empty() && models::nameSimilarity(c.fullName, name) >= minNameSimilarity)
      consider(it->second, 0.9 * models::nameSimilarity(c.fullName, name), "the electronic copy gives this name here");
  }

  // What the run knows of each place found.
  std::map<std::string, models::ListEntry> lists;
  for (const auto& l : store.lists()) lists[l.listId] = l;
  std::map<std::pair<std::string, int>, std::string> collector;
  std::vector<FoundRow> out;
  for (auto& [key, f] : found) {
    const auto& list = lists[f.listId];
    f.party = list.party;
    f.submittedOn = list.submittedOn ? list.submittedOn->toString() : "";
    if (!collector.count({f.listId, f.page}))
      for (const auto& p : store.pages(f.listId)) collector[{f.listId, p.page}] = models::collectorName(p.collector);
    f.collector = collector[{f.listId, f.page}];
    for (const auto& finding : judged[index[key]].findings)
      f.evidence +=
          (f.evidence.empty() ? "" : " | ") + std::string(models::flagCode(finding.flag)) + ": " + finding.evidence;
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(), [](const FoundRow& a, const FoundRow& b) { return a.score > b.score; });

  std::filesystem::create_directories(imageDir);
  for (FoundRow& f : out) {
    const auto png = store.rowImage(f.listId, f.page, f.row);
    if (png.empty()) continue;
    std::string file = f.listId + "-page-" + std::to_string(f.page) + "-row-" + std::to_string(f.row) + ".png";
    for (char& c : file)
      if (c == '/' || c == '\\') c = '_';
    f.imagePath = (std::filesystem::path(imageDir) / file).string();
    std::ofstream image(f.imagePath, std::ios::binary | std::ios::trunc);
    image.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
  }
  return out;
}

std::map<std::string, int> unreadableRowsByParty(const models::Store& store) {
  std::map<std::string, std::string> partyOf;
  for (const auto& l : store.lists()) partyOf[l.listId] = l.party;
  std::map<std::string, int> out;
  for (const auto& j : store.judgements())
    for (const auto& f : j.findings)
      if (f.flag == models::Flag::Unreadable) ++out[partyOf[j.listId]];
  return out;
}

}  // namespace listaudit::pipeline

#include "tools/review/review_data.hpp"

#include <algorithm>
#include <set>
#include <sstream>

#include "models/flag.hpp"
#include "models/list_tally.hpp"
#include "models/name_text.hpp"
#include "models/text_distance.hpp"

namespace listaudit::tools::review {
namespace {

using nlohmann::json;

std::string collectorOf(const RunSnapshot& run, const std::string& listId, int page) {
  const auto it = run.collectorOfPage.find({listId, page});
  return it == run.collectorOfPage.end() ? std::string() : it->second;
}

// The name as the run resolved it: a register's or the copy's spelling, a
// reviewer's correction, or the reading.
std::string shownName(const models::RowRecord& r, const models::JudgedRow& j) {
  return j.fullName.empty() ? r.fullName : j.fullName;
}

json decisionJson(const models::Decision& d) {
  return {{"decision", std::string(models::decisionWord(d.kind))},
          {"full_name", d.fullName},
          {"national_id", d.nationalId},
          {"reviewer", d.reviewer},
          {"decided_at", d.decidedAt},
          {"note", d.note}};
}

json flagsOf(const models::JudgedRow& j) {
  json codes = json::array();
  for (const auto& f : j.findings) codes.push_back(std::string(models::flagCode(f.flag)));
  return codes;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// Whether a row answers the search: a number or part of one, or a name in
// either script. Names compare by nameKey (script, case and diacritics do not
// count), word by word: each word searched must begin a word of the name or
// be near one (Jaro-Winkler 0.85), since one letter is spelt several ways in
// the other script (ъ as a, u or nothing).
class Search {
 public:
  explicit Search(const std::string& text) : words_(words(models::nameKey(text))) {
    for (char c : text)
      if (c != ' ' && c != '-' && c != '/') compact_ += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  bool empty() const { return compact_.empty(); }
  // `nameWords`: the row's names (resolved and as read) by nameKey, word by
  // word, as the snapshot keeps them (transliterating every row's name on
  // each keystroke would cost the search most of its time).
  bool matches(const models::RowRecord& r, const models::JudgedRow& j,
               const std::vector<std::string>& nameWords) const {
    if (!compact_.empty() &&
        (j.nationalId.find(compact_) != std::string::npos || r.rawId.find(compact_) != std::string::npos))
      return true;
    return nameMatches(nameWords);
  }

 private:
  bool nameMatches(const std::vector<std::string>& own) const {
    if (words_.empty()) return false;
    return std::all_of(words_.begin(), words_.end(), [&](const std::string& w) {
      return std::any_of(own.begin(), own.end(), [&](const std::string& o) {
        return o.rfind(w, 0) == 0 || (w.size() >= 4 && models::jaroWinkler(o, w) >= kNearWord);
      });
    });
  }
  static constexpr double kNearWord = 0.85;
  std::vector<std::string> words_;
  std::string compact_;
};

}  // namespace

RunSnapshot loadSnapshot(const models::Store& store, int required) {
  RunSnapshot run;
  run.required = required;
  run.lists = store.lists();
  for (const auto& list : run.lists) {
    run.pageCount[list.listId] = store.pageCount(list.listId);
    if (auto drawn = store.sample(list.listId)) run.samples[list.listId] = std::move(drawn->rows);
    for (const models::PageRecord& page : store.pages(list.listId))
      run.collectorOfPage[{list.listId, page.page}] = models::collectorName(page.collector);
  }
  run.rows = store.rows();
  run.judged = store.judgements();
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    const models::RowRecord& r = run.rows[i];
    run.index[{r.listId, r.page, r.row}] = i;
    std::vector<std::string> names = words(models::nameKey(shownName(r, run.judged[i])));
    for (std::string& w : words(models::nameKey(r.fullName))) names.push_back(std::move(w));
    run.nameWords.push_back(std::move(names));
  }
  for (models::InputError& e : store.errors()) {
    if (e.listId.empty())
      run.otherErrors.push_back(std::move(e));
    else
      run.errorsOfList[e.listId].push_back(std::move(e));
  }
  run.decisions = store.decisions();
  return run;
}

json overview(const RunSnapshot& run) {
  const auto tallies = models::tallyLists(run.judged);
  json lists = json::array();
  json totals = {{"lists", run.lists.size()},
                 {"rows", 0},
                 {"flagged", 0},
                 {"valid", 0},
                 {"to_decide", 0},
                 {"unreadable", 0},
                 {"not_read", run.otherErrors.size()}};
  for (const auto& list : run.lists) {
    const auto t = tallies.count(list.listId) ? tallies.at(list.listId) : models::ListTally{};
    const auto errors = run.errorsOfList.count(list.listId) ? run.errorsOfList.at(list.listId).size() : 0;
    const int unreadable = t.perFlag.count(models::Flag::Unreadable) ? t.perFlag.at(models::Flag::Unreadable) : 0;
    json perFlag = json::object();
    for (const auto& [flag, n] : t.perFlag) perFlag[std::string(models::flagCode(flag))] = n;
    json l = {{"list_id", list.listId},
              {"risk_bands", t.riskBands},  // rows by risk, in five bands of 20%
              {"party", list.party},
              {"country", std::string(list.country.code())},
              {"election_date", list.electionDate ? list.electionDate->toString() : ""},
              {"submitted_on", list.submittedOn ? list.submittedOn->toString() : ""},
              {"pages", run.pageCount.count(list.listId) ? run.pageCount.at(list.listId) : 0},
              {"rows", t.rows},
              {"flagged", t.flagged},
              {"valid", t.valid},
              {"required", run.required},
              {"decided", t.decided},
              {"to_decide", t.toDecide},
              {"unreadable", unreadable},
              {"not_read", errors},
              {"per_flag", perFlag}};
    // A list with an input not read was not wholly checked: never "clean".
    l["checked"] = errors == 0;
    if (run.required > 0) l["reaches_required"] = t.valid >= run.required;
    if (auto drawn = run.samples.find(list.listId); drawn != run.samples.end()) {
      const models::SampleTally s = models::tallySample(run.judged, list.listId, drawn->second, run.required);
      const auto& p = s.projection;
      static constexpr const char* kVerdicts[] = {"qualifies", "fails", "full check", ""};
      l["sample"] = {{"size", p.sampled},
                     {"decided", s.decided},
                     {"valid", p.validInSample},
                     {"projected", p.projected},
                     {"low", p.low},
                     {"high", p.high},
                     {"verdict", kVerdicts[static_cast<int>(p.verdict)]}};
    }
    json problems = json::array();
    if (errors)
      for (const auto& e : run.errorsOfList.at(list.listId))
        problems.push_back({{"input", e.input}, {"page", e.page}, {"message", e.message}});
    l["inputs_not_read"] = problems;
    lists.push_back(std::move(l));
    totals["rows"] = totals["rows"].get<int>() + t.rows;
    totals["flagged"] = totals["flagged"].get<int>() + t.flagged;
    totals["valid"] = totals["valid"].get<int>() + t.valid;
    totals["to_decide"] = totals["to_decide"].get<int>() + t.toDecide;
    totals["unreadable"] = totals["unreadable"].get<int>() + unreadable;
    totals["not_read"] = totals["not_read"].get<std::size_t>() + errors;
  }
  json other = json::array();
  for (const auto& e : run.otherErrors) other.push_back({{"input", e.input}, {"page", e.page}, {"message", e.message}});
  json flags = json::array();
  for (models::Flag f : models::kAllFlags)
    flags.push_back({{"code", std::string(models::flagCode(f))}, {"words", std::string(models::flagWords(f))}});
  return {{"lists", lists}, {"totals", totals}, {"other_inputs_not_read", other}, {"flags", flags}};
}

json queue(const RunSnapshot& run, const QueueFilter& filter) {
  const auto inForce = models::decisionsInForce(run.decisions);
  const Search search(filter.search);
  std::set<models::RowKey> inSample;
  for (const auto& [list, rows] : run.samples) inSample.insert(rows.begin(), rows.end());
  const std::optional<models::Flag> flag = models::flagFromCode(filter.flag);
  std::vector<std::size_t> chosen;
  for (std::size_t i = 0; i < run.rows.size(); ++i) {
    const models::RowRecord& r = run.rows[i];
    const models::JudgedRow& j = run.judged[i];
    if (!filter.all && j.findings.empty()) continue;
    if (!filter.list.empty() && r.listId != filter.list) continue;
    if (filter.page > 0 && r.page != filter.page) continue;
    if (j.risk < filter.minRisk) continue;
    if (flag && std::none_of(j.findings.begin(), j.findings.end(), [&](const auto& f) { return f.flag == *flag; }))
      continue;
    if (!filter.flag.empty() && !flag) continue;
    if (!filter.collector.empty() && collectorOf(run, r.listId, r.page) != filter.collector) continue;
    if (filter.undecided && inForce.count({r.listId, r.page, r.row})) continue;
    if (filter.sampled && !inSample.count({r.listId, r.page, r.row})) continue;
    if (!search.empty() && !search.matches(r, j, run.nameWords[i])) continue;
    chosen.push_back(i);
  }
  if (filter.order == QueueFilter::Order::Risk)
    std::stable_sort(chosen.begin(), chosen.end(),
                     [&](std::size_t a, std::size_t b) { return run.judged[a].risk > run.judged[b].risk; });
  json rows = json::array();
  const std::size_t from = std::min(chosen.size(), static_cast<std::size_t>(std::max(0, filter.offset)));
  const std::size_t to = std::min(chosen.size(), from + static_cast<std::size_t>(std::max(0, filter.limit)));
  for (std::size_t k = from; k < to; ++k) {
    const std::size_t i = chosen[k];
    const models::RowRecord& r = run.rows[i];
    const models::JudgedRow& j = run.judged[i];
    json row = {{"list_id", r.listId},
                {"page", r.page},
                {"row", r.row},
                {"full_name", shownName(r, j)},
                {"national_id", j.nationalId},
                {"national_id_as_read", r.rawId},
                {"flags", flagsOf(j)},
                {"risk", j.risk},
                {"collector", collectorOf(run, r.listId, r.page)},
                {"decision", nullptr}};
    if (auto it = inForce.find({r.listId, r.page, r.row}); it != inForce.end())
      row["decision"] = decisionJson(it->second);
    rows.push_back(std::move(row));
  }
  return {{"total", chosen.size()}, {"offset", from}, {"rows", rows}};
}

json rowDetail(const RunSnapshot& run, const std::string& listId, int page, int rowNumber) {
  const auto& index = run.index;
  const auto it = index.find({listId, page, rowNumber});
  if (it == index.end()) return nullptr;
  const models::RowRecord& r = run.rows[it->second];
  const models::JudgedRow& j = run.judged[it->second];
  json findings = json::array();
  for (const auto& f : j.findings) {
    json related = json::array();
    for (const auto& key : f.related) {
      const auto other = index.find(key);
      if (other == index.end()) continue;
      const models::RowRecord& o = run.rows[other->second];
      related.push_back({{"list_id", o.listId},
                         {"page", o.page},
                         {"row", o.row},
                         {"full_name", shownName(o, run.judged[other->second])},
                         {"flags", flagsOf(run.judged[other->second])}});
    }
    findings.push_back({{"code", std::string(models::flagCode(f.flag))},
                        {"words", std::string(models::flagWords(f.flag))},
                        {"evidence", f.evidence},
                        {"related", related}});
  }
  json decisions = json::array();
  for (const models::Decision& d : run.decisions)
    if (d.listId == listId && d.page == page && d.row == rowNumber) decisions.push_back(decisionJson(d));
  return {{"list_id", r.listId},
          {"page", r.page},
          {"row", r.row},
          {"full_name", shownName(r, j)},
          {"full_name_as_read", r.fullName},
          {"national_id", j.nationalId},
          {"national_id_as_read", r.rawId},
          {"name_confidence", r.nameConfidence},
          {"id_confidence", r.idConfidence},
          {"handwritten", r.idWriting == models::Writing::Handwritten},
          {"risk", j.risk},
          {"note", j.note},
          {"collector", collectorOf(run, r.listId, r.page)},
          {"findings", findings},
          {"decisions", decisions}};
}

json collectors(const RunSnapshot& run) {
  const auto counts = models::tallyCollectors(run.judged, run.collectorOfPage);
  // In manifest order of the lists.
  json out = json::array();
  for (const auto& list : run.lists)
    for (auto it = counts.lower_bound({list.listId, std::string()});
         it != counts.end() && it->first.first == list.listId; ++it) {
      const models::CollectorTally& c = it->second;
      json perFlag = json::object();
      for (const auto& [flag, n] : c.perFlag) perFlag[std::string(models::flagCode(flag))] = n;
      out.push_back(
          {{"list_id", list.listId},
           {"party", list.party},
           {"collector", it->first.second},
           {"rows", c.rows},
           {"flagged", c.flagged},
           {"per_flag", perFlag},
           {"no_consent_share", c.rows ? static_cast<double>(c.count(models::Flag::NoConsent)) / c.rows : 0.0},
           {"repeated_signatures", c.count(models::Flag::SignatureRepeated)}});
    }
  return out;
}

}  // namespace listaudit::tools::review

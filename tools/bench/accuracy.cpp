#include "tools/bench/accuracy.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <sstream>
#include <tuple>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "models/name_text.hpp"
#include "models/text_distance.hpp"

namespace listaudit::tools {
namespace {

using Key = std::tuple<std::string, int, int>;

struct ScoredRow {
  std::string name, id;
  std::set<models::Flag> flags;
  std::string writing;  // truth only: printed or handwritten, when it says
};

std::map<Key, ScoredRow> readRows(const std::string& path) {
  std::map<Key, ScoredRow> rows;
  ingest::forEachCsvRecord(
      path, {"list_id", "page", "row", "full_name", "national_id", "flags"},
      [&](const ingest::CsvHeader& header, const std::vector<std::string>& record, int) {
        Key key{header.get(record, "list_id"), std::atoi(header.get(record, "page").c_str()),
                std::atoi(header.get(record, "row").c_str())};
        ScoredRow row{
            header.get(record, "full_name"), header.get(record, "national_id"), {}, header.get(record, "writing")};
        std::stringstream codes(header.get(record, "flags"));
        for (std::string code; std::getline(codes, code, ';');)
          if (const auto flag = models::flagFromCode(code)) row.flags.insert(*flag);
        rows.emplace(std::move(key), std::move(row));
      });
  return rows;
}

bool anyNoConsent(const std::set<models::Flag>& flags) {
  using models::Flag;
  for (Flag f : {Flag::Complaint, Flag::NoConsent, Flag::ConsentWithdrawn, Flag::ConsentLate})
    if (flags.count(f)) return true;
  return false;
}

void tally(PrecisionRecall& pr, bool expected, bool raised) {
  if (expected && raised)
    ++pr.truePositives;
  else if (raised)
    ++pr.falsePositives;
  else if (expected)
    ++pr.falseNegatives;
}

std::string rate(std::optional<double> v) {
  if (!v) return "-";
  char b[16];
  std::snprintf(b, sizeof b, "%.4f", *v);
  return b;
}
std::string jsonRate(std::optional<double> v) { return v ? rate(v) : "null"; }

}  // namespace

std::optional<double> PrecisionRecall::precision() const {
  const int d = truePositives + falsePositives;
  return d ? std::optional<double>(double(truePositives) / d) : std::nullopt;
}
std::optional<double> PrecisionRecall::recall() const {
  const int d = truePositives + falseNegatives;
  return d ? std::optional<double>(double(truePositives) / d) : std::nullopt;
}

namespace {

AccuracyScore score(const std::map<Key, ScoredRow>& truth, const std::map<Key, ScoredRow>& rows) {
  AccuracyScore s;
  s.expected = static_cast<int>(truth.size());
  s.found = static_cast<int>(rows.size());
  for (models::Flag f : models::kAllFlags) s.flags[f];
  for (const auto& [key, t] : truth) {
    const auto it = rows.find(key);
    const ScoredRow* r = it == rows.end() ? nullptr : &it->second;
    if (!r) ++s.missing;
    const std::string want = models::foldText(t.name);
    s.nameChars += static_cast<long long>(models::codePointCount(want));
    if (r) {
      const std::string got = models::foldText(r->name);
      if (got == want) ++s.nameExact;
      s.nameEdits += static_cast<long long>(models::editDistance(got, want));
      if (r->id == t.id) ++s.idExact;
    } else {
      s.nameEdits += static_cast<long long>(models::codePointCount(want));
    }
    static const std::set<models::Flag> kNone;
    const auto& raised = r ? r->flags : kNone;
    for (models::Flag f : models::kAllFlags) tally(s.flags[f], t.flags.count(f) > 0, raised.count(f) > 0);
    if (std::any_of(raised.begin(), raised.end(),
                    [&](models::Flag f) { return models::needsThePerson(f) && !t.flags.count(f); }))
      ++s.falselyAccused;
    tally(s.noConsent, anyNoConsent(t.flags), anyNoConsent(raised));
  }
  for (const auto& [key, r] : rows) {
    if (r.flags.count(models::Flag::Unreadable)) ++s.unreadable;
    if (truth.count(key)) continue;
    ++s.extra;
    for (models::Flag f : r.flags) tally(s.flags[f], false, true);
    if (std::any_of(r.flags.begin(), r.flags.end(), models::needsThePerson)) ++s.falselyAccused;
    tally(s.noConsent, false, anyNoConsent(r.flags));
  }
  return s;
}

}  // namespace

AccuracyScore scoreAccuracy(const std::string& truthCsv, const std::string& rowsCsv) {
  const auto truth = readRows(truthCsv);
  const auto rows = readRows(rowsCsv);
  AccuracyScore s = score(truth, rows);
  std::map<std::string, std::map<Key, ScoredRow>> truthBy, rowsBy;
  for (const auto& [key, t] : truth) {
    if (t.writing.empty()) continue;
    truthBy[t.writing].emplace(key, t);
    if (const auto it = rows.find(key); it != rows.end()) rowsBy[t.writing].emplace(key, it->second);
  }
  for (const auto& [writing, part] : truthBy) s.byWriting[writing] = score(part, rowsBy[writing]);
  return s;
}

std::string formatText(const AccuracyScore& s) {
  std::ostringstream o;
  char b[256];
  std::snprintf(b, sizeof b, "rows: %d expected, %d found, %d missing, %d extra\n", s.expected, s.found, s.missing,
                s.extra);
  o << b;
  std::snprintf(b, sizeof b, "full_name exact: %.4f (%d of %d), character error rate %.4f\n", s.nameExactRate(),
                s.nameExact, s.expected, s.nameCharErrorRate());
  o << b;
  std::snprintf(b, sizeof b, "national_id exact: %.4f (%d of %d)\n", s.idExactRate(), s.idExact, s.expected);
  o << b;
  std::snprintf(b, sizeof b, "UNREADABLE share: %.4f (%d of %d found rows)\n", s.unreadableShare(), s.unreadable,
                s.found);
  o << b;
  std::snprintf(b, sizeof b, "rows with a flag that needs the person and that the truth does not hold: %d\n",
                s.falselyAccused);
  o << b;
  std::snprintf(b, sizeof b, "%-20s %9s %9s %5s %5s %5s\n", "flag", "precision", "recall", "tp", "fp", "fn");
  o << b;
  auto line = [&](const std::string& name, const PrecisionRecall& pr) {
    std::snprintf(b, sizeof b, "%-20s %9s %9s %5d %5d %5d\n", name.c_str(), rate(pr.precision()).c_str(),
                  rate(pr.recall()).c_str(), pr.truePositives, pr.falsePositives, pr.falseNegatives);
    o << b;
  };
  for (const auto& [flag, pr] : s.flags) line(std::string(models::flagCode(flag)), pr);
  line("no-consent (any)", s.noConsent);
  for (const auto& [writing, w] : s.byWriting) {
    std::snprintf(
        b, sizeof b,
        "%s rows (%d): full_name %.4f, national_id %.4f, UNREADABLE %.4f, no-consent precision %s recall %s\n",
        writing.c_str(), w.expected, w.nameExactRate(), w.idExactRate(), w.unreadableShare(),
        rate(w.noConsent.precision()).c_str(), rate(w.noConsent.recall()).c_str());
    o << b;
  }
  return o.str();
}

std::string formatJson(const AccuracyScore& s) {
  std::ostringstream o;
  auto pr = [](const PrecisionRecall& p) {
    return "{\"precision\": " + jsonRate(p.precision()) + ", \"recall\": " + jsonRate(p.recall()) +
           ", \"tp\": " + std::to_string(p.truePositives) + ", \"fp\": " + std::to_string(p.falsePositives) +
           ", \"fn\": " + std::to_string(p.falseNegatives) + "}";
  };
  o << "{\"rows\": {\"expected\": " << s.expected << ", \"found\": " << s.found << ", \"missing\": " << s.missing
    << ", \"extra\": " << s.extra << "}, \"full_name\": {\"exact\": " << rate(s.nameExactRate())
    << ", \"character_error_rate\": " << rate(s.nameCharErrorRate())
    << "}, \"national_id\": {\"exact\": " << rate(s.idExactRate())
    << "}, \"unreadable_share\": " << rate(s.unreadableShare()) << ", \"falsely_accused_rows\": " << s.falselyAccused
    << ", \"flags\": {";
  bool first = true;
  for (const auto& [flag, p] : s.flags) {
    o << (first ? "" : ", ") << "\"" << models::flagCode(flag) << "\": " << pr(p);
    first = false;
  }
  o << "}, \"no_consent\": " << pr(s.noConsent) << ", \"by_writing\": {";
  first = true;
  for (const auto& [writing, w] : s.byWriting) {
    o << (first ? "" : ", ") << "\"" << writing << "\": {\"rows\": " << w.expected
      << ", \"full_name_exact\": " << rate(w.nameExactRate()) << ", \"national_id_exact\": " << rate(w.idExactRate())
      << ", \"unreadable_share\": " << rate(w.unreadableShare()) << ", \"no_consent\": " << pr(w.noConsent) << "}";
    first = false;
  }
  o << "}}\n";
  return o.str();
}

}  // namespace listaudit::tools

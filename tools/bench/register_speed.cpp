#include "tools/bench/register_speed.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <opencv2/imgproc.hpp>
#include <random>
#include <set>

#include "ingest/register_reader.hpp"
#include "models/national_id.hpp"
#include "models/signature_pairs.hpp"
#include "pipeline/checks/judge.hpp"
#include "pipeline/page/signature_shape.hpp"
#include "tools/bench/measure.hpp"

namespace listaudit::tools {
namespace {

namespace fs = std::filesystem;

// Rows a generated list holds, and a page of it.
constexpr int kRowsPerList = 1000, kRowsPerPage = 20;
// One generated signature in this many is a planted copy of an earlier one.
constexpr int kCopyEvery = 100;

// Every `step`-th person of the population register, up to `count`.
std::vector<models::Person> peopleSpreadOver(const std::string& population, long long size, int count) {
  const long long step = std::max<long long>(1, size / std::max(count, 1));
  std::vector<models::Person> out;
  models::ErrorList ignored;  // reported when the register was imported
  long long seen = 0;
  ingest::readPopulation(
      population,
      [&](const models::Person& p) {
        if (seen++ % step == 0 && static_cast<int>(out.size()) < count) out.push_back(p);
      },
      ignored);
  return out;
}

// The rows: each person on a list of the first country whose scheme their
// number passes, read clearly; lists of two parties in turn.
void listsOfPeople(const std::vector<models::Person>& people, std::vector<models::ListEntry>& lists,
                   std::vector<models::RowRecord>& rows) {
  std::map<std::string, std::vector<const models::Person*>> byCountry;
  for (const models::Person& p : people)
    for (const models::Country& c : models::Country::all())
      if (models::checkNationalId(p.nationalId, c.scheme()).valid()) {
        byCountry[std::string(c.code())].push_back(&p);
        break;
      }
  for (const auto& [code, members] : byCountry)
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i % kRowsPerList == 0) {
        models::ListEntry list;
        list.listId = "B" + std::to_string(lists.size() + 1) + "-" + code;
        list.party = lists.size() % 2 ? "Party B" : "Party A";
        list.electionDate = models::Date::make(2021, 4, 4);
        list.submittedOn = models::Date::make(2021, 2, 20);
        list.country = *models::Country::fromCode(code);
        lists.push_back(list);
      }
      const int at = static_cast<int>(i % kRowsPerList);
      models::RowRecord r;
      r.listId = lists.back().listId;
      r.page = at / kRowsPerPage + 1;
      r.row = at % kRowsPerPage + 1;
      r.fullName = members[i]->fullName;
      r.rawId = r.nationalId = members[i]->nationalId;
      r.nameConfidence = r.idConfidence = 0.99;
      r.idCharacterConfidences.assign(r.rawId.size(), 0.99);
      r.signatureInk = 0.05;
      rows.push_back(std::move(r));
    }
  // judgeRows wants list, page, row order.
  std::sort(rows.begin(), rows.end(), [](const models::RowRecord& a, const models::RowRecord& b) {
    return std::tie(a.listId, a.page, a.row) < std::tie(b.listId, b.page, b.row);
  });
}

// A signature cell of a scan at 200 dpi, in pixels.
constexpr int kCellWidth = 160, kCellHeight = 48;

// A signature-like cell's shape: strokes of a pen three pixels wide, made
// into a shape by the page phase's own code.
std::vector<std::uint8_t> drawnShape(const std::vector<cv::Point>& strokes) {
  cv::Mat ink(kCellHeight, kCellWidth, CV_8UC1, cv::Scalar(0));
  cv::polylines(ink, strokes, false, cv::Scalar(255), 3, cv::LINE_8);
  return pipeline::signatureShape(ink, cv::Mat(), cv::Rect(0, 0, kCellWidth, kCellHeight));
}

// `count` shapes, every kCopyEvery-th the same strokes as an earlier one,
// each point moved by up to a pixel and the whole elsewhere in the cell
// (one hand signing twice; most such copies fall below the 0.9 similarity,
// which is why the benchmark also compares every pair at a tenth of the
// count); the planted pairs returned.
std::vector<std::vector<std::uint8_t>> generatedSignatures(int count,
                                                           std::set<std::pair<std::size_t, std::size_t>>& planted) {
  std::mt19937_64 random(42);
  const auto uniform = [&](int lo, int hi) {
    return lo + static_cast<int>(random() % static_cast<unsigned>(hi - lo + 1));
  };
  std::vector<std::vector<cv::Point>> strokesOf;
  std::vector<std::vector<std::uint8_t>> shapes;
  for (int i = 0; i < count; ++i) {
    std::vector<cv::Point> strokes;
    if (i % kCopyEvery == kCopyEvery - 1) {
      const auto original = static_cast<std::size_t>(uniform(0, i - 1));
      const cv::Point shift(uniform(-6, 6), uniform(-4, 4));
      for (const cv::Point& p : strokesOf[original])
        strokes.push_back(p + shift + cv::Point(uniform(-1, 1), uniform(-1, 1)));
      planted.insert({original, static_cast<std::size_t>(i)});
    } else {
      cv::Point at(uniform(10, 40), uniform(14, 34));
      for (int k = uniform(6, 16); k > 0; --k) {
        strokes.push_back(at);
        at = cv::Point(std::clamp(at.x + uniform(-4, 16), 8, kCellWidth - 8),
                       std::clamp(at.y + uniform(-12, 12), 8, kCellHeight - 8));
      }
    }
    shapes.push_back(drawnShape(strokes));
    strokesOf.push_back(std::move(strokes));
  }
  return shapes;
}

// Times the repeated-signature check alone on the first `count` shapes; the
// pairs of rows it flagged.
double timeSignatures(const std::vector<std::vector<std::uint8_t>>& shapes, int count,
                      std::set<std::pair<std::size_t, std::size_t>>* flagged) {
  models::ListEntry list;
  list.listId = "S";
  list.party = "Party A";
  std::vector<models::RowRecord> rows(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) {
    rows[static_cast<std::size_t>(i)].listId = "S";
    rows[static_cast<std::size_t>(i)].page = i / kRowsPerPage + 1;
    rows[static_cast<std::size_t>(i)].row = i % kRowsPerPage + 1;
    rows[static_cast<std::size_t>(i)].signatureInk = 0.05;
    rows[static_cast<std::size_t>(i)].signatureShape = shapes[static_cast<std::size_t>(i)];
  }
  const auto start = std::chrono::steady_clock::now();
  const auto judged = pipeline::judgeRows({list}, rows, pipeline::CheckOptions{});
  const double seconds = secondsSince(start);
  if (flagged)
    for (std::size_t i = 0; i < judged.size(); ++i)
      for (const models::Finding& f : judged[i].findings)
        if (f.flag == models::Flag::SignatureRepeated)
          for (const models::RowKey& k : f.related) {
            const auto other = static_cast<std::size_t>((std::get<1>(k) - 1) * kRowsPerPage + std::get<2>(k) - 1);
            flagged->insert({std::min(i, other), std::max(i, other)});
          }
  return seconds;
}

}  // namespace

RegisterSpeedReport measureRegisterSpeed(const RegisterSpeedOptions& options) {
  RegisterSpeedReport report;
  const fs::path cache = fs::temp_directory_path() / ("listaudit-bench-registers-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  models::ErrorList errors;
  const std::pair<const char*, std::string> given[] = {
      {"population", options.population}, {"consent", options.consent}, {"complaints", options.complaints}};
  for (const auto& [name, path] : given) {
    if (path.empty()) continue;
    pipeline::RegisterPaths paths{"", "", "", cache.string()};
    (name == std::string("population") ? paths.population
     : name == std::string("consent")  ? paths.consent
                                       : paths.complaints) = path;
    const auto start = std::chrono::steady_clock::now();
    const pipeline::Registers one = pipeline::loadRegisters(paths, errors);
    const double seconds = secondsSince(start);
    const long long records = one.population ? one.population->size()
                              : one.consent  ? one.consent->size()
                                             : one.complaints->size();
    report.imports.push_back({name, records, seconds});
  }
  report.peakAfterImportsMb = peakMemoryMb();

  if (!options.population.empty() && options.rows > 0) {
    const pipeline::Registers registers =
        pipeline::loadRegisters({options.population, options.consent, options.complaints, cache.string()}, errors);
    std::vector<models::ListEntry> lists;
    std::vector<models::RowRecord> rows;
    listsOfPeople(peopleSpreadOver(options.population, registers.population->size(), options.rows), lists, rows);
    const auto start = std::chrono::steady_clock::now();
    const auto judged = pipeline::judgeRows(lists, rows, pipeline::CheckOptions{}, registers);
    report.checkSeconds = secondsSince(start);
    report.rowsChecked = static_cast<int>(judged.size());
    for (const auto& j : judged) report.rowsFlagged += j.findings.empty() ? 0 : 1;
  }
  fs::remove_all(cache);

  if (options.signatures > 0) {
    std::set<std::pair<std::size_t, std::size_t>> planted, flagged;
    const auto shapes = generatedSignatures(options.signatures, planted);
    report.signaturesSmall = std::max(1, options.signatures / 10);
    report.signatureSecondsSmall = timeSignatures(shapes, report.signaturesSmall, nullptr);
    std::vector<const std::vector<std::uint8_t>*> small;
    for (int i = 0; i < report.signaturesSmall; ++i) small.push_back(&shapes[static_cast<std::size_t>(i)]);
    const double minSimilarity = pipeline::CheckOptions{}.minSignatureSimilarity;
    const auto blocked = models::similarSignaturePairs(small, minSimilarity, 0);
    const auto start = std::chrono::steady_clock::now();
    const auto full = models::similarSignaturePairs(small, minSimilarity, small.size());
    report.fullSecondsSmall = secondsSince(start);
    std::set<std::pair<std::size_t, std::size_t>> blockedPairs;
    for (const auto& p : blocked) blockedPairs.insert({p.a, p.b});
    report.pairsInFull = static_cast<int>(full.size());
    for (const auto& p : full) report.pairsBlocked += blockedPairs.count({p.a, p.b}) ? 1 : 0;
    report.signaturesLarge = options.signatures;
    report.signatureSecondsLarge = timeSignatures(shapes, options.signatures, &flagged);
    report.pairsAlikeLarge = static_cast<int>(flagged.size());
    report.plantedRepeats = static_cast<int>(planted.size());
    for (const auto& pair : planted) report.plantedFound += flagged.count(pair) ? 1 : 0;
  }
  report.peakMemoryMb = peakMemoryMb();
  return report;
}

std::string formatRegisterSpeed(const RegisterSpeedReport& r) {
  std::string out;
  char line[256];
  for (const auto& i : r.imports) {
    std::snprintf(line, sizeof line, "import %s: %lld records in %.1f s (%.0f per second)\n", i.name.c_str(), i.records,
                  i.seconds, static_cast<double>(i.records) / std::max(i.seconds, 1e-9));
    out += line;
  }
  if (!r.imports.empty()) {
    std::snprintf(line, sizeof line, "peak memory after the imports: %ld MB\n", r.peakAfterImportsMb);
    out += line;
  }
  if (r.rowsChecked > 0) {
    std::snprintf(line, sizeof line, "rows checked against the registers: %d in %.2f s (%d flagged)\n", r.rowsChecked,
                  r.checkSeconds, r.rowsFlagged);
    out += line;
  }
  if (r.signaturesLarge > 0) {
    std::snprintf(line, sizeof line,
                  "repeated signatures: %d in %.2f s, %d in %.2f s (%.1f times the time for %.0f times the "
                  "signatures; %d and %d pairs alike); planted copies found: %d of %d\n",
                  r.signaturesSmall, r.signatureSecondsSmall, r.signaturesLarge, r.signatureSecondsLarge,
                  r.signatureSecondsLarge / std::max(r.signatureSecondsSmall, 1e-9),
                  static_cast<double>(r.signaturesLarge) / r.signaturesSmall, r.pairsBlocked, r.pairsAlikeLarge,
                  r.plantedFound, r.plantedRepeats);
    out += line;
    std::snprintf(line, sizeof line,
                  "every pair compared, %d signatures: %.2f s, %d pairs alike; blocking by the shape key finds %d of "
                  "them\n",
                  r.signaturesSmall, r.fullSecondsSmall, r.pairsInFull, r.pairsBlocked);
    out += line;
  }
  std::snprintf(line, sizeof line, "peak memory: %ld MB\n", r.peakMemoryMb);
  return out + line;
}

}  // namespace listaudit::tools

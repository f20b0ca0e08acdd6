#include "pipeline/batch_run.hpp"

#include <filesystem>

#include "ingest/manifest_reader.hpp"
#include "models/store.hpp"
#include "pipeline/checks/judge.hpp"
#include "pipeline/report/csv_outputs.hpp"
#include "pipeline/report/html_report.hpp"

namespace listaudit::pipeline {
namespace {
namespace fs = std::filesystem;

// Where the run's reports go once its store exists: each into the store (so
// into errors.csv and the report), said to the caller, and counted.
class RunErrors final : public models::ErrorReporter {
 public:
  RunErrors(models::Store& store, const std::function<void(const models::InputError&)>& onError)
      : store_(store), onError_(onError) {}
  void report(const models::InputError& error) override {
    store_.addError(error);
    if (onError_) onError_(error);
    ++count_;
  }
  int count() const { return count_; }

 private:
  models::Store& store_;
  const std::function<void(const models::InputError&)>& onError_;
  int count_ = 0;
};

// The registers, before any page is read: one that cannot be used stops the
// run. A cache folder that cannot be made (a read-only home) must not stop
// it: the population register is then imported into the output folder.
Registers openRegisters(const RunOptions& options, models::ErrorReporter& errors,
                        const std::function<void(const std::string&)>& say) {
  std::string cacheDir = options.cacheDir;
  if (!options.population.empty()) {
    std::error_code ec;
    fs::create_directories(cacheDir, ec);
    if (ec || cacheDir.empty()) {
      cacheDir = (fs::path(options.outDir) / "cache").string();
      say("the cache folder cannot be used; importing into " + cacheDir);
    }
    say("importing or reusing the population register");
  }
  return loadRegisters({options.population, options.consent, options.complaints, cacheDir}, errors,
                       [&](long long rows) { say(std::to_string(rows) + " population rows imported"); });
}

// A run starts from an empty store: the same inputs give the same outputs.
std::string freshStore(const fs::path& out) {
  const std::string path = (out / "listaudit.sqlite").string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  return path;
}

// Every output file, from the store alone.
void writeOutputs(const models::Store& store, const fs::path& out, int required, RunSummary& summary) {
  summary.rowsCsv = (out / "rows.csv").string();
  summary.listsCsv = (out / "lists.csv").string();
  summary.errorsCsv = (out / "errors.csv").string();
  summary.report = (out / "report.html").string();
  writeRowsCsv(store, summary.rowsCsv);
  writeListsCsv(store, summary.listsCsv, required);
  writeErrorsCsv(store, summary.errorsCsv);
  writeHtmlReport(store, summary.report);
}

}  // namespace

RunSummary runBatch(const RunOptions& options) {
  auto say = [&](const std::string& what) {
    if (options.onStage) options.onStage(what);
  };
  // Reports made before the store exists wait here, in order.
  models::ErrorList early;
  const std::vector<models::ListEntry> lists = ingest::readManifest(options.manifest, early);
  const Registers registers = openRegisters(options, early, say);

  fs::create_directories(options.outDir);
  const fs::path out(options.outDir);
  RunSummary summary;
  summary.storePath = freshStore(out);
  models::Store store(summary.storePath);
  RunErrors errors(store, options.onError);
  early.passTo(errors);
  for (const auto& list : lists) store.addList(list);

  PagePhaseOptions pageOptions;
  pageOptions.jobs = options.jobs;
  pageOptions.progress = options.progress;
  const PagePhaseResult pages = readPages(lists, store, errors, pageOptions);

  say("checking rows");
  const DigitalCopies digital = loadDigitalCopies(lists, errors);
  const auto judged = judgeRows(lists, store.rows(models::Store::Shapes::Load), CheckOptions{}, registers, digital);
  store.saveJudgements(judged);
  writeOutputs(store, out, options.required, summary);

  summary.lists = static_cast<int>(lists.size());
  summary.pages = pages.pages;
  summary.pagesRead = pages.pagesRead;
  summary.rows = pages.rows;
  summary.errors = errors.count();
  for (const auto& j : judged)
    if (!j.findings.empty()) ++summary.flaggedRows;
  return summary;
}

}  // namespace listaudit::pipeline

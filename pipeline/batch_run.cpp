#include "pipeline/batch_run.hpp"

#include <filesystem>

#include "ingest/manifest_reader.hpp"
#include "models/store.hpp"
#include "pipeline/csv_outputs.hpp"
#include "pipeline/html_report.hpp"
#include "pipeline/judge.hpp"

namespace listaudit::pipeline {

RunSummary runBatch(const RunOptions& options) {
  namespace fs = std::filesystem;
  const ingest::Manifest manifest = ingest::readManifest(options.manifest);
  auto say = [&](const std::string& what) {
    if (options.onStage) options.onStage(what);
  };
  // Registers first: one that cannot be used stops the run before any page is read.
  std::vector<models::InputError> registerErrors;
  std::string cacheDir = options.cacheDir;
  if (!options.population.empty()) {
    // A cache that cannot be made (a read-only home) must not stop the run.
    std::error_code ec;
    fs::create_directories(cacheDir, ec);
    if (ec || cacheDir.empty()) {
      cacheDir = (fs::path(options.outDir) / "cache").string();
      say("the cache folder cannot be used; importing into " + cacheDir);
    }
    say("importing or reusing the population register");
  }
  const Registers registers =
      loadRegisters({options.population, options.consent, options.complaints, cacheDir}, registerErrors,
                    [&](long long rows) { say(std::to_string(rows) + " population rows imported"); });

  fs::create_directories(options.outDir);
  RunSummary summary;
  const fs::path out(options.outDir);
  summary.storePath = (out / "listaudit.sqlite").string();
  // A run starts from an empty store: the same inputs give the same outputs.
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(summary.storePath + suffix);
  models::Store store(summary.storePath);

  // Each input that could not be read: in the store (so errors.csv) and said.
  auto record = [&](const std::vector<models::InputError>& errors) {
    for (const auto& error : errors) {
      store.addError(error);
      if (options.onError) options.onError(error);
    }
  };
  record(manifest.errors);
  record(registerErrors);
  for (const auto& list : manifest.lists) store.addList(list);

  PagePhaseOptions pageOptions;
  pageOptions.jobs = options.jobs;
  pageOptions.progress = options.progress;
  pageOptions.onError = options.onError;
  const PagePhaseResult pages = readPages(manifest.lists, store, pageOptions);

  say("checking rows");
  std::vector<models::InputError> copyErrors;
  const DigitalCopies digital = loadDigitalCopies(manifest.lists, copyErrors);
  record(copyErrors);
  const auto judged =
      judgeRows(manifest.lists, store.rows(models::Store::Shapes::Load), JudgeOptions{}, registers, digital);
  store.saveJudgements(judged);

  summary.rowsCsv = (out / "rows.csv").string();
  summary.listsCsv = (out / "lists.csv").string();
  summary.errorsCsv = (out / "errors.csv").string();
  summary.report = (out / "report.html").string();
  writeRowsCsv(store, summary.rowsCsv);
  writeListsCsv(store, summary.listsCsv, options.required);
  writeErrorsCsv(store, summary.errorsCsv);
  writeHtmlReport(store, summary.report);

  summary.lists = static_cast<int>(manifest.lists.size());
  summary.pages = pages.pages;
  summary.pagesRead = pages.pagesRead;
  summary.rows = pages.rows;
  summary.errors = static_cast<int>(manifest.errors.size() + registerErrors.size() + copyErrors.size()) + pages.errors;
  for (const auto& j : judged)
    if (!j.findings.empty()) ++summary.flaggedRows;
  return summary;
}

}  // namespace listaudit::pipeline

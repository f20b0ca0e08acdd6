#include "pipeline/batch_run.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>

#include "ingest/file_digest.hpp"
#include "ingest/manifest_reader.hpp"
#include "ingest/scan_source.hpp"
#include "ingest/who_and_when.hpp"
#include "models/store.hpp"
#include "models/version.hpp"
#include "pipeline/checks/corrections.hpp"
#include "pipeline/checks/judge.hpp"
#include "pipeline/report/csv_outputs.hpp"
#include "pipeline/report/html_report.hpp"
#include "pipeline/report/messages.hpp"
#include "pipeline/report/pseudonyms.hpp"

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

// The output files of contract sections 1 and 8, by name.
constexpr const char* kOutputs[] = {"rows.csv", "lists.csv", "errors.csv", "report.html"};
constexpr const char* kPartial = ".partial";
constexpr const char* kShareable = "shareable";

// The output folder, made and proved writable before an hour of import or
// reading is spent; the previous run's outputs are removed, so an
// interrupted run never leaves them beside a store they do not come from.
fs::path prepareOutputFolder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw OutputFolderError(dir + ": the output folder cannot be made (" + ec.message() + ")");
  const fs::path probe = fs::path(dir) / (".listaudit-probe-" + std::to_string(::getpid()));
  {
    std::ofstream test(probe);
    if (!test) throw OutputFolderError(dir + ": the output folder cannot be written to");
  }
  fs::remove(probe, ec);
  for (const fs::path& folder : {fs::path(dir), fs::path(dir) / kShareable}) {
    for (const char* name : kOutputs) {
      fs::remove(folder / name, ec);
      fs::remove(folder / (std::string(name) + kPartial), ec);
    }
    fs::remove_all(folder / kReportPages, ec);
  }
  return fs::path(dir);
}

// Whether a folder can take files: it exists or can be made, and a file can
// be created in it (a read-only cache folder exists but cannot).
bool writableFolder(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  return !ec && !dir.empty() && ::access(dir.c_str(), W_OK | X_OK) == 0;
}

// The registers, before any page is read: one that cannot be used stops the
// run. A cache folder that cannot be written (a read-only home) must not stop
// it: the registers are then imported into the output folder.
Registers openRegisters(RegisterPaths paths, const std::string& outDir, models::ErrorReporter& errors,
                        const std::function<void(const std::string&)>& say) {
  if (!paths.population.empty() || !paths.consent.empty() || !paths.complaints.empty()) {
    if (!writableFolder(paths.cacheDir)) {
      const bool named = !paths.cacheDir.empty();  // none is named where a program calls runBatch without one
      paths.cacheDir = (fs::path(outDir) / "cache").string();
      if (named) say("the cache folder cannot be written; importing into " + paths.cacheDir);
    }
    say("importing or reusing the registers");
  }
  return loadRegisters(
      paths, errors, [&](long long rows) { say(std::to_string(rows) + " population rows imported"); }, say);
}

// What the pages of a run are read from: the same fingerprint means a store
// interrupted on it can be resumed. The registers are not in it: they only
// change the checks, which every run makes anew.
std::string runFingerprint(const RunOptions& options, const std::vector<models::ListEntry>& lists) {
  std::string text = std::string("listaudit ") + models::kToolVersion + "\nstore " +
                     std::to_string(models::kSchemaVersion) + "\nmanifest " + ingest::fileSha256(options.manifest) +
                     "\npaths " + (options.allowOutsidePaths ? "anywhere" : "inside") + "\n";
  for (const auto& list : lists) text += list.listId + " " + ingest::scanStamp(list.scanPath) + "\n";
  return ingest::textSha256(text);
}

// The run's store: the interrupted store of the same inputs, resumed, or a
// new one. The audit trail of the store it replaces is carried over: who
// looked at a run's personal data stays on record when the run is redone.
// So are its review decisions, into `decisions`, when it was made on the
// same manifest and scans (the rows they name are the same rows); the
// caller adds them once the rows are in.
std::unique_ptr<models::Store> openStore(const std::string& path, const std::string& fingerprint, bool& resumed,
                                         std::vector<models::Decision>& decisions,
                                         const std::function<void(const std::string&)>& say) {
  resumed = false;
  std::vector<models::AuditEntry> audit;
  if (fs::exists(path)) {
    try {
      auto previous = std::make_unique<models::Store>(path);
      if (!previous->complete() && previous->inputs() == fingerprint) {
        previous->forgetErrors();  // reported again, in order, by this run
        resumed = true;
        return previous;
      }
      audit = previous->audit();
      std::vector<models::Decision> made = previous->decisions();
      if (previous->inputs() == fingerprint)
        decisions = std::move(made);
      else if (!made.empty())
        say(std::to_string(made.size()) +
            " review decisions of the previous run in this folder are not carried over: its manifest or scans changed");
    } catch (const std::exception&) {
      // Another schema, or a damaged file: begun anew.
    }
  }
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(path + suffix);
  auto store = std::make_unique<models::Store>(path);
  for (const auto& entry : audit) store->addAudit(entry);
  store->setInputs(fingerprint);
  return store;
}

// The store's rows judged, each reviewer's corrected reading in force put in
// place of the reading (contract section 12): checked again, and shown.
std::vector<models::JudgedRow> judgeStoredRows(const models::Store& store, const std::vector<models::ListEntry>& lists,
                                               const Registers& registers, const DigitalCopies& digital) {
  std::vector<models::RowRecord> rows = store.rows(models::Store::Shapes::Load);
  const std::vector<models::Decision> decisions = store.decisions();
  applyCorrections(rows, decisions);
  std::vector<models::JudgedRow> judged = judgeRows(lists, rows, CheckOptions{}, registers, digital);
  const auto inForce = models::decisionsInForce(decisions);
  for (std::size_t i = 0; i < judged.size(); ++i)
    if (auto it = inForce.find({rows[i].listId, rows[i].page, rows[i].row});
        it != inForce.end() && it->second.kind == models::Decision::Kind::Correct && judged[i].fullName.empty())
      judged[i].fullName = rows[i].fullName;
  return judged;
}

// Every output file, from the store alone: each under a temporary name, then
// all renamed, so a failure (a full disk) leaves no output that looks whole.
// With pseudonyms, a shareable set goes into DIR/shareable as well.
void writeOutputs(const models::Store& store, const fs::path& out, int required, const Pseudonyms* pseudonyms,
                  RunSummary& summary) {
  // The language the run was asked for (`run --lang`), kept for the outputs written after a decision.
  auto reportOptions = [&](const Pseudonyms* p) {
    ReportOptions report;
    report.pseudonyms = p;
    report.required = required;
    report.language = store.runValue("lang").empty() ? "en" : store.runValue("lang");
    return report;
  };
  summary.rowsCsv = (out / "rows.csv").string();
  summary.listsCsv = (out / "lists.csv").string();
  summary.errorsCsv = (out / "errors.csv").string();
  summary.report = (out / "report.html").string();
  struct Output {
    std::string path;
    std::function<void(const std::string&)> write;
  };
  std::vector<Output> outputs{
      {summary.errorsCsv, [&](const std::string& p) { writeErrorsCsv(store, p); }},
      {summary.listsCsv, [&](const std::string& p) { writeListsCsv(store, p, required); }},
      {summary.rowsCsv, [&](const std::string& p) { writeRowsCsv(store, p); }},
      {summary.report, [&](const std::string& p) { writeHtmlReport(store, p, reportOptions(nullptr)); }},
  };
  if (pseudonyms) {
    const fs::path shared = out / kShareable;
    fs::create_directories(shared);
    summary.shareable = shared.string();
    outputs.push_back({(shared / "errors.csv").string(), [&](const std::string& p) { writeErrorsCsv(store, p); }});
    outputs.push_back(
        {(shared / "lists.csv").string(), [&](const std::string& p) { writeListsCsv(store, p, required); }});
    outputs.push_back(
        {(shared / "rows.csv").string(), [&](const std::string& p) { writeRowsCsv(store, p, pseudonyms); }});
    outputs.push_back({(shared / "report.html").string(),
                       [&](const std::string& p) { writeHtmlReport(store, p, reportOptions(pseudonyms)); }});
  }
  auto partial = [](const std::string& path) { return path + kPartial; };
  try {
    for (const Output& o : outputs) o.write(partial(o.path));
  } catch (const std::exception& e) {
    std::error_code ignored;
    for (const Output& o : outputs) fs::remove(partial(o.path), ignored);
    throw OutputWriteError(std::string(e.what()) +
                           " (is the disk full?); no output was written, the store keeps what was read: run the same "
                           "command again");
  }
  for (const Output& o : outputs) fs::rename(partial(o.path), o.path);
}

// The checks and every output, once the store holds every page: the end of
// a whole run and of a merge alike.
void finishRun(models::Store& store, const std::vector<models::ListEntry>& lists, const Registers& registers,
               RunErrors& errors, const fs::path& out, int required, const Pseudonyms* pseudonyms,
               const std::function<void(const std::string&)>& say, RunSummary& summary) {
  say("checking rows");
  const DigitalCopies digital = loadDigitalCopies(lists, errors);
  const auto judged = judgeStoredRows(store, lists, registers, digital);
  store.saveJudgements(judged);
  writeOutputs(store, out, required, pseudonyms, summary);
  store.markComplete();
  summary.lists = static_cast<int>(lists.size());
  summary.errors = errors.count();
  for (const auto& j : judged)
    if (!j.findings.empty()) ++summary.flaggedRows;
}

std::string absolutePath(const std::string& path) {
  return path.empty() ? path : fs::absolute(path).lexically_normal().string();
}

// When the run was made, by which version, on which manifest: what a shard,
// a whole run and a merge all record.
void rememberRun(models::Store& store, const std::string& manifest) {
  store.setRunValue("run_at", ingest::auditEntry("run", "").at);
  store.setRunValue("tool", models::kToolVersion);
  store.setRunValue("manifest_sha256", ingest::fileSha256(manifest));
}

// Each register as the checks used it, by key: its path and its SHA-256.
std::vector<std::tuple<const char*, const std::string&, const std::string&>> registersUsed(const RegisterPaths& paths,
                                                                                           const Registers& loaded) {
  return {{"population", paths.population, loaded.populationSha256},
          {"consent", paths.consent, loaded.consentSha256},
          {"complaints", paths.complaints, loaded.complaintsSha256}};
}

// What `recheckRun` needs to check the run again after a decision (the
// registers it was checked against and the supporters a list needs), and
// what a report or protocol says of how the check was made (when, by which
// version, on which manifest and registers: their SHA-256, hashed once when
// they were loaded).
void rememberChecks(models::Store& store, const std::string& manifest, const RegisterPaths& paths,
                    const Registers& loaded, int required) {
  rememberRun(store, manifest);
  for (const auto& [key, path, sha256] : registersUsed(paths, loaded)) {
    store.setRunValue(key, absolutePath(path));
    store.setRunValue(std::string(key) + "_sha256", sha256);
  }
  store.setRunValue("cache", absolutePath(paths.cacheDir));
  store.setRunValue("required", std::to_string(required));
}

// A function that hands what the run is doing to `onStage`, when there is one.
std::function<void(const std::string&)> stageSayer(const std::function<void(const std::string&)>& onStage) {
  return [&onStage](const std::string& what) {
    if (onStage) onStage(what);
  };
}

// The lists of shard K of N: those whose place in the manifest, from 0, is
// K-1 modulo N (contract section 11).
std::vector<models::ListEntry> shardOf(const std::vector<models::ListEntry>& all, int k, int n) {
  std::vector<models::ListEntry> mine;
  for (std::size_t i = 0; i < all.size(); ++i)
    if (static_cast<int>(i % static_cast<std::size_t>(n)) == k - 1) mine.push_back(all[i]);
  return mine;
}

ingest::ManifestPaths pathsPolicy(bool allowOutside) {
  return allowOutside ? ingest::ManifestPaths::Anywhere : ingest::ManifestPaths::InsideItsFolder;
}

}  // namespace

RunSummary runBatch(const RunOptions& options) {
  const auto say = stageSayer(options.onStage);
  const bool sharded = options.shardCount > 0;
  if (sharded && (options.shardIndex < 1 || options.shardIndex > options.shardCount))
    throw std::invalid_argument("run: --shard K/N needs 1 <= K <= N");
  // A key that cannot be used is bad usage, said before anything is read.
  std::optional<Pseudonyms> pseudonyms;
  if (!options.pseudonymizeKey.empty()) {
    try {
      pseudonyms = Pseudonyms::fromKeyFile(options.pseudonymizeKey);
    } catch (const std::runtime_error& e) {
      throw OutputFolderError(e.what());
    }
  }
  const auto& languages = messageLanguages();
  if (std::find(languages.begin(), languages.end(), options.language) == languages.end())
    throw OutputFolderError("--lang " + options.language + ": the report is written in en or bg");
  const fs::path out = prepareOutputFolder(options.outDir);
  // Reports made before the store exists wait here, in order.
  models::ErrorList early;
  const std::vector<models::ListEntry> all =
      ingest::readManifest(options.manifest, early, pathsPolicy(options.allowOutsidePaths));
  const std::vector<models::ListEntry> lists = sharded ? shardOf(all, options.shardIndex, options.shardCount) : all;
  // A shard only reads its pages; the merge makes the checks, with the registers.
  const RegisterPaths registerPaths{options.population, options.consent, options.complaints, options.cacheDir};
  const Registers registers = sharded ? Registers{} : openRegisters(registerPaths, options.outDir, early, say);

  RunSummary summary;
  summary.storePath = (out / "listaudit.sqlite").string();
  bool resumed = false;
  const std::string shard =
      sharded ? std::to_string(options.shardIndex) + "/" + std::to_string(options.shardCount) : std::string();
  std::vector<models::Decision> carried;
  const std::unique_ptr<models::Store> opened =
      openStore(summary.storePath, runFingerprint(options, lists) + shard, resumed, carried, say);
  models::Store& store = *opened;
  PagePhaseOptions pageOptions;
  if (resumed) {
    pageOptions.alreadyStored = store.storedPages();
    say("resuming an interrupted run: " + std::to_string(pageOptions.alreadyStored.size()) + " pages are already read");
  }
  store.setRunValue("lang", options.language);
  store.addAudit(ingest::auditEntry(resumed ? "resume" : "run",
                                    std::to_string(lists.size()) + " lists" + (sharded ? ", shard " + shard : "")));
  RunErrors errors(store, options.onError);
  early.passTo(errors);
  if (!resumed)
    for (const auto& list : lists) store.addList(list);

  pageOptions.jobs = options.jobs;
  pageOptions.progress = options.progress;
  const PagePhaseResult pages = readPages(lists, store, errors, pageOptions);
  summary.pages = pages.pages;
  summary.pagesRead = pages.pagesRead;
  summary.pagesResumed = static_cast<int>(pageOptions.alreadyStored.size());
  summary.rows = pages.rows;
  // The same scans give the same rows; a decision on a row no longer read is said, not kept.
  int dropped = 0;
  for (const models::Decision& d : carried) try {
      store.addDecision(d);
    } catch (const std::invalid_argument&) {
      ++dropped;
    }
  if (dropped) say(std::to_string(dropped) + " review decisions name rows this run did not read; not carried over");

  if (sharded) {
    // What merge needs to know this shard by, and to refuse a mixed set.
    store.setRunValue("shard", shard);
    store.setRunValue("manifest", options.manifest);  // as given: errors name it so
    store.setRunValue("manifest_absolute", absolutePath(options.manifest));
    rememberRun(store, options.manifest);
    store.setRunValue("paths", options.allowOutsidePaths ? "anywhere" : "inside");
    summary.errorsCsv = (out / "errors.csv").string();
    writeErrorsCsv(store, summary.errorsCsv + kPartial);
    fs::rename(summary.errorsCsv + kPartial, summary.errorsCsv);
    store.markComplete();
    summary.lists = static_cast<int>(lists.size());
    summary.errors = errors.count();
    return summary;
  }
  rememberChecks(store, options.manifest, registerPaths, registers, options.required);
  finishRun(store, lists, registers, errors, out, options.required, pseudonyms ? &*pseudonyms : nullptr, say, summary);
  return summary;
}

RunSummary mergeShards(const MergeOptions& options) {
  const auto say = stageSayer(options.onStage);
  // Every shard finished, of one run, and all N of them: each store by K.
  std::vector<std::string> problems;
  std::map<int, std::string> shards;
  std::string manifest, manifestSha, tool, paths;
  int n = 0;
  for (const std::string& dir : options.shardDirs) {
    const std::string path = (fs::path(dir) / "listaudit.sqlite").string();
    if (!fs::exists(path)) {
      problems.push_back(dir + ": no shard store here");
      continue;
    }
    std::optional<models::Store> store;
    try {
      store.emplace(path);
    } catch (const std::exception& e) {
      problems.push_back(e.what());
      continue;
    }
    const std::string place = store->runValue("shard");
    const auto slash = place.find('/');
    if (slash == std::string::npos) {
      problems.push_back(dir + ": not a shard (run with --shard K/N)");
      continue;
    }
    if (!store->complete()) problems.push_back(dir + ": shard " + place + " did not finish; run it again");
    const int k = std::atoi(place.c_str()), count = std::atoi(place.c_str() + slash + 1);
    if (n == 0) {
      n = count;
      // The manifest as the shards were given it, when that still names it
      // from here (so errors name it as one whole run would), else its
      // absolute path.
      manifest = store->runValue("manifest");
      const std::string absolute = store->runValue("manifest_absolute");
      std::error_code ec;
      if (!fs::exists(manifest, ec) || !fs::equivalent(manifest, absolute, ec)) manifest = absolute;
      manifestSha = store->runValue("manifest_sha256");
      tool = store->runValue("tool");
      paths = store->runValue("paths");
    } else if (count != n || store->runValue("manifest_sha256") != manifestSha || store->runValue("tool") != tool) {
      problems.push_back(dir + ": shard " + place + " of another run (another manifest, shard count or version)");
      continue;
    }
    if (!shards.emplace(k, path).second) problems.push_back(dir + ": shard " + place + " given twice");
  }
  for (int k = 1; k <= n; ++k)
    if (!shards.count(k)) problems.push_back("shard " + std::to_string(k) + "/" + std::to_string(n) + " is missing");
  if (n == 0 && problems.empty()) problems.push_back("no shard given");
  if (!problems.empty() || ingest::fileSha256(manifest) != manifestSha) {
    std::string message = "the shards cannot be merged";
    for (const auto& p : problems) message += "; " + p;
    if (problems.empty()) message += "; " + manifest + " changed since the shards read it";
    throw ShardSetError(message);
  }

  const fs::path out = prepareOutputFolder(options.outDir);
  models::ErrorList early;
  const std::vector<models::ListEntry> lists = ingest::readManifest(manifest, early, pathsPolicy(paths == "anywhere"));
  const RegisterPaths registerPaths{options.population, options.consent, options.complaints, options.cacheDir};
  const Registers registers = openRegisters(registerPaths, options.outDir, early, say);

  RunSummary summary;
  summary.storePath = (out / "listaudit.sqlite").string();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(summary.storePath + suffix);
  models::Store store(summary.storePath);
  store.setInputs("merge of " + std::to_string(n) + " shards of " + manifestSha);
  store.addAudit(
      ingest::auditEntry("merge", std::to_string(n) + " shards, " + std::to_string(lists.size()) + " lists"));
  RunErrors errors(store, options.onError);
  early.passTo(errors);
  for (const auto& list : lists) store.addList(list);
  // Every shard's pages and rows, then each list's errors in manifest order,
  // in the order its shard met them: the order one whole run would have.
  say("merging " + std::to_string(n) + " shards");
  std::map<std::string, std::vector<models::InputError>> errorsOfList;  // a list is in one shard only
  for (const auto& [k, shardStore] : shards) {
    store.copyShard(shardStore);
    for (models::InputError& e : models::Store(shardStore).errors())
      if (!e.listId.empty()) errorsOfList[e.listId].push_back(std::move(e));
  }
  for (const auto& list : lists)
    for (const models::InputError& e : errorsOfList[list.listId]) errors.report(e);
  for (const auto& list : lists) summary.pages += store.pageCount(list.listId);
  const auto stored = store.storedPages();
  summary.pagesRead = static_cast<int>(stored.size());
  for (const auto& [page, rows] : stored) summary.rows += rows;
  rememberChecks(store, manifest, registerPaths, registers, options.required);
  finishRun(store, lists, registers, errors, out, options.required, nullptr, say, summary);
  return summary;
}

RunSummary recheckRun(models::Store& store, const std::string& outDir,
                      const std::function<void(const std::string&)>& onStage) {
  const auto say = stageSayer(onStage);
  if (!store.complete()) throw RecheckError(outDir + ": the run did not finish; run the same command again first");
  if (store.purged()) throw RecheckError(outDir + ": the run's personal data was purged; nothing can be checked again");
  const RegisterPaths paths{store.runValue("population"), store.runValue("consent"), store.runValue("complaints"),
                            store.runValue("cache")};
  for (const std::string* path : {&paths.population, &paths.consent, &paths.complaints})
    if (!path->empty() && !fs::exists(*path))
      throw RecheckError(*path + ": a register the run was checked against is no longer there");
  // The run's own errors are in the store already; what reading the
  // registers and copies again reports is not a new error of the run.
  models::ErrorList again;
  const Registers registers = openRegisters(paths, outDir, again, say);
  // The same registers, not others that took their names: the outputs say
  // which registers (by SHA-256) they were checked against. Loading hashed
  // each one; that is the one read of it here.
  for (const auto& [key, path, sha256] : registersUsed(paths, registers))
    if (!path.empty() && sha256 != store.runValue(std::string(key) + "_sha256"))
      throw RecheckError(path + ": this register changed since the run was checked; run the batch again");
  const std::vector<models::ListEntry> lists = store.lists();
  say("checking rows again");
  const DigitalCopies digital = loadDigitalCopies(lists, again);
  store.saveJudgements(judgeStoredRows(store, lists, registers, digital));
  return rewriteOutputs(store, outDir);
}

RunSummary rewriteOutputs(const models::Store& store, const std::string& outDir) {
  RunSummary summary;
  summary.storePath = (fs::path(outDir) / "listaudit.sqlite").string();
  writeOutputs(store, outDir, std::atoi(store.runValue("required").c_str()), nullptr, summary);
  return summary;
}

}  // namespace listaudit::pipeline

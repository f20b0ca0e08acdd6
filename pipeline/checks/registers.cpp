#include "pipeline/checks/registers.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <filesystem>

#include "ingest/file_digest.hpp"

namespace listaudit::pipeline {
namespace {
namespace fs = std::filesystem;

// Rows between two reports of an import's progress.
constexpr long long kImportReportEvery = 500000;

// Passes a register's reports on and keeps them with its import, the file's
// own path left out (the same content may come from another path next time).
class KeptImportErrors final : public models::ErrorReporter {
 public:
  KeptImportErrors(models::ErrorReporter& next, models::PopulationIndex::Builder& builder, std::string path)
      : next_(next), builder_(builder), path_(std::move(path)) {}
  void report(const models::InputError& error) override {
    next_.report(error);
    const bool named = error.input.rfind(path_, 0) == 0;
    builder_.addError({named ? error.input.substr(path_.size()) : error.input, error.page, error.message});
  }

 private:
  models::ErrorReporter& next_;
  models::PopulationIndex::Builder& builder_;
  std::string path_;
};

// Imports that a killed run left behind (named by its process, which is gone)
// would fill the cache: removed before a new import starts. A running
// import's file (its process alive) is left alone.
void removeAbandonedImports(const std::string& indexPath) {
  const fs::path index(indexPath);
  const std::string prefix = index.filename().string() + ".partial-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(index.parent_path(), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + prefix.size()));
    if (pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH) fs::remove(entry.path(), ec);
  }
}

models::PopulationIndex importPopulation(const std::string& path, const std::string& indexPath,
                                         models::ErrorReporter& errors,
                                         const std::function<void(long long)>& onImport) {
  removeAbandonedImports(indexPath);
  // Imported under a temporary name and renamed when complete, so two runs
  // never share a half-built index.
  const std::string partial = indexPath + ".partial-" + std::to_string(::getpid());
  try {
    models::PopulationIndex::Builder builder(partial);
    KeptImportErrors kept(errors, builder, path);
    long long count = 0;
    ingest::readPopulation(
        path,
        [&](const models::Person& p) {
          builder.add(p);
          if (++count % kImportReportEvery == 0 && onImport) onImport(count);
        },
        kept);
    builder.finish();
    if (onImport) onImport(count);
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
  fs::rename(partial, indexPath);
  return std::move(*models::PopulationIndex::open(indexPath));
}

// The import is named by the register's content (`sha256`), so a changed
// register is imported anew.
models::PopulationIndex openPopulation(const std::string& path, const std::string& sha256, const std::string& cacheDir,
                                       models::ErrorReporter& errors, const std::function<void(long long)>& onImport,
                                       const std::function<void(const std::string&)>& say) {
  fs::create_directories(cacheDir);
  const std::string indexPath = (fs::path(cacheDir) / ("population-" + sha256 + ".sqlite")).string();
  try {
    if (auto existing = models::PopulationIndex::open(indexPath)) {
      // Its bad lines were reported when it was imported; they are still there.
      for (const models::InputError& e : existing->importErrors())
        errors.report({e.input.empty() || e.input.front() == ' ' ? path + e.input : e.input, e.page, e.message});
      return std::move(*existing);
    }
  } catch (const models::PopulationIndex::DamagedIndex& e) {
    if (say) say(std::string(e.what()) + "; importing the register anew");
    fs::remove(indexPath);
  }
  return importPopulation(path, indexPath, errors, onImport);
}

}  // namespace

Registers loadRegisters(const RegisterPaths& paths, models::ErrorReporter& errors,
                        const std::function<void(long long)>& onImport,
                        const std::function<void(const std::string&)>& say) {
  Registers r;
  if (!paths.population.empty()) {
    if (!fs::is_regular_file(paths.population)) throw ingest::CsvError(paths.population + ": no such file");
    r.populationSha256 = ingest::fileSha256(paths.population);
    r.population = openPopulation(paths.population, r.populationSha256, paths.cacheDir, errors, onImport, say);
    r.populationName = fs::path(paths.population).filename().string();
  }
  if (!paths.consent.empty()) {
    r.consent.emplace();
    ingest::readConsent(
        paths.consent, [&](const models::ConsentRecord& c) { r.consent->add(c); }, errors);
    r.consentName = fs::path(paths.consent).filename().string();
    r.consentSha256 = ingest::fileSha256(paths.consent);
  }
  if (!paths.complaints.empty()) {
    r.complaints.emplace();
    ingest::readComplaints(
        paths.complaints, [&](const models::Complaint& c) { r.complaints->add(c); }, errors);
    r.complaintsName = fs::path(paths.complaints).filename().string();
    r.complaintsSha256 = ingest::fileSha256(paths.complaints);
  }
  return r;
}

DigitalCopies loadDigitalCopies(const std::vector<models::ListEntry>& lists, models::ErrorReporter& errors) {
  DigitalCopies copies;
  for (const auto& list : lists) {
    if (list.digitalPath.empty()) continue;
    try {
      copies[list.listId] = ingest::readDigitalCopy(list.digitalPath, errors);
    } catch (const ingest::CsvError& e) {
      errors.report({list.digitalPath, 0, std::string(e.what()) + "; the list is not compared with it"});
    }
  }
  return copies;
}

}  // namespace listaudit::pipeline

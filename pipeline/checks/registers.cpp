#include "pipeline/checks/registers.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>

#include <filesystem>

#include "ingest/file_digest.hpp"
#include "pipeline/checks/register_stream.hpp"

namespace listaudit::pipeline {
namespace {
namespace fs = std::filesystem;

// The kinds of register imported into the cache, each file named KIND-SHA256.sqlite.
constexpr const char* kPopulation = "population";
constexpr const char* kConsent = "consent";
constexpr const char* kComplaints = "complaints";

// Rows between two reports of an import's progress.
constexpr long long kImportReportEvery = 500000;

// Passes a register's reports on and keeps them with its import, the file's
// own path left out (the same content may come from another path next time).
template <class Builder>
class KeptImportErrors final : public models::ErrorReporter {
 public:
  KeptImportErrors(models::ErrorReporter& next, Builder& builder, std::string path)
      : next_(next), builder_(builder), path_(std::move(path)) {}
  void report(const models::InputError& error) override {
    next_.report(error);
    const bool named = error.input.rfind(path_, 0) == 0;
    builder_.addError({named ? error.input.substr(path_.size()) : error.input, error.page, error.message});
  }

 private:
  models::ErrorReporter& next_;
  Builder& builder_;
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

// How one register is read from its CSV file, record by record.
template <class Record>
using RegisterReader = void (*)(const std::string&, const std::function<void(const Record&)>&, models::ErrorReporter&);

template <class Index, class Record>
Index importRegister(const std::string& path, const std::string& indexPath, RegisterReader<Record> read,
                     models::ErrorReporter& errors, const std::function<void(long long)>& onImport) {
  removeAbandonedImports(indexPath);
  // Imported under a temporary name and renamed when complete, so two runs
  // never share a half-built index.
  const std::string partial = indexPath + ".partial-" + std::to_string(::getpid());
  try {
    typename Index::Builder builder(partial);
    KeptImportErrors kept(errors, builder, path);
    long long count = 0;
    using Keyed = std::pair<Record, models::RecordKeys>;
    streamRegister<Record, Keyed>(
        path, read, [](const Record& r) { return Keyed(r, Index::Builder::keysOf(r)); },
        [&](const Keyed& k) {
          builder.add(k.first, k.second);
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
  return std::move(*Index::open(indexPath));
}

// A register imported into the cache, or its earlier import reused. The
// import is named by its kind and the register's content (`sha256`), so a
// changed register is imported anew.
template <class Index, class Record>
Index openRegister(const std::string& kind, RegisterReader<Record> read, const std::string& path,
                   const std::string& sha256, const std::string& cacheDir, models::ErrorReporter& errors,
                   const std::function<void(long long)>& onImport, const std::function<void(const std::string&)>& say) {
  fs::create_directories(cacheDir);
  const std::string indexPath = (fs::path(cacheDir) / (kind + "-" + sha256 + ".sqlite")).string();
  try {
    if (auto existing = Index::open(indexPath)) {
      // Its bad lines were reported when it was imported; they are still there.
      for (const models::InputError& e : existing->importErrors())
        errors.report({e.input.empty() || e.input.front() == ' ' ? path + e.input : e.input, e.page, e.message});
      return std::move(*existing);
    }
  } catch (const models::DamagedRegisterFile& e) {
    if (say) say(std::string(e.what()) + "; importing the register anew");
    fs::remove(indexPath);
  }
  return importRegister<Index, Record>(path, indexPath, read, errors, onImport);
}

}  // namespace

Registers loadRegisters(const RegisterPaths& paths, models::ErrorReporter& errors,
                        const std::function<void(long long)>& onImport,
                        const std::function<void(const std::string&)>& say) {
  Registers r;
  // Each given register: there, hashed, imported or reused.
  const auto given = [&](const std::string& path, std::string& name, std::string& sha256) {
    if (path.empty()) return false;
    if (!fs::is_regular_file(path)) throw ingest::CsvError(path + ": no such file");
    sha256 = ingest::fileSha256(path);
    name = fs::path(path).filename().string();
    return true;
  };
  if (given(paths.population, r.populationName, r.populationSha256))
    r.population = openRegister<models::PopulationIndex, models::Person>(kPopulation, ingest::readPopulation,
                                                                         paths.population, r.populationSha256,
                                                                         paths.cacheDir, errors, onImport, say);
  if (given(paths.consent, r.consentName, r.consentSha256))
    r.consent = openRegister<models::ConsentBook, models::ConsentRecord>(
        kConsent, ingest::readConsent, paths.consent, r.consentSha256, paths.cacheDir, errors, {}, say);
  if (given(paths.complaints, r.complaintsName, r.complaintsSha256))
    r.complaints = openRegister<models::ComplaintBook, models::Complaint>(
        kComplaints, ingest::readComplaints, paths.complaints, r.complaintsSha256, paths.cacheDir, errors, {}, say);
  return r;
}

bool isImportedRegisterFile(const std::string& fileName) {
  for (const char* kind : {kPopulation, kConsent, kComplaints})
    if (fileName.rfind(std::string(kind) + "-", 0) == 0 && fileName.find(".sqlite") != std::string::npos) return true;
  return false;
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

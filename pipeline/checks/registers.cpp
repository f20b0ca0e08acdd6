#include "pipeline/checks/registers.hpp"

#include <unistd.h>

#include <filesystem>

#include "ingest/file_digest.hpp"

namespace listaudit::pipeline {
namespace {
namespace fs = std::filesystem;

// Rows between two reports of an import's progress.
constexpr long long kImportReportEvery = 500000;

models::PopulationIndex openPopulation(const std::string& path, const std::string& cacheDir,
                                       models::ErrorReporter& errors, const std::function<void(long long)>& onImport) {
  fs::create_directories(cacheDir);
  const std::string indexPath = (fs::path(cacheDir) / ("population-" + ingest::fileSha256(path) + ".sqlite")).string();
  if (auto existing = models::PopulationIndex::open(indexPath)) return std::move(*existing);
  // Imported under a temporary name and renamed when complete, so two runs
  // never share a half-built index.
  const std::string partial = indexPath + ".partial-" + std::to_string(::getpid());
  {
    models::PopulationIndex::Builder builder(partial);
    long long count = 0;
    ingest::readPopulation(
        path,
        [&](const models::Person& p) {
          builder.add(p);
          if (++count % kImportReportEvery == 0 && onImport) onImport(count);
        },
        errors);
    builder.finish();
    if (onImport) onImport(count);
  }
  fs::rename(partial, indexPath);
  return std::move(*models::PopulationIndex::open(indexPath));
}

}  // namespace

Registers loadRegisters(const RegisterPaths& paths, models::ErrorReporter& errors,
                        const std::function<void(long long)>& onImport) {
  Registers r;
  if (!paths.population.empty()) {
    if (!fs::is_regular_file(paths.population)) throw ingest::CsvError(paths.population + ": no such file");
    r.population = openPopulation(paths.population, paths.cacheDir, errors, onImport);
    r.populationName = fs::path(paths.population).filename().string();
  }
  if (!paths.consent.empty()) {
    r.consent.emplace();
    ingest::readConsent(
        paths.consent, [&](const models::ConsentRecord& c) { r.consent->add(c); }, errors);
    r.consentName = fs::path(paths.consent).filename().string();
  }
  if (!paths.complaints.empty()) {
    r.complaints.emplace();
    ingest::readComplaints(
        paths.complaints, [&](const models::Complaint& c) { r.complaints->add(c); }, errors);
    r.complaintsName = fs::path(paths.complaints).filename().string();
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

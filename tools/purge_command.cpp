// `listaudit purge`: erases a run's personal data once the matter is closed
// (storage limitation, ../shared/seeds: data kept no longer than needed). The
// counts and flag codes stay, so lists.csv and the audit trail still answer
// what was decided; names, numbers, images, signatures and evidence go.
#include <filesystem>
#include <iostream>
#include <optional>
#include <system_error>

#include "ingest/who_and_when.hpp"
#include "models/store.hpp"
#include "pipeline/checks/registers.hpp"
#include "pipeline/report/html_report.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {
namespace {
namespace fs = std::filesystem;

// Files of a run's folder that hold names or numbers; lists.csv and
// errors.csv hold neither and stay.
constexpr const char* kPersonalFiles[] = {"rows.csv", "report.html"};

}  // namespace

CommandRunner addPurgeCommand(CLI::App& app) {
  struct Options {
    std::string store, cache;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("purge", "Erase a run's personal data, keeping its counts and audit trail");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  cmd->add_option("--cache", options->cache, "Also erase the registers imported into this cache folder");
  return [options] {
    const fs::path folder(options->store);
    const std::string storeFile = (folder / "listaudit.sqlite").string();
    std::optional<models::Store> store = openRunStore(options->store, "purge");
    if (!store) return kExitUsage;
    std::cout << "listaudit purge: erased from " << storeFile << ":\n";
    for (const std::string& what : store->purgePersonalData()) std::cout << "  " << what << "\n";
    std::error_code ec;
    for (const char* name : kPersonalFiles)
      if (fs::remove(folder / name, ec)) std::cout << "  " << (folder / name).string() << " (deleted)\n";
    if (const auto pages = fs::remove_all(folder / pipeline::kReportPages, ec); pages > 0 && !ec)
      std::cout << "  " << (folder / pipeline::kReportPages).string() << ": the report's list pages and row images\n";
    if (const auto found = fs::remove_all(folder / "found", ec); found > 0 && !ec)
      std::cout << "  " << (folder / "found").string() << ": " << found - 1 << " row images written by find\n";
    if (!options->cache.empty()) {
      int imports = 0;
      for (const auto& entry : fs::directory_iterator(options->cache, ec))
        if (pipeline::isImportedRegisterFile(entry.path().filename().string()) && fs::remove(entry.path(), ec))
          ++imports;
      std::cout << "  " << options->cache << ": " << imports << " imported register(s)\n";
    }
    store->addAudit(ingest::auditEntry("purge", "personal data erased"));
    std::cout << "kept: lists, pages, row and flag counts, lists.csv, errors.csv and the audit trail\n";
    return kExitOk;
  };
}

}  // namespace listaudit::tools

// `listaudit find`: every row of a run that is a given person, for a complaint.
#include <filesystem>
#include <iostream>
#include <optional>

#include "ingest/who_and_when.hpp"
#include "models/decimal_text.hpp"
#include "pipeline/report/csv_writer.hpp"
#include "pipeline/report/person_lookup.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addFindCommand(CLI::App& app) {
  struct Options {
    std::string store, id, name;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("find", "Find a person's rows in a run: page, row, and the row's image");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  auto* id = cmd->add_option("--id", options->id, "The personal number");
  auto* name = cmd->add_option("--name", options->name, "The full name, in either script");
  id->excludes(name);
  cmd->callback([id, name] {
    if (id->count() + name->count() != 1) throw CLI::ValidationError("find", "give --id or --name");
  });
  return [options] {
    std::optional<models::Store> opened = openRunStore(options->store, "find");
    if (!opened) return kExitUsage;
    const std::string storeFile = (std::filesystem::path(options->store) / "listaudit.sqlite").string();
    if (!opened->complete()) {
      std::cerr << "listaudit find: " << storeFile
                << ": the run that wrote this store did not finish, so a person missing from it may be on a page "
                   "not yet read; run the same `listaudit run` command again to finish it\n";
      return kExitUsage;
    }
    if (opened->purged()) {
      std::cerr << "listaudit find: " << storeFile
                << ": this run's personal data was purged; nobody can be found in it\n";
      return kExitUsage;
    }
    models::Store& store = *opened;
    const auto found = pipeline::findRows(store, options->id, options->name,
                                          (std::filesystem::path(options->store) / "found").string());
    // CSV on stdout, so it can be read by a person or by a program.
    std::cout << "list_id,page,row,score,match,full_name,national_id,flags,image\n";
    for (const auto& f : found) {
      std::cout << pipeline::csvField(f.listId) << ',' << f.page << ',' << f.row << ',' << models::decimal(f.score, 2)
                << ',' << pipeline::csvField(f.how) << ',' << pipeline::csvField(f.fullName) << ','
                << pipeline::csvField(f.nationalId) << ',' << pipeline::csvField(f.flags) << ','
                << pipeline::csvField(f.imagePath) << "\n";
    }
    std::cerr << "listaudit find: " << found.size() << " rows\n";
    // Who looked whom up is on record; whom is not (no number or name here).
    store.addAudit(ingest::auditEntry("find", std::string(options->id.empty() ? "by name" : "by number") + ", " +
                                                  std::to_string(found.size()) + " rows found"));
    return kExitOk;
  };
}

}  // namespace listaudit::tools

// `listaudit find`: every row of a run that is a given person, for a complaint.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include "ingest/register_reader.hpp"
#include "ingest/scan_source.hpp"
#include "ingest/who_and_when.hpp"
#include "models/decimal_text.hpp"
#include "pipeline/marked_page.hpp"
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
    // The electronic copies too: the person may stand where the paper was misread.
    std::vector<pipeline::CopyRow> copies;
    const auto lists = store.lists();
    for (const auto& list : lists) {
      if (list.digitalPath.empty() || !std::filesystem::exists(list.digitalPath)) continue;
      models::ErrorList ignored;  // the run reported them
      for (const auto& [place, row] : ingest::readDigitalCopy(list.digitalPath, ignored))
        copies.push_back({list.listId, place.first, place.second, row.fullName, row.nationalId});
    }
    const std::filesystem::path foundDir = std::filesystem::path(options->store) / "found";
    const auto found = pipeline::findRows(store, options->id, options->name, foundDir.string(), 0.85, copies);
    // CSV on stdout, so it can be read by a person or by a program.
    std::cout << "list_id,page,row,score,match,full_name,national_id,flags,image,party,submitted_on,collector,"
                 "evidence,page_image\n";
    for (const auto& f : found) {
      // The page as the run read it, the row outlined: "page N, row M" shown.
      std::string pageImage;
      const auto list = std::find_if(lists.begin(), lists.end(), [&](const auto& l) { return l.listId == f.listId; });
      try {
        const auto png = pipeline::markedPagePng(*list, f.page, f.box);
        std::string file =
            f.listId + "-page-" + std::to_string(f.page) + "-row-" + std::to_string(f.row) + "-marked.png";
        std::replace(file.begin(), file.end(), '/', '_');
        pageImage = (foundDir / file).string();
        std::ofstream(pageImage, std::ios::binary)
            .write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
      } catch (const std::exception& e) {
        std::cerr << "listaudit find: the page image of list " << f.listId << ", page " << f.page
                  << " was not written: " << e.what() << "\n";
      }
      std::cout << pipeline::csvField(f.listId) << ',' << f.page << ',' << f.row << ',' << models::decimal(f.score, 2)
                << ',' << pipeline::csvField(f.how) << ',' << pipeline::csvField(f.fullName) << ','
                << pipeline::csvField(f.nationalId) << ',' << pipeline::csvField(f.flags) << ','
                << pipeline::csvField(f.imagePath) << ',' << pipeline::csvField(f.party) << ','
                << pipeline::csvField(f.submittedOn) << ',' << pipeline::csvField(f.collector) << ','
                << pipeline::csvField(f.evidence) << ',' << pipeline::csvField(pageImage) << "\n";
    }
    std::cerr << "listaudit find: " << found.size() << " rows\n";
    // Not found on a row read surely: say where the person may still stand.
    if (std::none_of(found.begin(), found.end(), [](const auto& f) { return f.score >= 1.0; }))
      for (const auto& [party, n] : pipeline::unreadableRowsByParty(store))
        std::cerr << "listaudit find: not found on a row read with confidence; the lists of " << party << " hold " << n
                  << " UNREADABLE row(s) a person must read, and this person may stand on one of them\n";
    // Who looked whom up is on record; whom is not (no number or name here).
    store.addAudit(ingest::auditEntry("find", std::string(options->id.empty() ? "by name" : "by number") + ", " +
                                                  std::to_string(found.size()) + " rows found"));
    return kExitOk;
  };
}

}  // namespace listaudit::tools

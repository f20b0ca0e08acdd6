// `listaudit run`: contract section 1.
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "pipeline/batch_run.hpp"
#include "pipeline/report/messages.hpp"
#include "tools/commands.hpp"
#include "tools/progress_printer.hpp"

namespace listaudit::tools {

std::string defaultCacheDir(const std::string& outDir) {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) return std::string(xdg) + "/listaudit";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/listaudit";
  return outDir + "/cache";
}

CommandRunner addRunCommand(CLI::App& app) {
  auto options = std::make_shared<pipeline::RunOptions>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("run", "Read every list of a manifest, check every row, write the outputs");
  cmd->add_option("--manifest", options->manifest, "The batch manifest (CSV)")->required();
  cmd->add_option("--out", options->outDir, "Folder for rows.csv, lists.csv, errors.csv, report.html and the store")
      ->required();
  addRegisterOptions(cmd, options->population, options->consent, options->complaints, options->required,
                     options->cacheDir);
  cmd->add_option("--jobs", options->jobs, "Pages read at once (default: one per core)")->check(CLI::Range(0, 256));
  auto shard = std::make_shared<std::string>();
  cmd->add_option("--shard", *shard,
                  "K/N: read only the lists whose place in the manifest (from 0) is K-1 modulo N, into a shard store "
                  "for `listaudit merge`")
      ->check([](const std::string& text) -> std::string {
        int k = 0, n = 0;
        char extra = 0;
        if (std::sscanf(text.c_str(), "%d/%d%c", &k, &n, &extra) != 2 || n < 1 || k < 1 || k > n)
          return "--shard must be K/N with 1 <= K <= N";
        return {};
      });
  cmd->add_flag("--allow-outside-paths", options->allowOutsidePaths,
                "Read manifest paths that leave the manifest's folder (absolute, or through ..)");
  cmd->add_option("--pseudonymize", options->pseudonymizeKey,
                  "A secret key file (16 bytes or more): also write DIR/shareable/, with names and numbers replaced by "
                  "keyed hashes (HMAC-SHA256) and no row images");
  cmd->add_option("--lang", options->language, "The report's language")
      ->check(CLI::IsMember(pipeline::messageLanguages()))
      ->capture_default_str();
  cmd->add_flag("--quiet", *quiet, "No progress lines");
  return [options, quiet, shard] {
    if (!shard->empty()) std::sscanf(shard->c_str(), "%d/%d", &options->shardIndex, &options->shardCount);
    if (options->cacheDir.empty()) options->cacheDir = defaultCacheDir(options->outDir);
    if (!*quiet) options->onStage = [](const std::string& what) { std::cerr << "listaudit: " << what << "\n"; };
    if (!*quiet) options->progress = ProgressPrinter(stderr);
    options->onError = printInputError;
    return exitStatusOf("run", [&] {
      const pipeline::RunSummary s = pipeline::runBatch(*options);
      if (options->shardCount > 0) {
        std::cout << "listaudit: shard " << *shard << ": " << s.lists << " lists, " << s.pagesRead << " of " << s.pages
                  << " pages read, " << s.rows << " rows, " << s.errors
                  << " inputs not read\n  errors:  " << s.errorsCsv << "\n  store:   " << s.storePath
                  << "\n  (no checks in a shard: `listaudit merge` makes them)\n";
      } else {
        std::cout << "listaudit: " << s.lists << " lists, " << s.pagesRead << " of " << s.pages << " pages read, "
                  << s.rows << " rows, " << s.flaggedRows << " flagged, " << s.errors << " inputs not read\n";
        printOutputs(s);
      }
      return s.errors > 0 ? kExitSomeInputsUnread : kExitOk;
    });
  };
}

}  // namespace listaudit::tools

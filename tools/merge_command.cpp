// `listaudit merge`: contract section 11.
#include <iostream>

#include "pipeline/batch_run.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addMergeCommand(CLI::App& app) {
  auto options = std::make_shared<pipeline::MergeOptions>();
  auto quiet = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("merge", "Combine the shard stores of a run, make every check, write the outputs");
  cmd->add_option("--out", options->outDir, "Folder for rows.csv, lists.csv, errors.csv, report.html and the store")
      ->required();
  addRegisterOptions(cmd, options->population, options->consent, options->complaints, options->required,
                     options->cacheDir);
  cmd->add_flag("--quiet", *quiet, "No progress lines");
  cmd->add_option("shards", options->shardDirs, "The output folders of `listaudit run --shard K/N`, all N")->required();
  return [options, quiet] {
    if (options->cacheDir.empty()) options->cacheDir = defaultCacheDir(options->outDir);
    if (!*quiet) options->onStage = [](const std::string& what) { std::cerr << "listaudit: " << what << "\n"; };
    options->onError = printInputError;
    return exitStatusOf("merge", [&] {
      const pipeline::RunSummary s = pipeline::mergeShards(*options);
      std::cout << "listaudit: merged " << options->shardDirs.size() << " shards: " << s.lists << " lists, "
                << s.pagesRead << " of " << s.pages << " pages read, " << s.rows << " rows, " << s.flaggedRows
                << " flagged, " << s.errors << " inputs not read\n";
      printOutputs(s);
      return s.errors > 0 ? kExitSomeInputsUnread : kExitOk;
    });
  };
}

}  // namespace listaudit::tools

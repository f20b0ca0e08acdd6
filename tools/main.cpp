// The `listaudit` command: parses the subcommand and hands over to it.
#include <sys/stat.h>

#include <exception>
#include <iostream>
#include <string>
#include <utility>
#include <vector>

#include "models/version.hpp"
#include "tools/commands.hpp"
#include "tools/omp_guard.hpp"

int main(int argc, char** argv) {
  using namespace listaudit::tools;
  ensureSingleThreadedOpenMp(argv);
  // Stores, outputs and imported registers hold ID numbers and political
  // support: every file and folder this process makes is its owner's alone
  // (0600 and 0700).
  ::umask(0077);

  CLI::App app{"listaudit: checks scanned supporter lists against the registers an authority holds"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("listaudit ") + listaudit::models::kToolVersion);
  const std::vector<std::pair<std::string, CommandRunner>> commands{
      {"run", addRunCommand(app)},           {"make-samples", addMakeSamplesCommand(app)},
      {"bench", addBenchCommand(app)},       {"find", addFindCommand(app)},
      {"purge", addPurgeCommand(app)},       {"merge", addMergeCommand(app)},
      {"decide", addDecideCommand(app)},     {"decisions", addDecisionsCommand(app)},
      {"serve", addServeCommand(app)},       {"sample", addSampleCommand(app)},
      {"protocol", addProtocolCommand(app)},
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int status = app.exit(e);
    return status == 0 ? kExitOk : kExitUsage;
  }
  try {
    for (const auto& [name, runner] : commands)
      if (app.got_subcommand(name)) return runner();
  } catch (const std::exception& e) {
    std::cerr << "listaudit: internal failure: " << e.what() << "\n";
    return kExitInternal;
  }
  return kExitUsage;
}

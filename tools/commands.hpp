#pragma once
// Each subcommand is a thin file: it declares its options on the CLI11 app and
// returns a runner, which main calls when that subcommand was chosen; the
// runner calls the library and returns the exit status.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "models/store.hpp"
#include "pipeline/batch_run.hpp"

namespace listaudit::tools {

using CommandRunner = std::function<int()>;

CommandRunner addRunCommand(CLI::App& app);
CommandRunner addMakeSamplesCommand(CLI::App& app);
CommandRunner addBenchCommand(CLI::App& app);
CommandRunner addFindCommand(CLI::App& app);
CommandRunner addPurgeCommand(CLI::App& app);
CommandRunner addMergeCommand(CLI::App& app);
CommandRunner addDecideCommand(CLI::App& app);
CommandRunner addDecisionsCommand(CLI::App& app);
CommandRunner addServeCommand(CLI::App& app);
CommandRunner addSampleCommand(CLI::App& app);
CommandRunner addProtocolCommand(CLI::App& app);

// The options run and merge share: the three registers (contract section
// 4), the supporters a list needs, and where population imports are kept.
void addRegisterOptions(CLI::App* cmd, std::string& population, std::string& consent, std::string& complaints,
                        int& required, std::string& cacheDir);

// Where imported population registers are kept unless --cache says:
// $XDG_CACHE_HOME/listaudit, ~/.cache/listaudit, else OUT/cache.
std::string defaultCacheDir(const std::string& outDir);

// The store of the run whose output folder is `dir`, for a subcommand that
// reads a finished run (find, purge); nullopt, with the reason on stderr
// after "listaudit COMMAND: ", when there is none or another schema wrote it.
std::optional<models::Store> openRunStore(const std::string& dir, const std::string& command);

// What run and merge say: an input not read (stderr), where the outputs are
// (stdout); and the exit status for what stopped them, with the reason on
// stderr after "listaudit COMMAND: " (a manifest, register, output folder
// or set of shards that cannot be used: 2; outputs not written whole: 1).
void printInputError(const models::InputError& error);
void printOutputs(const pipeline::RunSummary& summary);
int exitStatusOf(const std::string& command, const std::function<int()>& body);

// Exit statuses of contract section 1.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitSomeInputsUnread = 3;

}  // namespace listaudit::tools

// `listaudit decide` (contract section 12): a reviewer's decision on one row,
// from the command line; the run is checked again and its outputs follow.
#include <iostream>
#include <optional>

#include "pipeline/report/csv_outputs.hpp"
#include "pipeline/review_decisions.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addDecideCommand(CLI::App& app) {
  struct Options {
    std::string store, list, reviewer, name, id, note;
    int page = 0, row = 0;
    bool accept = false, reject = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("decide", "Record a reviewer's decision on a row; the outputs follow it");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  cmd->add_option("--list", options->list, "The row's list_id")->required();
  cmd->add_option("--page", options->page, "The row's page")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--row", options->row, "The row's place on its page")->required()->check(CLI::PositiveNumber);
  cmd->add_option("--reviewer", options->reviewer, "Who decides")->required();
  auto* accept = cmd->add_flag("--accept", options->accept, "The supporter counts");
  auto* reject = cmd->add_flag("--reject", options->reject, "The supporter does not count");
  auto* name = cmd->add_option("--name", options->name, "The corrected name (with --id)");
  auto* id = cmd->add_option("--id", options->id, "The corrected number (with --name)");
  cmd->add_option("--note", options->note, "Why");
  accept->excludes(reject)->excludes(name)->excludes(id);
  reject->excludes(name)->excludes(id);
  cmd->callback([=] {
    const bool correct = name->count() + id->count() > 0;
    if (correct && name->count() + id->count() != 2)
      throw CLI::ValidationError("decide", "a corrected reading needs both --name and --id");
    if (accept->count() + reject->count() + (correct ? 1 : 0) != 1)
      throw CLI::ValidationError("decide", "give --accept, --reject, or --name with --id");
  });
  return [options] {
    std::optional<models::Store> store = openRunStore(options->store, "decide");
    if (!store) return kExitUsage;
    models::Decision d;
    d.listId = options->list;
    d.page = options->page;
    d.row = options->row;
    d.kind = options->accept   ? models::Decision::Kind::Accept
             : options->reject ? models::Decision::Kind::Reject
                               : models::Decision::Kind::Correct;
    d.fullName = options->name;
    d.nationalId = options->id;
    d.reviewer = options->reviewer;
    d.note = options->note;
    try {
      const pipeline::RunSummary summary = pipeline::recordDecision(*store, options->store, d);
      std::cout << "decision recorded; written again:\n  rows:    " << summary.rowsCsv
                << "\n  lists:   " << summary.listsCsv << "\n  report:  " << summary.report << "\n";
      return kExitOk;
    } catch (const pipeline::DecisionError& e) {
      std::cerr << "listaudit decide: " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      // Recorded, but the outputs could not follow yet.
      std::cerr << "listaudit decide: the decision is recorded in the store, but the outputs were not written again: "
                << e.what() << "\n";
      return kExitInternal;
    }
  };
}

CommandRunner addDecisionsCommand(CLI::App& app) {
  auto store = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("decisions", "List a run's review decisions as CSV, oldest first");
  cmd->add_option("--store", *store, "The run's output folder (the --out of listaudit run)")->required();
  return [store] {
    std::optional<models::Store> opened = openRunStore(*store, "decisions");
    if (!opened) return kExitUsage;
    pipeline::writeDecisionsCsv(*opened, std::cout);
    return kExitOk;
  };
}

}  // namespace listaudit::tools

// `listaudit sample`: draws a list's random sample for verification (3% or
// 500 rows, whichever is more) into the reviewer's queue.
#include <iostream>
#include <optional>

#include "models/decimal_text.hpp"
#include "models/list_tally.hpp"
#include "pipeline/review_decisions.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addSampleCommand(CLI::App& app) {
  struct Options {
    std::string store, list;
    std::uint64_t seed = 0;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("sample", "Draw a list's random sample for verification into the review queue");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  cmd->add_option("--list", options->list, "The list's list_id")->required();
  cmd->add_option("--seed", options->seed, "The seed: the same seed draws the same rows")->required();
  return [options] {
    std::optional<models::Store> store = openRunStore(options->store, "sample");
    if (!store) return kExitUsage;
    if (!store->complete() || store->purged()) {
      std::cerr << "listaudit sample: " << options->store << ": no finished run with its rows here\n";
      return kExitUsage;
    }
    try {
      const auto rows = pipeline::drawListSample(*store, options->store, options->list, options->seed);
      const int required = std::atoi(store->runValue("required").c_str());
      const auto tally = models::tallySample(store->judgements(), options->list, rows, required);
      std::cout << "listaudit sample: " << rows.size() << " of " << tally.projection.rows << " rows of list "
                << options->list << " drawn with seed " << options->seed
                << "; decide them in `listaudit serve` (Queue, rows: sample) or with `listaudit decide`.\n"
                << "As the flags stand: " << tally.projection.validInSample << " valid in the sample, "
                << models::decimal(tally.projection.projected, 0) << " valid projected (95%: " << tally.projection.low
                << " to " << tally.projection.high << ")\n";
      return kExitOk;
    } catch (const pipeline::DecisionError& e) {
      std::cerr << "listaudit sample: " << e.what() << "\n";
      return kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "listaudit sample: the sample is drawn, but the outputs were not written again: " << e.what()
                << "\n";
      return kExitInternal;
    }
  };
}

}  // namespace listaudit::tools

// `listaudit make-samples`: contract section 10.
#include <iostream>

#include "tools/commands.hpp"
#include "tools/samples/sample_batch.hpp"

namespace listaudit::tools {

CommandRunner addMakeSamplesCommand(CLI::App& app) {
  auto options = std::make_shared<SampleOptions>();
  CLI::App* cmd = app.add_subcommand("make-samples", "Generate a batch of supporter lists with registers and truth");
  cmd->add_option("--seed", options->seed, "Random seed: the same arguments give the same bytes")->required();
  cmd->add_option("--lists", options->lists, "Number of lists")->required()->check(CLI::Range(1, 100000));
  cmd->add_option("--pages", options->pages, "Pages per list")->required()->check(CLI::Range(1, 10000));
  cmd->add_option("--style", options->style, "printed, handwritten or mixed")
      ->check(CLI::IsMember({"printed", "handwritten", "mixed"}));
  cmd->add_option("--population-size", options->populationSize, "People in the population register");
  cmd->add_option("--consent-size", options->consentSize,
                  "Consent records beyond the batch's own (other people of the population register)");
  cmd->add_option("--complaints-size", options->complaintsSize, "Complaints beyond the batch's own (likewise)");
  cmd->add_option("--out", options->out, "Folder to write the batch into")->required();
  cmd->add_option("--digits", options->digitsPath,
                  "Sheet of handwritten digits to draw from (1400x200, 70 per digit; default: the held-out sheet "
                  "the reader never trains on; tools/train-numbers passes its training digits)");
  return [options] {
    try {
      const SampleSummary s = makeSamples(*options);
      std::cout << "make-samples: " << s.lists << " lists, " << s.pages << " pages, " << s.rows
                << " rows, population register of " << s.population << " people in " << options->out << "\n";
      return kExitOk;
    } catch (const std::invalid_argument& e) {
      std::cerr << e.what() << "\n";
      return kExitUsage;
    }
  };
}

}  // namespace listaudit::tools

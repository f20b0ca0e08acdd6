// `listaudit bench accuracy`: contract section 9.
#include <iostream>

#include "ingest/csv_reader.hpp"
#include "tools/bench/accuracy.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addBenchCommand(CLI::App& app) {
  struct Options {
    std::string truth, rows;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* bench = app.add_subcommand("bench", "Measure listaudit on a generated corpus");
  bench->require_subcommand(1);
  CLI::App* accuracy = bench->add_subcommand("accuracy", "Score a run's rows.csv against the corpus's truth.csv");
  accuracy->add_option("--truth", options->truth, "truth.csv of the corpus")->required();
  accuracy->add_option("--rows", options->rows, "rows.csv of the run")->required();
  accuracy->add_flag("--json", options->json, "Print one JSON object instead of text");
  return [options] {
    try {
      const AccuracyScore score = scoreAccuracy(options->truth, options->rows);
      std::cout << (options->json ? formatJson(score) : formatText(score));
      return kExitOk;
    } catch (const ingest::CsvError& e) {
      std::cerr << "listaudit bench: " << e.what() << "\n";
      return kExitUsage;
    }
  };
}

}  // namespace listaudit::tools

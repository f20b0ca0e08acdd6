// `listaudit protocol`: the PDF a commission decides on, for one list.
#include <iostream>
#include <optional>

#include "pipeline/report/protocol.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

CommandRunner addProtocolCommand(CLI::App& app) {
  struct Options {
    std::string store, list, lang = "en", out;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("protocol", "Write the protocol of one list (PDF) for the commission's decision");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  cmd->add_option("--list", options->list, "The list's list_id")->required();
  cmd->add_option("--lang", options->lang, "The protocol's language")
      ->check(CLI::IsMember(pipeline::messageLanguages()))
      ->capture_default_str();
  cmd->add_option("--out", options->out, "The PDF file to write")->required();
  return [options] {
    std::optional<models::Store> store = openRunStore(options->store, "protocol");
    if (!store) return kExitUsage;
    if (!store->complete()) {
      std::cerr << "listaudit protocol: " << options->store
                << ": the run did not finish; run the same `listaudit run` command again first\n";
      return kExitUsage;
    }
    try {
      pipeline::writeProtocol(*store, options->list, options->out, pipeline::Messages(options->lang));
    } catch (const std::invalid_argument& e) {
      std::cerr << "listaudit protocol: " << e.what() << "\n";
      return kExitUsage;
    }
    std::cout << "protocol: " << options->out << "\n";
    return kExitOk;
  };
}

}  // namespace listaudit::tools

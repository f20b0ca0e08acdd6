// `listaudit serve`: the reviewer's desk on 127.0.0.1 over one finished run,
// until Ctrl-C (or SIGTERM).
#include <pthread.h>
#include <signal.h>

#include <iostream>
#include <thread>

#include "pipeline/report/messages.hpp"
#include "tools/commands.hpp"
#include "tools/review/review_server.hpp"

namespace listaudit::tools {

CommandRunner addServeCommand(CLI::App& app) {
  struct Options {
    std::string store, lang;
    int port = 8765;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("serve", "Open the reviewer's desk: a local web page to decide on flagged rows");
  cmd->add_option("--store", options->store, "The run's output folder (the --out of listaudit run)")->required();
  cmd->add_option("--port", options->port, "Port on 127.0.0.1 (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--lang", options->lang, "The pages' language (else the browser's)")
      ->check(CLI::IsMember(pipeline::messageLanguages()));
  return [options] {
    // The signals are waited for on a thread of their own, which stops the
    // server; every other thread (the server's) leaves them blocked.
    sigset_t stopping;
    sigemptyset(&stopping);
    sigaddset(&stopping, SIGINT);
    sigaddset(&stopping, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopping, nullptr);
    std::unique_ptr<review::ReviewServer> server;
    try {
      server = std::make_unique<review::ReviewServer>(options->store, review::newToken());
      server->bind(options->port);
    } catch (const std::exception& e) {
      std::cerr << "listaudit serve: " << e.what() << "\n";
      return kExitUsage;
    }
    // The address holds the token: it goes to the terminal, never to a log.
    std::cout << "listaudit serve: the reviewer's desk is at\n  " << server->url()
              << (options->lang.empty() ? "" : "&lang=" + options->lang)
              << "\nopen it in a browser on this machine; Ctrl-C stops it" << std::endl;
    std::thread waiter([&] {
      int signal = 0;
      sigwait(&stopping, &signal);
      server->stop();
    });
    server->serve();
    // Stopped by a signal, or the server ended on its own: wake the waiter.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    std::cout << "listaudit serve: stopped" << std::endl;
    return kExitOk;
  };
}

}  // namespace listaudit::tools

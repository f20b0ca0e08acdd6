#pragma once
// `listaudit serve`: the reviewer's desk, a local web server on 127.0.0.1
// over one finished run. Pages and data come from the run's store; nothing
// is loaded from the network. Every request must carry the token the server
// was started with (in the URL it prints, then in a header), so other users
// of the machine cannot read or drive it; the Host header must name the
// loopback address, so a web page elsewhere cannot reach it by a DNS name.
// Decisions go through pipeline::recordDecision, so the run's outputs follow.
//
// Thread-safe: requests are served on several threads; the store and the
// snapshot of the run are used under one lock.
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>

#include "models/store.hpp"
#include "tools/review/review_data.hpp"

namespace listaudit::tools::review {

// 128 random bits, hex.
std::string newToken();

class ReviewServer {
 public:
  // Opens the run whose output folder is `runDir`. Throws std::runtime_error
  // (with the reason) when it holds no finished, unpurged run.
  ReviewServer(std::string runDir, std::string token);
  ReviewServer(const ReviewServer&) = delete;
  ReviewServer& operator=(const ReviewServer&) = delete;

  // Binds 127.0.0.1:`port` (0: a free port) and returns the port; throws
  // std::runtime_error when it cannot.
  int bind(int port);
  // Serves until stop(), from any thread.
  void serve();
  void stop();

  std::string url() const;  // with the token

 private:
  void routes();
  bool allowed(const httplib::Request& request, httplib::Response& response) const;

  std::string runDir_, token_;
  int port_ = 0;
  std::mutex lock_;  // guards store_ and run_
  std::unique_ptr<models::Store> store_;
  RunSnapshot run_;
  httplib::Server server_;
};

}  // namespace listaudit::tools::review

#include "tools/review/review_server.hpp"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "ingest/who_and_when.hpp"
#include "pipeline/report/messages.hpp"
#include "pipeline/review_decisions.hpp"
#include "tools/review/desk_page.hpp"

namespace listaudit::tools::review {
namespace {

using nlohmann::json;

void sendJson(httplib::Response& response, const json& body, int status = 200) {
  response.status = status;
  // Names in either script: sent as UTF-8, never escaped away.
  response.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

int intParam(const httplib::Request& request, const char* name, int otherwise = 0) {
  if (!request.has_param(name)) return otherwise;
  try {
    return std::stoi(request.get_param_value(name));
  } catch (const std::exception&) {
    return otherwise;
  }
}

}  // namespace

std::string newToken() {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) throw std::runtime_error("serve: no random bytes for the access token");
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  return out;
}

ReviewServer::ReviewServer(std::string runDir, std::string token)
    : runDir_(std::move(runDir)), token_(std::move(token)) {
  const std::string path = (std::filesystem::path(runDir_) / "listaudit.sqlite").string();
  if (!std::filesystem::exists(path)) throw std::runtime_error(path + ": no run store here");
  store_ = std::make_unique<models::Store>(path);
  if (!store_->complete())
    throw std::runtime_error(path + ": the run did not finish; run the same `listaudit run` command again first");
  if (store_->purged()) throw std::runtime_error(path + ": the run's personal data was purged; nothing to review");
  run_ = loadSnapshot(*store_, std::atoi(store_->runValue("required").c_str()));
  store_->addAudit(ingest::auditEntry("serve", "the reviewer's desk opened on the run"));
  routes();
}

bool ReviewServer::allowed(const httplib::Request& request, httplib::Response& response) const {
  // The Host a browser sends names where it meant to go: only the loopback
  // address, so that a page elsewhere cannot reach this server through a
  // name of its own that resolves here.
  const std::string host = request.get_header_value("Host");
  const std::string port = ":" + std::to_string(port_);
  if (host != "127.0.0.1" + port && host != "localhost" + port) {
    response.status = 403;
    response.set_content("listaudit serve: only http://127.0.0.1" + port + "/ is served", "text/plain");
    return false;
  }
  std::string given = request.get_header_value("X-Listaudit-Token");
  if (given.empty()) given = request.get_param_value("token");
  if (given.size() != token_.size() || CRYPTO_memcmp(given.data(), token_.data(), token_.size()) != 0) {
    response.status = 403;
    response.set_content("listaudit serve: the token is missing or wrong; open the address `listaudit serve` printed",
                         "text/plain");
    return false;
  }
  return true;
}

void ReviewServer::routes() {
  server_.set_pre_routing_handler([this](const httplib::Request& request, httplib::Response& response) {
    // The token is in the page's address: it must not leave in a Referer.
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Cache-Control", "no-store");
    response.set_header("Content-Security-Policy",
                        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self'; "
                        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'");
    return allowed(request, response) ? httplib::Server::HandlerResponse::Unhandled
                                      : httplib::Server::HandlerResponse::Handled;
  });
  server_.Get("/", [](const httplib::Request&, httplib::Response& response) {
    response.set_content(std::string(kDeskPage), "text/html; charset=utf-8");
  });
  server_.Get("/api/overview", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard<std::mutex> guard(lock_);
    sendJson(response, overview(run_));
  });
  server_.Get("/api/messages", [](const httplib::Request& request, httplib::Response& response) {
    const std::string asked = request.get_param_value("lang");
    const auto& known = pipeline::messageLanguages();
    const std::string language = std::find(known.begin(), known.end(), asked) != known.end() ? asked : "en";
    const pipeline::Messages messages(language);
    json out = {{"language", language}, {"languages", known}};
    for (const char* prefix : {"desk_", "flag_"})
      for (const auto& [key, pattern] : messages.patterns(prefix)) out["messages"][key] = pattern;
    sendJson(response, out);
  });
  server_.Get("/api/collectors", [this](const httplib::Request&, httplib::Response& response) {
    std::lock_guard<std::mutex> guard(lock_);
    sendJson(response, collectors(run_));
  });
  server_.Get("/api/queue", [this](const httplib::Request& request, httplib::Response& response) {
    QueueFilter filter;
    filter.list = request.get_param_value("list");
    filter.flag = request.get_param_value("flag");
    filter.collector = request.get_param_value("collector");
    filter.search = request.get_param_value("q");
    filter.page = intParam(request, "page");
    filter.minRisk = intParam(request, "min_risk_percent") / 100.0;
    filter.all = request.get_param_value("rows") != "flagged";
    filter.sampled = request.get_param_value("rows") == "sample";
    filter.undecided = request.get_param_value("undecided") == "1";
    filter.order = request.get_param_value("order") == "place" ? QueueFilter::Order::Place : QueueFilter::Order::Risk;
    filter.offset = intParam(request, "offset");
    filter.limit = std::clamp(intParam(request, "limit", 50), 1, 500);
    std::lock_guard<std::mutex> guard(lock_);
    sendJson(response, queue(run_, filter));
  });
  server_.Get("/api/row", [this](const httplib::Request& request, httplib::Response& response) {
    std::lock_guard<std::mutex> guard(lock_);
    const json row =
        rowDetail(run_, request.get_param_value("list"), intParam(request, "page"), intParam(request, "row"));
    if (row.is_null()) return sendJson(response, {{"error", "the run holds no such row"}}, 404);
    sendJson(response, row);
  });
  server_.Get("/api/image", [this](const httplib::Request& request, httplib::Response& response) {
    std::vector<std::uint8_t> png;
    {
      std::lock_guard<std::mutex> guard(lock_);
      png = store_->rowImage(request.get_param_value("list"), intParam(request, "page"), intParam(request, "row"));
    }
    if (png.empty()) {
      response.status = 404;
      return;
    }
    response.set_content(std::string(png.begin(), png.end()), "image/png");
  });
  server_.Post("/api/decide", [this](const httplib::Request& request, httplib::Response& response) {
    const json body = json::parse(request.body, nullptr, false);
    if (!body.is_object()) return sendJson(response, {{"error", "the request is not a JSON object"}}, 400);
    models::Decision d;
    d.listId = body.value("list_id", "");
    d.page = body.value("page", 0);
    d.row = body.value("row", 0);
    const auto kind = models::decisionFromWord(body.value("decision", ""));
    if (!kind) return sendJson(response, {{"error", "decision must be accept, reject or correct"}}, 400);
    d.kind = *kind;
    d.fullName = body.value("full_name", "");
    d.nationalId = body.value("national_id", "");
    d.reviewer = body.value("reviewer", "");
    d.note = body.value("note", "");
    std::lock_guard<std::mutex> guard(lock_);
    try {
      pipeline::recordDecision(*store_, runDir_, d);
    } catch (const pipeline::DecisionError& e) {
      return sendJson(response, {{"error", e.what()}}, 400);
    } catch (const std::exception& e) {
      run_ = loadSnapshot(*store_, run_.required);
      return sendJson(
          response,
          {{"error", std::string("the decision is recorded, but the outputs were not written again: ") + e.what()}},
          500);
    }
    run_ = loadSnapshot(*store_, run_.required);
    sendJson(response, {{"ok", true}, {"row", rowDetail(run_, d.listId, d.page, d.row)}});
  });
  server_.set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    sendJson(response, {{"error", "the server could not answer this request"}}, 500);
  });
}

int ReviewServer::bind(int port) {
  port_ = port == 0 ? server_.bind_to_any_port("127.0.0.1") : (server_.bind_to_port("127.0.0.1", port) ? port : -1);
  if (port_ <= 0) throw std::runtime_error("serve: 127.0.0.1:" + std::to_string(port) + " cannot be listened on");
  return port_;
}

void ReviewServer::serve() { server_.listen_after_bind(); }
void ReviewServer::stop() { server_.stop(); }

std::string ReviewServer::url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/?token=" + token_; }

}  // namespace listaudit::tools::review

#include "tools/progress_printer.hpp"

#include <unistd.h>

#include <algorithm>
#include <string>

namespace listaudit::tools {
namespace {

std::string duration(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

}  // namespace

ProgressPrinter::ProgressPrinter(std::FILE* out)
    : out_(out), terminal_(::isatty(::fileno(out)) != 0), start_(std::chrono::steady_clock::now()) {}

void ProgressPrinter::operator()(const pipeline::PageProgress& p) {
  if (p.page == 0) return;  // a list whose scans cannot be opened: its error says so
  if (p.resumed) ++resumed_;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const int read = p.done - resumed_;
  const double rate = elapsed > 0 && read > 0 ? read / elapsed : 0;
  std::string line = "[" + std::to_string(p.done) + "/" + std::to_string(p.total) + "] " + p.listId + " page " +
                     std::to_string(p.page) + ": " +
                     (p.failed    ? "not read"
                      : p.resumed ? std::to_string(p.rows) + " rows (read before the interruption)"
                                  : std::to_string(p.rows) + " rows");
  if (rate > 0) {
    char speed[64];
    std::snprintf(speed, sizeof speed, "; %.2f pages/s", rate);
    line += speed;
    if (p.done < p.total) line += ", " + duration((p.total - p.done) / rate) + " left";
  }
  if (terminal_) {
    // One line, redrawn; a page not read stays on screen above it.
    std::fprintf(out_, "\r\033[K%s%s", line.c_str(), p.failed || p.done == p.total ? "\n" : "");
  } else {
    const int every = std::max(1, p.total / 50);
    if (p.failed || p.done == p.total || p.done % every == 0) std::fprintf(out_, "%s\n", line.c_str());
  }
  std::fflush(out_);
}

}  // namespace listaudit::tools

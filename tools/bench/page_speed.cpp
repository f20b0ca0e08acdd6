#include "tools/bench/page_speed.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <opencv2/imgcodecs.hpp>
#include <thread>

#include "ingest/manifest_reader.hpp"
#include "ingest/scan_source.hpp"
#include "models/decimal_text.hpp"
#include "models/store.hpp"
#include "pipeline/page/tesseract_name_reader.hpp"

namespace listaudit::tools {
namespace {
namespace fs = std::filesystem;

double cpuSeconds(int who) {
  rusage usage{};
  getrusage(who, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct PhaseRun {
  pipeline::PagePhaseResult result;
  double wall = 0, cpu = 0;
};

// The page phase alone, into a store of its own that is thrown away.
PhaseRun runPhase(const std::vector<models::ListEntry>& lists, const fs::path& dir, int jobs) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  models::Store store((dir / "bench.sqlite").string());
  for (const auto& list : lists) store.addList(list);
  models::ErrorList errors;
  pipeline::PagePhaseOptions options;
  options.jobs = jobs;
  const double cpuBefore = cpuSeconds(RUSAGE_SELF);
  const auto start = std::chrono::steady_clock::now();
  PhaseRun run;
  run.result = pipeline::readPages(lists, store, errors, options);
  run.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
  return run;
}

// The tesseract command on every page, as a user would run it: the page as a
// PNG, the list's first language, one thread. Returns its CPU seconds.
double runTesseract(const std::vector<models::ListEntry>& lists, const fs::path& dir, int& pages) {
  double total = 0;
  for (const auto& list : lists) {
    std::unique_ptr<ingest::ScanSource> source;
    try {
      source = ingest::ScanSource::open(list.scanPath);
    } catch (const ingest::ScanError&) {
      continue;
    }
    const std::string language = pipeline::nameModelsFor(list.country).front();
    for (int i = 0; i < source->pageCount(); ++i) {
      cv::Mat page;
      try {
        page = source->page(i);
      } catch (const ingest::ScanError&) {
        continue;
      }
      const std::string png = (dir / "page.png").string();
      cv::imwrite(png, page);
      const double before = cpuSeconds(RUSAGE_CHILDREN);
      const std::string command = "OMP_THREAD_LIMIT=1 tesseract '" + png + "' - -l " + language + " >/dev/null 2>&1";
      if (std::system(command.c_str()) != 0) throw std::runtime_error("the tesseract command failed");
      total += cpuSeconds(RUSAGE_CHILDREN) - before;
      ++pages;
    }
  }
  return total;
}

}  // namespace

SpeedReport measureSpeed(const std::string& manifest, int jobs, bool withTesseract) {
  models::ErrorList errors;
  const auto lists = ingest::readManifest(manifest, errors, ingest::ManifestPaths::Anywhere);
  const fs::path dir = fs::temp_directory_path() / ("listaudit-speed-" + std::to_string(::getpid()));
  SpeedReport report;
  report.jobs = jobs > 0 ? jobs : static_cast<int>(std::thread::hardware_concurrency());
  const PhaseRun one = runPhase(lists, dir, 1);
  const PhaseRun many = runPhase(lists, dir, report.jobs);
  report.pages = one.result.pagesRead;
  const double pages = std::max(1, report.pages);
  report.cpuPerPage = one.cpu / pages;
  const auto& s = one.result.cpu;
  report.stagesPerPage = {s.decode / pages, s.clean / pages, s.layout / pages, s.read / pages, s.store / pages, {}};
  for (const auto& [what, seconds] : s.reading) report.stagesPerPage.reading[what] = seconds / pages;
  report.wallOneJob = one.wall;
  report.wallJobs = many.wall;
  if (withTesseract) {
    int tesseractPages = 0;
    report.tesseractPerPage = runTesseract(lists, dir, tesseractPages) / std::max(1, tesseractPages);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  report.peakMemoryMb = usage.ru_maxrss / 1024;
  fs::remove_all(dir);
  return report;
}

std::string formatSpeed(const SpeedReport& r) {
  const auto& s = r.stagesPerPage;
  char line[256];
  std::snprintf(line, sizeof line,
                "pages: %d\n"
                "listaudit, 1 job: %.3f s CPU per page\n"
                "  decode %.3f, clean %.3f, layout %.3f, read %.3f, store %.3f (s CPU per page)\n",
                r.pages, r.cpuPerPage, s.decode, s.clean, s.layout, s.read, s.store);
  std::string out = line;
  // The read stage's share, reader by reader, under its line.
  if (!s.reading.empty()) out += "  of the read stage:\n";
  for (const auto& [what, seconds] : s.reading) {
    std::snprintf(line, sizeof line, "    %.3f %s\n", seconds, what.c_str());
    out += line;
  }
  std::snprintf(
      line, sizeof line,
      "tesseract command, whole page, 1 thread: %s\n"
      "listaudit / tesseract: %s\n"
      "wall time: %.1f s with 1 job, %.1f s with %d jobs (%.2f times faster)\n"
      "peak memory: %ld MB\n",
      r.tesseractPerPage > 0 ? (models::decimal(r.tesseractPerPage, 3) + " s CPU per page").c_str() : "not run",
      r.tesseractPerPage > 0 ? models::decimal(r.cpuPerPage / r.tesseractPerPage, 2).c_str() : "-", r.wallOneJob,
      r.wallJobs, r.jobs, r.wallJobs > 0 ? r.wallOneJob / r.wallJobs : 0.0, r.peakMemoryMb);
  return out + line;
}

}  // namespace listaudit::tools

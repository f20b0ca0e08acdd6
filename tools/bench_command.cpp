// `listaudit bench accuracy` (contract section 9), `bench population`,
// `bench readers` and `bench speed`.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "pipeline/checks/registers.hpp"

#include "ingest/csv_reader.hpp"
#include "tools/bench/accuracy.hpp"
#include "tools/bench/measure.hpp"
#include "tools/bench/number_readers.hpp"
#include "tools/bench/page_speed.hpp"
#include "tools/bench/register_speed.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

namespace {

// Imports a population register into a fresh cache, then opens it again as a
// later run would, and says how long each took and how much memory the
// process held at most.
int benchPopulation(const std::string& population) {
  const auto cache = std::filesystem::temp_directory_path() / ("listaudit-bench-" + std::to_string(::getpid()));
  std::filesystem::remove_all(cache);
  models::ErrorList errors;
  auto start = std::chrono::steady_clock::now();
  long long rows = 0;
  pipeline::loadRegisters({population, "", "", cache.string()}, errors, [&](long long n) { rows = n; });
  const double importSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  const auto reused = pipeline::loadRegisters({population, "", "", cache.string()}, errors);
  const double reuseSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  const int lookups = 10000;
  for (int i = 0; i < lookups; ++i) reused.population->byNumber(std::to_string(1000000000LL + i * 7919LL));
  const double lookupSeconds = secondsSince(start);
  std::printf("population rows: %lld (%zu bad lines)\nimport: %.1f s (%.0f rows/s)\n", rows, errors.errors().size(),
              importSeconds, rows / std::max(importSeconds, 1e-9));
  std::printf("reuse (hash and open): %.1f s\nlook-ups by number: %.0f per second\npeak memory: %ld MB\n", reuseSeconds,
              lookups / std::max(lookupSeconds, 1e-9), peakMemoryMb());
  std::filesystem::remove_all(cache);
  return kExitOk;
}

}  // namespace

CommandRunner addBenchCommand(CLI::App& app) {
  struct Options {
    std::string truth, rows, population, scans, manifest;
    bool json = false, noTesseract = false, registers = false;
    int jobs = 0;
    RegisterSpeedOptions registerSpeed;
  };
  auto options = std::make_shared<Options>();
  CLI::App* bench = app.add_subcommand("bench", "Measure listaudit on a generated corpus");
  bench->require_subcommand(1);
  CLI::App* accuracy = bench->add_subcommand("accuracy", "Score a run's rows.csv against the corpus's truth.csv");
  accuracy->add_option("--truth", options->truth, "truth.csv of the corpus")->required();
  accuracy->add_option("--rows", options->rows, "rows.csv of the run")->required();
  accuracy->add_flag("--json", options->json, "Print one JSON object instead of text");
  CLI::App* population = bench->add_subcommand("population", "Time importing and reusing a population register");
  population->add_option("--population", options->population, "population.csv")->required();
  CLI::App* speed = bench->add_subcommand(
      "speed", "CPU per page and per stage, beside the tesseract command on the same pages; 1 job against N");
  auto* manifest = speed->add_option("--manifest", options->manifest, "The batch manifest (CSV)");
  auto* registers =
      speed->add_flag("--registers", options->registers,
                      "Instead of pages: import the registers given, check rows against them, find repeated "
                      "signatures");
  manifest->excludes(registers);
  speed->add_option("--population", options->registerSpeed.population, "With --registers: population.csv");
  speed->add_option("--consent", options->registerSpeed.consent, "With --registers: consent.csv");
  speed->add_option("--complaints", options->registerSpeed.complaints, "With --registers: complaints.csv");
  speed->add_option("--rows", options->registerSpeed.rows, "With --registers: rows to check (default 100000)")
      ->check(CLI::Range(0, 10000000));
  speed
      ->add_option("--signatures", options->registerSpeed.signatures,
                   "With --registers: signatures to search for repeats (default 100000)")
      ->check(CLI::Range(0, 10000000));
  speed->add_option("--jobs", options->jobs, "Jobs of the second run (default: one per core)")
      ->check(CLI::Range(0, 256));
  speed->add_flag("--no-tesseract", options->noTesseract, "Leave out the tesseract command");
  CLI::App* readers = bench->add_subcommand("readers", "CPU per number cell of the Tesseract and handwriting readers");
  readers->add_option("--scans", options->scans, "a list's scans (PDF, TIFF, image or folder)")->required();
  return [options, population, readers, speed] {
    if (speed->parsed() && options->registers) {
      try {
        std::cout << formatRegisterSpeed(measureRegisterSpeed(options->registerSpeed));
        return kExitOk;
      } catch (const ingest::CsvError& e) {
        std::cerr << "listaudit bench: " << e.what() << "\n";
        return kExitUsage;
      }
    }
    if (speed->parsed()) {
      if (options->manifest.empty()) {
        std::cerr << "listaudit bench speed: --manifest or --registers is required\n";
        return kExitUsage;
      }
      try {
        std::cout << formatSpeed(measureSpeed(options->manifest, options->jobs, !options->noTesseract));
        return kExitOk;
      } catch (const std::exception& e) {
        std::cerr << "listaudit bench: " << e.what() << "\n";
        return kExitUsage;
      }
    }
    if (readers->parsed()) {
      try {
        const ReaderCost c = measureNumberReaders(options->scans);
        std::printf("pages: %d, number cells: %d (%d taken for handwriting)\n", c.pages, c.cells, c.handwrittenCells);
        std::printf("tesseract: %.2f ms CPU per cell\nhandwriting reader: %.2f ms CPU per cell (%.2f of tesseract's)\n",
                    c.tesseractMsPerCell, c.handwritingMsPerCell,
                    c.tesseractMsPerCell > 0 ? c.handwritingMsPerCell / c.tesseractMsPerCell : 0.0);
        return kExitOk;
      } catch (const std::exception& e) {
        std::cerr << "listaudit bench: " << e.what() << "\n";
        return kExitUsage;
      }
    }
    if (population->parsed()) {
      try {
        return benchPopulation(options->population);
      } catch (const ingest::CsvError& e) {
        std::cerr << "listaudit bench: " << e.what() << "\n";
        return kExitUsage;
      }
    }
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

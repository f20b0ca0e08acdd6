#pragma once
// `listaudit bench speed`: what a page costs, beside what the plain OCR
// command costs on the same page. The manifest's pages go through the page
// phase with one job and with N; on the same pages the `tesseract` command
// reads the whole page in the list's language, one thread
// (OMP_THREAD_LIMIT=1), and its CPU is taken from the child's rusage.
#include <string>

#include "pipeline/page_pipeline.hpp"

namespace listaudit::tools {

struct SpeedReport {
  int pages = 0;
  double cpuPerPage = 0;                 // listaudit, one job: CPU seconds (user + system) per page
  double tesseractPerPage = 0;           // the tesseract command: CPU seconds per page; 0 when not run
  pipeline::StageSeconds stagesPerPage;  // one job, CPU seconds per page in each stage
  double wallOneJob = 0, wallJobs = 0;   // seconds for the batch with 1 job and with `jobs`
  int jobs = 0;
  long peakMemoryMb = 0;
};

// Throws ingest::CsvError when the manifest cannot be used. `jobs` is the
// second run's (0: one per core).
SpeedReport measureSpeed(const std::string& manifest, int jobs, bool withTesseract);

std::string formatSpeed(const SpeedReport& report);

}  // namespace listaudit::tools

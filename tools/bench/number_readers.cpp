#include "tools/bench/number_readers.hpp"

#include <ctime>

#include "ingest/scan_source.hpp"
#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/handwritten_number_reader.hpp"
#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/tesseract_number_reader.hpp"

namespace listaudit::tools {
namespace {

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

ReaderCost measureNumberReaders(const std::string& scans) {
  auto source = ingest::ScanSource::open(scans);
  pipeline::OcrEnginePool engines;
  pipeline::TesseractNumberReader tesseract(engines);
  pipeline::HandwrittenNumberReader handwriting;
  ReaderCost cost;
  double tesseractMs = 0, handwritingMs = 0;
  for (int i = 0; i < source->pageCount(); ++i) {
    const pipeline::CleanPage clean = pipeline::CleanStage{}(source->page(i));
    pipeline::PageLayout layout;
    try {
      layout = pipeline::RuledLayoutFinder{}.find(clean);
    } catch (const pipeline::LayoutError&) {
      continue;
    }
    const pipeline::ReadablePage page{layout.text, clean.ink, layout.lines};
    tesseract.setPage(page);
    handwriting.setPage(page);
    ++cost.pages;
    for (const pipeline::TableRow& row : layout.rows) {
      const cv::Rect cell = layout.cell(row, pipeline::kIdColumn);
      double start = threadCpuMs();
      tesseract.read(cell, models::IdScheme::Unknown);
      tesseractMs += threadCpuMs() - start;
      start = threadCpuMs();
      cost.handwrittenCells += handwriting.accepts(cell, models::IdScheme::Unknown);
      handwriting.read(cell, models::IdScheme::Unknown);
      handwritingMs += threadCpuMs() - start;
      ++cost.cells;
    }
  }
  if (cost.cells > 0) {
    cost.tesseractMsPerCell = tesseractMs / cost.cells;
    cost.handwritingMsPerCell = handwritingMs / cost.cells;
  }
  return cost;
}

}  // namespace listaudit::tools

// listaudit-training-cells: every number or name cell of some scans, as the
// handwriting readers see it, written as PNG files for the training scripts
// (tools/train/train_numbers.py, train_names.py): a number cell's writing
// (numberWriting, cell_ink.hpp) without the lines of per-digit boxes
// (glyph_segmenter.hpp); a name cell's writing (numberWriting alike). A
// training tool, not a subcommand: the cells hold personal numbers and names,
// and only generated batches are ever fed to it.
//
// Usage: listaudit-training-cells [--names] OUT SCAN...
// Writes OUT/cells.csv (scan,page,index,file), one row per body row of each
// page's table in layout order, and OUT/<k>.png. A page whose table is not
// found is left out and said on stderr by file and page.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <opencv2/imgcodecs.hpp>
#include <string>

#include "ingest/scan_source.hpp"
#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/glyph_segmenter.hpp"
#include "pipeline/page/layout_chain.hpp"

int main(int argc, char** argv) {
  using namespace listaudit;
  const bool names = argc > 1 && std::string(argv[1]) == "--names";
  const int first = names ? 2 : 1;
  if (argc < first + 2) {
    std::cerr << "usage: listaudit-training-cells [--names] OUT SCAN...\n";
    return 2;
  }
  const std::filesystem::path out = argv[first];
  std::filesystem::create_directories(out);
  std::ofstream index(out / "cells.csv");
  index << "scan,page,index,file\n";
  const pipeline::CleanStage clean;
  const pipeline::LayoutChain layout;
  int written = 0;
  for (int a = first + 1; a < argc; ++a) {
    try {
      const auto source = ingest::ScanSource::open(argv[a]);
      for (int p = 0; p < source->pageCount(); ++p) {
        try {
          const pipeline::CleanPage page = clean(source->page(p));
          const pipeline::PageLayout table = layout.find(page);
          for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const cv::Mat writing =
                names ? pipeline::numberWriting(table.text, table.cell(table.rows[r], pipeline::kNameColumn))
                      : pipeline::withoutBoxLines(
                            pipeline::numberWriting(table.text, table.cell(table.rows[r], pipeline::kIdColumn)));
            const std::string file = std::to_string(written++) + ".png";
            cv::imwrite((out / file).string(), writing);
            index << argv[a] << ',' << p + 1 << ',' << r << ',' << file << '\n';
          }
        } catch (const std::exception& e) {
          std::cerr << argv[a] << " page " << p + 1 << ": " << e.what() << "\n";
        }
      }
    } catch (const std::exception& e) {
      std::cerr << argv[a] << ": " << e.what() << "\n";
    }
  }
  std::cerr << "listaudit-training-cells: " << written << " cells in " << out.string() << "\n";
  return 0;
}

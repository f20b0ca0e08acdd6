#pragma once
// `listaudit bench readers`: the CPU each number reader spends on a cell.
// Every page of a scan source is cleaned and laid out, and every number cell
// is read by the Tesseract reader and by the handwritten-number reader, each
// timed apart (thread CPU time, one thread).
#include <string>

namespace listaudit::tools {

struct ReaderCost {
  int pages = 0, cells = 0;
  double tesseractMsPerCell = 0, handwritingMsPerCell = 0;
  int handwrittenCells = 0;  // cells the handwritten reader accepts
};

// `scans` is any scan source of contract section 3 (a PDF, a TIFF, an image
// or a folder). Throws ingest::ScanError when it cannot be opened.
ReaderCost measureNumberReaders(const std::string& scans);

}  // namespace listaudit::tools

#pragma once
// Decodes one page of an image file (PNG, JPEG, TIFF) into a grey image, and
// refuses what is not a whole page before it costs memory: the size is read
// from the file's header before any pixel is decoded (a 1 MB PNG can declare
// 32000x32000 pixels), and a JPEG whose decoder warns (its data ends early or
// is damaged) is an error, never a page with a grey band where its rows were.
//
// Only files whose first bytes say PNG, JPEG or TIFF reach a decoder: OpenCV
// picks its decoder by content, not by name, and some of its decoders (GDCM's
// DICOM reader among them) abort the process on damaged input.
//
// Thread-safe (no shared state). Throws ScanError naming the file and page.
#include <opencv2/core.hpp>
#include <string>

namespace listaudit::ingest {

// How many pages the image file holds (1 for PNG and JPEG, the directory
// count for TIFF); throws ScanError when its first bytes are not PNG, JPEG
// or TIFF, or a TIFF's directories cannot be counted.
int imagePageCount(const std::string& path);

// Page `index` (0-based) of `path`, which holds `pagesInFile` pages.
cv::Mat decodeImagePage(const std::string& path, int index, int pagesInFile);

}  // namespace listaudit::ingest

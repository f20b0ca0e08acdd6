#pragma once
// What flows between the page stages. Value types; images are cv::Mat
// (reference-counted), owned by whichever stage result holds them.
#include <array>
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include "models/country.hpp"
#include "pipeline/page/ruling.hpp"

namespace listaudit::pipeline {

// A page as it comes out of ingest.
struct PageImage {
  std::string listId;
  models::Country country;  // decides the reading languages and the number scheme
  int page = 0;             // 1-based
  cv::Mat grey;             // CV_8UC1
};

// A page made upright and straight, with its ink separated from the paper.
struct CleanPage {
  cv::Mat grey;            // upright, deskewed, CV_8UC1
  cv::Mat ink;             // 255 where there is ink, CV_8UC1, same size
  double skewDegrees = 0;  // the rotation that was undone
  bool upsideDown = false;
  Ruling ruling;  // the long lines of `ink`, found once for the clean and layout stages
  // 255 on an office stamp's rings (empty where no stamp was found): taken
  // off `ink` here, painted out of the layout's text.
  cv::Mat stampInk;
};

// A body row of the table that holds writing: its band and its position.
struct TableRow {
  int top = 0, bottom = 0;  // inside the ruling lines
  int position = 0;         // 1-based among the body rows, top to bottom
};

// The form's geometry on the clean page.
struct PageLayout {
  std::array<int, 6> columnX{};  // the six vertical rulings, left to right
  int tableTop = 0, headerBottom = 0, tableBottom = 0;
  std::vector<TableRow> rows;  // body rows that hold writing
  cv::Rect titleBox;           // above the table
  cv::Rect collectorBox;       // under the table
  cv::Mat text;                // grey page with the rulings painted out, for OCR
  cv::Mat lines;               // 255 on the rulings (slightly widened)
  int lineThickness = 1;
  // How the rows were laid out when not by the form's own rulings, in words
  // for the evidence; empty when by them.
  std::string how;

  // How far inside the rulings a cell's content starts.
  int inset() const { return lineThickness + 2; }
  // The inside of a body row's cell in `column`, clear of the rulings.
  cv::Rect cell(const TableRow& row, int column) const {
    return {columnX[column] + inset(), row.top, columnX[column + 1] - columnX[column] - 2 * inset(),
            row.bottom - row.top};
  }
};

// A laid-out page as the readers see it (images shared, not copied).
struct ReadablePage {
  cv::Mat text;   // grey, upright, the rulings painted out
  cv::Mat ink;    // 255 where there is ink (the clean stage's)
  cv::Mat lines;  // 255 on the rulings
};

// The five columns of contract section 3.
enum Column { kNumberColumn = 0, kNameColumn = 1, kIdColumn = 2, kAddressColumn = 3, kSignatureColumn = 4 };

}  // namespace listaudit::pipeline

#pragma once
// The printed-number reader: a typed number cell read whole by the project's
// printed-number network (weights/printed-numbers.onnx, made by
// tools/train-printed-numbers from print faces the generator never types
// with), the output decoded under the scheme's form as the number networks'
// is (number_sequence.hpp). It costs about 2.6 ms of CPU a cell, where
// Tesseract costs nine (`listaudit bench speed`).
//
// It accepts a cell only of a scheme with a check digit (EGN, JMBG), and
// only when its reading passes the check with every character read at least
// kSurePrinted: then the reading is what the network saw, and the check
// digit would catch a single misreading besides. Every other printed cell (a
// face it reads unsurely, a wrong check digit typed as such, an Albanian or
// Kosovo number, which no check digit confirms) is left to Tesseract, the
// next reader registered, so a doubt of this network never becomes a
// reading. The read stage weighs the network's reading of an EGN's, a
// JMBG's or a Kosovo number's cell it left to Tesseract beside Tesseract's
// (`reading`).
//
// Not thread-safe: one per thread (it holds its network).
#include <map>
#include <opencv2/dnn.hpp>
#include <string>
#include <string_view>
#include <tuple>

#include "pipeline/page/number_reader.hpp"

namespace listaudit::pipeline {

// The least probability of every character of a reading the printed-number
// reader keeps (weights/README.md says how it was chosen).
inline constexpr double kSurePrinted = 0.98;

class PrintedNumberReader final : public NumberReader {
 public:
  // Loads the network; throws std::runtime_error naming the file when it is
  // missing or not a network. A path empty: LISTAUDIT_PRINTED_NUMBER_MODEL
  // when set, else the project's weights.
  explicit PrintedNumberReader(const std::string& modelPath = "");
  std::string name() const override { return "printed-number network"; }
  void setPage(const ReadablePage& page) override;
  // Whether the network reads the cell surely as a number that passes its
  // check (the cell is read to decide, once per cell and scheme).
  bool accepts(const cv::Rect& cell, models::IdScheme scheme) override;
  CellReading read(const cv::Rect& cell, models::IdScheme scheme) override;
  // The network's reading of `cell` of the page set, sure or not (a second
  // opinion on Tesseract's reading of a cell it did not accept); empty for a
  // scheme whose form has letters (Albanian) or is unknown, which it does
  // not read.
  CellReading reading(const cv::Rect& cell, models::IdScheme scheme);
  // The network's reading of a cell's writing (255 on the strokes) under
  // `form`, sure or not; no glyphs when the writing is too short for the form.
  CellReading readWriting(const cv::Mat& writing, std::string_view form);

 private:
  struct Read {
    CellReading reading;
    bool sure = false;
  };
  // Whether the network reads numbers of `scheme` on the page set.
  bool reads(models::IdScheme scheme) const;
  // The cell read once per page, cell and scheme.
  const Read& readOnce(const cv::Rect& cell, models::IdScheme scheme);
  cv::dnn::Net net_;
  ReadablePage page_;
  std::map<std::tuple<int, int, int, int, models::IdScheme>, Read> read_;  // this page's
};

}  // namespace listaudit::pipeline

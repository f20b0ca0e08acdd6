#pragma once
// The handwritten-number reader: the cell cut into its characters
// (glyph_segmenter.hpp), each classified by the project's trained network
// (weights/glyphs.onnx, run by OpenCV's dnn module; tools/train-glyphs makes
// it), the classes each position's form allows kept and their probabilities
// renormalised. It accepts a cell whose characters look written by hand.
//
// Not thread-safe: one per thread (each holds its own network).
#include <map>
#include <opencv2/dnn.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "pipeline/page/glyph_segmenter.hpp"
#include "pipeline/page/number_reader.hpp"

namespace listaudit::pipeline {

class HandwrittenNumberReader final : public NumberReader {
 public:
  // Loads the network; throws std::runtime_error naming the file when it is
  // missing or not a network. `modelPath` empty: the project's weights.
  explicit HandwrittenNumberReader(const std::string& modelPath = "");
  void setPage(const ReadablePage& page) override;
  bool accepts(const cv::Rect& cell, models::IdScheme scheme) override;
  CellReading read(const cv::Rect& cell, models::IdScheme scheme) override;

  // Per glyph, the probability of each of kGlyphClasses (softmax of the
  // network's output). Public for the held-out test.
  std::vector<std::vector<double>> classify(const std::vector<cv::Mat>& glyphImages);

 private:
  // A cell's writing and its cut by shape, made once per cell and scheme of
  // a page: accepts(), read() and a second look at the cell share them.
  struct CellCut {
    cv::Mat writing;
    std::vector<Glyph> glyphs;
  };
  const CellCut& cutOf(const cv::Rect& cell, models::IdScheme scheme);
  // The cell cut into the form's count of characters so that their readings
  // are likeliest together (dynamic programming over runs of fragments);
  // empty when no such cut exists.
  std::vector<Glyph> cutByRecognition(const cv::Mat& writing, std::string_view form);

  cv::dnn::Net net_;
  ReadablePage page_;
  std::map<std::tuple<int, int, int, int, models::IdScheme>, CellCut> cuts_;  // this page's, by cell and scheme
};

// The network's classes, in its output order.
inline constexpr std::string_view kGlyphClasses = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

// Where the project's glyph network is: LISTAUDIT_GLYPH_MODEL when set, else
// the weights committed beside the sources.
std::string defaultGlyphModelPath();

}  // namespace listaudit::pipeline

#pragma once
// The handwritten-number reader. A cell is read whole by the project's two
// sequence networks (number_sequence.hpp; weights/numbers.onnx and
// numbers-2.onnx, made by tools/train-numbers), each output decoded under the
// scheme's form and the two readings averaged. When
// the cell is too short for the form, it is cut into its characters instead
// (glyph_segmenter.hpp), each classified by the glyph network
// (weights/glyphs.onnx, tools/train-glyphs). Both run by OpenCV's dnn module;
// the classes each position's form allows are kept and their probabilities
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
#include "pipeline/page/number_sequence.hpp"

namespace listaudit::pipeline {

class HandwrittenNumberReader final : public NumberReader {
 public:
  // Loads the networks; throws std::runtime_error naming the file when one is
  // missing or not a network. A path empty, or no number network given: the
  // project's weights.
  explicit HandwrittenNumberReader(const std::string& glyphModelPath = "",
                                   const std::vector<std::string>& numberModelPaths = {});
  std::string name() const override { return "handwriting network"; }
  void setPage(const ReadablePage& page) override;
  bool accepts(const cv::Rect& cell, models::IdScheme scheme) override;
  CellReading read(const cv::Rect& cell, models::IdScheme scheme) override;
  // A hand's number that fails its check may go on past its cell: a hand
  // that writes wide crosses the column's edge (where the header put it, and
  // on a form ruled across only, nothing shows it) into the address. The
  // cell widened to the right by one and a half heights of its writing (two
  // digits), read whole; the resolver takes the reading only where it passes
  // its check near the first (models/id_resolver.hpp). Seed 545's L03-BG
  // page 1 row 2, 0041037702 with its last 2 in the address column, had
  // been read as 0004103770.
  std::vector<std::string> readAgain(const cv::Rect& cell, models::IdScheme scheme) override;

  // Per glyph, the probability of each of kGlyphClasses (softmax of the
  // network's output). Public for the held-out test.
  std::vector<std::vector<double>> classify(const std::vector<cv::Mat>& glyphImages);
  // Per number network, per column of a sequenceInput(), the probability of
  // none and of each of kGlyphClasses (softmax of the network's output), a
  // row per column.
  std::vector<cv::Mat> sequencePosteriors(const cv::Mat& input);

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
  // The cell's writing read whole by the number networks, their readings
  // averaged (averagedReading); no glyphs when the writing is too short for
  // the form.
  CellReading readWhole(const cv::Mat& writing, std::string_view form);
  // The cell's writing cut into characters, each read by the glyph network.
  CellReading readByGlyphs(const CellCut& cut, std::string_view form);

  cv::dnn::Net net_;
  // Networks trained on different hands (weights/README.md): where one reads
  // a character the others do not, the image leaves it in doubt (a network
  // alone is surest of its own misreadings).
  std::vector<cv::dnn::Net> sequenceNets_;
  ReadablePage page_;
  std::map<std::tuple<int, int, int, int, models::IdScheme>, CellCut> cuts_;  // this page's, by cell and scheme
};

// Where the project's glyph network is: LISTAUDIT_GLYPH_MODEL when set, else
// the weights committed beside the sources.
std::string defaultGlyphModelPath();
// Where the project's number networks are: LISTAUDIT_NUMBER_MODEL when set
// (paths separated by ':'), else the weights committed beside the sources.
std::vector<std::string> defaultNumberModelPaths();

}  // namespace listaudit::pipeline

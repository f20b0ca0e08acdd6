#pragma once
// The handwritten-name reader: a name cell read whole by the project's name
// network (weights/names.onnx, made by tools/train-names), run by OpenCV's
// dnn module, into its odds (models/name_odds.hpp) and its readings in the
// scripts of the page's country. Tesseract's print models garble many hands
// (a Cyrillic hand writes т as m and л as Λ); the read stage keeps this
// reading and the odds beside theirs for a row whose number is handwritten,
// and identity weighs the register's name for the number read by them
// (identify.cpp). Not a slot reader: it reads no printed line, and never
// stands in for Tesseract's reading.
//
// Not thread-safe: one per thread (it holds its own network).
#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>
#include <string>
#include <vector>

#include "models/country.hpp"
#include "models/name_odds.hpp"
#include "pipeline/page/page_types.hpp"

namespace listaudit::pipeline {

// A name cell's writing (255 on the strokes) as the name network reads it:
// the writing's box at 36 pixels high inside 40, at most 960 wide (as
// sequenceInput prepares a number cell; `name_input` in
// tools/train/train_names.py). Empty when the cell holds no writing.
inline constexpr int kNameHeight = 40, kNameMaxWidth = 960;
cv::Mat nameInput(const cv::Mat& writing);

struct HandwrittenName {
  models::NameOdds odds;              // empty when the cell holds no writing
  std::vector<std::string> readings;  // the likeliest in each script the country writes
};

class HandwrittenNameReader {
 public:
  // Loads the network; throws std::runtime_error naming the file when it is
  // missing or not a network. A path empty: the project's weights.
  explicit HandwrittenNameReader(const std::string& modelPath = "");
  // The page the cells are cut from and the country whose scripts its names
  // are written in (both for one that writes both, or an unknown one).
  void setPage(const ReadablePage& page, const models::Country& country);
  // The name in `box` of the page set.
  HandwrittenName read(const cv::Rect& box);
  // Per column of a nameInput(), the probability of none and of each of
  // models::kNameClasses, a row per column. Public for the tests.
  cv::Mat posteriors(const cv::Mat& input);

 private:
  cv::dnn::Net net_;
  ReadablePage page_;
  std::vector<models::Script> scripts_;
};

// Where the project's name network is: LISTAUDIT_NAME_MODEL when set, else
// the weights committed beside the sources.
std::string defaultNameModelPath();

}  // namespace listaudit::pipeline

#include "pipeline/page/handwritten_name_reader.hpp"

#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/network_file.hpp"
#include "pipeline/page/number_sequence.hpp"

namespace listaudit::pipeline {

cv::Mat nameInput(const cv::Mat& writing) { return sequenceInput(writing, kNameHeight, kNameMaxWidth); }

std::string defaultNameModelPath() { return modelPath("LISTAUDIT_NAME_MODEL", "names.onnx"); }

HandwrittenNameReader::HandwrittenNameReader(const std::string& path)
    : net_(loadNetwork(path.empty() ? defaultNameModelPath() : path, "tools/train-names")) {}

void HandwrittenNameReader::setPage(const ReadablePage& page, const models::Country& country) {
  page_ = page;
  scripts_.clear();
  if (!country.known() || country.writesLatin()) scripts_.push_back(models::Script::Latin);
  if (!country.known() || country.writesCyrillic()) scripts_.push_back(models::Script::Cyrillic);
}

HandwrittenName HandwrittenNameReader::read(const cv::Rect& box) {
  if (page_.text.empty()) return {};
  const cv::Mat input = nameInput(numberWriting(page_.text, box));
  if (input.empty()) return {};
  const cv::Mat p = posteriors(input);
  if (p.cols != static_cast<int>(models::NameOdds::kOutputs))
    throw std::runtime_error("read stage: the name network gives " + std::to_string(p.cols) + " outputs, not " +
                             std::to_string(models::NameOdds::kOutputs) + " (retrain it: tools/train-names)");
  HandwrittenName out;
  out.odds = models::NameOdds::fromProbabilities(std::vector<float>(p.begin<float>(), p.end<float>()));
  for (const models::Script script : scripts_)
    if (std::string reading = out.odds.reading(script); !reading.empty()) out.readings.push_back(std::move(reading));
  return out;
}

cv::Mat HandwrittenNameReader::posteriors(const cv::Mat& input) { return columnPosteriors(net_, input); }

}  // namespace listaudit::pipeline

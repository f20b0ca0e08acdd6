#include "pipeline/page/printed_number_reader.hpp"

#include <stdexcept>

#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/glyph_segmenter.hpp"
#include "pipeline/page/network_file.hpp"
#include "pipeline/page/number_sequence.hpp"

namespace listaudit::pipeline {

PrintedNumberReader::PrintedNumberReader(const std::string& modelPath)
    : net_(loadNetwork(
          modelPath.empty() ? pipeline::modelPath("LISTAUDIT_PRINTED_NUMBER_MODEL", "printed-numbers.onnx") : modelPath,
          "tools/train-printed-numbers")) {}

void PrintedNumberReader::setPage(const ReadablePage& page) {
  page_ = page;
  read_.clear();
}

CellReading PrintedNumberReader::readWriting(const cv::Mat& writing, std::string_view form) {
  // Per-digit boxes printed round a number are no characters of it, nor
  // what a fax left of their sides above and below the figures.
  const cv::Mat input = sequenceInput(withinTheFiguresBand(withoutBoxLines(writing)));
  if (input.empty()) return {};
  return networkReading(decodeSequence(columnPosteriors(net_, input), form), models::Writing::Printed);
}

const PrintedNumberReader::Read& PrintedNumberReader::readOnce(const cv::Rect& cell, models::IdScheme scheme) {
  auto [it, isNew] = read_.try_emplace({cell.x, cell.y, cell.width, cell.height, scheme});
  if (isNew) {
    const std::string_view form = models::idForm(scheme);
    Read& r = it->second;
    r.reading = readWriting(numberWriting(page_.text, cell), form);
    r.sure = r.reading.glyphs.size() == form.size() && r.reading.confidence >= kSurePrinted &&
             models::checkNationalId(r.reading.text, scheme).valid();
  }
  return it->second;
}

bool PrintedNumberReader::reads(models::IdScheme scheme) const {
  // An Albanian number's letters the network never learnt; an unknown
  // scheme's form is no form to decode under.
  return !page_.text.empty() && scheme != models::IdScheme::Unknown && !formHasLetters(models::idForm(scheme));
}

bool PrintedNumberReader::accepts(const cv::Rect& cell, models::IdScheme scheme) {
  // A number of a scheme without a check digit (Kosovo's) has nothing to
  // confirm the reading: Tesseract reads it, the network's a second opinion.
  return models::hasVerifiedCheckDigit(scheme) && reads(scheme) && readOnce(cell, scheme).sure;
}

CellReading PrintedNumberReader::read(const cv::Rect& cell, models::IdScheme scheme) {
  if (!accepts(cell, scheme)) throw std::logic_error("printed-number reader: asked to read a cell it did not accept");
  return readOnce(cell, scheme).reading;
}

CellReading PrintedNumberReader::reading(const cv::Rect& cell, models::IdScheme scheme) {
  return reads(scheme) ? readOnce(cell, scheme).reading : CellReading{};
}

}  // namespace listaudit::pipeline

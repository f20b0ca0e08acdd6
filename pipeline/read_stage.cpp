#include "pipeline/read_stage.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <vector>

#include "models/name_text.hpp"
#include "models/national_id.hpp"
#include "pipeline/cell_ink.hpp"
#include "pipeline/id_resolver.hpp"
#include "pipeline/layout_stage.hpp"
#include "pipeline/name_reader.hpp"
#include "pipeline/signature_shape.hpp"

namespace listaudit::pipeline {
namespace {

// Number cells read to tell the country of a page whose list gives none.
constexpr std::size_t kCountryProbeRows = 6;

// Widest image of a row kept for the report; enough to read it on screen.
constexpr int kRowImageWidth = 1400;

std::vector<std::uint8_t> rowImage(const cv::Mat& grey, const cv::Rect& box) {
  cv::Mat crop = grey(box & cv::Rect(0, 0, grey.cols, grey.rows));
  if (crop.empty()) return {};
  cv::Mat scaled;
  const double scale = std::min(1.0, static_cast<double>(kRowImageWidth) / crop.cols);
  cv::resize(crop, scaled, {}, scale, scale, cv::INTER_AREA);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", scaled, png, {cv::IMWRITE_PNG_COMPRESSION, 6});
  return png;
}

// The same cell seen differently: enlarged twice with a white margin, and that
// binarised, so that a glyph misread at one scale is read at another.
std::vector<cv::Mat> secondLooks(const cv::Mat& cell) {
  cv::Mat large, framed, binary;
  cv::resize(cell, large, {}, 2.0, 2.0, cv::INTER_CUBIC);
  cv::copyMakeBorder(large, framed, 16, 16, 16, 16, cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::threshold(framed, binary, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  return {framed, binary};
}

}  // namespace

bool looksLikeColumnNumbers(const models::RowRecord& row) {
  int letters = 0;
  for (const char* p = row.fullName.c_str(); *p;) {
    // Any byte that starts a UTF-8 letter outside ASCII counts as a letter, as
    // do ASCII letters: digits and signs do not.
    const unsigned char c = static_cast<unsigned char>(*p);
    if (std::isalpha(c) || c >= 0xC0) ++letters;
    ++p;
    while ((static_cast<unsigned char>(*p) & 0xC0) == 0x80) ++p;
  }
  return letters < 2 && row.rawId.size() < 3;
}

std::string countryOfNumbers(const std::vector<std::string>& readings) {
  std::map<std::string, int> votes;
  for (const std::string& reading : readings) {
    const ResolvedId id = resolveId(reading, {}, "", {});
    if (!id.check.valid()) continue;
    if (id.check.scheme == models::IdScheme::Egn) ++votes["BG"];
    if (id.check.scheme == models::IdScheme::Albanian) ++votes["AL"];
    if (id.check.scheme == models::IdScheme::Jmbg) {
      const int region = std::stoi(id.number.substr(7, 2));
      ++votes[region >= 71 ? "RS" : region >= 41 ? "MK" : region >= 21 ? "ME" : "BA"];
    }
  }
  std::string best;
  for (const auto& [country, count] : votes)
    if (best.empty() || count > votes[best]) best = country;
  return best;
}

std::string idReadingAlphabet(const std::string& country) {
  const models::IdScheme scheme = models::schemeForCountry(country);
  std::string alphabet(models::idAlphabet(scheme));
  if (alphabet.find('A') != std::string::npos) alphabet += ")]}|";
  return alphabet;
}

std::string cleanIdText(const std::string& text, const std::string& country) {
  const std::string alphabet = idReadingAlphabet(country);
  std::string out;
  for (char c : text) {
    const char u = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (alphabet.find(u) != std::string::npos) out += u;
  }
  return out;
}

PageReading ReadStage::operator()(const PageImage& image, const CleanPage& clean, const PageLayout& layout,
                                  OcrEnginePool& engines) const {
  PageReading out;
  out.page.listId = image.listId;
  out.page.page = image.page;
  out.page.width = clean.grey.cols;
  out.page.height = clean.grey.rows;
  out.page.skewDegrees = clean.skewDegrees;
  out.page.upsideDown = clean.upsideDown;

  // A list whose manifest gives no country is read as its numbers say: a
  // few number cells first, with every scheme's characters.
  std::string country = image.country;
  if (models::schemeForCountry(country) == models::IdScheme::Unknown) {
    OcrEngine& probe = engines.get(ocrNumberLanguageFor(""));
    probe.setPage(layout.text);
    std::vector<std::string> readings;
    for (std::size_t i = 0; i < layout.rows.size() && i < kCountryProbeRows; ++i)
      readings.push_back(
          cleanIdText(probe.readLine(layout.cell(layout.rows[i], kIdColumn), idReadingAlphabet("")).text, ""));
    country = countryOfNumbers(readings);
  }
  NameReader names(engines, ocrLanguagesFor(country), layout.text);
  OcrEngine& numbers = engines.get(ocrNumberLanguageFor(country));
  numbers.setPage(layout.text);
  const std::string idWhitelist = idReadingAlphabet(country);

  // The title is long: the model that reads it best reads the page first.
  out.page.title = models::normaliseName(names.chooseModel(layout.titleBox).text);
  out.page.collector = models::normaliseName(names.readLine(layout.collectorBox).text);

  const int inset = layout.inset();
  for (const TableRow& tableRow : layout.rows) {
    auto cell = [&](int column) { return layout.cell(tableRow, column); };
    models::RowRecord row;
    row.listId = image.listId;
    row.page = image.page;
    row.row = tableRow.position;
    const OcrText name = names.readLine(cell(kNameColumn));
    row.fullName = models::normaliseName(name.text);
    row.nameConfidence = name.confidence;
    const OcrText id = numbers.readLine(cell(kIdColumn), idWhitelist);
    row.rawId = cleanIdText(id.text, country);
    row.nationalId = row.rawId;
    row.idConfidence = id.confidence;
    // Kept only when they still line up with the characters kept.
    if (id.characterConfidences.size() == row.rawId.size()) row.idCharacterConfidences = id.characterConfidences;
    row.signatureInk = inkShare(clean.ink, layout.lines, cell(kSignatureColumn));
    row.signatureShape = signatureShape(clean.ink, layout.lines, cell(kSignatureColumn));
    const int margin = layout.lineThickness * 3;
    row.box = {layout.columnX[0] - margin, tableRow.top - inset - margin,
               layout.columnX[5] - layout.columnX[0] + 2 * margin,
               tableRow.bottom - tableRow.top + 2 * (inset + margin)};
    row.image = rowImage(clean.grey, cv::Rect(row.box.x, row.box.y, row.box.width, row.box.height));
    out.rows.push_back(std::move(row));
  }
  // A number that fails its check gets a second look, after every cell of the
  // page is read (it replaces the engine's page image).
  for (std::size_t i = 0; i < out.rows.size(); ++i) {
    models::RowRecord& row = out.rows[i];
    if (row.rawId.empty() || models::checkNationalId(row.rawId, country).valid()) continue;
    const cv::Rect cell = layout.cell(layout.rows[i], kIdColumn);
    for (const cv::Mat& look : secondLooks(layout.text(cell & cv::Rect(0, 0, layout.text.cols, layout.text.rows)))) {
      const std::string reading = cleanIdText(numbers.readLineImage(look, idWhitelist).text, country);
      if (!reading.empty() && reading != row.rawId &&
          std::find(row.idOtherReadings.begin(), row.idOtherReadings.end(), reading) == row.idOtherReadings.end())
        row.idOtherReadings.push_back(reading);
    }
  }
  // Rows that number the columns under the header are no supporters; the
  // table's rows are counted after them, as a person counts them.
  std::size_t leading = 0;
  while (leading < out.rows.size() && looksLikeColumnNumbers(out.rows[leading])) ++leading;
  if (leading > 0) {
    const int dropped = out.rows[leading - 1].row;
    out.rows.erase(out.rows.begin(), out.rows.begin() + static_cast<long>(leading));
    for (auto& row : out.rows) row.row -= dropped;
  }
  out.page.rows = static_cast<int>(out.rows.size());
  return out;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/read_stage.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "models/name_text.hpp"
#include "pipeline/page/cell_ink.hpp"
#include "pipeline/page/number_sequence.hpp"
#include "pipeline/page/png_image.hpp"
#include "pipeline/page/signature_shape.hpp"

namespace listaudit::pipeline {
namespace {

// Number cells read to tell the country of a page whose list gives none.
constexpr std::size_t kCountryProbeRows = 6;

// Widest image of a row kept for the report; enough to read it on screen.
constexpr int kRowImageWidth = 1400;
// A hand's number the networks read below this and that fails its check is
// read by the printed-number network too (readRow), as is any read below
// kDoubtfulHandNumber; the network's reading is taken where it passes its
// check and stands against theirs (standsAgainst). (Most hands' numbers are
// read below 0.9: Tesseract reading them again cost 0.053 s a handwritten
// page, the network 0.013, and it took no hand's number on four handwritten
// corpora.)
constexpr double kUnsureHandNumber = 0.9;
constexpr double kDoubtfulHandNumber = 0.5;

std::vector<std::uint8_t> rowImage(const cv::Mat& grey, const cv::Rect& box) {
  return pngNoWiderThan(grey(box & cv::Rect(0, 0, grey.cols, grey.rows)), kRowImageWidth);
}

// The country the page is read as: the list's, or, when the manifest gives
// none, the one a few number cells read with every scheme's characters say.
models::Country readingCountry(const models::Country& listCountry, const PageLayout& layout, Readers& readers) {
  if (listCountry.known()) return listCountry;
  std::vector<std::string> readings;
  for (std::size_t i = 0; i < layout.rows.size() && i < kCountryProbeRows; ++i) {
    const cv::Rect cell = layout.cell(layout.rows[i], kIdColumn);
    readings.push_back(
        readers.numberReaderFor(cell, models::IdScheme::Unknown).read(cell, models::IdScheme::Unknown).text);
  }
  return models::countryOfNumbers(readings);
}

// One body row: its cells read, its signature measured, its image cut.
models::RowRecord readRow(const PageImage& image, const CleanPage& clean, const PageLayout& layout,
                          const TableRow& tableRow, models::IdScheme scheme, Readers& readers) {
  auto cell = [&](int column) { return layout.cell(tableRow, column); };
  models::RowRecord row;
  row.listId = image.listId;
  row.page = image.page;
  row.row = tableRow.position;
  CpuTally& cpu = readers.cpu();
  NumberReader* numberReader = &readers.numberReaderFor(cell(kIdColumn), scheme);
  CellReading id =
      cpu.time("numbers, " + numberReader->name(), [&] { return numberReader->read(cell(kIdColumn), scheme); });
  // A printed number Tesseract read has a second opinion (weighedAgainst):
  // an EGN's, a JMBG's or a Kosovo number's the printed-number network's
  // reading, which it did not find sure enough to stand on its own (read
  // while it decided) or could not confirm by a check digit; an Albanian
  // number's the number networks' (its letters only, where the counts
  // agree): Tesseract is sure of some of its misreadings of them.
  const std::string_view form = models::idForm(scheme);
  if (id.writing == models::Writing::Printed && numberReader != &readers.printedNumbers() &&
      scheme != models::IdScheme::Unknown) {
    if (!formHasLetters(form)) {
      const CellReading network = cpu.time("numbers, printed-number network, second opinion",
                                           [&] { return readers.printedNumbers().reading(cell(kIdColumn), scheme); });
      id = weighedAgainst(std::move(id), network, scheme, "DL");
    } else if (!id.glyphs.empty()) {
      const CellReading networks = cpu.time("numbers, letters read again by the networks",
                                            [&] { return readers.numberNetworks().read(cell(kIdColumn), scheme); });
      id = weighedAgainst(std::move(id), networks, scheme, "L");
    }
  }
  // Print the cut took for a hand's (a copier broke its figures into pieces
  // of uneven height, a speck stands beside them): the number networks read
  // it as nonsense. Where they are unsure, the printed-number network reads
  // it too, and its reading that passes the check and stands against theirs
  // is print. A Kosovo number has no check digit to confirm the network's
  // reading: it stands only when the network is sure of it (seed 919's faxed
  // dot-matrix Kosovo page, cut as a hand's, the network read at 0.99).
  if (id.writing == models::Writing::Handwritten && scheme != models::IdScheme::Unknown && !formHasLetters(form) &&
      (id.confidence < kDoubtfulHandNumber ||
       (id.confidence < kUnsureHandNumber && !models::checkNationalId(id.text, scheme).valid()))) {
    CellReading printed = cpu.time("numbers, printed-number network, a hand's unsure number read again",
                                   [&] { return readers.printedNumbers().reading(cell(kIdColumn), scheme); });
    const bool checked = models::hasVerifiedCheckDigit(scheme);
    if (models::checkNationalId(printed.text, scheme).valid() && standsAgainst(printed, id, scheme) &&
        (checked || printed.confidence >= kSureNetworkReading))
      id = std::move(printed);
  }
  CellReading name = cpu.time("names, print models (Tesseract)",
                              [&] { return readers.nameReaderFor(cell(kNameColumn)).readName(cell(kNameColumn)); });
  // A row whose number is written by hand has its name written by hand too:
  // the name network reads it beside the print models.
  if (id.writing == models::Writing::Handwritten) {
    HandwrittenName hand =
        cpu.time("names, handwriting network", [&] { return readers.handwrittenNames().read(cell(kNameColumn)); });
    row.nameOdds = std::move(hand.odds);
    for (std::string& reading : hand.readings) name.otherTexts.push_back(std::move(reading));
  }
  row.fullName = models::normaliseName(name.text);
  row.nameConfidence = name.confidence;
  for (const std::string& other : name.otherTexts)
    if (std::string n = models::normaliseName(other);
        !n.empty() && n != row.fullName &&
        std::find(row.nameOtherReadings.begin(), row.nameOtherReadings.end(), n) == row.nameOtherReadings.end())
      row.nameOtherReadings.push_back(std::move(n));
  row.rawId = id.text;
  row.nationalId = row.rawId;
  row.idConfidence = id.confidence;
  if (id.glyphs.size() == row.rawId.size()) {
    row.idCharacterConfidences = id.confidences();
    for (const ReadGlyph& glyph : id.glyphs) {
      std::vector<models::Alternative> others;
      for (std::size_t k = 1; k < glyph.choices.size(); ++k)
        if (glyph.choices[k].glyph.size() == 1)
          others.push_back({glyph.choices[k].glyph[0], glyph.choices[k].probability});
      row.idAlternatives.push_back(std::move(others));
    }
  }
  row.idWriting = id.writing;
  row.laidOut = layout.how;
  cpu.time("signature and the row's image", [&] {
    row.signatureInk = inkShare(clean.ink, layout.lines, cell(kSignatureColumn));
    row.signatureShape = signatureShape(clean.ink, layout.lines, cell(kSignatureColumn));
    const int inset = layout.inset();
    const int margin = layout.lineThickness * 3;
    row.box = {layout.columnX[0] - margin, tableRow.top - inset - margin,
               layout.columnX[5] - layout.columnX[0] + 2 * margin,
               tableRow.bottom - tableRow.top + 2 * (inset + margin)};
    row.image = rowImage(clean.grey, cv::Rect(row.box.x, row.box.y, row.box.width, row.box.height));
  });
  return row;
}

// A number that fails its check gets a second look, after every cell of the
// page is read: the resolver decides what the other readings are worth.
void lookAgainAtFailingNumbers(std::vector<models::RowRecord>& rows, const PageLayout& layout, models::IdScheme scheme,
                               Readers& readers) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    models::RowRecord& row = rows[i];
    if (row.rawId.empty() || models::checkNationalId(row.rawId, scheme).valid()) continue;
    const cv::Rect cell = layout.cell(layout.rows[i], kIdColumn);
    NumberReader& reader = readers.numberReaderFor(cell, scheme);
    const std::vector<std::string> again =
        readers.cpu().time("numbers, second look, " + reader.name(), [&] { return reader.readAgain(cell, scheme); });
    for (const std::string& reading : again)
      if (!reading.empty() && reading != row.rawId &&
          std::find(row.idOtherReadings.begin(), row.idOtherReadings.end(), reading) == row.idOtherReadings.end())
        row.idOtherReadings.push_back(reading);
  }
}

// Rows that number the columns under the header are no supporters; the
// table's rows are counted after them, as a person counts them.
void dropColumnNumberRows(std::vector<models::RowRecord>& rows) {
  std::size_t leading = 0;
  while (leading < rows.size() && looksLikeColumnNumbers(rows[leading])) ++leading;
  if (leading == 0) return;
  const int dropped = rows[leading - 1].row;
  rows.erase(rows.begin(), rows.begin() + static_cast<long>(leading));
  for (auto& row : rows) row.row -= dropped;
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

PageReading ReadStage::operator()(const PageImage& image, const CleanPage& clean, const PageLayout& layout,
                                  Readers& readers) const {
  PageReading out;
  out.page.listId = image.listId;
  out.page.page = image.page;
  out.page.width = clean.grey.cols;
  out.page.height = clean.grey.rows;
  out.page.skewDegrees = clean.skewDegrees;
  out.page.upsideDown = clean.upsideDown;

  const ReadablePage page{layout.text, clean.ink, layout.lines};
  readers.setPage(page, image.country);
  const models::Country country =
      readers.cpu().time("the country, from numbers", [&] { return readingCountry(image.country, layout, readers); });
  if (!(country == image.country)) readers.setPage(page, country);
  const models::IdScheme scheme = country.scheme();

  // The title is the list's, the same on every page: it is read on the
  // first (every model of the country over a block of two lines cost a
  // fifth of a page's reading). It is long: the reader may learn from it
  // which model reads the page's script best.
  if (image.page == 1)
    readers.cpu().time("the title (first page), print models (Tesseract)", [&] {
      out.page.title = models::normaliseName(readers.nameReaderFor(layout.titleBox).readBlock(layout.titleBox).text);
    });
  // The collector signs every page: each page's is read (the report and the
  // person look-up show it).
  readers.cpu().time("the collector, print models (Tesseract)", [&] {
    out.page.collector =
        models::normaliseName(readers.nameReaderFor(layout.collectorBox).readLine(layout.collectorBox).text);
  });
  for (const TableRow& tableRow : layout.rows)
    out.rows.push_back(readRow(image, clean, layout, tableRow, scheme, readers));
  lookAgainAtFailingNumbers(out.rows, layout, scheme, readers);
  dropColumnNumberRows(out.rows);
  out.page.rows = static_cast<int>(out.rows.size());
  return out;
}

}  // namespace listaudit::pipeline

#include "pipeline/page/read_stage.hpp"

#include <gtest/gtest.h>

#include "models/name_text.hpp"
#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/tesseract_number_reader.hpp"
#include "tests/pipeline/page/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

namespace {
PageReading readSample(const std::string& scans, int index, const std::string& listId, const std::string& country,
                       Readers& readers) {
  PageImage image{listId, *listaudit::models::Country::fromCode(country), index + 1, samplePage(scans, index)};
  const CleanPage clean = CleanStage{}(image.grey);
  const PageLayout layout = RuledLayoutFinder{}.find(clean);
  return ReadStage{}(image, clean, layout, readers);
}

void expectMatchesTruth(const PageReading& reading, const std::string& listId, int page) {
  const auto truth = truthRows(listId, page);
  ASSERT_EQ(reading.rows.size(), truth.size());
  int names = 0, ids = 0;
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const auto& row = reading.rows[i];
    EXPECT_EQ(row.row, static_cast<int>(i) + 1);
    names += listaudit::models::foldText(row.fullName) == listaudit::models::foldText(truth[i].at("full_name"));
    ids += row.rawId == truth[i].at("national_id");
    EXPECT_FALSE(row.image.empty());
    EXPECT_EQ(row.idCharacterConfidences.size(), row.rawId.size());
  }
  EXPECT_GE(names, static_cast<int>(truth.size()) - 1);
  EXPECT_GE(ids, static_cast<int>(truth.size()) - 1);
}
}  // namespace

TEST(ReadStage, readsBulgarianCyrillicNamesAndNumbers) {
  Readers readers;
  const PageReading reading = readSample("L01-BG", 0, "L01-BG", "BG", readers);
  expectMatchesTruth(reading, "L01-BG", 1);
  EXPECT_NE(reading.page.title.find("СПИСЪК"), std::string::npos);
  EXPECT_FALSE(reading.page.collector.empty());
}

TEST(ReadStage, readsSerbianLatinFromAPdf) {
  Readers readers;
  expectMatchesTruth(readSample("L02-RS.pdf", 0, "L02-RS", "RS", readers), "L02-RS", 1);
}

TEST(ReadStage, readsAnUpsideDownPage) {
  Readers readers;
  // The sample generator turns page 2 of the second list upside down.
  const PageReading reading = readSample("L02-RS.pdf", 1, "L02-RS", "RS", readers);
  EXPECT_TRUE(reading.page.upsideDown);
  expectMatchesTruth(reading, "L02-RS", 2);
  // The title is the list's, read on its first page; each page's collector is read.
  EXPECT_TRUE(reading.page.title.empty());
  EXPECT_FALSE(reading.page.collector.empty());
}

TEST(ReadStage, tellsSignedCellsFromEmptyOnes) {
  Readers readers;
  const PageReading reading = readSample("L01-BG", 0, "L01-BG", "BG", readers);
  const auto truth = truthRows("L01-BG", 1);
  for (std::size_t i = 0; i < truth.size(); ++i) {
    const bool missing = truth[i].at("flags").find("SIGNATURE_MISSING") != std::string::npos;
    if (missing)
      EXPECT_LT(reading.rows[i].signatureInk, 0.001) << "row " << i + 1;
    else
      EXPECT_GT(reading.rows[i].signatureInk, 0.01) << "row " << i + 1;
  }
}

TEST(ReadStage, keepsOnlyTheSchemesCharactersOfANumber) {
  EXPECT_EQ(cleanIdText("75 01-02 0018", listaudit::models::IdScheme::Egn), "7501020018");
  EXPECT_EQ(cleanIdText("i95715775p", listaudit::models::IdScheme::Albanian), "I95715775P");
  EXPECT_EQ(cleanIdText("F6551726O)", listaudit::models::IdScheme::Albanian), "F6551726O)");
}

TEST(ReadStage, knowsARowThatNumbersTheColumns) {
  listaudit::models::RowRecord numbering;
  numbering.fullName = "2";
  numbering.rawId = "3";
  EXPECT_TRUE(looksLikeColumnNumbers(numbering));
  listaudit::models::RowRecord person;
  person.fullName = "Ив";
  person.rawId = "";
  EXPECT_FALSE(looksLikeColumnNumbers(person));  // a short name is still a name
  person.fullName = "";
  person.rawId = "750";
  EXPECT_FALSE(looksLikeColumnNumbers(person));  // a number without a name is still a row
}

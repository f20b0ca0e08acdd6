#include "pipeline/read_stage.hpp"

#include <gtest/gtest.h>

#include "models/name_text.hpp"
#include "pipeline/clean_stage.hpp"
#include "pipeline/layout_stage.hpp"
#include "tests/pipeline/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

namespace {
PageReading readSample(const std::string& scans, int index, const std::string& listId, const std::string& country,
                       OcrEnginePool& engines) {
  PageImage image{listId, country, index + 1, samplePage(scans, index)};
  const CleanPage clean = CleanStage{}(image.grey);
  const PageLayout layout = LayoutStage{}(clean);
  return ReadStage{}(image, clean, layout, engines);
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
  OcrEnginePool engines;
  const PageReading reading = readSample("L01-BG", 0, "L01-BG", "BG", engines);
  expectMatchesTruth(reading, "L01-BG", 1);
  EXPECT_NE(reading.page.title.find("СПИСЪК"), std::string::npos);
  EXPECT_FALSE(reading.page.collector.empty());
}

TEST(ReadStage, readsSerbianLatinFromAPdf) {
  OcrEnginePool engines;
  expectMatchesTruth(readSample("L02-RS.pdf", 0, "L02-RS", "RS", engines), "L02-RS", 1);
}

TEST(ReadStage, readsAnUpsideDownPage) {
  OcrEnginePool engines;
  // The sample generator turns page 2 of the second list upside down.
  const PageReading reading = readSample("L02-RS.pdf", 1, "L02-RS", "RS", engines);
  EXPECT_TRUE(reading.page.upsideDown);
  expectMatchesTruth(reading, "L02-RS", 2);
}

TEST(ReadStage, tellsSignedCellsFromEmptyOnes) {
  OcrEnginePool engines;
  const PageReading reading = readSample("L01-BG", 0, "L01-BG", "BG", engines);
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
  EXPECT_EQ(cleanIdText("75 01-02 0018", "BG"), "7501020018");
  EXPECT_EQ(cleanIdText("i95715775p", "AL"), "I95715775P");
  EXPECT_EQ(cleanIdText("F6551726O)", "AL"), "F6551726O)");
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

TEST(ReadStage, tellsAPagesCountryFromItsNumbers) {
  EXPECT_EQ(countryOfNumbers({"7501020018", "0241010000", "garbage"}), "BG");
  EXPECT_EQ(countryOfNumbers({"0101990710008", "1709988713174"}), "RS");  // regions 71
  EXPECT_EQ(countryOfNumbers({"I95715775P"}), "AL");
  EXPECT_EQ(countryOfNumbers({"12345"}), "");
}

#include "pipeline/page/readers.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/ruled_layout_finder.hpp"
#include "pipeline/page/tesseract_name_reader.hpp"
#include "pipeline/page/tesseract_number_reader.hpp"
#include "tests/pipeline/page/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::models::Country;
using listaudit::models::IdScheme;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

TEST(Readers, readACellThroughTheSlotWithAChoicePerCharacter) {
  const CleanPage clean = CleanStage{}(samplePage("L01-BG", 0));
  const PageLayout layout = RuledLayoutFinder{}.find(clean);
  Readers readers;
  readers.setPage({layout.text, clean.ink, layout.lines}, *Country::fromCode("BG"));
  const cv::Rect cell = layout.cell(layout.rows.front(), kIdColumn);
  const CellReading number = readers.numberReaderFor(cell, IdScheme::Egn).read(cell, IdScheme::Egn);
  EXPECT_EQ(number.text, truthRows("L01-BG", 1).front().at("national_id"));
  ASSERT_EQ(number.glyphs.size(), number.text.size());
  for (std::size_t i = 0; i < number.text.size(); ++i) {
    ASSERT_FALSE(number.glyphs[i].choices.empty());
    EXPECT_EQ(number.glyphs[i].choices.front().glyph, std::string(1, number.text[i]));
    EXPECT_GT(number.glyphs[i].choices.front().probability, 0.5);
  }
  const std::vector<double> confidences = number.confidences();
  EXPECT_DOUBLE_EQ(number.confidence, *std::min_element(confidences.begin(), confidences.end()));
}

TEST(Readers, chooseNameModelsByTheCountrysLanguageAndNumberModelsByTheScheme) {
  EXPECT_EQ(nameModelsFor(*Country::fromCode("BG")), std::vector<std::string>{"bul"});
  EXPECT_EQ(nameModelsFor(*Country::fromCode("ME")), (std::vector<std::string>{"srp_latn", "srp"}));
  EXPECT_EQ(nameModelsFor(Country()).size(), 5u);
  EXPECT_EQ(numberModelFor(IdScheme::Egn), "eng");
  EXPECT_EQ(numberModelFor(IdScheme::Albanian), "srp_latn");  // eng turns digits after a capital into letters
  EXPECT_EQ(numberModelFor(IdScheme::Unknown), "srp_latn");
}

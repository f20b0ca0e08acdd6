#include "pipeline/page/number_sequence.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

using namespace listaudit::pipeline;

namespace {
// Columns of posteriors, each giving `share` to one class ('-' none) and the
// rest to none (or, for none, to '0').
cv::Mat columns(const std::vector<std::pair<char, float>>& peaks) {
  cv::Mat p = cv::Mat::zeros(static_cast<int>(peaks.size()), 1 + static_cast<int>(kGlyphClasses.size()), CV_32F);
  for (int t = 0; t < p.rows; ++t) {
    const auto [c, share] = peaks[static_cast<std::size_t>(t)];
    const int k = c == '-' ? 0 : 1 + static_cast<int>(kGlyphClasses.find(c));
    p.at<float>(t, k) = share;
    p.at<float>(t, k == 0 ? 1 : 0) += 1 - share;
  }
  return p;
}

std::string textOf(const std::vector<ReadGlyph>& glyphs) {
  std::string s;
  for (const ReadGlyph& g : glyphs) s += g.choices.front().glyph;
  return s;
}
}  // namespace

TEST(NumberSequence, readsRepeatedDigitsSeparatedByNone) {
  const auto glyphs =
      decodeSequence(columns({{'4', 0.9f}, {'-', 1}, {'4', 0.8f}, {'4', 0.9f}, {'-', 1}, {'7', 0.95f}}), "DDD");
  EXPECT_EQ(textOf(glyphs), "447");
  ASSERT_EQ(glyphs.size(), 3u);
  EXPECT_NEAR(glyphs[2].choices.front().probability, 1.0, 1e-6);  // the only class among the digits there
}

TEST(NumberSequence, fitsTheFormsCountOfCharacters) {
  // The best path reads four characters; the form has three: the likeliest
  // three of them are kept, the least sure left to none.
  const auto glyphs = decodeSequence(columns({{'1', 0.9f}, {'2', 0.9f}, {'5', 0.6f}, {'3', 0.9f}}), "DDD");
  EXPECT_EQ(textOf(glyphs), "123");
  EXPECT_EQ(textOf(decodeSequence(columns({{'1', 0.9f}, {'2', 0.9f}, {'5', 0.6f}, {'3', 0.9f}}), "")), "1253");
}

TEST(NumberSequence, aLetterPositionTakesOnlyLetters) {
  cv::Mat p = columns({{'8', 0.6f}, {'-', 1}, {'1', 0.9f}});
  p.at<float>(0, 1 + static_cast<int>(kGlyphClasses.find('B'))) = 0.3f;
  p.at<float>(0, 0) = 0.1f;
  const auto glyphs = decodeSequence(p, "LD");
  EXPECT_EQ(textOf(glyphs), "B1");
  for (const GlyphChoice& c : glyphs[0].choices) EXPECT_TRUE(c.glyph[0] >= 'A' && c.glyph[0] <= 'Z');
}

TEST(NumberSequence, tooFewColumnsForTheFormGiveNothing) {
  EXPECT_TRUE(decodeSequence(columns({{'1', 0.9f}, {'2', 0.9f}}), "DDD").empty());
}

TEST(NumberSequence, inputIsTheWritingsBoxAtTheNetworksHeight) {
  cv::Mat writing = cv::Mat::zeros(60, 300, CV_8UC1);
  cv::rectangle(writing, cv::Rect(40, 10, 100, 40), 255, cv::FILLED);
  cv::line(writing, {0, 58}, {299, 58}, 255, 1);  // a ruling's last pixels: not the writing's box
  const cv::Mat input = sequenceInput(writing);
  ASSERT_EQ(input.rows, kSequenceHeight);
  EXPECT_EQ(input.cols, 70 + 2 * kSequenceMargin);  // 100 x 40 at 28 high
  EXPECT_FLOAT_EQ(input.at<float>(16, kSequenceMargin + 30), 1.0f);
  EXPECT_FLOAT_EQ(input.at<float>(0, kSequenceMargin + 30), 0.0f);
  EXPECT_TRUE(sequenceInput(cv::Mat::zeros(60, 300, CV_8UC1)).empty());
}

TEST(NumberSequence, networksThatReadACharacterDifferentlyLeaveItInDoubt) {
  // Two networks read the form "DDD": they agree on the first two digits and
  // read the last one as 0 and as 8, each surely.
  const auto first = decodeSequence(columns({{'5', 1}, {'-', 1}, {'9', 1}, {'-', 1}, {'0', 0.99f}}), "DDD");
  const auto second = decodeSequence(columns({{'5', 1}, {'-', 1}, {'9', 1}, {'-', 1}, {'8', 0.97f}}), "DDD");
  const auto both = averagedReading({first, second});
  ASSERT_EQ(both.size(), 3u);
  EXPECT_EQ(textOf(both), "590");
  EXPECT_GT(both[0].choices.front().probability, 0.99);
  // The last digit: 0 or 8 by half each, so neither is sure and 8 is a choice.
  ASSERT_GE(both[2].choices.size(), 2u);
  EXPECT_NEAR(both[2].choices[0].probability, 0.5, 0.02);
  EXPECT_EQ(both[2].choices[1].glyph, "8");
  EXPECT_NEAR(both[2].choices[1].probability, 0.485, 0.02);
  // Readings of different lengths (no form) are not mixed: the first stands.
  const auto shorter = decodeSequence(columns({{'5', 1}, {'-', 1}, {'9', 1}}), "");
  EXPECT_EQ(textOf(averagedReading({first, shorter})), "590");
  EXPECT_TRUE(averagedReading({}).empty());
}

namespace {
// A reading of `text` with one sure choice per character.
CellReading sureReading(const std::string& text, double probability) {
  CellReading r;
  r.text = text;
  r.confidence = probability;
  for (char c : text) r.glyphs.push_back({{{std::string(1, c), probability}}});
  return r;
}
}  // namespace

TEST(NumberSequence, theNetworksSecondOpinionWeighsTheLettersOfAPrintedNumberOnly) {
  // Tesseract reads F25625307C as P25625307G at 1.00; the networks read the
  // letters right and the 3 as a 5.
  const CellReading tesseract = sureReading("P25625307G", 1.0);
  const CellReading networks = sureReading("F25625507C", 0.99);
  const CellReading both = withSecondOpinion(tesseract, networks, "LDDDDDDDDL");
  EXPECT_EQ(both.text, "P25625307G");  // Tesseract's choice first
  ASSERT_EQ(both.glyphs.size(), 10u);
  // Each letter read differently is in doubt between the two readings.
  for (std::size_t k : {0u, 9u}) {
    ASSERT_EQ(both.glyphs[k].choices.size(), 2u);
    EXPECT_NEAR(both.glyphs[k].choices[0].probability, 0.5, 0.01);
    EXPECT_NEAR(both.glyphs[k].choices[1].probability, 0.495, 0.01);
  }
  EXPECT_EQ(both.glyphs[0].choices[1].glyph, "F");
  EXPECT_EQ(both.glyphs[9].choices[1].glyph, "C");
  EXPECT_NEAR(both.confidence, 0.5, 0.01);
  // The digit the networks misread stays as Tesseract read it, alone.
  ASSERT_EQ(both.glyphs[6].choices.size(), 1u);
  EXPECT_EQ(both.glyphs[6].choices[0].glyph, "3");
  EXPECT_DOUBLE_EQ(both.glyphs[6].choices[0].probability, 1.0);
  // A reading of another length, or a form without letters, is left as it was.
  EXPECT_EQ(withSecondOpinion(tesseract, sureReading("F2562530C", 0.99), "LDDDDDDDDL").glyphs[0].choices.size(), 1u);
  EXPECT_EQ(withSecondOpinion(sureReading("7501020018", 1), sureReading("7501020013", 1), "DDDDDDDDDD").text,
            "7501020018");
  EXPECT_FALSE(formHasLetters("DDDDDDDDDD"));
  EXPECT_TRUE(formHasLetters("LDDDDDDDDL"));
}

TEST(NumberSequence, thePrintedNetworksSecondOpinionWeighsEveryDigitOfAnEgn) {
  // Tesseract reads a typed wrong check digit (the 3 of ...0013) at 0.97; the
  // printed-number network reads it too, at 0.9995: two readers agree, and
  // the digit is as sure as the surer says, so the register's number one
  // digit away (...0018, 8 a look-alike of 3) is not made of it.
  CellReading tesseract = sureReading("7501020013", 1.0);
  tesseract.glyphs[9].choices[0].probability = 0.97;
  CellReading network = sureReading("7501020013", 0.9995);
  network.glyphs[4].choices[0].glyph = "7";  // and misreads a 0 that Tesseract read surely
  const CellReading both = withSecondOpinion(tesseract, network, "DDDDDDDDDD", "DL");
  EXPECT_EQ(both.text, "7501020013");  // Tesseract's choice first where they differ
  EXPECT_DOUBLE_EQ(both.glyphs[9].choices.front().probability, 0.9995);
  // The digit they read differently is in doubt between both readings.
  ASSERT_EQ(both.glyphs[4].choices.size(), 2u);
  EXPECT_EQ(both.glyphs[4].choices[1].glyph, "7");
  EXPECT_NEAR(both.glyphs[4].choices[0].probability, 0.5, 0.01);
  // Weighing letters only, as the number networks' opinion is weighed, the
  // digits stay as Tesseract read them.
  EXPECT_DOUBLE_EQ(withSecondOpinion(tesseract, network, "DDDDDDDDDD").glyphs[9].choices.front().probability, 0.97);
}

TEST(NumberSequence, aNetworksReadingOfTheFormsCountStandsForTesseractsReadingOfAnother) {
  using listaudit::models::IdScheme;
  ASSERT_TRUE(listaudit::models::checkNationalId("7501020018", IdScheme::Egn).valid());
  ASSERT_FALSE(listaudit::models::checkNationalId("7501020013", IdScheme::Egn).valid());
  // A faxed Kosovo number: Tesseract lost its first figures (seed 919).
  const CellReading lost = sureReading("3408619", 0.97);
  CellReading network = sureReading("6308408619", 0.99);
  network.writing = listaudit::models::Writing::Handwritten;  // as the number networks say
  const CellReading sure = weighedAgainst(lost, network, IdScheme::Kosovo, "DL");
  EXPECT_EQ(sure.text, "6308408619");
  EXPECT_EQ(sure.writing, listaudit::models::Writing::Printed);
  // Below kSureNetworkReading, it stands where it is the surer reading.
  EXPECT_EQ(weighedAgainst(sureReading("3408619", 0.41), sureReading("6308408619", 0.6), IdScheme::Kosovo, "DL").text,
            "6308408619");
  // A sure reading with a wrong check digit stands: it is as typed. Unsure,
  // it must pass the check; else Tesseract's reading stays, in doubt.
  EXPECT_EQ(weighedAgainst(sureReading("750102013", 0.99), sureReading("7501020013", 0.95), IdScheme::Egn, "DL").text,
            "7501020013");
  const CellReading disputed =
      weighedAgainst(sureReading("750102013", 0.4), sureReading("7501020013", 0.7), IdScheme::Egn, "DL");
  EXPECT_EQ(disputed.text, "750102013");
  EXPECT_LE(disputed.confidence, kDoubtfulNetworkReading);
  EXPECT_EQ(weighedAgainst(sureReading("750102018", 0.4), sureReading("7501020018", 0.7), IdScheme::Egn, "DL").text,
            "7501020018");
  // An Albanian number Tesseract read one character long, surely: the
  // networks read ten, less surely; the count is in doubt, and so no
  // ID_INVALID, where it would be sure.
  const CellReading extra =
      weighedAgainst(sureReading("E95612770O0", 0.95), sureReading("B95612770O", 0.6), IdScheme::Albanian, "L");
  EXPECT_EQ(extra.text, "E95612770O0");
  EXPECT_DOUBLE_EQ(extra.confidence, kDoubtfulNetworkReading);
  // A network that could not read the cell either leaves Tesseract's reading be.
  EXPECT_DOUBLE_EQ(
      weighedAgainst(sureReading("E95612770O0", 0.95), sureReading("B95612770O", 0.3), IdScheme::Albanian, "L")
          .confidence,
      0.95);
}

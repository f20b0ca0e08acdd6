#include "tools/samples/sample_batch.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <set>

#include "models/country.hpp"
#include "tests/support/test_support.hpp"
#include "tools/samples/form_renderer.hpp"
#include "tools/samples/handwriting.hpp"
#include "tools/samples/pango_text.hpp"
#include "tools/samples/sample_random.hpp"
#include "tools/samples/scan_effects.hpp"
#include "tools/samples/typing.hpp"

using namespace listaudit;
using listaudit::testing::readCsv;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

namespace {
std::map<std::string, std::string> filesUnder(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), root).string()] = readFile(e.path().string());
  return files;
}
tools::SampleOptions small(const std::string& out, std::uint64_t seed) {
  tools::SampleOptions o;
  o.seed = seed;
  o.lists = 4;  // every kind of scan file: JPEG folder, PDF, TIFF, PNG folder
  o.pages = 1;
  o.out = out;
  return o;
}
}  // namespace

TEST(SampleBatch, sameSeedGivesTheSameBytes) {
  TempDir dir;
  tools::makeSamples(small(dir.file("a"), 5));
  tools::makeSamples(small(dir.file("b"), 5));
  const auto a = filesUnder(dir.file("a")), b = filesUnder(dir.file("b"));
  EXPECT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) EXPECT_TRUE(b.count(name) && b.at(name) == bytes) << name;
  EXPECT_TRUE(a.count("scans/L01-BG/page-1.jpg"));
  EXPECT_TRUE(a.count("scans/L02-RS.pdf"));
  EXPECT_TRUE(a.count("scans/L03-BG.tif"));
  EXPECT_TRUE(a.count("scans/L04-MK/page-1.png"));

  tools::makeSamples(small(dir.file("c"), 6));
  EXPECT_NE(readFile(dir.file("a/truth.csv")), readFile(dir.file("c/truth.csv")));
}

TEST(SampleBatch, truthFollowsTheContractsDefinitions) {
  TempDir dir;
  auto options = small(dir.file("s"), 9);
  options.pages = 2;
  tools::makeSamples(options);
  std::map<std::string, std::map<std::string, std::string>> listOf;
  for (auto& m : readCsv(dir.file("s/manifest.csv"))) listOf[m["list_id"]] = m;
  std::map<std::string, std::map<std::string, std::string>> population;
  for (auto& p : readCsv(dir.file("s/population.csv"))) population[p["national_id"]] = p;
  std::set<std::pair<std::string, std::string>> consentFor;  // number, party
  for (auto& c : readCsv(dir.file("s/consent.csv"))) consentFor.insert({c["national_id"], c["party"]});

  std::set<std::string> causes;
  for (auto& c : readCsv(dir.file("s/causes.csv"))) causes.insert(c["cause"]);
  EXPECT_GE(causes.size(), 10u);  // most planted cases turn up in a small batch

  int checked = 0;
  for (auto& t : readCsv(dir.file("s/truth.csv"))) {
    auto& list = listOf[t["list_id"]];
    const std::string where = t["list_id"] + " page " + t["page"] + " row " + t["row"];
    const auto has = [&](const char* code) { return t["flags"].find(code) != std::string::npos; };
    const auto check = models::checkNationalId(t["national_id"], models::Country::fromCode(list["country"])->scheme());
    EXPECT_EQ(!check.valid(), has("ID_INVALID")) << where;
    if (!check.valid()) continue;
    ++checked;
    const auto resident = population.find(t["national_id"]);
    EXPECT_EQ(resident == population.end(), has("NOT_IN_REGISTER")) << where;
    if (resident != population.end()) {
      const std::string death = resident->second["death_date"];
      EXPECT_EQ(!death.empty() && death <= list["submitted_on"], has("DECEASED")) << where;
    }
    EXPECT_EQ(!consentFor.count({t["national_id"], list["party"]}), has("NO_CONSENT")) << where;
    EXPECT_EQ(check.birthDate->ageOn(*models::Date::parse(list["election_date"])) < 18, has("UNDERAGE")) << where;
  }
  EXPECT_GT(checked, 40);
}

TEST(SampleBatch, writesHandwrittenBatchesTheSameWayEveryTime) {
  TempDir dir;
  auto options = small(dir.file("h1"), 4);
  options.lists = 1;
  options.style = "handwritten";
  tools::makeSamples(options);
  options.out = dir.file("h2");
  tools::makeSamples(options);
  options.out = dir.file("p");
  options.style = "printed";
  tools::makeSamples(options);
  const std::string page = "/scans/L01-BG/page-1.jpg";
  EXPECT_EQ(readFile(dir.file("h1") + page), readFile(dir.file("h2") + page));
  EXPECT_NE(readFile(dir.file("h1") + page), readFile(dir.file("p") + page));
  // What is written is the same: only the hand differs, and the truth says which.
  auto written = readCsv(dir.file("h1/truth.csv")), printed = readCsv(dir.file("p/truth.csv"));
  ASSERT_EQ(written.size(), printed.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    EXPECT_EQ(written[i]["writing"], "handwritten");
    EXPECT_EQ(printed[i]["writing"], "printed");
    written[i].erase("writing");
    printed[i].erase("writing");
    EXPECT_EQ(written[i], printed[i]);
  }
}

TEST(SampleBatch, refusesAnUnknownStyle) {
  TempDir dir;
  auto o = small(dir.file("x"), 1);
  o.style = "calligraphy";
  EXPECT_THROW(tools::makeSamples(o), std::invalid_argument);
}

// The generator is the reader's adversary: its hands must show what real forms
// show, at the shares handwriting.cpp states.
TEST(SampleBatch, handsWriteCapitalsClimbDriftRunDryAndFontDigitsAtTheirShares) {
  constexpr int kHands = 4000;
  int capitals = 0, climbing = 0, falling = 0, high = 0, low = 0, faint = 0, fontDigits = 0;
  for (int i = 0; i < kHands; ++i) {
    const tools::Hand hand = tools::handFor(tools::SampleRandom(static_cast<std::uint64_t>(i) * 7919 + 1), i % 2 == 0);
    capitals += hand.capitals;
    climbing += hand.drift > 1.0;
    falling += hand.drift < -1.0;
    EXPECT_LE(std::abs(hand.drift), 2.5);
    high += hand.lift > 0.5;
    low += hand.lift < -0.5;
    EXPECT_LE(std::abs(hand.lift), 1.0);
    // A dry pen's ink is half way to the paper: no channel stays dark.
    faint += *std::min_element(hand.ink.begin(), hand.ink.end()) > 0.3;
    fontDigits += hand.fontDigits;
    // A hand that writes its digits in its font must have them all there.
    if (hand.fontDigits) {
      EXPECT_EQ(tools::charactersMissingFrom(hand.font, "0123456789"), "") << hand.font;
    }
  }
  EXPECT_NEAR(capitals / double(kHands), 0.2, 0.03);
  EXPECT_NEAR(climbing / double(kHands), 0.3, 0.04);
  EXPECT_NEAR(falling / double(kHands), 0.3, 0.04);
  EXPECT_NEAR(high / double(kHands), 0.25, 0.04);
  EXPECT_NEAR(low / double(kHands), 0.25, 0.04);
  EXPECT_NEAR(faint / double(kHands), 0.125, 0.03);
  EXPECT_NEAR(fontDigits / double(kHands), 0.3, 0.03);
}

// A font that lacks a letter would have Pango draw it from another font, a
// mix no office printer makes; and a name fontconfig does not know would be
// drawn in its default face, the one the first generator always used.
TEST(SampleBatch, typesOnlyInFontsThatDrawEveryLetterOfTheFiveAlphabets) {
  for (const std::string& font : tools::printFonts())
    EXPECT_EQ(tools::charactersMissingFrom(font, tools::formAlphabets()), "") << font;
  EXPECT_EQ(tools::charactersMissingFrom("No Such Typeface", "Aa"), "Aa");
  EXPECT_EQ(tools::charactersMissingFrom("Humor Sans", "Aжa"), "ж");  // a Latin hand
}

// The typists and printers vary at the shares typing.cpp states.
TEST(SampleBatch, typistsTypeBoldCapitalsAndFaintAtTheirShares) {
  constexpr int kLists = 3000;
  int bold = 0, capitals = 0, faint = 0;
  std::set<std::string> fonts;
  for (int i = 0; i < kLists; ++i) {
    const tools::Typing t = tools::typingFor(tools::SampleRandom(static_cast<std::uint64_t>(i) * 7919 + 3));
    bold += t.bold;
    capitals += t.capitals;
    faint += t.ink > 0.25;
    fonts.insert(t.font);
  }
  EXPECT_NEAR(bold / double(kLists), 1.0 / 6, 0.03);
  EXPECT_NEAR(capitals / double(kLists), 0.2, 0.03);
  EXPECT_NEAR(faint / double(kLists), 1.0 / 6, 0.03);
  EXPECT_EQ(fonts.size(), std::set<std::string>(tools::printFonts().begin(), tools::printFonts().end()).size());
}

// A photocopy prints black or nothing, and its copier drops specks even on
// blank paper.
TEST(SampleBatch, aPhotocopyIsBlackOrWhiteWithSpecks) {
  cv::Mat page(1600, 1200, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::putText(page, "8501", {40, 300}, cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(120, 120, 120), 6);
  tools::ScanEffects effects;
  effects.photocopied = true;
  effects.copyThreshold = 160;
  effects.copySeed = 11;
  tools::SampleRandom random(1);
  const cv::Mat scan = tools::applyScanEffects(page, effects, random);
  ASSERT_EQ(scan.type(), CV_8UC1);
  const cv::Mat grey = (scan != 0) & (scan != 255);
  EXPECT_EQ(cv::countNonZero(grey), 0);
  // The grey digits print black; specks fall outside them too.
  EXPECT_GT(cv::countNonZero(scan(cv::Rect(40, 220, 300, 90)) == 0), 2000);
  EXPECT_GT(cv::countNonZero(scan(cv::Rect(0, 0, 1200, 200)) == 0), 0);
}

// A fax samples the page black or white at its own resolution: a standard
// fax's 98 lines an inch, of a 300-dpi page, print each of its lines three
// pixels tall, and a one-pixel ruling falls between its samples.
TEST(SampleBatch, aFaxIsBlackOrWhiteInItsOwnLines) {
  cv::Mat page(1200, 900, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::putText(page, "8501", {40, 300}, cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(0, 0, 0), 6);
  cv::line(page, {0, 601}, {899, 601}, cv::Scalar(0, 0, 0), 1);
  tools::ScanEffects effects;
  effects.faxAcross = 204.0 / 300;
  effects.faxDown = 98.0 / 300;
  effects.faxThreshold = 150;
  tools::SampleRandom random(1);
  const cv::Mat scan = tools::applyScanEffects(page, effects, random);
  ASSERT_EQ(scan.type(), CV_8UC1);
  EXPECT_EQ(cv::countNonZero((scan != 0) & (scan != 255)), 0);
  EXPECT_GT(cv::countNonZero(scan(cv::Rect(40, 220, 300, 90)) == 0), 2000);
  // The thin ruling is lost: no sample of the fax is dark enough.
  EXPECT_EQ(cv::countNonZero(scan.rowRange(590, 612) == 0), 0);
  // Each sampled line is three or four pixels of the page, all alike.
  int runs = 0;
  for (int y = 1; y < scan.rows; ++y) runs += cv::countNonZero(scan.row(y) != scan.row(y - 1)) > 0;
  EXPECT_LT(runs, scan.rows * 98 / 300 + 2);
}

// A fax fed in turned samples the turned page: a thin straight ruling comes
// out in steps, each a run along one of the fax's lines, none of them as
// long as the ruling.
TEST(SampleBatch, aFaxFedInTurnedPrintsARulingInSteps) {
  cv::Mat page(1200, 900, CV_8UC3, cv::Scalar(255, 255, 255));
  cv::line(page, {0, 601}, {899, 601}, cv::Scalar(0, 0, 0), 4);
  tools::ScanEffects effects;
  effects.faxAcross = 204.0 / 300;
  effects.faxDown = 98.0 / 300;
  effects.faxThreshold = 150;
  effects.faxFedDegrees = 2;
  tools::SampleRandom random(1);
  const cv::Mat scan = tools::applyScanEffects(page, effects, random);
  int longest = 0, rowsInked = 0;
  for (int y = 0; y < scan.rows; ++y) {
    int run = 0;
    bool inked = false;
    for (int x = 0; x < scan.cols; ++x) {
      run = scan.at<std::uint8_t>(y, x) == 0 ? run + 1 : 0;
      longest = std::max(longest, run);
      inked = inked || run > 0;
    }
    rowsInked += inked;
  }
  // Turned 2 degrees, the ruling falls 31 pixels across the page's width:
  // steps on many rows, each far shorter than the page.
  EXPECT_GT(rowsInked, 25);
  EXPECT_LT(longest, scan.cols / 4);
  EXPECT_GT(longest, 20);
}

namespace {

// The number cell of a one-row form typed with `typing` at `points`, grey,
// at 300 dpi (the number column of the default form).
cv::Mat typedNumberCell(const tools::Typing& typing, double points, const std::string& number) {
  tools::FormPage form;
  form.dpi = 300;
  form.headers = {"Nr.", "Emri", "Numri", "Adresa", "Nënshkrimi"};
  form.typing = typing;
  form.fontPt = points;
  form.rows.push_back({"Ilir Hoxha", number, "Ferizaj", true, 1, std::nullopt});
  cv::Mat grey;
  cv::cvtColor(tools::renderForm(form), grey, cv::COLOR_BGR2GRAY);
  const double pxPerMm = 300 / 25.4;
  const double left = (210 - 180) / 2.0 + 12 + 58;
  const cv::Rect cell(static_cast<int>((left + 1.5) * pxPerMm), static_cast<int>(61 * pxPerMm),
                      static_cast<int>(29 * pxPerMm), static_cast<int>(10 * pxPerMm));
  return grey(cell).clone();
}

// Per pixel row of `cell` (the rulings' rows at its edges left out) whether
// it holds ink, between the first and the last that does.
std::vector<bool> inkedRows(const cv::Mat& cell) {
  cv::Mat perRow;
  cv::reduce(cell < 128, perRow, 1, cv::REDUCE_SUM, CV_32S);
  int top = -1, foot = -1;
  for (int y = 3; y + 3 < perRow.rows; ++y)
    if (perRow.at<int>(y) > 0) foot = y, top = top < 0 ? y : top;
  std::vector<bool> rows;
  for (int y = top; top >= 0 && y <= foot; ++y) rows.push_back(perRow.at<int>(y) > 0);
  return rows;
}

}  // namespace

// A dot-matrix printer's letters are clouds of dots: the ink of a typed
// number falls in rows a pin's pitch apart, with paper between them.
TEST(SampleBatch, aDotMatrixPrinterPrintsInRowsOfDots) {
  tools::Typing printer;
  printer.dotPitchMm = 0.4;
  const std::vector<bool> rows = inkedRows(typedNumberCell(printer, 14, "8560946953"));
  const auto inked = std::count(rows.begin(), rows.end(), true);
  EXPECT_GT(inked, 20) << "the number is printed";
  EXPECT_GE(static_cast<long>(rows.size()) - inked, 4) << "its ink falls in rows of dots";
}

// Its pins print every stroke of the glyph, as a printer's rasteriser does:
// the first generator struck a pin only where the glyph covered its centre,
// and a thin serif's hairlines fell between the pins (a 7 without its
// diagonal, print nobody could read). All of the laser print's ink
// lies within half a pitch of a dot.
TEST(SampleBatch, aDotMatrixPrinterStrikesEveryStrokeOfTheGlyph) {
  tools::Typing laser;
  laser.font = "Liberation Serif";
  tools::Typing printer = laser;
  printer.dotPitchMm = 0.4;
  const cv::Mat typed = typedNumberCell(laser, 9, "7412852097"), dotted = typedNumberCell(printer, 9, "7412852097");
  const int halfPitch = static_cast<int>(0.2 * 300 / 25.4) + 1;
  cv::Mat nearDots;
  cv::dilate(dotted < 128, nearDots,
             cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * halfPitch + 1, 2 * halfPitch + 1}));
  const cv::Mat typedInk = typed < 128;
  const double covered = cv::countNonZero(typedInk & nearDots) / static_cast<double>(cv::countNonZero(typedInk));
  EXPECT_GT(cv::countNonZero(typedInk), 300);
  // All of it now; 0.95 when only the pins' centres were looked at.
  EXPECT_GE(covered, 0.99) << "a stroke of the glyph has no dots";
}

// A pin that no longer strikes leaves a line of paper through the glyphs at
// its height: the widest gap between dot rows is two pitches less a dot,
// where a whole head's is less than one.
TEST(SampleBatch, aBrokenPinLeavesALineOfPaperThroughEveryGlyph) {
  tools::Typing printer;
  printer.dotPitchMm = 0.4;
  auto widestGap = [](const std::vector<bool>& rows) {
    int widest = 0, run = 0;
    for (bool inked : rows) widest = std::max(widest, run = inked ? 0 : run + 1);
    return widest;
  };
  const double pitchPx = 0.4 * 300 / 25.4;
  EXPECT_LT(widestGap(inkedRows(typedNumberCell(printer, 14, "8560946953"))), pitchPx);
  printer.brokenPin = 3;
  EXPECT_GT(widestGap(inkedRows(typedNumberCell(printer, 14, "8560946953"))), pitchPx);
}

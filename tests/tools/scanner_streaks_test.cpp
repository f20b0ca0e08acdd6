// Dust on a sheet-fed scanner's glass: a thin upright line from the top of
// the scan to its bottom (tools/samples/scan_effects.hpp draws it as the
// generator does, one page in eight). Before the clean stage took it off,
// it was a column ruling that split the names (seed 727's L06-AL page 1:
// "Dervishi" for Lulzim Dervishi), a 1 in the numbers it crossed (seed 506's
// L04-MK page 2: three numbers UNREADABLE) and rows of the empty rows under
// the table (seed 515's L04-MK page 1: two rows read as "|").
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <opencv2/imgproc.hpp>
#include <string>

#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/layout_chain.hpp"
#include "pipeline/page/scanner_streaks.hpp"
#include "tests/tools/kosovo_form.hpp"
#include "tools/samples/form_renderer.hpp"
#include "tools/samples/scan_effects.hpp"

using namespace listaudit;

namespace {

tools::FormPage formWithBlankRows(double dpi) {
  const std::array<std::string, 8> numbers = listaudit::testing::kosovoNumbers();
  tools::FormPage form = listaudit::testing::kosovoForm(dpi, numbers);
  form.blankRows = 4;
  return form;
}

}  // namespace

TEST(ScannerStreaks, aStreakIsFoundWhereTheDustWasAndTheTableIsLaidOutAsWithoutIt) {
  for (const double dpi : {150.0, 300.0})
    for (const double degrees : {0.0, 1.8})
      // Across the name column (where it splits the names) and the number
      // column, dark and faint, one pixel and three.
      for (const auto& [across, pixels, grey] :
           {std::tuple{0.2, 3, 40.0}, std::tuple{0.47, 2, 60.0}, std::tuple{0.3, 3, 110.0}}) {
        const std::string what = std::to_string(static_cast<int>(dpi)) + " dpi, turned " + std::to_string(degrees) +
                                 ", streak at " + std::to_string(across);
        const tools::FormPage form = formWithBlankRows(dpi);
        tools::ScanEffects scanner;
        scanner.angleDegrees = degrees;
        scanner.background = 242;
        scanner.noiseSigma = 4;
        scanner.blurSigma = 0.5;
        tools::SampleRandom cleanNoise(5), dustyNoise(5);
        const cv::Mat page = tools::renderForm(form);
        const cv::Mat without = tools::applyScanEffects(page, scanner, cleanNoise);
        scanner.streakAcross = across;
        scanner.streakPixels = pixels;
        scanner.streakGrey = grey;
        const cv::Mat with = tools::applyScanEffects(page, scanner, dustyNoise);

        EXPECT_TRUE(pipeline::scannerStreaks(without).empty()) << what << ": no dust, no streak";
        const auto streaks = pipeline::scannerStreaks(with);
        ASSERT_EQ(streaks.size(), 1u) << what;
        const int x = static_cast<int>(across * with.cols);
        EXPECT_LE(streaks[0].start, x + 1) << what;
        EXPECT_GE(streaks[0].end, x + pixels - 1) << what;
        // Under the streak, the mended scan is the scan without the dust:
        // its paper, its rulings and its writing, within the noise.
        const cv::Range band(std::max(0, x - 3), std::min(with.cols, x + pixels + 3));
        const double dusty = cv::norm(with.colRange(band), without.colRange(band), cv::NORM_L1) /
                             static_cast<double>(band.size() * with.rows);
        const double mended =
            cv::norm(pipeline::withoutScannerStreaks(with).colRange(band), without.colRange(band), cv::NORM_L1) /
            static_cast<double>(band.size() * with.rows);
        EXPECT_LT(mended, 8.0) << what << ": " << dusty << " grey levels apart with the dust";
        EXPECT_LT(mended * 3, dusty) << what;

        try {
          const pipeline::PageLayout expected = pipeline::LayoutChain{}.find(pipeline::CleanStage{}(without));
          const pipeline::PageLayout found = pipeline::LayoutChain{}.find(pipeline::CleanStage{}(with));
          ASSERT_EQ(expected.rows.size(), form.rows.size()) << what;
          EXPECT_EQ(found.rows.size(), form.rows.size()) << what;
          EXPECT_EQ(found.how, expected.how) << what;
          for (std::size_t i = 0; i < found.columnX.size(); ++i)
            EXPECT_NEAR(found.columnX[i], expected.columnX[i], 3) << what << ": column edge " << i;
        } catch (const pipeline::LayoutError& e) {
          ADD_FAILURE() << what << ": " << e.what();
        }
      }
}

// A form's rulings printed upright, scanned straight, are no streak: they
// run through the table only, not the margins above and below it.
TEST(ScannerStreaks, aFormsUprightRulingsScannedStraightAreNoStreak) {
  for (const double dpi : {150.0, 300.0}) {
    cv::Mat grey;
    cv::cvtColor(tools::renderForm(formWithBlankRows(dpi)), grey, cv::COLOR_BGR2GRAY);
    EXPECT_TRUE(pipeline::scannerStreaks(grey).empty()) << dpi << " dpi";
    EXPECT_EQ(pipeline::withoutScannerStreaks(grey).data, grey.data) << dpi << " dpi: the page itself, untouched";
  }
}

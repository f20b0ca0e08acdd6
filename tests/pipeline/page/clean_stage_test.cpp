#include "pipeline/page/clean_stage.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/page/page_orientation.hpp"
#include "pipeline/page/ruled_layout_finder.hpp"
#include "tests/pipeline/page/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;

namespace {
cv::Mat rotated(const cv::Mat& page, double degrees) {
  cv::Mat out;
  cv::warpAffine(page, out, cv::getRotationMatrix2D({page.cols / 2.0f, page.rows / 2.0f}, degrees, 1.0), page.size(),
                 cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(245));
  return out;
}
}  // namespace

TEST(CleanStage, undoesAKnownSkew) {
  const CleanStage clean;
  const cv::Mat straight = clean(samplePage("L01-BG", 0)).grey;
  for (double angle : {4.5, -2.0, 0.7}) {
    const CleanPage page = clean(rotated(straight, angle));
    EXPECT_NEAR(page.skewDegrees, -angle, 0.15) << "skewed by " << angle;
    EXPECT_FALSE(page.upsideDown);
  }
}

TEST(CleanStage, turnsAnUpsideDownPageUpright) {
  const CleanStage clean;
  const cv::Mat straight = clean(samplePage("L01-BG", 0)).grey;
  cv::Mat flipped;
  cv::rotate(straight, flipped, cv::ROTATE_180);
  const CleanPage page = clean(flipped);
  EXPECT_TRUE(page.upsideDown);
  const PageLayout layout = RuledLayoutFinder{}.find(page);
  // Upright, the narrow row-number column is on the left.
  EXPECT_LT(layout.columnX[1] - layout.columnX[0], layout.columnX[5] - layout.columnX[4]);
}

// Tesseract's orientation model finds which way up a sample page's writing
// stands, upright and turned half round, at 300 dpi and halved.
TEST(PageOrientation, theWritingTellsWhichWayUpAPageStands) {
  const cv::Mat upright = CleanStage{}(samplePage("L01-BG", 0)).grey;
  cv::Mat turned, small;
  cv::rotate(upright, turned, cv::ROTATE_180);
  EXPECT_EQ(writingSaysUpsideDown(upright), std::optional<bool>(false));
  EXPECT_EQ(writingSaysUpsideDown(turned), std::optional<bool>(true));
  cv::resize(turned, small, {turned.cols / 2, turned.rows / 2}, 0, 0, cv::INTER_AREA);
  EXPECT_EQ(writingSaysUpsideDown(small), std::optional<bool>(true));
  // A page without writing tells nothing.
  EXPECT_EQ(writingSaysUpsideDown(cv::Mat(1754, 1240, CV_8UC1, cv::Scalar(245))), std::nullopt);
}

TEST(CleanStage, separatesInkFromAGreyBackground) {
  const CleanPage page = CleanStage{}(samplePage("L02-RS.pdf", 0));
  const double inkShare = cv::countNonZero(page.ink) / static_cast<double>(page.ink.total());
  EXPECT_GT(inkShare, 0.005);
  EXPECT_LT(inkShare, 0.15);  // noise and the grey paper stay paper
}

TEST(CleanStage, refusesWhatIsNotAGreyPage) {
  EXPECT_THROW(CleanStage{}(cv::Mat()), std::invalid_argument);
  EXPECT_THROW(CleanStage{}(cv::Mat(300, 300, CV_8UC3)), std::invalid_argument);
  EXPECT_THROW(CleanStage(0), std::invalid_argument);
}

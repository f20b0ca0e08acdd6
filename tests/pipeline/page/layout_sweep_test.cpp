// Issue 9's sweep: every page of data-samples/ re-rendered the ways scanners
// and forms this project never drew would give it (150 and 200 dpi, rulings
// thinned to one pixel and made faint, turned by plus and minus 5 degrees,
// JPEG at quality 40, and all of these at once), and every written row must
// still be found. Rows found per variant are printed for the README.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "models/name_text.hpp"
#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/layout_chain.hpp"
#include "pipeline/page/read_stage.hpp"
#include "pipeline/page/ruled_layout_finder.hpp"
#include "tests/pipeline/page/page_fixture.hpp"

using namespace listaudit::pipeline;
using listaudit::testing::samplePage;
using listaudit::testing::truthRows;

namespace {

// An A4 page's width, from which a page's resolution is judged.
constexpr double kA4WidthInches = 8.27;

cv::Mat atDpi(const cv::Mat& page, double dpi) {
  const double scale = dpi / (page.cols / kA4WidthInches);
  cv::Mat out;
  cv::resize(page, out, {}, scale, scale, cv::INTER_AREA);
  return out;
}

// The long straight lines of a page in one direction (its rulings), as a mask.
cv::Mat rulingMask(const cv::Mat& grey, bool horizontal) {
  cv::Mat ink, lines;
  cv::threshold(grey, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  const int length = std::max(40, grey.cols / 25);
  const cv::Size kernel = horizontal ? cv::Size(length, 1) : cv::Size(1, length);
  cv::morphologyEx(ink, lines, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, kernel));
  return lines;
}

// Each ruling erased, and redrawn as a one-pixel line through its middle in
// grey `shade`; the vertical ones only when `verticalsToo`, the horizontal
// ones only down to `lowestRedrawn`.
cv::Mat redrawnRulings(const cv::Mat& grey, int shade, bool verticalsToo, int lowestRedrawn = 1 << 30) {
  const cv::Mat masks[] = {rulingMask(grey, true), rulingMask(grey, false)};
  cv::Mat out = grey.clone();
  // Widened first: a ruling's soft edges are lighter than the threshold.
  for (const cv::Mat& mask : masks) {
    cv::Mat wide;
    cv::dilate(mask, wide, cv::getStructuringElement(cv::MORPH_RECT, {5, 5}));
    out.setTo(cv::Scalar(245), wide);
  }
  for (int direction = 0; direction < (verticalsToo ? 2 : 1); ++direction) {
    const bool horizontal = direction == 0;
    cv::Mat labels, stats, centroids;
    const int n = cv::connectedComponentsWithStats(masks[direction], labels, stats, centroids, 8);
    for (int i = 1; i < n; ++i) {
      const int x = stats.at<int>(i, cv::CC_STAT_LEFT), y = stats.at<int>(i, cv::CC_STAT_TOP);
      const int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
      // The ruling's middle at one of its ends, from its own pixels there.
      auto middle = [&](int at) {
        double sum = 0;
        int count = 0;
        for (int k = 0; k < (horizontal ? h : w); ++k) {
          const int px = horizontal ? at : x + k, py = horizontal ? y + k : at;
          if (labels.at<int>(py, px) == i) sum += k, ++count;
        }
        return static_cast<int>(count ? sum / count : (horizontal ? h : w) / 2.0);
      };
      if (horizontal && y > lowestRedrawn) continue;
      if (horizontal)
        cv::line(out, {x, y + middle(x)}, {x + w - 1, y + middle(x + w - 1)}, cv::Scalar(shade), 1);
      else
        cv::line(out, {x + middle(y), y}, {x + middle(y + h - 1), y + h - 1}, cv::Scalar(shade), 1);
    }
  }
  return out;
}

cv::Mat thinFaintRulings(const cv::Mat& grey, int shade) { return redrawnRulings(grey, shade, true); }
cv::Mat withoutColumnRulings(const cv::Mat& grey) { return redrawnRulings(grey, 60, false); }
cv::Mat withHeaderRulingsOnly(const cv::Mat& grey) {
  const int headerBottom = RuledLayoutFinder{}.find(CleanStage{}(grey)).headerBottom;
  return redrawnRulings(grey, 60, false, headerBottom + 3);
}

cv::Mat turned(const cv::Mat& page, double degrees) {
  const cv::Mat m = cv::getRotationMatrix2D({page.cols / 2.0f, page.rows / 2.0f}, degrees, 1.0);
  cv::Mat out;
  cv::warpAffine(page, out, m, page.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(245));
  return out;
}

cv::Mat jpeg(const cv::Mat& page, int quality) {
  std::vector<std::uint8_t> bytes;
  cv::imencode(".jpg", page, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
  return cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
}

struct Variant {
  const char* name;
  std::function<cv::Mat(const cv::Mat&)> make;
};

const std::vector<Variant>& variants() {
  static const std::vector<Variant> all{
      {"as scanned", [](const cv::Mat& p) { return p; }},
      {"150 dpi", [](const cv::Mat& p) { return atDpi(p, 150); }},
      {"200 dpi", [](const cv::Mat& p) { return atDpi(p, 200); }},
      {"1-px faint rulings, 200 dpi", [](const cv::Mat& p) { return thinFaintRulings(atDpi(p, 200), 170); }},
      {"1-px faint rulings, 150 dpi", [](const cv::Mat& p) { return thinFaintRulings(atDpi(p, 150), 170); }},
      {"turned +5 degrees", [](const cv::Mat& p) { return turned(p, 5); }},
      {"turned -5 degrees", [](const cv::Mat& p) { return turned(p, -5); }},
      {"JPEG quality 40", [](const cv::Mat& p) { return jpeg(p, 40); }},
      {"all at once: 200 dpi, 1-px faint, -5 degrees, JPEG 40",
       [](const cv::Mat& p) { return jpeg(turned(thinFaintRulings(atDpi(p, 200), 170), -5), 40); }},
      {"no column rulings", [](const cv::Mat& p) { return withoutColumnRulings(p); }},
      {"no column rulings, 150 dpi, +3 degrees, JPEG 40",
       [](const cv::Mat& p) { return jpeg(turned(withoutColumnRulings(atDpi(p, 150)), 3), 40); }},
      {"header ruled only (rows from the lines of writing)", [](const cv::Mat& p) { return withHeaderRulingsOnly(p); }},
      {"header ruled only, 200 dpi, -4 degrees, JPEG 40",
       [](const cv::Mat& p) { return jpeg(turned(withHeaderRulingsOnly(atDpi(p, 200)), -4), 40); }},
  };
  return all;
}

struct SamplePage {
  const char* scans;
  const char* listId;
  int index;
};
constexpr SamplePage kPages[] = {
    {"L01-BG", "L01-BG", 0}, {"L01-BG", "L01-BG", 1}, {"L02-RS.pdf", "L02-RS", 0}, {"L02-RS.pdf", "L02-RS", 1}};

}  // namespace

TEST(LayoutSweep, findsEveryWrittenRowOfEverySamplePageInEveryVariant) {
  // The sample pages made upright first, so that each variant is the only change.
  std::vector<cv::Mat> upright;
  for (const auto& p : kPages) upright.push_back(CleanStage{}(samplePage(p.scans, p.index)).grey);
  int failures = 0;
  for (const Variant& v : variants()) {
    int found = 0, expected = 0;
    for (std::size_t i = 0; i < std::size(kPages); ++i) {
      const auto truth = truthRows(kPages[i].listId, kPages[i].index + 1);
      expected += static_cast<int>(truth.size());
      const cv::Mat page = v.make(upright[i]);
      // LISTAUDIT_SWEEP_DUMP=DIR keeps every variant's image, to look at.
      if (const char* dump = std::getenv("LISTAUDIT_SWEEP_DUMP"))
        cv::imwrite(
            std::string(dump) + "/" + v.name + " " + kPages[i].listId + "-" + std::to_string(i % 2 + 1) + ".png", page);
      try {
        const PageLayout layout = LayoutChain{}.find(CleanStage{}(page));
        found += static_cast<int>(layout.rows.size());
        EXPECT_EQ(layout.rows.size(), truth.size()) << v.name << ", " << kPages[i].listId << " page " << i % 2 + 1;
      } catch (const LayoutError& e) {
        ADD_FAILURE() << v.name << ", " << kPages[i].listId << " page " << i % 2 + 1 << ": " << e.what();
      }
    }
    failures += found != expected;
    std::printf("layout sweep | %-55s | %d of %d rows\n", v.name, found, expected);
  }
  EXPECT_EQ(failures, 0);
}

TEST(LayoutSweep, readsFormsRuledInPartAndSaysHowTheirRowsWereFound) {
  const cv::Mat upright = CleanStage{}(samplePage("L01-BG", 0)).grey;
  const auto truth = truthRows("L01-BG", 1);
  const std::pair<cv::Mat, const char*> forms[] = {
      {withoutColumnRulings(upright), "columns found from the writing"},
      {withHeaderRulingsOnly(upright), "rows and columns found from the writing"}};
  Readers readers;
  for (const auto& [page, how] : forms) {
    PageImage image{"L01-BG", *listaudit::models::Country::fromCode("BG"), 1, page};
    const CleanPage clean = CleanStage{}(image.grey);
    EXPECT_THROW(RuledLayoutFinder{}.find(clean), LayoutError);
    const PageReading reading = ReadStage{}(image, clean, LayoutChain{}.find(clean), readers);
    ASSERT_EQ(reading.rows.size(), truth.size()) << how;
    int names = 0, ids = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
      names += listaudit::models::foldText(reading.rows[i].fullName) ==
               listaudit::models::foldText(truth[i].at("full_name"));
      ids += reading.rows[i].rawId == truth[i].at("national_id");
      EXPECT_EQ(reading.rows[i].laidOut.rfind(how, 0), 0u) << reading.rows[i].laidOut;
    }
    EXPECT_GE(names, static_cast<int>(truth.size()) - 1) << how;
    EXPECT_GE(ids, static_cast<int>(truth.size()) - 1) << how;
  }
}

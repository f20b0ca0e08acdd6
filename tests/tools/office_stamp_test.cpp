// An office's round stamp over the names and numbers (pipeline/page/
// office_stamp.hpp), drawn by the sample generator's form renderer as the
// generator draws it on three pages in twenty: two rings and the office's
// words in translucent blue or violet. Its rings' arcs were read as 1s and
// 0s and as lines of writing (seed 818: 21 rows UNREADABLE, and a ring read
// as a row of its own); they are found and taken off the ink, the writing
// under them kept.
#include <gtest/gtest.h>

#include <array>

#include <opencv2/imgproc.hpp>
#include <string>
#include <vector>

#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/layout_chain.hpp"
#include "pipeline/page/office_stamp.hpp"
#include "pipeline/page/read_stage.hpp"
#include "tests/tools/kosovo_form.hpp"
#include "tools/samples/form_renderer.hpp"
#include "tools/samples/handwriting.hpp"
#include "tools/samples/sample_random.hpp"
#include "tools/samples/scan_effects.hpp"

using namespace listaudit;

namespace {

constexpr double kRingMm = 15, kInnerRingMm = 12.5;  // the renderer's stamp
constexpr std::array<double, 3> kBlue{0.25, 0.3, 0.75}, kViolet{0.45, 0.2, 0.55};

// A Kosovo form of eight rows, its numbers typed or written by `digits`' hands;
// an office stamp in `colour` centred on the number column over row 4.
tools::FormPage stampedForm(double dpi, std::array<double, 3> colour, const tools::DigitBank* digits = nullptr) {
  tools::FormPage page = listaudit::testing::kosovoForm(dpi, {"1163115981", "9389392713", "4843659416", "5325164132",
                                                              "6670623168", "2046429486", "7713767617", "8337704036"});
  page.digits = digits;
  if (digits)
    for (std::size_t i = 0; i < page.rows.size(); ++i)
      page.rows[i].hand = tools::handFor(tools::SampleRandom(static_cast<std::uint64_t>(i) * 31 + 7), false);
  page.stampRow = 3;
  page.stampAcross = (12.0 + 58 + 16) / 180;  // the middle of the number column
  page.stampText = "KQZ Prishtinë";
  page.stampColour = colour;
  return page;
}

cv::Mat grey(const cv::Mat& bgr) {
  cv::Mat g;
  cv::cvtColor(bgr, g, cv::COLOR_BGR2GRAY);
  return g;
}

// Pixels set in `a` and not within `reach` pixels of any set in `b`.
int setApart(const cv::Mat& a, const cv::Mat& b, int reach) {
  cv::Mat near, apart;
  cv::dilate(b, near, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * reach + 1, 2 * reach + 1}));
  cv::bitwise_and(a, ~near, apart);
  return cv::countNonZero(apart);
}

// The stamp `stamped` shows, found and its rings taken off `stamped`'s ink;
// `bare` is the same page without it. Its rings are `ringsMm` in radius,
// inner first; of the writing they crossed, at most one part in
// `writingLostAtMost` is lost. Returns the rings' ink tone.
int expectRingsTakenAndWritingKept(const pipeline::CleanPage& stamped, const pipeline::CleanPage& bare, double dpi,
                                   const std::vector<double>& ringsMm, int writingLostAtMost) {
  EXPECT_TRUE(bare.stampInk.empty());
  EXPECT_FALSE(stamped.stampInk.empty());

  // One stamp, its rings the renderer's.
  const double pxPerMm = dpi / 25.4;
  const cv::Mat untaken = pipeline::binarise(stamped.grey);
  const auto stamps = pipeline::findOfficeStamps(stamped.grey, untaken, stamped.ruling.lines);
  EXPECT_EQ(stamps.size(), 1u);
  if (stamps.size() != 1 || stamps[0].rings.size() != ringsMm.size()) {
    ADD_FAILURE() << ringsMm.size() << " rings expected";
    return -1;
  }
  for (std::size_t k = 0; k < ringsMm.size(); ++k) EXPECT_NEAR(stamps[0].rings[k].radius / pxPerMm, ringsMm[k], 0.4);

  // The rings' ink, as the page without the stamp shows it: what the
  // stamped page's ink holds on the rings far from any of the bare page's.
  cv::Mat rings = cv::Mat::zeros(stamped.ink.size(), CV_8UC1);
  const cv::Point centre(cvRound(stamps[0].centre.x), cvRound(stamps[0].centre.y));
  for (std::size_t k = 0; k < ringsMm.size(); ++k)
    cv::circle(rings, centre, cvRound(stamps[0].rings[k].radius), 255, 2 * cvRound(stamps[0].rings[k].halfWidth) + 5);
  auto onRings = [&](const cv::Mat& ink) {
    cv::Mat out;
    cv::bitwise_and(ink, rings, out);
    return out;
  };
  const int ringInkBefore = setApart(onRings(untaken), bare.ink, 2);
  const int ringInkAfter = setApart(onRings(stamped.ink), bare.ink, 2);
  EXPECT_GT(ringInkBefore, 2 * pxPerMm * 2 * 3.14 * ringsMm.back() * 0.3);  // the rings were ink
  EXPECT_LT(ringInkAfter, ringInkBefore / 20);

  // The writing the rings crossed is kept: the bare page's ink on the
  // rings is ink still, all but a small part. The rulings are left out: a
  // stamp's ring may run along one for a while (taken with it where the
  // ring is black; the rulings were found before).
  cv::Mat rulings, writingInk;
  cv::dilate(bare.ruling.lines, rulings, cv::getStructuringElement(cv::MORPH_RECT, {7, 7}));
  cv::bitwise_and(bare.ink, ~rulings, writingInk);
  const cv::Mat writingOnRings = onRings(writingInk);
  const int writing = cv::countNonZero(writingOnRings);
  EXPECT_GT(writing, 0);
  EXPECT_LT(setApart(writingOnRings, stamped.ink, 1), writing / writingLostAtMost);
  return stamps[0].inkLevel;
}

}  // namespace

TEST(OfficeStamp, takesTheRingsOffTheInkAndLeavesTheWritingUnderThem) {
  for (const double dpi : {150.0, 300.0})
    for (const auto& colour : {kBlue, kViolet}) {
      SCOPED_TRACE(std::to_string(static_cast<int>(dpi)) + " dpi, " + (colour == kBlue ? "blue" : "violet"));
      tools::FormPage form = stampedForm(dpi, colour);
      const pipeline::CleanPage stamped = pipeline::CleanStage{}(grey(tools::renderForm(form)));
      form.stampRow = -1;
      const pipeline::CleanPage bare = pipeline::CleanStage{}(grey(tools::renderForm(form)));
      EXPECT_GT(expectRingsTakenAndWritingKept(stamped, bare, dpi, {kInnerRingMm, kRingMm}, 10), 100);
    }
}

// Offices' stamps differ and are pressed unevenly: one ring or two, 26 to 40
// mm across, the words round between the rings, the ink fading to one side
// (against the median tone of the whole ring, the dark side's ring was as
// dark as writing under it, and stayed).
TEST(OfficeStamp, takesTheRingsOfStampsOfEveryShapeAndOfOnePressedUnevenly) {
  struct Shape {
    const char* what;
    double mm;
    int rings;
    bool wordsRound;
    double fade;
    std::vector<double> ringsMm;
  };
  const Shape shapes[] = {{"one ring, 36 mm", 36, 1, false, 0, {18}},
                          {"two rings, 40 mm, words round", 40, 2, true, 0, {16, 20}},
                          {"two rings, 26 mm, fading to the left", 26, 2, false, 0.7, {13 * 12.5 / 15, 13}}};
  for (const Shape& shape : shapes) {
    SCOPED_TRACE(shape.what);
    tools::FormPage form = stampedForm(200, kViolet);
    form.stampMm = shape.mm;
    form.stampRings = shape.rings;
    form.stampWordsRound = shape.wordsRound;
    form.stampFade = shape.fade;
    form.stampFadeRadians = 3.14159;
    const pipeline::CleanPage stamped = pipeline::CleanStage{}(grey(tools::renderForm(form)));
    form.stampRow = -1;
    const pipeline::CleanPage bare = pipeline::CleanStage{}(grey(tools::renderForm(form)));
    EXPECT_GT(expectRingsTakenAndWritingKept(stamped, bare, 200, shape.ringsMm, 10), 100);
  }
}

// A photocopy prints the stamp as black as the writing: no tone tells a
// ring from the writing across it, and the rings are taken by their place
// alone; a stroke with ink just inside and just outside a ring is kept
// across it. A stroke that meets the ring at a slant loses more of itself
// than where the tone tells: four parts in five are kept (against nine in ten).
TEST(OfficeStamp, takesTheRingsOfAStampAPhotocopyPrintedBlackByTheirPlace) {
  const double dpi = 200;
  tools::FormPage form = stampedForm(dpi, kBlue);
  auto copied = [&] {
    tools::SampleRandom random(11);
    return pipeline::CleanStage{}(tools::applyScanEffects(tools::renderForm(form), tools::photocopier(160, 7), random));
  };
  const pipeline::CleanPage stamped = copied();
  form.stampRow = -1;
  const pipeline::CleanPage bare = copied();
  EXPECT_LT(expectRingsTakenAndWritingKept(stamped, bare, dpi, {kInnerRingMm, kRingMm}, 5), 40);
}

// The stamp's rings cross the numbers of rows 3 to 5 (its words lie over
// row 4's, and stay: see office_stamp.hpp). With the rings on, every one of
// the three was misread; with them off, rows 3 and 5 are read right, a faint
// hand's among them.
TEST(OfficeStamp, theNumbersWrittenUnderAStampsRingsAreReadWithTheRingsTakenOff) {
  const tools::DigitBank digits(tools::defaultDigitsPath());
  const tools::FormPage form = stampedForm(300, kBlue, &digits);
  const pipeline::PageImage image{"L01-XK", *models::Country::fromCode("XK"), 1, grey(tools::renderForm(form))};
  pipeline::Readers readers;
  auto numbersReadRight = [&](const pipeline::CleanPage& clean) {
    const pipeline::PageReading reading =
        pipeline::ReadStage{}(image, clean, pipeline::LayoutChain{}.find(clean), readers);
    std::vector<bool> right;
    if (reading.rows.size() == form.rows.size())
      for (std::size_t r = 0; r < form.rows.size(); ++r)
        right.push_back(reading.rows[r].rawId == form.rows[r].nationalId);
    return right;
  };
  const pipeline::CleanPage taken = pipeline::CleanStage{}(image.grey);
  ASSERT_FALSE(taken.stampInk.empty());
  pipeline::CleanPage left = taken;
  left.ink = pipeline::binarise(taken.grey);
  left.stampInk.release();
  const std::vector<bool> off = numbersReadRight(taken), on = numbersReadRight(left);
  ASSERT_EQ(off.size(), 8u);
  ASSERT_EQ(on.size(), 8u);
  for (const std::size_t r : {0u, 1u, 5u, 6u, 7u}) {  // rows the stamp does not reach
    EXPECT_TRUE(off[r]) << "row " << r + 1;
    EXPECT_TRUE(on[r]) << "row " << r + 1;
  }
  EXPECT_TRUE(off[2]) << "row 3, the inner ring across its number";
  EXPECT_TRUE(off[4]) << "row 5, the inner ring across its number";
  EXPECT_FALSE(on[2] || on[3] || on[4]) << "with the rings on, rows 3 to 5 were read right";
}

#include "pipeline/page/signature_shape.hpp"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "models/signature_similarity.hpp"
#include "pipeline/checks/judge.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit::pipeline;
using listaudit::models::shapeSimilarity;

namespace {
// A scribble through fixed points, drawn in a cell of the given size.
cv::Mat cellWithScribble(const std::vector<cv::Point2d>& unitPoints, cv::Size size, int thickness) {
  cv::Mat ink = cv::Mat::zeros(size, CV_8UC1);
  std::vector<cv::Point> points;
  for (const auto& p : unitPoints)
    points.emplace_back(static_cast<int>(p.x * size.width), static_cast<int>(p.y * size.height));
  cv::polylines(ink, points, false, cv::Scalar(255), thickness, cv::LINE_AA);
  cv::threshold(ink, ink, 100, 255, cv::THRESH_BINARY);
  return ink;
}
const std::vector<cv::Point2d> kLoops{{0.1, 0.6},  {0.2, 0.2}, {0.3, 0.8}, {0.45, 0.3},
                                      {0.55, 0.7}, {0.7, 0.2}, {0.85, 0.6}};
const std::vector<cv::Point2d> kOther{{0.1, 0.3}, {0.3, 0.35}, {0.35, 0.8}, {0.5, 0.75}, {0.6, 0.2}, {0.9, 0.25}};
}  // namespace

TEST(SignatureShape, oneHandAtTwoResolutionsGivesTheSameShape) {
  const cv::Mat small = cellWithScribble(kLoops, {220, 80}, 2), large = cellWithScribble(kLoops, {340, 118}, 3);
  const auto a = signatureShape(small, {}, {0, 0, small.cols, small.rows});
  const auto b = signatureShape(large, {}, {0, 0, large.cols, large.rows});
  ASSERT_EQ(a.size(), static_cast<std::size_t>(kShapeWidth * kShapeHeight));
  EXPECT_GT(shapeSimilarity(a, b), 0.9);
}

TEST(SignatureShape, twoHandsGiveDifferentShapes) {
  const cv::Mat one = cellWithScribble(kLoops, {300, 100}, 3), other = cellWithScribble(kOther, {300, 100}, 3);
  EXPECT_LT(shapeSimilarity(signatureShape(one, {}, {0, 0, 300, 100}), signatureShape(other, {}, {0, 0, 300, 100})),
            0.9);
}

TEST(SignatureShape, anEmptyCellHasNoShape) {
  cv::Mat specks = cv::Mat::zeros(100, 300, CV_8UC1);
  specks.at<std::uint8_t>(50, 50) = 255;  // scanner noise, no stroke
  EXPECT_TRUE(signatureShape(specks, {}, {0, 0, 300, 100}).empty());
  EXPECT_EQ(shapeSimilarity({}, {}), 0.0);
}

TEST(SignatureShape, repeatedSignaturesAreFlaggedOnEveryRowThatSharesThem) {
  listaudit::models::ListEntry list;
  list.listId = "A";
  list.country = *listaudit::models::Country::fromCode("BG");
  std::vector<listaudit::models::RowRecord> rows(3);
  const cv::Mat one = cellWithScribble(kLoops, {300, 100}, 3), again = cellWithScribble(kLoops, {280, 96}, 3),
                other = cellWithScribble(kOther, {300, 100}, 3);
  const std::vector<cv::Mat> cells{one, other, again};
  const char* numbers[] = {"7501020018", "0241010000", "0101010015"};
  for (int i = 0; i < 3; ++i) {
    rows[i] = listaudit::testing::clearRow("A", 1, i + 1, "Name " + std::to_string(i), numbers[i]);
    rows[i].signatureShape = signatureShape(cells[i], {}, {0, 0, cells[i].cols, cells[i].rows});
  }
  const auto judged = judgeRows({list}, rows, {});
  auto repeated = [](const listaudit::models::JudgedRow& j) {
    return listaudit::testing::hasFlag(j, listaudit::models::Flag::SignatureRepeated);
  };
  EXPECT_TRUE(repeated(judged[0]));
  EXPECT_FALSE(repeated(judged[1]));
  EXPECT_TRUE(repeated(judged[2]));
}

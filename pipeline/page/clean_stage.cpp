#include "pipeline/page/clean_stage.hpp"

#include <cmath>
#include <opencv2/imgproc.hpp>
#include <stdexcept>
#include <vector>

#include "pipeline/page/office_stamp.hpp"
#include "pipeline/page/page_orientation.hpp"
#include "pipeline/page/ruling.hpp"
#include "pipeline/page/scanner_streaks.hpp"
#include "pipeline/page/text_lines.hpp"

namespace listaudit::pipeline {
namespace {

cv::Mat rotate(const cv::Mat& image, double degrees, int interpolation, const cv::Scalar& border) {
  const cv::Point2f centre(image.cols / 2.0f, image.rows / 2.0f);
  cv::Mat out;
  cv::warpAffine(image, out, cv::getRotationMatrix2D(centre, degrees, 1.0), image.size(), interpolation,
                 cv::BORDER_CONSTANT, border);
  return out;
}

// The ink's points, turned about the page's centre as warpAffine would turn
// the image, counted per row: the sum of squared row counts is large when ink
// lines up in rows. Turning the points costs a multiply-add each; turning the
// image once per angle tried cost a tenth of a second a page.
class InkRows {
 public:
  explicit InkRows(const cv::Mat& ink) : size_(ink.size()), centre_(ink.cols / 2.0f, ink.rows / 2.0f) {
    cv::findNonZero(ink, points_);
  }
  double sharpness(double degrees) const {
    const cv::Mat m = cv::getRotationMatrix2D(centre_, degrees, 1.0);
    const double a = m.at<double>(0, 0), b = m.at<double>(0, 1), c = m.at<double>(0, 2);
    const double d = m.at<double>(1, 0), e = m.at<double>(1, 1), f = m.at<double>(1, 2);
    std::vector<double> rows(static_cast<std::size_t>(size_.height), 0.0);
    for (const cv::Point& p : points_) {
      // Points turned off the page are lost, as the image's corners are.
      const int x = cvRound(a * p.x + b * p.y + c), y = cvRound(d * p.x + e * p.y + f);
      if (x >= 0 && x < size_.width && y >= 0 && y < size_.height) rows[static_cast<std::size_t>(y)] += 1;
    }
    double sum = 0;
    for (double r : rows) sum += r * r;
    return sum;
  }

 private:
  cv::Size size_;
  cv::Point2f centre_;
  std::vector<cv::Point> points_;
};

double bestAngle(const InkRows& ink, double from, double to, double step) {
  double best = 0, bestScore = -1;
  for (double a = from; a <= to + 1e-9; a += step) {
    const double score = ink.sharpness(a);
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}

// Ink in the band of `rows` pixel rows from `y` (clipped to the page),
// between the table's edges.
int inkBetween(const cv::Mat& ink, int left, int right, int y, int rows) {
  const cv::Rect band = cv::Rect(left, y, right - left, rows) & cv::Rect(0, 0, ink.cols, ink.rows);
  return band.area() > 0 ? cv::countNonZero(ink(band)) : 0;
}

// A page that shows no rulings, upside down: the lines of its table (four
// pieces or more across half the page) end in the narrow row numbers and
// begin with the signatures or the addresses, where an upright page's begin
// with the row numbers. A page with no such lines is taken for upright.
bool unruledLooksUpsideDown(const cv::Mat& ink) {
  int narrowFirst = 0, narrowLast = 0;
  for (const TextLine& line : textLines(ink, leastLineHeight(ink.cols), wordJoin(ink.cols))) {
    if (!tableLike(line, ink.cols)) continue;
    const int first = line.pieces.front().second - line.pieces.front().first;
    const int last = line.pieces.back().second - line.pieces.back().first;
    (first < last ? narrowFirst : narrowLast)++;
  }
  return narrowLast > narrowFirst;
}

// An upside-down form has its narrow row-number column on the right; its
// title (two bold lines) under the table and its collector line above; and
// its tall header row at the bottom. The columns tell only when all six
// rulings were found: with one missing, the first and last gaps are not the
// form's. Then the title tells, when one side holds clearly more ink; the
// header's height last.
bool looksUpsideDown(const Ruling& ruling, const cv::Mat& ink) {
  if (ruling.horizontal.empty() && ruling.vertical.empty()) return unruledLooksUpsideDown(ink);
  const auto& v = ruling.vertical;
  if (v.size() == kFormColumnRulings) {
    const int first = v[1] - v[0], last = v[v.size() - 1] - v[v.size() - 2];
    if (first != last) return last < first;
  }
  const auto& h = ruling.horizontal;
  // A form that rules its header only (and perhaps a row numbering the
  // columns under it) has two to four rulings close together: a tenth of the
  // page holds them all, where a form that rules its rows spans half of it.
  const bool headerOnly = h.size() == 2 || h.size() == 3 || (h.size() == 4 && (h.back() - h.front()) * 10 < ink.rows);
  if (headerOnly) {
    // A form that rules its header only: its rows of writing lie under the
    // header, and outweigh the title on the other side.
    const int header = h.back() - h.front();
    const int above = inkBetween(ink, ruling.left, ruling.right, h.front() - 6 * header, 6 * header);
    const int below = inkBetween(ink, ruling.left, ruling.right, h.back() + 1, 6 * header);
    return above > below;
  }
  if (h.size() >= 4) {
    // The title may stand further above the table than the collector's line
    // stands under it: a page is taken for upright unless the ink under the
    // table clearly outweighs a taller band above it.
    const int rowHeight = (h.back() - h.front()) / static_cast<int>(h.size() - 1);
    const int above = inkBetween(ink, ruling.left, ruling.right, h.front() - 8 * rowHeight, 8 * rowHeight);
    const int below = inkBetween(ink, ruling.left, ruling.right, h.back() + 1, 4 * rowHeight);
    if (above > 2 * below) return false;
    if (below > 2 * above) return true;
    const int firstRow = h[1] - h[0], lastRow = h[h.size() - 1] - h[h.size() - 2];
    return lastRow > firstRow * 1.15;
  }
  return false;
}

}  // namespace

CleanStage::CleanStage(double maxSkewDegrees) : maxSkew_(maxSkewDegrees) {
  if (!(maxSkewDegrees > 0 && maxSkewDegrees <= 45))
    throw std::invalid_argument("clean stage: maxSkewDegrees must be in (0, 45]");
}

cv::Mat binarise(const cv::Mat& grey) {
  cv::Mat smooth, ink;
  cv::medianBlur(grey, smooth, 3);
  // A window about a fifth of an inch wide at any resolution.
  const int window = (std::max(15, grey.cols / 40)) | 1;
  cv::adaptiveThreshold(smooth, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, window, 18);
  return ink;
}

cv::Mat lineInk(const cv::Mat& grey) {
  cv::Mat ink;
  const int window = (std::max(15, grey.cols / 40)) | 1;
  cv::adaptiveThreshold(grey, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, window, 18);
  return ink;
}

double estimateSkew(const cv::Mat& grey, double maxDegrees) {
  // Search on a small copy: about 800 pixels wide is enough for a tenth of a
  // degree. Its ink is thresholded at that size (without the median, which
  // would take a ruling a pixel wide there): the whole page's ink is made
  // once, after the turn.
  // Shrunk by a whole factor from a page cut to a whole count of blocks
  // (the last few pixels' rows and columns left out): OpenCV then averages
  // whole blocks, 7.5 ms for a 3,300-pixel page where any other size cost 24.
  const int factor = std::max(1, static_cast<int>(std::lround(grey.cols / 800.0)));
  const cv::Mat blocks = grey(cv::Rect(0, 0, grey.cols / factor * factor, grey.rows / factor * factor));
  cv::Mat small;
  cv::resize(blocks, small, {blocks.cols / factor, blocks.rows / factor}, 0, 0, cv::INTER_AREA);
  const InkRows rows(lineInk(small));
  const double coarse = bestAngle(rows, -maxDegrees, maxDegrees, 0.25);
  return bestAngle(rows, coarse - 0.25, coarse + 0.25, 0.025);
}

CleanPage CleanStage::operator()(const cv::Mat& grey) const {
  if (grey.empty() || grey.type() != CV_8UC1) throw std::invalid_argument("clean stage: expects an 8-bit grey page");
  CleanPage page;
  // A scanner's streak first, in the frame it was made in (scanner_streaks.hpp).
  const cv::Mat scanned = withoutScannerStreaks(grey);
  page.skewDegrees = estimateSkew(scanned, maxSkew_);
  // Paper tone for the corners the rotation uncovers.
  const cv::Scalar paper(cv::mean(scanned)[0] > 128 ? 255 : 0);
  page.grey = std::abs(page.skewDegrees) >= 0.05 ? rotate(scanned, page.skewDegrees, cv::INTER_LINEAR, paper) : scanned;
  page.ink = binarise(page.grey);
  page.ruling = findRuling(lineInk(page.grey));
  // Rulings that do not show the form's columns may stand where they tell
  // wrong (a fax fed in turned left few, in steps): before such a page is
  // turned, its writing is asked, and where Tesseract is sure it stands
  // upright, it stays so (where it is unsure, the rulings decide). Upside-
  // down pages are few; the question costs about a third of a second.
  if (looksUpsideDown(page.ruling, page.ink) &&
      (page.ruling.vertical.size() == kFormColumnRulings || writingSaysUpsideDown(page.grey).value_or(true))) {
    page.upsideDown = true;
    cv::rotate(page.grey, page.grey, cv::ROTATE_180);
    cv::rotate(page.ink, page.ink, cv::ROTATE_180);
    // Found again rather than turned: the morphology's even-sized kernels are
    // not symmetric under a half turn, so a turned ruling could lie a pixel
    // off the one the layout would find. Only upside-down pages pay for it.
    page.ruling = findRuling(lineInk(page.grey));
  }
  // An office stamp over the names and numbers: its rings' arcs would be
  // read as 1s and 0s, or as a line of writing between two rows (seed 515's
  // L05-RS page 2: three numbers under a ring UNREADABLE).
  if (const auto stamps = findOfficeStamps(page.grey, page.ink, page.ruling.lines); !stamps.empty()) {
    page.stampInk = officeStampInk(page.grey, page.ink, stamps);
    page.ink.setTo(0, page.stampInk);
  }
  return page;
}

}  // namespace listaudit::pipeline

#include "tools/samples/handwriting.hpp"

#include <opencv2/imgproc.hpp>

#include "tools/samples/pango_text.hpp"

#include <glib.h>

#include <cmath>
#include <memory>

#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <vector>

namespace listaudit::tools {
namespace {

// The held-out sheet: a row per digit, 70 samples each.
constexpr int kDigitCell = 20, kSamplesPerClass = 70;

struct Glyph {
  std::string text;
  double width = 0;  // mm
};

// Each letter's advance at `pt`, measured with the hand's font.
std::vector<Glyph> measure(cairo_t* cr, const std::string& text, const std::string& font, double pt) {
  std::vector<Glyph> glyphs;
  const LayoutPtr layout = millimetreLayout(cr, font, pt);
  for (const char* p = text.c_str(); *p; p = g_utf8_next_char(p)) {
    const std::string letter(p, static_cast<std::size_t>(g_utf8_next_char(p) - p));
    pango_layout_set_text(layout.get(), letter.c_str(), -1);
    glyphs.push_back({letter, layoutSize(layout.get()).first});
  }
  return glyphs;
}

// One letter whose baseline sits at (x, y).
void drawLetter(cairo_t* cr, const std::string& letter, const std::string& font, double pt, double x, double y,
                double slant) {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, slant * G_PI / 180.0);
  const LayoutPtr layout = millimetreLayout(cr, font, pt);
  pango_layout_set_text(layout.get(), letter.c_str(), -1);
  cairo_move_to(cr, 0, -pango_layout_get_baseline(layout.get()) / double(PANGO_SCALE));
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

// How far the hand's line of writing climbs per mm written (negative: it falls).
double climbOf(const Hand& hand) { return std::tan(hand.drift * G_PI / 180.0); }

}  // namespace

bool isCyrillic(const std::string& utf8) {
  for (const char* p = utf8.c_str(); *p; p = g_utf8_next_char(p)) {
    const gunichar c = g_utf8_get_char(p);
    if (c >= 0x0400 && c <= 0x04FF) return true;
  }
  return false;
}

Hand handFor(SampleRandom random, bool cyrillic) {
  static const std::vector<std::string> kCyrillic{"Steve", "Steve", "Andika"};
  static const std::vector<std::string> kLatin{"Steve", "Humor Sans", "Comic Neue", "Andika"};
  Hand hand;
  hand.font = random.pick(cyrillic ? kCyrillic : kLatin);
  hand.size = random.real(0.9, 1.15);
  hand.slant = random.real(-4, 3);
  hand.ink = random.chance(0.6) ? std::array<double, 3>{0.08, 0.1, 0.45}   // blue ballpoint
                                : std::array<double, 3>{0.08, 0.08, 0.1};  // black
  hand.seed = random.next();
  hand.pen = random.below(3) - 1;
  // One hand in four crowds its digits until they touch.
  hand.spacing = random.chance(0.25) ? random.real(0.5, 0.6) : random.real(0.64, 0.8);
  // What real forms show and the first hands lacked, from a stream of the
  // hand's own so the draws above (and every earlier batch's other bytes) stay.
  SampleRandom harder(hand.seed ^ 0x4841524445ull);
  hand.capitals = harder.chance(0.2);
  hand.drift = harder.real(-2.5, 2.5);
  hand.lift = harder.real(-1.0, 1.0);
  // One pen in eight is running dry or is a pencil: its ink half way to the paper.
  if (harder.chance(0.125)) {
    const double fade = harder.real(0.35, 0.55);
    for (double& c : hand.ink) c += (0.95 - c) * fade;
  }
  hand.fontDigits = harder.chance(0.3);
  return hand;
}

DigitBank::DigitBank(const std::string& path) : sheet_(cv::imread(path, cv::IMREAD_GRAYSCALE)) {
  if (sheet_.cols != kDigitCell * kSamplesPerClass || sheet_.rows != kDigitCell * 10)
    throw std::runtime_error(path + ": not the 1400x200 sheet of held-out handwritten digits");
}

cv::Mat DigitBank::sample(int digit, std::uint64_t which) const {
  const int column = static_cast<int>(which % kSamplesPerClass);
  return sheet_(cv::Rect(column * kDigitCell, digit * kDigitCell, kDigitCell, kDigitCell));
}

int DigitBank::samplesPerDigit() const { return kSamplesPerClass; }

std::string defaultDigitsPath() { return std::string(LISTAUDIT_SAMPLE_DATA) + "/digits-heldout.png"; }

void drawHandwriting(cairo_t* cr, const std::string& text, const Hand& hand, double pt, double x, double y, double w,
                     double h) {
  if (text.empty()) return;
  std::string written = text;
  if (hand.capitals) {
    std::unique_ptr<gchar, decltype(&g_free)> upper(g_utf8_strup(text.c_str(), -1), &g_free);
    written = upper.get();
  }
  double size = pt * hand.size;
  std::vector<Glyph> glyphs = measure(cr, written, hand.font, size);
  double width = 0;
  for (const auto& g : glyphs) width += g.width;
  if (width > w) {
    size *= w / width;
    glyphs = measure(cr, written, hand.font, size);
  }
  SampleRandom jitter(hand.seed ^ std::hash<std::string>{}(text));
  cairo_save(cr);
  cairo_set_source_rgb(cr, hand.ink[0], hand.ink[1], hand.ink[2]);
  // The baseline a little below the middle of the cell, as capitals stand on it.
  const double capHeight = size / 72.0 * 25.4 * 0.7;
  const double line = y + (h + capHeight) / 2 + jitter.real(-0.5, 0.5) - hand.lift;
  const double climb = climbOf(hand);
  double cursor = x;
  for (const auto& g : glyphs) {
    const double letterSize = size * jitter.real(0.92, 1.08);
    const double baseline = line + jitter.real(-0.25, 0.25) - (cursor - x) * climb;
    drawLetter(cr, g.text, hand.font, letterSize, cursor, baseline, hand.slant - hand.drift + jitter.real(-2, 2));
    cursor += g.width * jitter.real(0.96, 1.04);
  }
  cairo_restore(cr);
}

void drawDigitBoxes(cairo_t* cr, int boxes, double x, double y, double w, double h) {
  if (boxes <= 0) return;
  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.2);
  const double box = w / boxes;
  for (int i = 0; i <= boxes; ++i) {
    cairo_move_to(cr, x + i * box, y + h * 0.08);
    cairo_line_to(cr, x + i * box, y + h * 0.92);
  }
  cairo_move_to(cr, x, y + h * 0.92);
  cairo_line_to(cr, x + w, y + h * 0.92);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void drawHandwrittenNumber(cairo_t* cr, const std::string& number, const Hand& hand, const DigitBank& digits, double x,
                           double y, double w, double h, int boxes) {
  SampleRandom jitter(hand.seed ^ 0x5EED ^ std::hash<std::string>{}(number));
  const double boxWidth = boxes > 0 ? w / boxes : 0;
  const double digitHeight =
      boxes > 0 ? std::min(h * 0.7, boxWidth * 1.1) : std::min(h * 0.8, w / (number.size() * 0.72 + 0.5)) * hand.size;
  // In printed boxes the writing keeps to the boxes; on a bare line it drifts.
  const double climb = boxes > 0 ? 0 : climbOf(hand);
  const double lift = boxes > 0 ? 0 : hand.lift;
  double cursor = x;
  cairo_save(cr);
  for (std::size_t i = 0; i < number.size(); ++i) {
    const char c = number[i];
    if (boxes > 0) cursor = x + boxWidth * static_cast<double>(i) + (boxWidth - digitHeight * 0.7) / 2;
    const double top = y + (h - digitHeight) / 2 + jitter.real(-0.4, 0.4) - lift - (cursor - x) * climb;
    if (c >= '0' && c <= '9' && !hand.fontDigits) {
      // The pen: a fine one thins the strokes by about a third, a broad one
      // thickens them as much (at three times the sample's scale, so a thin
      // stroke thins without breaking).
      cv::Mat sample;
      cv::resize(digits.sample(c - '0', jitter.next()), sample, {}, 3, 3, cv::INTER_CUBIC);
      if (hand.pen < 0) cv::erode(sample, sample, cv::Mat::ones(2, 2, CV_8U));
      if (hand.pen > 0) cv::dilate(sample, sample, cv::Mat::ones(3, 3, CV_8U));
      // The sample's ink as a mask, painted in the hand's ink.
      const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_A8, sample.cols);
      std::vector<unsigned char> data(static_cast<std::size_t>(stride * sample.rows));
      for (int r = 0; r < sample.rows; ++r)
        for (int col = 0; col < sample.cols; ++col)
          data[static_cast<std::size_t>(r * stride + col)] = sample.at<std::uint8_t>(r, col);
      cairo_surface_t* mask =
          cairo_image_surface_create_for_data(data.data(), CAIRO_FORMAT_A8, sample.cols, sample.rows, stride);
      cairo_save(cr);
      cairo_translate(cr, cursor, top);
      // The digit leans with the hand (about its foot, as a pen does).
      cairo_translate(cr, 0, digitHeight);
      cairo_rotate(cr, hand.slant * G_PI / 180.0);
      cairo_translate(cr, 0, -digitHeight);
      const double scale = digitHeight / sample.rows * jitter.real(0.9, 1.1);
      cairo_scale(cr, scale, scale);
      cairo_set_source_rgb(cr, hand.ink[0], hand.ink[1], hand.ink[2]);
      cairo_mask_surface(cr, mask, 0, 0);
      cairo_restore(cr);
      cairo_surface_destroy(mask);
      cursor += digitHeight * hand.spacing * jitter.real(0.9, 1.1);
    } else {
      // In the hand's ink, as its sampled digits are (the letters of an
      // Albanian number were drawn in whatever ink the page had set).
      cairo_save(cr);
      cairo_set_source_rgb(cr, hand.ink[0], hand.ink[1], hand.ink[2]);
      drawLetter(cr, std::string(1, c), hand.font, digitHeight / 25.4 * 72.0 * 1.1, cursor, top + digitHeight * 0.85,
                 hand.slant);
      cairo_restore(cr);
      const bool digit = c >= '0' && c <= '9';
      cursor += digit ? digitHeight * hand.spacing * jitter.real(0.9, 1.1) : digitHeight * 0.7;
    }
  }
  cairo_restore(cr);
}

}  // namespace listaudit::tools

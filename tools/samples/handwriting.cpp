#include "tools/samples/handwriting.hpp"

#include "tools/samples/pango_text.hpp"

#include <glib.h>

#include <opencv2/imgcodecs.hpp>
#include <stdexcept>
#include <vector>

namespace listaudit::tools {
namespace {

constexpr int kDigitCell = 20, kDigitColumns = 70, kSamplesPerClass = 350, kSamplesUsed = 250;

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
  return hand;
}

DigitBank::DigitBank(const std::string& path) : sheet_(cv::imread(path, cv::IMREAD_GRAYSCALE)) {
  if (sheet_.cols != kDigitCell * kDigitColumns || sheet_.rows != kDigitCell * 50)
    throw std::runtime_error(path + ": not the 1400x1000 sheet of handwritten digits");
}

cv::Mat DigitBank::sample(int digit, std::uint64_t which) const {
  const int index = digit * kSamplesPerClass + static_cast<int>(which % kSamplesUsed);
  const int row = index / kDigitColumns, column = index % kDigitColumns;
  return sheet_(cv::Rect(column * kDigitCell, row * kDigitCell, kDigitCell, kDigitCell));
}

std::string defaultDigitsPath() { return std::string(LISTAUDIT_SAMPLE_DATA) + "/digits-train.png"; }

void drawHandwriting(cairo_t* cr, const std::string& text, const Hand& hand, double pt, double x, double y, double w,
                     double h) {
  if (text.empty()) return;
  double size = pt * hand.size;
  std::vector<Glyph> glyphs = measure(cr, text, hand.font, size);
  double width = 0;
  for (const auto& g : glyphs) width += g.width;
  if (width > w) {
    size *= w / width;
    glyphs = measure(cr, text, hand.font, size);
  }
  SampleRandom jitter(hand.seed ^ std::hash<std::string>{}(text));
  cairo_save(cr);
  cairo_set_source_rgb(cr, hand.ink[0], hand.ink[1], hand.ink[2]);
  // The baseline a little below the middle of the cell, as capitals stand on it.
  const double capHeight = size / 72.0 * 25.4 * 0.7;
  const double line = y + (h + capHeight) / 2 + jitter.real(-0.5, 0.5);
  double cursor = x;
  for (const auto& g : glyphs) {
    const double letterSize = size * jitter.real(0.92, 1.08);
    const double baseline = line + jitter.real(-0.25, 0.25);
    drawLetter(cr, g.text, hand.font, letterSize, cursor, baseline, hand.slant + jitter.real(-2, 2));
    cursor += g.width * jitter.real(0.96, 1.04);
  }
  cairo_restore(cr);
}

void drawHandwrittenNumber(cairo_t* cr, const std::string& number, const Hand& hand, const DigitBank& digits, double x,
                           double y, double w, double h) {
  SampleRandom jitter(hand.seed ^ 0x5EED ^ std::hash<std::string>{}(number));
  const double digitHeight = std::min(h * 0.8, w / (number.size() * 0.72 + 0.5)) * hand.size;
  double cursor = x;
  cairo_save(cr);
  for (char c : number) {
    const double top = y + (h - digitHeight) / 2 + jitter.real(-0.4, 0.4);
    if (c >= '0' && c <= '9') {
      const cv::Mat sample = digits.sample(c - '0', jitter.next());
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
      const double scale = digitHeight / kDigitCell * jitter.real(0.9, 1.1);
      cairo_scale(cr, scale, scale);
      cairo_set_source_rgb(cr, hand.ink[0], hand.ink[1], hand.ink[2]);
      cairo_mask_surface(cr, mask, 0, 0);
      cairo_restore(cr);
      cairo_surface_destroy(mask);
      cursor += digitHeight * jitter.real(0.62, 0.78);
    } else {
      drawLetter(cr, std::string(1, c), hand.font, digitHeight / 25.4 * 72.0 * 1.1, cursor, top + digitHeight * 0.85,
                 hand.slant);
      cursor += digitHeight * 0.7;
    }
  }
  cairo_restore(cr);
}

}  // namespace listaudit::tools

// Forms ruled in dots or dashes whose number column prints a box per digit:
// the boxes are the only solid lines on the page, and bridged they are as
// long as the table's rulings. Their lines once stood for the table (a page
// of 10 rows lost: "the table has 14 vertical lines"). Drawn by the sample
// generator's form renderer, at 150 and 300 dpi, with and without column
// rulings, upright and turned.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "pipeline/page/clean_stage.hpp"
#include "pipeline/page/writing_columns_layout_finder.hpp"
#include "tools/samples/form_renderer.hpp"

using namespace listaudit;

namespace {

tools::FormPage dottedFormWithDigitBoxes(double dpi, bool columnRulings) {
  tools::FormPage page;
  page.title = "LISTA e zgjedhësve që mbështesin regjistrimin e partisë";
  page.headers = {"Nr.", "Emri dhe mbiemri", "Numri personal", "Adresa e banimit", "Nënshkrimi"};
  page.collectorLabel = "Personi para të cilit u vendosën nënshkrimet:";
  page.collectorName = "Ëndrra Zeqiri";
  page.dpi = dpi;
  page.dashMm = 0.3;
  page.dashGapMm = 0.6;
  page.columnRulings = columnRulings;
  page.digitBoxes = 10;
  page.numberingRow = true;
  page.blankRows = 3;
  const char* names[] = {"Elona Dervishi", "Mimoza Shehu", "Përparim Tafaj", "Ilir Shehu",
                         "Shpëtim Muçaj",  "Elona Kola",   "Lulzim Lleshi",  "Agron Prifti"};
  for (int i = 0; i < 8; ++i) {
    tools::FormRow row;
    row.name = names[i];
    row.nationalId = "83278925" + std::to_string(10 + i);
    row.address = "Prishtinë, Rr. Nëna Terezë " + std::to_string(i + 1);
    row.signatureSeed = static_cast<std::uint64_t>(i + 1);
    page.rows.push_back(row);
  }
  return page;
}

cv::Mat grey(const cv::Mat& bgr, double degrees) {
  cv::Mat g, out;
  cv::cvtColor(bgr, g, cv::COLOR_BGR2GRAY);
  const cv::Mat m = cv::getRotationMatrix2D({g.cols / 2.0f, g.rows / 2.0f}, degrees, 1.0);
  cv::warpAffine(g, out, m, g.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(250));
  return out;
}

}  // namespace

TEST(FormRulings, findsEveryRowOfADottedFormWithPerDigitBoxes) {
  for (const double dpi : {150.0, 300.0})
    for (const bool columnRulings : {true, false})
      for (const double degrees : {0.0, 2.0}) {
        const std::string what = std::to_string(static_cast<int>(dpi)) + " dpi" +
                                 (columnRulings ? ", column rulings" : ", rows ruled only") + ", turned " +
                                 std::to_string(degrees);
        const tools::FormPage form = dottedFormWithDigitBoxes(dpi, columnRulings);
        const pipeline::CleanPage clean = pipeline::CleanStage{}(grey(tools::renderForm(form), degrees));
        if (columnRulings) {
          EXPECT_EQ(clean.ruling.vertical.size(), 6u) << what;
        }
        EXPECT_GT((clean.ruling.right - clean.ruling.left) * 2, clean.grey.cols) << what << ": the table is the page's";
        try {
          EXPECT_EQ(pipeline::LayoutChain{}.find(clean).rows.size(), form.rows.size()) << what;
        } catch (const pipeline::LayoutError& e) {
          ADD_FAILURE() << what << ": " << e.what();
        }
      }
}

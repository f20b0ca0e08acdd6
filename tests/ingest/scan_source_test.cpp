#include "ingest/scan_source.hpp"

#include <gtest/gtest.h>

#include <zlib.h>

#include <opencv2/imgcodecs.hpp>

#include "tests/support/test_support.hpp"

using namespace listaudit::ingest;
using listaudit::testing::dataDir;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

namespace {
// A page-sized grey image whose pixel (0,0) tells which page it is.
cv::Mat markedPage(int mark) {
  cv::Mat page(400, 300, CV_8UC1, cv::Scalar(255));
  page.at<std::uint8_t>(0, 0) = static_cast<std::uint8_t>(mark);
  return page;
}
}  // namespace

TEST(ScanSource, readsAFolderInNaturalNameOrder) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "scans");
  for (int i : {10, 2, 1}) cv::imwrite(dir.file("scans/page-" + std::to_string(i) + ".png"), markedPage(i));
  writeFile(dir.file("scans/notes.txt"), "not a page");
  auto source = ScanSource::open(dir.file("scans"));
  ASSERT_EQ(source->pageCount(), 3);
  EXPECT_EQ(source->page(0).at<std::uint8_t>(0, 0), 1);
  EXPECT_EQ(source->page(1).at<std::uint8_t>(0, 0), 2);
  EXPECT_EQ(source->page(2).at<std::uint8_t>(0, 0), 10);
}

TEST(ScanSource, readsEachPageOfAMultiPageTiff) {
  TempDir dir;
  ASSERT_TRUE(
      cv::imwritemulti(dir.file("list.tif"), std::vector<cv::Mat>{markedPage(7), markedPage(8), markedPage(9)}));
  auto source = ScanSource::open(dir.file("list.tif"));
  ASSERT_EQ(source->pageCount(), 3);
  EXPECT_EQ(source->page(2).at<std::uint8_t>(0, 0), 9);
  EXPECT_EQ(source->page(0).at<std::uint8_t>(0, 0), 7);
}

TEST(ScanSource, rendersPdfPagesAtThreeHundredDpi) {
  auto source = ScanSource::open(dataDir() + "/scans/L02-RS.pdf");
  ASSERT_EQ(source->pageCount(), 2);
  const cv::Mat page = source->page(1);
  EXPECT_EQ(page.type(), CV_8UC1);
  EXPECT_NEAR(page.cols, 2480, 3);  // A4 at 300 dpi
  EXPECT_NEAR(page.rows, 3508, 3);
}

TEST(ScanSource, namesAMissingPath) {
  try {
    ScanSource::open("/nonexistent/list.pdf");
    FAIL();
  } catch (const ScanError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/list.pdf"), std::string::npos);
  }
}

TEST(ScanSource, refusesEmptyFilesOfEveryKind) {
  TempDir dir;
  for (const char* name : {"empty.pdf", "empty.png", "empty.tif"}) {
    writeFile(dir.file(name), "");
    EXPECT_THROW(ScanSource::open(dir.file(name)), ScanError) << name;
  }
}

TEST(ScanSource, reportsAnEmptyPageFileInAFolderAndReadsTheOthers) {
  TempDir dir;
  std::filesystem::create_directory(dir.path() / "scans");
  cv::imwrite(dir.file("scans/page-1.png"), markedPage(1));
  writeFile(dir.file("scans/page-2.png"), "");
  auto source = ScanSource::open(dir.file("scans"));
  ASSERT_EQ(source->pageCount(), 2);
  EXPECT_EQ(source->page(0).at<std::uint8_t>(0, 0), 1);
  try {
    source->page(1);
    FAIL();
  } catch (const ScanError& e) {
    EXPECT_NE(std::string(e.what()).find("page-2.png"), std::string::npos);
  }
}

TEST(ScanSource, refusesATruncatedImage) {
  TempDir dir;
  const std::string jpeg = readFile(dataDir() + "/scans/L01-BG/page-1.jpg");
  std::vector<std::uint8_t> png;
  cv::imencode(".png", markedPage(3), png);
  writeFile(dir.file("cut.png"), std::string(png.begin(), png.begin() + static_cast<long>(png.size() / 3)));
  writeFile(dir.file("cut.jpg"), jpeg.substr(0, 200));
  for (const char* name : {"cut.png", "cut.jpg"}) {
    try {
      auto source = ScanSource::open(dir.file(name));
      source->page(0);
      FAIL() << name << " was read";
    } catch (const ScanError& e) {
      EXPECT_NE(std::string(e.what()).find(name), std::string::npos);
    }
  }
}

TEST(ScanSource, refusesAPdfThatIsNotOne) {
  TempDir dir;
  writeFile(dir.file("fake.pdf"), "%PDF-1.4\nthis is not a pdf at all\n");
  EXPECT_THROW(ScanSource::open(dir.file("fake.pdf")), ScanError);
}

TEST(ScanSource, refusesAnImageTooSmallToBeAPage) {
  TempDir dir;
  cv::imwrite(dir.file("icon.png"), cv::Mat(32, 32, CV_8UC1, cv::Scalar(0)));
  auto source = ScanSource::open(dir.file("icon.png"));
  EXPECT_THROW(source->page(0), ScanError);
}

TEST(ScanSource, refusesFilesOfOtherKinds) {
  TempDir dir;
  writeFile(dir.file("list.docx"), "x");
  EXPECT_THROW(ScanSource::open(dir.file("list.docx")), ScanError);
}

TEST(ScanSource, refusesAFileWhoseBytesAreNoPageFormatWhateverItsName) {
  // The fuzzer's find: bytes with "DICM" at offset 128, named .tif, made
  // OpenCV hand them to GDCM's DICOM reader, which aborted the process. Only
  // PNG, JPEG and TIFF bytes may reach a decoder; the rest is a ScanError.
  TempDir dir;
  std::string dicom(132, '\xff');
  dicom.replace(128, 4, "DICM");
  dicom += std::string("\0\0\xf7", 3);
  for (const char* name : {"page.tif", "page.png", "page.jpg"}) {
    writeFile(dir.file(name), dicom);
    try {
      ScanSource::open(dir.file(name));
      FAIL() << name << " holding DICOM bytes was opened";
    } catch (const ScanError& e) {
      EXPECT_NE(std::string(e.what()).find("first bytes are not PNG, JPEG or TIFF"), std::string::npos) << e.what();
    }
  }
  // A BMP named .png is also no page format of ours, though OpenCV reads it.
  std::vector<std::uint8_t> bmp;
  cv::imencode(".bmp", markedPage(1), bmp);
  writeFile(dir.file("bitmap.png"), std::string(bmp.begin(), bmp.end()));
  EXPECT_THROW(ScanSource::open(dir.file("bitmap.png")), ScanError);
}

TEST(ScanSource, refusesAJpegCutShortWhoseDecoderOnlyWarns) {
  // A scan cut at 40% still decodes into a whole page with a grey band where
  // its rows were; the decoder's warning must make it an error instead.
  TempDir dir;
  const std::string jpeg = readFile(dataDir() + "/scans/L01-BG/page-1.jpg");
  writeFile(dir.file("cut.jpg"), jpeg.substr(0, jpeg.size() * 4 / 10));
  auto source = ScanSource::open(dir.file("cut.jpg"));
  try {
    source->page(0);
    FAIL() << "a JPEG cut at 40% was read as a page";
  } catch (const ScanError& e) {
    EXPECT_NE(std::string(e.what()).find("cut.jpg: the JPEG data ends early"), std::string::npos) << e.what();
  }
}

TEST(ScanSource, refusesAPngCutShort) {
  TempDir dir;
  const cv::Mat page = cv::imread(dataDir() + "/scans/L01-BG/page-1.jpg", cv::IMREAD_GRAYSCALE);
  std::vector<std::uint8_t> png;
  cv::imencode(".png", page, png);
  writeFile(dir.file("cut.png"), std::string(png.begin(), png.begin() + static_cast<long>(png.size() * 4 / 10)));
  auto source = ScanSource::open(dir.file("cut.png"));
  EXPECT_THROW(source->page(0), ScanError);
}

TEST(ScanSource, refusesAHugeImageFromItsHeaderBeforeDecodingIt) {
  // The header says 32000x32000 pixels (several GiB decoded): the page is
  // refused from the header, and the message says how large it claims to be.
  TempDir dir;
  std::vector<std::uint8_t> png;
  cv::imencode(".png", markedPage(1), png);
  for (int field : {16, 20}) {                        // IHDR width and height, big-endian
    png[static_cast<std::size_t>(field + 2)] = 0x7d;  // 32000 = 0x00007d00
    png[static_cast<std::size_t>(field + 3)] = 0x00;
    png[static_cast<std::size_t>(field)] = png[static_cast<std::size_t>(field + 1)] = 0;
  }
  const uLong crc = crc32(0, png.data() + 12, 17);  // the chunk's type and data
  for (int i = 0; i < 4; ++i) png[static_cast<std::size_t>(29 + i)] = static_cast<std::uint8_t>(crc >> (24 - 8 * i));
  writeFile(dir.file("huge.png"), std::string(png.begin(), png.end()));
  auto source = ScanSource::open(dir.file("huge.png"));
  try {
    source->page(0);
    FAIL() << "a 32000x32000 image was accepted";
  } catch (const ScanError& e) {
    EXPECT_NE(std::string(e.what()).find("32000x32000 pixels"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not decoded"), std::string::npos) << e.what();
  }
}

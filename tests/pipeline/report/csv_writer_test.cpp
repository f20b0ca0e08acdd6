#include "pipeline/report/csv_writer.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit::pipeline;

TEST(CsvWriter, quotesOnlyFieldsThatNeedIt) {
  EXPECT_EQ(csvField("Иван Попов"), "Иван Попов");
  EXPECT_EQ(csvField("Popov, Ivan"), "\"Popov, Ivan\"");
  EXPECT_EQ(csvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
}

TEST(CsvWriter, writesWhatTheReaderReadsBack) {
  listaudit::testing::TempDir dir;
  CsvWriter out(dir.file("x.csv"));
  out.write({"a", "b"});
  out.write({"Popov, Ivan", "say \"no\"\nthen"});
  out.close();
  const auto rows = listaudit::testing::readCsv(dir.file("x.csv"));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].at("a"), "Popov, Ivan");
  EXPECT_EQ(rows[0].at("b"), "say \"no\"\nthen");
}

TEST(CsvWriter, namesAFileItCannotWrite) {
  try {
    CsvWriter out("/nonexistent/folder/rows.csv");
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/folder/rows.csv"), std::string::npos);
  }
}

TEST(CsvWriter, neutralisesWhatASpreadsheetWouldRun) {
  EXPECT_EQ(csvField("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csvField("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
  EXPECT_EQ(csvField("@SUM(1+1)"), "'@SUM(1+1)");
  EXPECT_EQ(csvField("-2+3"), "'-2+3");
  EXPECT_EQ(csvField("\tx"), "'\tx");
  EXPECT_EQ(csvField("0.125"), "0.125");
  EXPECT_EQ(csvField("Партия = народ"), "Партия = народ");  // only the first character counts
}

#include "ingest/csv_reader.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit::ingest;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

TEST(CsvReader, followsRfc4180Quoting) {
  TempDir dir;
  writeFile(dir.file("a.csv"),
            "\xEF\xBB\xBFname,note\r\n\"Petrov, Ivan\",\"said \"\"no\"\"\nthen left\"\r\nplain,\r\n");
  CsvReader reader(dir.file("a.csv"));
  std::vector<std::string> r;
  ASSERT_TRUE(reader.next(r));
  EXPECT_EQ(r, (std::vector<std::string>{"name", "note"}));  // byte order mark dropped
  ASSERT_TRUE(reader.next(r));
  EXPECT_EQ(r, (std::vector<std::string>{"Petrov, Ivan", "said \"no\"\nthen left"}));
  ASSERT_TRUE(reader.next(r));
  EXPECT_EQ(r, (std::vector<std::string>{"plain", ""}));
  EXPECT_EQ(reader.line(), 3);
  EXPECT_FALSE(reader.next(r));
}

TEST(CsvReader, streamsFilesLargerThanItsBuffer) {
  TempDir dir;
  std::string content = "n\n";
  for (int i = 0; i < 50000; ++i) content += std::to_string(i) + "\n";
  writeFile(dir.file("big.csv"), content);
  CsvReader reader(dir.file("big.csv"));
  std::vector<std::string> r;
  int count = 0;
  while (reader.next(r)) ++count;
  EXPECT_EQ(count, 50001);
  EXPECT_EQ(r[0], "49999");
}

TEST(CsvReader, namesTheFileOfAnUnclosedQuote) {
  TempDir dir;
  writeFile(dir.file("bad.csv"), "a,b\n\"open,2\n");
  CsvReader reader(dir.file("bad.csv"));
  std::vector<std::string> r;
  ASSERT_TRUE(reader.next(r));
  try {
    while (reader.next(r)) {
    }
    FAIL() << "no error for an unclosed quote";
  } catch (const CsvError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.csv"), std::string::npos);
  }
}

TEST(CsvReader, namesAMissingFile) {
  try {
    CsvReader reader("/nonexistent/registers.csv");
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/registers.csv"), std::string::npos);
  }
}

TEST(CsvHeader, matchesNamesWithoutCaseAndReportsMissingOnes) {
  const CsvHeader header({"List_ID", " Party "});
  EXPECT_EQ(header.find("list_id"), 0);
  EXPECT_EQ(header.find("PARTY"), 1);
  EXPECT_EQ(header.get({"L1", " P "}, "party"), "P");
  try {
    header.require({"list_id", "path", "submitted_on"}, "m.csv");
    FAIL();
  } catch (const CsvError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("path"), std::string::npos);
    EXPECT_NE(what.find("submitted_on"), std::string::npos);
    EXPECT_NE(what.find("m.csv line 1"), std::string::npos);
  }
}

TEST(ForEachCsvRecord, handsOnLinesNotInUtf8OrOfTheWrongWidthAsBad) {
  TempDir dir;
  writeFile(dir.file("r.csv"),
            "a,b,c\n"
            "1,ok,x\n"
            "2,bad \xC3\x28 byte,x\n"  // an ill-formed two-byte sequence
            "3,too,many,fields\n"
            "4,few\n"
            "5,\xD0\x98\xD0\xB2\xD0\xB0\xD0\xBD,x\n");  // Иван
  std::vector<int> good;
  std::vector<std::pair<int, std::string>> bad;
  forEachCsvRecord(
      dir.file("r.csv"), {"a"},
      [&](const CsvHeader&, const std::vector<std::string>&, int line) { good.push_back(line); },
      [&](int line, const std::string& reason) { bad.emplace_back(line, reason); });
  EXPECT_EQ(good, (std::vector<int>{2, 6}));
  ASSERT_EQ(bad.size(), 3u);
  EXPECT_EQ(bad[0].first, 3);
  EXPECT_NE(bad[0].second.find("field 2 is not valid UTF-8"), std::string::npos);
  EXPECT_EQ(bad[1].second, "4 fields where the header has 3");
  EXPECT_EQ(bad[2].second, "2 fields where the header has 3");
  // Without a handler, the first bad line stops the file, named.
  try {
    forEachCsvRecord(dir.file("r.csv"), {"a"}, [](const CsvHeader&, const std::vector<std::string>&, int) {});
    FAIL();
  } catch (const CsvError& e) {
    EXPECT_NE(std::string(e.what()).find("r.csv line 3"), std::string::npos);
  }
}

#include "ingest/manifest_reader.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit::ingest;
using listaudit::models::ErrorList;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

TEST(ManifestReader, readsColumnsInAnyOrderAndResolvesPaths) {
  TempDir dir;
  writeFile(dir.file("m.csv"),
            "PATH,list_id,Party,submitted_on,election_date,extra,country,digital_path\n"
            "scans/a.pdf,A1,\"Party, United\",2021-02-15,2021-04-04,x,bg,digital/a.csv\n");
  ErrorList errors;
  const auto lists = readManifest(dir.file("m.csv"), errors);
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_TRUE(errors.errors().empty());
  const auto& e = lists[0];
  EXPECT_EQ(e.listId, "A1");
  EXPECT_EQ(e.party, "Party, United");
  EXPECT_EQ(e.country.code(), "BG");
  EXPECT_EQ(e.scanPath, (dir.path() / "scans/a.pdf").string());
  EXPECT_EQ(e.digitalPath, (dir.path() / "digital/a.csv").string());
  EXPECT_EQ(e.submittedOn, (listaudit::models::Date{2021, 2, 15}));
  EXPECT_EQ(e.manifestLine, 2);
}

TEST(ManifestReader, reportsBadLinesByNumberAndKeepsTheRest) {
  TempDir dir;
  writeFile(dir.file("m.csv"),
            "list_id,party,election_date,submitted_on,path,country\n"
            "A,P,2021-04-04,2021-02-15,a.pdf,BG\n"
            ",P,2021-04-04,2021-02-15,b.pdf,BG\n"
            "C,P,04.04.2021,2021-02-15,c.pdf,BG\n"
            "A,P,2021-04-04,2021-02-15,d.pdf,BG\n"
            "E,P,2021-04-04,2021-02-15,e.pdf,FR\n"
            "F,P,2021-04-04,2021-02-15,,BG\n"
            "G,P,2021-04-04,2021-02-15,g.pdf,\n");
  ErrorList reported;
  const auto lists = readManifest(dir.file("m.csv"), reported);
  ASSERT_EQ(lists.size(), 2u);
  EXPECT_EQ(lists[0].listId, "A");
  EXPECT_EQ(lists[1].listId, "G");
  EXPECT_FALSE(lists[1].country.known());
  const auto& errors = reported.errors();
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_NE(errors[0].input.find("line 3"), std::string::npos);
  EXPECT_NE(errors[0].message.find("list_id"), std::string::npos);
  EXPECT_NE(errors[1].message.find("election_date"), std::string::npos);
  EXPECT_NE(errors[2].message.find("repeats"), std::string::npos);
  EXPECT_NE(errors[3].message.find("country"), std::string::npos);
  EXPECT_NE(errors[4].message.find("path"), std::string::npos);
}

TEST(ManifestReader, refusesAManifestWithoutARequiredColumn) {
  TempDir dir;
  writeFile(dir.file("m.csv"), "list_id,party,election_date,path\nA,P,2021-04-04,a.pdf\n");
  ErrorList errors;
  EXPECT_THROW(readManifest(dir.file("m.csv"), errors), CsvError);
}

TEST(ManifestReader, refusesAnEmptyOrMissingManifest) {
  TempDir dir;
  writeFile(dir.file("empty.csv"), "");
  ErrorList errors;
  EXPECT_THROW(readManifest(dir.file("empty.csv"), errors), CsvError);
  EXPECT_THROW(readManifest(dir.file("missing.csv"), errors), CsvError);
}

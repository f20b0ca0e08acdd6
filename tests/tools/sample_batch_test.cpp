#include "tools/samples/sample_batch.hpp"

#include <gtest/gtest.h>

#include <set>

#include "models/national_id.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::readCsv;
using listaudit::testing::readFile;
using listaudit::testing::TempDir;

namespace {
std::map<std::string, std::string> filesUnder(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(root))
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), root).string()] = readFile(e.path().string());
  return files;
}
tools::SampleOptions small(const std::string& out, std::uint64_t seed) {
  tools::SampleOptions o;
  o.seed = seed;
  o.lists = 4;  // every kind of scan file: JPEG folder, PDF, TIFF, PNG folder
  o.pages = 1;
  o.out = out;
  return o;
}
}  // namespace

TEST(SampleBatch, sameSeedGivesTheSameBytes) {
  TempDir dir;
  tools::makeSamples(small(dir.file("a"), 5));
  tools::makeSamples(small(dir.file("b"), 5));
  const auto a = filesUnder(dir.file("a")), b = filesUnder(dir.file("b"));
  EXPECT_EQ(a.size(), b.size());
  for (const auto& [name, bytes] : a) EXPECT_TRUE(b.count(name) && b.at(name) == bytes) << name;
  EXPECT_TRUE(a.count("scans/L01-BG/page-1.jpg"));
  EXPECT_TRUE(a.count("scans/L02-RS.pdf"));
  EXPECT_TRUE(a.count("scans/L03-MK.tif"));
  EXPECT_TRUE(a.count("scans/L04-AL/page-1.png"));

  tools::makeSamples(small(dir.file("c"), 6));
  EXPECT_NE(readFile(dir.file("a/truth.csv")), readFile(dir.file("c/truth.csv")));
}

TEST(SampleBatch, truthFollowsTheContractsDefinitions) {
  TempDir dir;
  tools::makeSamples(small(dir.file("s"), 9));
  std::map<std::string, std::string> countryOf;
  for (auto& m : readCsv(dir.file("s/manifest.csv"))) countryOf[m["list_id"]] = m["country"];
  std::map<std::string, std::set<std::string>> numbersSeen;
  int invalid = 0;
  for (auto& t : readCsv(dir.file("s/truth.csv"))) {
    const bool valid = models::checkNationalId(t["national_id"], countryOf[t["list_id"]]).valid();
    const bool flagged = t["flags"].find("ID_INVALID") != std::string::npos;
    EXPECT_EQ(!valid, flagged) << t["list_id"] << " page " << t["page"] << " row " << t["row"];
    invalid += !valid;
    // A repeated valid number on one list is a duplicate from its second row on.
    if (valid) {
      const bool repeat = !numbersSeen[t["list_id"]].insert(t["national_id"]).second;
      if (repeat) {
        EXPECT_NE(t["flags"].find("DUPLICATE_IN_LIST"), std::string::npos);
      }
    }
  }
  EXPECT_GT(invalid, 0);
  // Everyone on a list is in the population register and consented.
  std::set<std::string> population, consent;
  for (auto& p : readCsv(dir.file("s/population.csv"))) population.insert(p["national_id"]);
  for (auto& c : readCsv(dir.file("s/consent.csv"))) consent.insert(c["national_id"]);
  for (auto& d : readCsv(dir.file("s/digital/L01-BG.csv"))) {
    EXPECT_TRUE(consent.count(d["national_id"]) || !models::checkNationalId(d["national_id"], "BG").valid());
  }
  EXPECT_GE(population.size(), consent.size());
}

TEST(SampleBatch, refusesStylesNotBuiltYet) {
  TempDir dir;
  auto o = small(dir.file("h"), 1);
  o.style = "handwritten";
  EXPECT_THROW(tools::makeSamples(o), std::invalid_argument);
}

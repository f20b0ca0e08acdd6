#include "pipeline/checks/register_checks.hpp"

#include <gtest/gtest.h>

#include <filesystem>

#include "models/national_id.hpp"
#include "pipeline/checks/judge.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;
using models::Date;
using models::Flag;

namespace {

const Date kElection{2021, 4, 4}, kSubmitted{2021, 2, 15};

std::string egn(const std::string& first9) { return first9 + models::egnCheckDigit(first9); }

// A batch of registers written as CSV files and loaded as a run loads them.
class RegisterChecks : public ::testing::Test {
 protected:
  void SetUp() override {
    writeFile(dir_.file("population.csv"),
              "national_id,full_name,birth_date,death_date\n" + ivan_ + ",Иван Петров Попов,1975-01-02,\n" + maria_ +
                  ",Мария Иванова Колева,1980-05-05,2021-02-15\n" + young_ + ",Ана Петрова Илиева,2003-04-04,\n" +
                  minor_ + ",Яна Петрова Илиева,2003-04-05,\n" + jovan_ + ",Јован Петровић,1980-01-01,\n");
    writeFile(dir_.file("consent.csv"), "national_id,full_name,party,signed_on,withdrawn_on\n" + ivan_ +
                                            ",Иван Петров Попов,Партия  ЗА Честност,2021-02-15,\n" + maria_ +
                                            ",Мария Иванова Колева,Партия за честност,2021-01-01,2021-02-15\n" +
                                            young_ + ",Ана Петрова Илиева,Партия за честност,2021-02-16,\n" + jovan_ +
                                            ",Јован Петровић,Партия за честност,2021-01-01,2021-02-16\n");
    writeFile(dir_.file("complaints.csv"), "complaint_id,national_id,full_name,party,filed_on\nC-1," + maria_ +
                                               ",Мария Иванова Колева,партия за честност,2021-03-01\nC-2," + ivan_ +
                                               ",Иван Петров Попов,Другa партия,2021-03-01\n");
    models::ErrorList errors;
    registers_ = pipeline::loadRegisters(
        {dir_.file("population.csv"), dir_.file("consent.csv"), dir_.file("complaints.csv"), dir_.file("cache")},
        errors);
    EXPECT_TRUE(errors.errors().empty());
    list_.listId = "A";
    list_.party = "Партия за честност";
    list_.country = *listaudit::models::Country::fromCode("BG");
    list_.electionDate = kElection;
    list_.submittedOn = kSubmitted;
  }

  std::set<Flag> flagsOf(const std::string& name, const std::string& number) {
    const auto judged =
        pipeline::judgeRows({list_}, {listaudit::testing::clearRow("A", 1, 1, name, number)}, {}, registers_);
    std::set<Flag> flags;
    for (const auto& f : judged[0].findings) flags.insert(f.flag);
    return flags;
  }

  TempDir dir_;
  pipeline::Registers registers_;
  models::ListEntry list_;
  const std::string ivan_ = egn("750102001"), maria_ = egn("800505002"), young_ = egn("034404003"),
                    minor_ = egn("034405004"), jovan_ = egn("800101005"), nobody_ = egn("700101006");
};

}  // namespace

TEST_F(RegisterChecks, consentSignedOnTheSubmissionDayCounts) {
  // Party names match after case folding and whitespace collapse.
  EXPECT_EQ(flagsOf("Иван Петров Попов", ivan_), std::set<Flag>{});
}

TEST_F(RegisterChecks, deathOnTheSubmissionDayIsDeceased) {
  const auto flags = flagsOf("Мария Иванова Колева", maria_);
  EXPECT_TRUE(flags.count(Flag::Deceased));
  EXPECT_TRUE(flags.count(Flag::ConsentWithdrawn));  // withdrawn on the submission day
  EXPECT_TRUE(flags.count(Flag::Complaint));         // against this party, in other case
}

TEST_F(RegisterChecks, eighteenthBirthdayOnElectionDayIsOfAge) {
  EXPECT_FALSE(flagsOf("Ана Петрова Илиева", young_).count(Flag::Underage));
  EXPECT_TRUE(flagsOf("Яна Петрова Илиева", minor_).count(Flag::Underage));
}

TEST_F(RegisterChecks, consentSignedTheDayAfterSubmissionIsLate) {
  EXPECT_TRUE(flagsOf("Ана Петрова Илиева", young_).count(Flag::ConsentLate));
}

TEST_F(RegisterChecks, withdrawalAfterSubmissionLeavesConsentInForce) {
  const auto flags = flagsOf("Jovan Petrović", jovan_);  // the register writes the name in Cyrillic
  EXPECT_FALSE(flags.count(Flag::ConsentWithdrawn));
  EXPECT_FALSE(flags.count(Flag::NameMismatch));
}

TEST_F(RegisterChecks, aComplaintAgainstAnotherPartyDoesNotCount) {
  EXPECT_FALSE(flagsOf("Иван Петров Попов", ivan_).count(Flag::Complaint));
}

TEST_F(RegisterChecks, aNumberOfNobodyIsNotInTheRegisterAndHasNoConsent) {
  EXPECT_EQ(flagsOf("Петър Петров", nobody_), (std::set<Flag>{Flag::NoConsent, Flag::NotInRegister}));
}

TEST_F(RegisterChecks, someoneElsesNumberIsANameMismatch) {
  const auto flags = flagsOf("Петър Стоянов Колев", ivan_);
  EXPECT_TRUE(flags.count(Flag::NameMismatch));
}

TEST_F(RegisterChecks, aFailingNumberIsThePersonWithTheName) {
  std::string typo = ivan_;
  typo.back() = typo.back() == '9' ? '0' : static_cast<char>(typo.back() + 1);
  // ID_INVALID only: the name finds Ivan, whose consent is in force.
  EXPECT_EQ(flagsOf("ИВАН ПЕТРОВ ПОПОВ", typo), std::set<Flag>{Flag::IdInvalid});
}

TEST_F(RegisterChecks, makesNoCheckWhoseRegisterIsNotGiven) {
  pipeline::Registers none;
  const auto judged =
      pipeline::judgeRows({list_}, {listaudit::testing::clearRow("A", 1, 1, "Петър Петров", nobody_)}, {}, none);
  EXPECT_TRUE(judged[0].findings.empty());
}

TEST(PopulationImport, isReusedForTheSameContentAndRedoneForNew) {
  TempDir dir;
  writeFile(dir.file("p.csv"), "national_id,full_name,birth_date,death_date\n7501020018,Иван Попов,1975-01-02,\n");
  models::ErrorList errors;
  pipeline::RegisterPaths paths{dir.file("p.csv"), "", "", dir.file("cache")};
  pipeline::loadRegisters(paths, errors);
  const auto first = *std::filesystem::directory_iterator(dir.file("cache"));
  const auto stamp = std::filesystem::last_write_time(first.path());
  const auto again = pipeline::loadRegisters(paths, errors);
  EXPECT_EQ(std::filesystem::last_write_time(first.path()), stamp);  // not imported again
  EXPECT_TRUE(again.population->byNumber("7501020018"));

  writeFile(dir.file("p.csv"), "national_id,full_name,birth_date,death_date\n0241010000,Ана Попова,2002-01-01,\n");
  const auto changed = pipeline::loadRegisters(paths, errors);
  EXPECT_FALSE(changed.population->byNumber("7501020018"));
  EXPECT_TRUE(changed.population->byNumber("0241010000"));
  EXPECT_TRUE(errors.errors().empty());
}

TEST(RegisterReading, reportsBadLinesAndRefusesMissingColumns) {
  TempDir dir;
  writeFile(dir.file("c.csv"),
            "national_id,full_name,party,signed_on,withdrawn_on\n"
            "7501020018,Иван Попов,P,15.02.2021,\n"
            ",,P,2021-01-01,\n");
  models::ErrorList errors;
  pipeline::RegisterPaths paths{"", dir.file("c.csv"), "", dir.file("cache")};
  const auto registers = pipeline::loadRegisters(paths, errors);
  ASSERT_EQ(errors.errors().size(), 2u);
  EXPECT_NE(errors.errors()[0].input.find("c.csv line 2"), std::string::npos);
  EXPECT_NE(errors.errors()[0].message.find("signed_on"), std::string::npos);
  EXPECT_NE(errors.errors()[1].input.find("line 3"), std::string::npos);
  EXPECT_EQ(registers.consent->size(), 1);

  writeFile(dir.file("bad.csv"), "national_id,full_name,party\n");
  EXPECT_THROW(pipeline::loadRegisters({"", "", dir.file("bad.csv"), dir.file("cache")}, errors), ingest::CsvError);
}

// Consent and complaints are imported into the cache like the population:
// streamed, reused for the same content, their bad lines reported again.
TEST(RegisterImport, consentAndComplaintsAreImportedOnceAndTheirBadLinesReportedAgain) {
  TempDir dir;
  std::string consent = "national_id,full_name,party,signed_on,withdrawn_on\n";
  // More records than one chunk the reading thread hands over, a bad line
  // between chunks: the errors come in the order of the lines.
  for (int i = 0; i < 10000; ++i)
    consent +=
        std::to_string(7501020018LL + i) + ",Иван Попов,P," + (i % 5000 == 4999 ? "15.02.2021" : "2021-02-15") + ",\n";
  writeFile(dir.file("c.csv"), consent);
  writeFile(dir.file("k.csv"),
            "complaint_id,national_id,full_name,party,filed_on\nC-1,7501020018,Иван Попов,P,2021-03-01\n"
            "C-2,,,P,2021-03-02\n");
  const pipeline::RegisterPaths paths{"", dir.file("c.csv"), dir.file("k.csv"), dir.file("cache")};
  models::ErrorList first, second;
  const auto imported = pipeline::loadRegisters(paths, first);
  ASSERT_EQ(first.errors().size(), 3u);
  EXPECT_NE(first.errors()[0].input.find("c.csv line 5001"), std::string::npos);
  EXPECT_NE(first.errors()[1].input.find("c.csv line 10001"), std::string::npos);
  EXPECT_NE(first.errors()[2].input.find("k.csv line 3"), std::string::npos);
  EXPECT_EQ(imported.consent->size(), 10000);
  EXPECT_EQ(imported.consent->find("7501020018", "", "p").size(), 1u);
  EXPECT_EQ(imported.consent->find("", "ivan popov", "p").size(), 10000u);
  EXPECT_TRUE(imported.consent->find("7501020018", "", "other party").empty());
  EXPECT_EQ(imported.complaints->find("7501020018", "", "p").at(0).complaintId, "C-1");

  std::vector<std::filesystem::file_time_type> stamps;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("cache")))
    stamps.push_back(std::filesystem::last_write_time(entry.path()));
  ASSERT_EQ(stamps.size(), 2u);
  const auto reused = pipeline::loadRegisters(paths, second);
  std::size_t i = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir.file("cache")))
    EXPECT_EQ(std::filesystem::last_write_time(entry.path()), stamps[i++]);  // not imported again
  ASSERT_EQ(second.errors().size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) EXPECT_EQ(second.errors()[k].input, first.errors()[k].input);
  EXPECT_EQ(reused.consent->size(), 10000);
}

#include "ingest/register_reader.hpp"

#include <gtest/gtest.h>

#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;

TEST(RegisterReader, refusesAConsentRegisterWithALineItCannotRead) {
  // A consent line not read is a supporter who would be flagged NO_CONSENT.
  TempDir dir;
  writeFile(dir.file("consent.csv"),
            "national_id,full_name,party,signed_on,withdrawn_on\n"
            "8001010000,A B,P,2021-01-01,\n"
            "8001010001,A C,P,2021-01-01\n"  // a column short
            "8001010002,A D,P,2021-01-01,\n");
  models::ErrorList errors;
  int kept = 0;
  try {
    ingest::readConsent(
        dir.file("consent.csv"), [&](const models::ConsentRecord&) { ++kept; }, errors);
    FAIL() << "a consent register with an unread line was used";
  } catch (const ingest::CsvError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("consent.csv: 1 line(s) cannot be read; line 3: 4 fields where the header has 5"),
              std::string::npos)
        << message;
  }
}

TEST(RegisterReader, skipsAComplaintLineItCannotReadAndSaysWhich) {
  // A complaint not read loses a flag; it accuses no one.
  TempDir dir;
  writeFile(dir.file("complaints.csv"),
            "complaint_id,national_id,full_name,party,filed_on\n"
            "C1,8001010000,A B,P,2021-01-01\n"
            "C2,8001010001,\xFF,P,2021-01-01\n"
            "C3,8001010002,A D,P,2021-01-01\n");
  models::ErrorList errors;
  std::vector<std::string> ids;
  ingest::readComplaints(
      dir.file("complaints.csv"), [&](const models::Complaint& c) { ids.push_back(c.complaintId); }, errors);
  EXPECT_EQ(ids, (std::vector<std::string>{"C1", "C3"}));
  ASSERT_EQ(errors.errors().size(), 1u);
  EXPECT_NE(errors.errors()[0].input.find("complaints.csv line 3"), std::string::npos);
  EXPECT_NE(errors.errors()[0].message.find("not valid UTF-8"), std::string::npos);
}

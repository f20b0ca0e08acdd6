// Honest identity (contract sections 6 and 7): a repair needs the image, the
// check and the register; a row whose person is in doubt accuses nobody.
#include "pipeline/checks/identify.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "models/name_odds.hpp"
#include "models/national_id.hpp"
#include "models/reading_odds.hpp"
#include "pipeline/checks/judge.hpp"
#include "tests/support/test_support.hpp"

using namespace listaudit;
using listaudit::testing::TempDir;
using listaudit::testing::writeFile;
using models::Flag;

namespace {

// Ivan's number, and the same with its seventh digit changed and the check
// digit made to pass again: the two a reader may confuse.
const std::string kIvan = "7501020018";

class Identity : public ::testing::Test {
 protected:
  void SetUp() override {
    writeFile(dir_.file("population.csv"), "national_id,full_name,birth_date,death_date\n" + kIvan +
                                               ",Иван Петров Попов,1975-01-02,\n0241010000,Мария Колева,2002-01-01,\n");
    writeFile(dir_.file("consent.csv"),
              "national_id,full_name,party,signed_on,withdrawn_on\n" + kIvan + ",Иван Петров Попов,П,2021-01-01,\n");
    models::ErrorList errors;
    registers_ = pipeline::loadRegisters(
        {dir_.file("population.csv"), dir_.file("consent.csv"), "", dir_.file("cache")}, errors);
    list_.listId = "A";
    list_.party = "П";
    list_.country = *models::Country::fromCode("BG");
    list_.electionDate = models::Date{2021, 4, 4};
    list_.submittedOn = models::Date{2021, 2, 15};
  }

  // A row read with `sure` confidence on every character but `unsure` at `position`.
  models::RowRecord row(const std::string& name, const std::string& number, double sure = 0.99,
                        std::size_t position = 99, double unsure = 0.99,
                        std::vector<models::Alternative> alternatives = {}) {
    models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, name, number);
    r.idCharacterConfidences.assign(number.size(), sure);
    r.idAlternatives.assign(number.size(), {});
    if (position < number.size()) {
      r.idCharacterConfidences[position] = unsure;
      r.idAlternatives[position] = std::move(alternatives);
    }
    r.idConfidence = *std::min_element(r.idCharacterConfidences.begin(), r.idCharacterConfidences.end());
    return r;
  }

  models::JudgedRow judge(const models::RowRecord& r) { return pipeline::judgeRows({list_}, {r}, {}, registers_)[0]; }

  TempDir dir_;
  pipeline::Registers registers_;
  models::ListEntry list_;
};

bool has(const models::JudgedRow& j, Flag f) { return listaudit::testing::hasFlag(j, f); }

// `j` is Ivan's row with `number` as written: a writer's slip, ID_INVALID,
// the copy agreeing (no DIGITAL_MISMATCH), nothing in doubt, and Ivan, by
// his name, consented.
void expectIvansSlip(const models::JudgedRow& j, const std::string& number) {
  EXPECT_EQ(j.nationalId, number);
  EXPECT_TRUE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::DigitalMismatch));
  EXPECT_FALSE(has(j, Flag::NoConsent));
}

// An Albanian party's list submitted on 15 February 2021.
models::ListEntry albanianList() {
  models::ListEntry list;
  list.listId = "A";
  list.party = "P";
  list.country = *models::Country::fromCode("AL");
  list.electionDate = models::Date{2021, 4, 4};
  list.submittedOn = models::Date{2021, 2, 15};
  return list;
}

// Registers holding one person (a line of population.csv) and nobody's consent.
pipeline::Registers onePersonWithoutConsent(TempDir& dir, const std::string& person) {
  writeFile(dir.file("population.csv"), "national_id,full_name,birth_date,death_date\n" + person + "\n");
  writeFile(dir.file("consent.csv"), "national_id,full_name,party,signed_on,withdrawn_on\n");
  models::ErrorList errors;
  return pipeline::loadRegisters({dir.file("population.csv"), dir.file("consent.csv"), "", dir.file("cache")}, errors);
}

// `r` judged with the electronic copy giving `name` and `number` at its page
// and row (the copy's line 2).
models::JudgedRow judgedWithCopy(const models::ListEntry& list, const models::RowRecord& r,
                                 const pipeline::Registers& registers, const std::string& name,
                                 const std::string& number) {
  pipeline::DigitalCopies copies;
  copies[list.listId][{r.page, r.row}] = ingest::DigitalRow{name, number, 2};
  return pipeline::judgeRows({list}, {r}, {}, registers, copies)[0];
}

}  // namespace

TEST(ReadingOdds, weighsACandidateByTheReadersDoubtAboutTheChangedCharacters) {
  const models::ReadingOdds odds("7501020017", std::vector<double>(10, 0.99),
                                 {{}, {}, {}, {}, {}, {}, {}, {}, {}, {{'8', 0.3}}}, "0123456789");
  EXPECT_DOUBLE_EQ(odds.ratio("7501020017"), 1.0);
  EXPECT_NEAR(odds.ratio("7501020018"), 0.3 / 0.99, 1e-9);     // the reader's own second choice
  EXPECT_LT(odds.ratio("7501020027"), models::kSupportRatio);  // a sure character changed
  EXPECT_EQ(odds.ratio("750102001"), 0.0);
  const auto likeliest = odds.likeliest(5);
  ASSERT_GE(likeliest.size(), 2u);
  EXPECT_EQ(likeliest[0], "7501020017");
  EXPECT_EQ(likeliest[1], "7501020018");
}

TEST_F(Identity, takesTheImageSupportedNumberTheRegisterHoldsUnderTheName) {
  // The last digit read as 7 (0.6) or 8 (0.35): only 8 passes, and the register holds it under the name.
  const auto j = judge(row("Иван Петров Попов", "7501020017", 0.99, 9, 0.6, {{'8', 0.35}}));
  EXPECT_EQ(j.nationalId, kIvan);
  EXPECT_FALSE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NoConsent));
  EXPECT_NE(j.note.find("holds it under the row's name"), std::string::npos);
}

TEST_F(Identity, keepsAClearlyWrittenWrongCheckDigitAsWritten) {
  // Every digit sure: the 7 was written, not misread. No repair, however near a valid number is.
  const auto j = judge(row("Иван Петров Попов", "7501020017"));
  EXPECT_EQ(j.nationalId, "7501020017");
  EXPECT_TRUE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NoConsent));  // the name still names Ivan, who consented
  // Written by hand and read surely, it is no cut to mend either.
  models::RowRecord hand = row("Иван Петров Попов", "7501020017");
  hand.idWriting = models::Writing::Handwritten;
  const auto byHand = judge(hand);
  EXPECT_EQ(byHand.nationalId, "7501020017");
  EXPECT_TRUE(has(byHand, Flag::IdInvalid));
}

TEST_F(Identity, refusesACandidateTheRegisterHoldsUnderAnotherName) {
  // The image fits Ivan's number, but the row names someone else: no repair, and nobody accused.
  const auto j = judge(row("Стоян Колев Дочев", "7501020017", 0.99, 9, 0.6, {{'8', 0.35}}));
  EXPECT_EQ(j.nationalId, "7501020017");
  EXPECT_FALSE(has(j, Flag::NameMismatch));
  EXPECT_FALSE(has(j, Flag::NoConsent));
  EXPECT_FALSE(has(j, Flag::NotInRegister));
  EXPECT_TRUE(has(j, Flag::Unreadable));
}

TEST_F(Identity, aRowInDoubtCarriesNoFlagThatNeedsThePersonAndNamesTheCandidates) {
  // A valid number read unsurely at its last two digits, whose other reading
  // there is valid too (an EGN needs two changes to stay valid); neither is confirmed.
  const std::string rival = "024101007" + std::string(1, models::egnCheckDigit("024101007"));
  models::RowRecord r = row("Петко Петков", "0241010000", 0.99, 8, 0.5, {{'7', 0.45}});
  r.idCharacterConfidences[9] = 0.5;
  r.idAlternatives[9] = {{rival[9], 0.45}};
  r.idConfidence = 0.5;
  const auto j = judge(r);
  ASSERT_TRUE(has(j, Flag::Unreadable));
  for (Flag f : {Flag::NoConsent, Flag::NotInRegister, Flag::NameMismatch, Flag::Underage, Flag::DuplicateInList,
                 Flag::MultiParty, Flag::Complaint, Flag::Deceased})
    EXPECT_FALSE(has(j, f)) << models::flagCode(f);
  std::string evidence;
  for (const auto& f : j.findings) evidence += f.evidence;
  EXPECT_NE(evidence.find("the image also fits"), std::string::npos);
}

TEST_F(Identity, aConfidentNumberStillAccusesWhenTheImageSupportsNoOther) {
  const auto j = judge(row("Мария Колева", "0241010000"));
  EXPECT_TRUE(has(j, Flag::NoConsent));
  EXPECT_FALSE(has(j, Flag::Unreadable));
}

TEST_F(Identity, aRepairOfTheReadingAloneNeedsTheRegister) {
  // The cell read again says 7501020018 (Ivan's); the first reading, sure of 7, is another name's row.
  models::RowRecord r = row("Стоян Колев Дочев", "7501020017");
  r.idOtherReadings = {kIvan};
  const auto j = judge(r);
  EXPECT_EQ(j.nationalId, "7501020017");
  EXPECT_TRUE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::NoConsent));
}

TEST(IdentityOfAnAlbanianRow, aLookAlikeReadSurelyIsTakenWhenTheRegisterHoldsItUnderTheName) {
  // E50312345K (1945) printed, read as B50312345K (1915, also a valid date).
  TempDir dir;
  writeFile(dir.file("population.csv"),
            "national_id,full_name,birth_date,death_date\nE50312345K,Arben Hoxha,1945-03-12,\n");
  models::ErrorList errors;
  const auto registers = pipeline::loadRegisters({dir.file("population.csv"), "", "", dir.file("cache")}, errors);
  const models::ListEntry list = albanianList();
  models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, "Arben Hoxha", "B50312345K");
  r.idCharacterConfidences.assign(10, 0.9);
  const auto j = pipeline::judgeRows({list}, {r}, {}, registers)[0];
  EXPECT_EQ(j.nationalId, "E50312345K");
  EXPECT_FALSE(has(j, Flag::NotInRegister));
  EXPECT_FALSE(has(j, Flag::Unreadable));
}

// A look-alike read surely that makes a valid number of someone born after
// the list was submitted (F read as P: 1952 becomes 2052) is a misreading,
// not a person: nobody is accused (no NOT_IN_REGISTER, UNDERAGE or
// NO_CONSENT), and the evidence says why the row is in doubt.
TEST(IdentityOfAnAlbanianRow, aValidNumberOfSomeoneNotYetBornAccusesNobody) {
  TempDir dir;
  const auto registers = onePersonWithoutConsent(dir, "F25625307C,Jonida Berisha,1952-06-25,");
  const models::ListEntry list = albanianList();
  ASSERT_TRUE(models::checkNationalId("P25625307C", list.country.scheme()).valid());
  models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, "Lindita Krasniqi", "P25625307C");
  r.idCharacterConfidences.assign(10, 1.0);
  const auto j = pipeline::judgeRows({list}, {r}, {}, registers)[0];
  EXPECT_TRUE(has(j, Flag::Unreadable));
  for (Flag f : {Flag::NotInRegister, Flag::Underage, Flag::NoConsent, Flag::IdInvalid})
    EXPECT_FALSE(has(j, f)) << models::flagCode(f);
  std::string evidence;
  for (const auto& f : j.findings) evidence += f.evidence;
  EXPECT_NE(evidence.find("gives a birth on 2052-06-25"), std::string::npos) << evidence;
}

// A hand's number that passes its check by chance (one misreading in ten
// does) accuses nobody unless something confirms it.
TEST_F(Identity, holdsBackAHandsValidNumberReadUnsurelyThatNothingConfirms) {
  models::RowRecord r = row("Петър Стоянов", "0241010000", 0.99, 3, 0.5, {{'2', 0.3}});
  r.idWriting = models::Writing::Handwritten;
  const auto j = judge(r);  // the register holds the number under Мария Колева, not the name read
  EXPECT_TRUE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NameMismatch));
  EXPECT_FALSE(has(j, Flag::NoConsent));
  EXPECT_FALSE(has(j, Flag::Underage));
  // Read surely, the same number stands and its person's flags are raised.
  models::RowRecord sure = row("Петър Стоянов", "0241010000");
  sure.idWriting = models::Writing::Handwritten;
  const auto stands = judge(sure);
  // (the name, a hand's that the register does not confirm, is still for a person to read)
  EXPECT_TRUE(has(stands, Flag::NoConsent));
}

// A printed name read "surely" with a sign no name holds is a misreading (a
// photocopy's specks read as "Иван Колев ;" at 0.86): it accuses nobody of
// giving another name. Read as letters only, the same misreading stands.
TEST_F(Identity, aNameReadWithASignNoNameHoldsIsNoNameMismatch) {
  models::RowRecord specks = row("Иван Колев ;", kIvan);
  specks.nameConfidence = 0.86;
  EXPECT_FALSE(has(judge(specks), Flag::NameMismatch));
  models::RowRecord letters = row("Иван Колев", kIvan);
  letters.nameConfidence = 0.86;
  EXPECT_TRUE(has(judge(letters), Flag::NameMismatch));
}

// Tesseract drops letters of a clean printed name with confidence ("И Петров
// Попов" for Иван Петров Попов at 0.91): a name near the register's, read
// below kSureMismatchName, is for a person to read, not another person's; the
// copy is not said to differ either. Read surely, the same reading accuses.
TEST_F(Identity, aPrintedNameNearTheRegistersReadBelowSureIsInDoubtNotAMismatch) {
  models::RowRecord r = row("И Петров Попов", kIvan);
  r.nameConfidence = 0.91;
  const auto j = judge(r);
  EXPECT_FALSE(has(j, Flag::NameMismatch));
  ASSERT_TRUE(has(j, Flag::Unreadable));
  std::string evidence;
  for (const auto& f : j.findings) evidence += f.evidence;
  EXPECT_NE(evidence.find("may be a misreading of it"), std::string::npos) << evidence;
  r.nameConfidence = 0.99;
  EXPECT_TRUE(has(judge(r), Flag::NameMismatch));
}

// A photocopy's print read surely as "НЕ ОИ" is far from the register's
// name, but the party's own electronic copy gives the register's name under
// the same number: the paper is as likely misread as written otherwise. Below
// kSureMismatchName it is in doubt; where the copy gives the name read, or
// the reading is sure, it is another person's name.
TEST_F(Identity, aPrintedNameFarFromTheNameTheRegisterAndCopyAgreeOnIsInDoubtBelowSure) {
  models::RowRecord r = row("Не Ои", kIvan);
  r.nameConfidence = 0.90;
  pipeline::DigitalCopies agreeing;
  agreeing["A"][{1, 1}] = ingest::DigitalRow{"Иван Петров Попов", kIvan, 2};
  const auto j = pipeline::judgeRows({list_}, {r}, {}, registers_, agreeing)[0];
  EXPECT_FALSE(has(j, Flag::NameMismatch));
  EXPECT_FALSE(has(j, Flag::DigitalMismatch));
  ASSERT_TRUE(has(j, Flag::Unreadable));
  std::string evidence;
  for (const auto& f : j.findings) evidence += f.evidence;
  EXPECT_NE(evidence.find("and the electronic copy line 2 give under the number"), std::string::npos) << evidence;
  pipeline::DigitalCopies writtenSo;
  writtenSo["A"][{1, 1}] = ingest::DigitalRow{"Не Ои", kIvan, 2};
  EXPECT_TRUE(has(pipeline::judgeRows({list_}, {r}, {}, registers_, writtenSo)[0], Flag::NameMismatch));
  r.nameConfidence = 0.99;
  EXPECT_TRUE(has(pipeline::judgeRows({list_}, {r}, {}, registers_, agreeing)[0], Flag::NameMismatch));
}

// Kosovo's numbers carry no check digit: a dot-matrix 9 read surely as 0
// passes, and nobody holds it. Where the register holds the row's name under
// a number a character away, the reading, not the person, is in doubt: no
// NOT_IN_REGISTER or NO_CONSENT, and the evidence names the register's number.
TEST(IdentityOfAKosovoRow, aNumberNobodyHoldsNearTheNamesNumberInTheRegisterAccusesNobody) {
  TempDir dir;
  writeFile(dir.file("population.csv"),
            "national_id,full_name,birth_date,death_date\n8560946953,Ëndri Lleshi,1985-01-01,\n");
  writeFile(dir.file("consent.csv"),
            "national_id,full_name,party,signed_on,withdrawn_on\n8560946953,Ëndri Lleshi,P,2021-01-01,\n");
  models::ErrorList errors;
  const pipeline::Registers registers =
      pipeline::loadRegisters({dir.file("population.csv"), dir.file("consent.csv"), "", dir.file("cache")}, errors);
  models::ListEntry list = albanianList();
  list.country = *models::Country::fromCode("XK");
  models::RowRecord misread = listaudit::testing::clearRow("A", 1, 1, "Ëndri Lleshi", "8560946053");
  const auto j = pipeline::judgeRows({list}, {misread}, {}, registers)[0];
  for (Flag f : {Flag::NotInRegister, Flag::NoConsent}) EXPECT_FALSE(has(j, f)) << models::flagCode(f);
  ASSERT_TRUE(has(j, Flag::Unreadable));
  std::string evidence;
  for (const auto& f : j.findings) evidence += f.evidence;
  EXPECT_NE(evidence.find("under 8560946953, 1 character from it"), std::string::npos) << evidence;
  // Someone of another name with a number nobody holds is not in the register.
  models::RowRecord stranger = listaudit::testing::clearRow("A", 1, 2, "Blerina Kola", "7509012581");
  EXPECT_TRUE(has(pipeline::judgeRows({list}, {stranger}, {}, registers)[0], Flag::NotInRegister));
}

// A name read with confidence but misread by one letter may be another
// person's: while the number is in doubt, the name identifies its person only
// when the image allows that person's number.
TEST_F(Identity, doesNotTakeThePersonOfTheNameWhenTheImageShowsAnotherNumber) {
  models::RowRecord r = row("Иван Петров Попов", "1234567890", 0.6);  // fails its check, every digit unsure
  r.idWriting = models::Writing::Handwritten;
  const auto j = judge(r);
  EXPECT_TRUE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NoConsent));
  bool named = false;
  for (const auto& f : j.findings)
    if (f.flag == Flag::Unreadable)
      named = f.evidence.find("under a number the image does not show") != std::string::npos;
  EXPECT_TRUE(named);
}

// A surely read number that fails its check is far from the number of the
// one register person of the name read: a person who writes their own number
// wrong slips a digit, so the name (Branka read as Branko) or the number is
// another person's. Nobody is accused; the evidence says why.
TEST_F(Identity, doesNotTakeThePersonOfTheNameWhoseNumberIsFarFromASurelyReadFailingOne) {
  const std::string stem = "880315441";
  const std::string failing = stem + std::to_string((models::egnCheckDigit(stem) - '0' + 1) % 10);
  ASSERT_FALSE(models::checkNationalId(failing, models::IdScheme::Egn).valid());
  for (const auto writing : {models::Writing::Printed, models::Writing::Handwritten}) {
    models::RowRecord r = row("Мария Колева", failing);
    r.idWriting = writing;
    const auto j = judge(r);
    EXPECT_TRUE(has(j, Flag::Unreadable));
    EXPECT_FALSE(has(j, Flag::NoConsent));  // Мария gave none: the row would have accused her
    EXPECT_FALSE(has(j, Flag::IdInvalid));  // whose number it is, and so whether it is wrong, is in doubt
    std::string evidence;
    for (const auto& f : j.findings) evidence += f.evidence;
    EXPECT_NE(evidence.find("holds the name read, under a number 10 characters from the one read"), std::string::npos)
        << evidence;
  }
}

// A hand's number is cut wrongly as often as misread: a stray stroke in front
// taken for a digit, the last digit lost to the form's count. The name names
// one register person whose number is two edits from the reading: name and
// number agree, and that person is the row's.
TEST_F(Identity, takesThePersonOfTheNameWhenAHandsNumberIsAFewCutsFromTheirs) {
  models::RowRecord r = row("Иван Петров Попов", "9" + kIvan.substr(0, 9), 0.6);
  r.idWriting = models::Writing::Handwritten;
  const auto j = judge(r);
  EXPECT_EQ(j.nationalId, kIvan);
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::NoConsent));  // Ivan consented
  EXPECT_NE(j.note.find("the one person of that name, and the reading, a hand's in doubt, is 2 characters"),
            std::string::npos)
      << j.note;
  // Read by print OCR, the same reading is no hand's cut: nobody is taken.
  models::RowRecord printed = row("Иван Петров Попов", "9" + kIvan.substr(0, 9), 0.6);
  EXPECT_NE(judge(printed).nationalId, kIvan);
}

// A hand's digit misread surely into a valid number the register does not
// hold would accuse its owner of standing there unregistered and without
// consent. The electronic copy's number, one edit away, which the register
// holds under a name near the one read, is the row's instead.
TEST_F(Identity, takesTheCopysNumberTheRegisterHoldsUnderANameNearTheReadingOverAHandsUnheldNumber) {
  const std::string misread = "750102007" + std::string(1, models::egnCheckDigit("750102007"));
  ASSERT_NE(misread, kIvan);
  models::RowRecord r = row("Иван Петрв Попов", misread);  // sure of every digit, the name misread by a letter
  r.idWriting = models::Writing::Handwritten;
  const auto j = judgedWithCopy(list_, r, registers_, "Иван Петров Попов", kIvan);
  EXPECT_EQ(j.nationalId, kIvan);
  EXPECT_FALSE(has(j, Flag::NotInRegister));
  EXPECT_FALSE(has(j, Flag::NoConsent));
  EXPECT_NE(j.note.find("a name near the reading, and the electronic copy gives it"), std::string::npos) << j.note;
}

// Where two people share the row's name, the copy's number is taken for
// being the copy's, under a name like the reading: the evidence must not say
// the name names one person.
TEST_F(Identity, theEvidenceSaysTheCopyGaveTheNumberWhereTheNameIsShared) {
  TempDir dir;
  writeFile(dir.file("population.csv"),
            "national_id,full_name,birth_date,death_date\n" + kIvan +
                ",Иван Петров Попов,1975-01-02,\n6501020016,Иван Петров Попов,1965-01-02,\n");
  models::ErrorList errors;
  const auto registers = pipeline::loadRegisters({dir.file("population.csv"), "", "", dir.file("cache")}, errors);
  ASSERT_TRUE(errors.errors().empty());
  const std::string misread = "750102007" + std::string(1, models::egnCheckDigit("750102007"));
  models::RowRecord r = row("Иван Петров Попов", misread);
  r.idWriting = models::Writing::Handwritten;
  const auto j = judgedWithCopy(list_, r, registers, "Иван Петров Попов", kIvan);
  EXPECT_EQ(j.nationalId, kIvan);
  EXPECT_EQ(j.note.find("the one person of that name"), std::string::npos) << j.note;
  EXPECT_NE(j.note.find("the electronic copy gives it"), std::string::npos) << j.note;
}

// A hand's name is no evidence of another person on its own (its misreadings
// are as far from the register as another name); spelled as read by the
// party's own electronic copy under the same number, it is.
TEST_F(Identity, aHandsNameTheCopySpellsAsReadIsAnotherPersonsWhereTheRegisterDiffers) {
  models::RowRecord r = row("Петър Стоянов", "0241010000");  // the register holds it under Мария Колева
  r.idWriting = models::Writing::Handwritten;
  EXPECT_FALSE(has(judge(r), Flag::NameMismatch));
  const auto j = judgedWithCopy(list_, r, registers_, "Петър Стоянов", "0241010000");
  EXPECT_TRUE(has(j, Flag::NameMismatch));
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_TRUE(has(j, Flag::NoConsent));  // Мария, whose number it is, gave none
}

// A hand's name garbled by one script's model (a Latin hand read by the
// Cyrillic model, or the other way) may be read by the other: the number read
// surely, held by the register under a name near that other reading, is the
// row's, and the register's spelling is reported with where it came from.
TEST_F(Identity, aHandsNameGarbledByOneModelIsConfirmedByAnothersReading) {
  models::RowRecord r = row("Hbah Metpob Nonob", kIvan);  // the Latin model's reading of a Cyrillic hand
  r.idWriting = models::Writing::Handwritten;
  const auto alone = judge(r);
  EXPECT_TRUE(has(alone, Flag::Unreadable));  // nothing the register holds is near that reading
  EXPECT_TRUE(alone.fullName.empty());
  r.nameOtherReadings = {"Ивон Петрв Попов"};  // the Cyrillic model's
  const auto j = judge(r);
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NoConsent));  // Ivan consented
  EXPECT_EQ(j.nationalId, kIvan);
  EXPECT_EQ(j.fullName, "Иван Петров Попов");
  EXPECT_NE(j.note.find("the name as another of the reader's models read it"), std::string::npos) << j.note;
  // Another reading far from the register's name confirms nothing.
  r.nameOtherReadings = {"Елена Шишкова"};
  EXPECT_TRUE(has(judge(r), Flag::Unreadable));
  // A name read surely stands on its own reading and on the other script's:
  // capitals of one script are look-alikes of the other's, and the Latin
  // model reads ИВАН surely as HBAH (the printed batch of seed 404 read
  // ЈОВАН ШАРАЦ as JOBAH IIJAPAL and raised NAME_MISMATCH).
  models::RowRecord printed = row("Hbah Metpob Nonob", kIvan);
  printed.nameConfidence = 0.99;
  printed.nameOtherReadings = {"Ивон Петрв Попов"};
  const auto confirmed = judge(printed);
  EXPECT_EQ(confirmed.fullName, "Иван Петров Попов");
  EXPECT_FALSE(has(confirmed, Flag::NameMismatch));
  // Another reading in its own script is not looked at: a name read surely
  // as another person's is that person's name (NAME_MISMATCH).
  models::RowRecord other = row("Елена Шишкова", kIvan);
  other.nameConfidence = 0.99;
  other.nameOtherReadings = {"Ивон Петрв Попов"};
  const auto mismatch = judge(other);
  EXPECT_TRUE(mismatch.fullName.empty());  // the name stays as read
  EXPECT_TRUE(has(mismatch, Flag::NameMismatch));
}

// A hand's name read as the electronic copy spells it, another person's than
// the register's under the same number, is that other person's, even where
// another model's garbled reading comes near enough to the register's name
// (seed 505 list L01-BG page 1 row 5: the register's spelling had been taken
// and NAME_MISMATCH lost).
TEST_F(Identity, aHandsNameTheCopySpellsIsNotTakenForTheRegistersByAGarbledReading) {
  models::RowRecord r = row("Петър Стоянов", "0241010000");  // the register holds it under Мария Колева
  r.idWriting = models::Writing::Handwritten;
  r.nameOtherReadings = {"Мари Колев"};  // another model's reading, near the register's name
  const auto alone = judge(r);
  EXPECT_FALSE(has(alone, Flag::NameMismatch));  // with no copy, that reading confirms Мария
  EXPECT_EQ(alone.fullName, "Мария Колева");
  const auto j = judgedWithCopy(list_, r, registers_, "Петър Стоянов", "0241010000");
  EXPECT_TRUE(j.fullName.empty()) << j.fullName;  // no other spelling: the name stands as read
  EXPECT_EQ(j.note.find("spelled as"), std::string::npos) << j.note;
  EXPECT_TRUE(has(j, Flag::NameMismatch));
  EXPECT_FALSE(has(j, Flag::DigitalMismatch));
  EXPECT_FALSE(has(j, Flag::Unreadable));
}

// A row whose number cell gave nothing (a dry pen's number a copier lost)
// says nothing of whether it is a hand's: its name, read by the print models
// alone at 0.94, is not taken as sure, and is compared with no other name
// (seed 545's L02-RS page 1 row 3: a hand's capitals NEVENA PAVLOVIĆ read as
// МЕМЕМА РАМСОМЈС, and a DIGITAL_MISMATCH raised on that reading). The same
// name read beside a printed number is sure, and differs from the copy's.
TEST_F(Identity, aNameBesideANumberCellThatGaveNothingIsNotReadSurely) {
  models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, "Мемема Рамсомјс", "");
  r.idConfidence = 0;
  r.nameConfidence = 0.94;
  const auto j = judgedWithCopy(list_, r, registers_, "Невена Павловић", "0241010000");
  EXPECT_TRUE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::DigitalMismatch)) << j.note;
  EXPECT_FALSE(has(j, Flag::NoConsent));
  models::RowRecord printed = row("Мемема Рамсомјс", kIvan);
  printed.nameConfidence = 0.99;
  EXPECT_TRUE(has(judgedWithCopy(list_, printed, registers_, "Невена Павловић", kIvan), Flag::DigitalMismatch));
}

// A number read surely that fails its check one character from the number
// the register holds under the row's name is a writer's slip or a
// misreading. Where the electronic copy gives the register's number too (it
// did not repeat a slip), neither ID_INVALID nor DIGITAL_MISMATCH is said: a
// person compares (seed 606's L03-BG: a dot-matrix 6 read as 8 at 0.99, five
// rows flagged both). The person is the name's, so the person's own checks
// stand. Without the copy, or with the copy repeating the reading, the slip
// is ID_INVALID as written.
TEST_F(Identity, aSureNumberOneCharacterFromTheNumberTheCopyAndRegisterGiveIsForAPersonToCompare) {
  std::string slip = kIvan;
  for (char d = '0'; d <= '9'; ++d) {
    slip[4] = d;
    if (!models::checkNationalId(slip, models::IdScheme::Egn).valid()) break;
  }
  ASSERT_FALSE(models::checkNationalId(slip, models::IdScheme::Egn).valid());
  const models::RowRecord r = row("Иван Петров Попов", slip);  // every digit at 0.99
  const auto j = judgedWithCopy(list_, r, registers_, "Иван Петров Попов", kIvan);
  EXPECT_FALSE(has(j, Flag::IdInvalid)) << j.note;
  EXPECT_FALSE(has(j, Flag::DigitalMismatch)) << j.note;
  EXPECT_TRUE(has(j, Flag::Unreadable));
  const auto unreadable = std::find_if(j.findings.begin(), j.findings.end(),
                                       [](const models::Finding& f) { return f.flag == Flag::Unreadable; });
  ASSERT_TRUE(unreadable != j.findings.end());
  EXPECT_NE(unreadable->evidence.find("fails its check one character from " + kIvan), std::string::npos)
      << unreadable->evidence;
  EXPECT_FALSE(has(j, Flag::NoConsent));  // Ivan, by his name, consented
  expectIvansSlip(judge(r), slip);
  expectIvansSlip(judgedWithCopy(list_, r, registers_, "Иван Петров Попов", slip), slip);
}

TEST(JmbgScheme, refusesAYearNoOneLivingWasBornIn) {
  // 04.11.679: the three year digits of a JMBG are 8xx, 9xx or 0xx.
  std::string first12 = "041167997205";
  EXPECT_FALSE(models::checkNationalId(first12 + models::jmbgCheckDigit(first12), models::IdScheme::Jmbg).valid());
  first12 = "041199972095";
  EXPECT_TRUE(models::checkNationalId(first12 + models::jmbgCheckDigit(first12), models::IdScheme::Jmbg).valid());
}

// A hand's number written with a wrong check digit stays as written (contract
// section 6), so its person is the one of the row's name; a hand's name
// misread by a letter names nobody in the register ("Vuk Stonković", seed
// 919). The party's electronic copy giving the very number read, under a
// name the reading fits, gives the name: the row is that person's.
TEST_F(Identity, aHandsNameMisreadByALetterIsTheCopysWhereTheCopyGivesTheFailingNumberAsRead) {
  models::RowRecord r = row("Иван Петрв Попов", "7501020017");  // every digit sure: the 7 was written
  r.idWriting = models::Writing::Handwritten;
  const auto alone = judge(r);
  EXPECT_TRUE(has(alone, Flag::Unreadable));  // nobody holds the name read
  EXPECT_TRUE(has(alone, Flag::IdInvalid));
  const auto j = judgedWithCopy(list_, r, registers_, "Иван Петров Попов", "7501020017");
  EXPECT_EQ(j.nationalId, "7501020017");  // no repair: the copy repeats the writer's slip
  EXPECT_TRUE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::Unreadable));
  EXPECT_FALSE(has(j, Flag::NoConsent));  // Ivan consented
  EXPECT_FALSE(has(j, Flag::DigitalMismatch));
  EXPECT_EQ(j.fullName, "Иван Петров Попов");
  // Read unsurely, a reading the copy gives digit for digit is no misreading
  // either (seed 919: "Марко Чолић" read as "Мофко Чедић", a digit at 0.5).
  models::RowRecord unsure = row("Иван Петрв Попов", "7501020017", 0.99, 4, 0.5, {{'8', 0.4}});
  unsure.idWriting = models::Writing::Handwritten;
  EXPECT_TRUE(has(judge(unsure), Flag::Unreadable));
  const auto confirmed = judgedWithCopy(list_, unsure, registers_, "Иван Петров Попов", "7501020017");
  EXPECT_FALSE(has(confirmed, Flag::Unreadable));
  EXPECT_TRUE(has(confirmed, Flag::IdInvalid));
  EXPECT_EQ(confirmed.fullName, "Иван Петров Попов");
  // A copy that gives another number at the row, or a name the reading does
  // not fit, gives no name.
  EXPECT_TRUE(has(judgedWithCopy(list_, r, registers_, "Иван Петров Попов", "7501020026"), Flag::Unreadable));
  EXPECT_TRUE(has(judgedWithCopy(list_, r, registers_, "Мария Колева", "7501020017"), Flag::Unreadable));
}

// A letter read where the form has a digit is set by the form (B taken as 8);
// where the number then fails its check, the reader may as well have misread
// the character (seed 919: a dot-matrix J51325181W read as JB1325181W): the
// row is in doubt, and NO_CONSENT through the row's name accuses nobody. The
// electronic copy giving the number written, which the image supports at
// that character, settles it: the copy's is the number (it raised
// DIGITAL_MISMATCH against that copy before).
TEST(IdentityOfAnAlbanianRow, aFailingNumberWithACharacterTheFormSetIsInDoubtUnlessTheCopySettlesIt) {
  // Her number in the register is three characters from the one read: near
  // enough that the name alone would have named her.
  TempDir dir;
  const auto registers = onePersonWithoutConsent(dir, "J55825181W,Rozafa Muçaj,1995-08-25,");
  const models::ListEntry list = albanianList();
  ASSERT_TRUE(models::checkNationalId("J55825181W", list.country.scheme()).valid());
  ASSERT_FALSE(models::checkNationalId("J81325181W", list.country.scheme()).valid());
  ASSERT_FALSE(models::checkNationalId("J51325181W", list.country.scheme()).valid());
  models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, "Rozafa Muçaj", "JB1325181W");
  r.idCharacterConfidences.assign(10, 0.99);
  r.idCharacterConfidences[1] = 0.87;
  r.idConfidence = 0.87;
  const auto alone = pipeline::judgeRows({list}, {r}, {}, registers)[0];
  EXPECT_EQ(alone.nationalId, "J81325181W");
  EXPECT_TRUE(has(alone, Flag::Unreadable));
  for (Flag f : {Flag::NoConsent, Flag::IdInvalid}) EXPECT_FALSE(has(alone, f)) << models::flagCode(f);
  const auto j = judgedWithCopy(list, r, registers, "Rozafa Muçaj", "J51325181W");
  EXPECT_EQ(j.nationalId, "J51325181W");
  EXPECT_TRUE(has(j, Flag::IdInvalid));
  EXPECT_FALSE(has(j, Flag::DigitalMismatch));
  EXPECT_FALSE(has(j, Flag::Unreadable));
}

// A hand's number read unsurely, failing its check, where the electronic
// copy gives a failing number the image supports, nearer the reading than
// the register's number for the row's name: the copy's is the one written
// (a wrong check digit the copy repeats; seed 919 had the reading "repaired"
// into the register's number and a DIGITAL_MISMATCH raised). It still fails:
// ID_INVALID, and the person is the one of the name.
TEST_F(Identity, aHandsUnsureReadingIsTheCopysFailingNumberWhereTheImageSupportsIt) {
  models::RowRecord r = row("Иван Петров Попов", "7501020057", 0.99, 8, 0.5, {{'1', 0.4}});
  r.idWriting = models::Writing::Handwritten;
  ASSERT_FALSE(models::checkNationalId("7501020057", models::IdScheme::Egn).valid());
  ASSERT_FALSE(models::checkNationalId("7501020017", models::IdScheme::Egn).valid());
  EXPECT_EQ(judge(r).nationalId, kIvan);  // no copy: a hand's cut, two characters from Ivan's number
  const auto j = judgedWithCopy(list_, r, registers_, "Иван Петров Попов", "7501020017");
  expectIvansSlip(j, "7501020017");
  EXPECT_NE(j.note.find("the electronic copy gives it"), std::string::npos) << j.note;
  // The name misread by a letter as well ("Любсщир" for Любомир, seed 535) is
  // the copy's, under the number now read.
  models::RowRecord misnamed = r;
  misnamed.fullName = "Иван Петрв Попов";
  const auto named = judgedWithCopy(list_, misnamed, registers_, "Иван Петров Попов", "7501020017");
  EXPECT_EQ(named.fullName, "Иван Петров Попов");
  EXPECT_FALSE(has(named, Flag::Unreadable));
  // A copy's number the image does not support is not the reading.
  EXPECT_NE(judgedWithCopy(list_, r, registers_, "Иван Петров Попов", "7501020097").nationalId, "7501020097");
}

// A number that fails its check, read with its one doubtful digit as the
// electronic copy gives it, is what the paper says: the copy repeats the
// writer's slip digit for digit. Set by the check digit to the number the
// register holds under the name, it had raised DIGITAL_MISMATCH where the
// paper is ID_INVALID (seed 506's L08-ME page 1 row 7, read right at 0.73).
TEST_F(Identity, aFailingNumberTheCopyGivesDigitForDigitIsNotRepaired) {
  // The last digit read as 7 (0.6) or 8 (0.35): only 8 passes, and the
  // register holds 8 under the name.
  const models::RowRecord r = row("Иван Петров Попов", "7501020017", 0.99, 9, 0.6, {{'8', 0.35}});
  ASSERT_EQ(judge(r).nationalId, kIvan);  // with no copy, the repair the register confirms
  expectIvansSlip(judgedWithCopy(list_, r, registers_, "Иван Петров Попов", "7501020017"), "7501020017");
  // A copy giving the register's number instead settles the digit the other way.
  const auto other = judgedWithCopy(list_, r, registers_, "Иван Петров Попов", kIvan);
  EXPECT_EQ(other.nationalId, kIvan);
  EXPECT_FALSE(has(other, Flag::IdInvalid));
  EXPECT_FALSE(has(other, Flag::DigitalMismatch));
}

namespace {

// The name network's odds for a cell whose ink spells `label` (lower case,
// Latin, letters of kNameClasses), a column for each letter and a blank
// between, with its first `misread` letters written so that the network
// takes each for the next letter of the alphabet (about 4.6 in natural log
// against the letter written, a letter).
models::NameOdds oddsOfInk(const std::string& label, int misread) {
  constexpr std::size_t kOutputs = models::NameOdds::kOutputs;
  auto column = [&](std::size_t likeliest, std::size_t second) {
    std::vector<float> p(kOutputs, 0.02f / static_cast<float>(kOutputs - 2));
    p[likeliest] = 0.97f;
    p[second] = 0.01f;
    return p;
  };
  std::vector<float> probabilities;
  int letters = 0;
  for (const char c : label) {
    const auto at = std::find(models::kNameClasses.begin(), models::kNameClasses.end(), std::string(1, c));
    const std::size_t written = static_cast<std::size_t>(at - models::kNameClasses.begin()) + 1;
    const bool misreadHere = c != ' ' && letters++ < misread;
    const std::size_t read = misreadHere ? written + 1 : written;
    for (const auto& p : {column(0, read), column(read, misreadHere ? written : 0), column(0, read)})
      probabilities.insert(probabilities.end(), p.begin(), p.end());
  }
  return models::NameOdds::fromProbabilities(probabilities);
}

}  // namespace

// A hand's name garbled past what the name network supports on its own
// (1 in 400 of its likeliest reading) is the register's name where the
// number the row is established by is the electronic copy's at the row and
// the copy names the register's person: the ink need only not contradict
// them (kAgreedNameSupportLog). Seed 535 L05-RS page 1 row 9, "Лио Ћирић"
// for Ана Ћирић at -15, was UNREADABLE.
TEST(IdentityOfAHandsName, aGarbledNameTheRegisterAndCopyAgreeOnIsTheirsWhereTheInkDoesNotContradictThem) {
  TempDir dir;
  const std::string number = "7501020018";
  const auto registers = onePersonWithoutConsent(dir, number + ",Ivan Petrov Popov,1975-01-02,");
  models::ListEntry list = albanianList();
  list.country = *models::Country::fromCode("BG");
  models::RowRecord r = listaudit::testing::clearRow("A", 1, 1, "Lvbo Qfusov", number);  // the print models'
  r.idWriting = models::Writing::Handwritten;
  r.nameConfidence = 0.85;
  r.nameOdds = oddsOfInk("ivan petrov popov", 3);
  ASSERT_LT(*r.nameOdds.support("Ivan Petrov Popov"), models::kNameSupportLog);
  ASSERT_GT(*r.nameOdds.support("Ivan Petrov Popov"), -20.0);
  // The register alone: the ink is not enough.
  const auto alone = pipeline::judgeRows({list}, {r}, {}, registers)[0];
  EXPECT_TRUE(has(alone, Flag::Unreadable));
  EXPECT_TRUE(has(alone, Flag::NoConsent));  // the number establishes Ivan whatever the name
  // The copy gives the number and the register's name: the name is read.
  const auto agreed = judgedWithCopy(list, r, registers, "Ivan Petrov Popov", number);
  EXPECT_FALSE(has(agreed, Flag::Unreadable)) << agreed.note;
  EXPECT_FALSE(has(agreed, Flag::DigitalMismatch));
  EXPECT_EQ(agreed.fullName, "Ivan Petrov Popov");
  EXPECT_NE(agreed.note.find("the electronic copy gives this name under the same number, and the ink does not "
                             "contradict it"),
            std::string::npos)
      << agreed.note;
  // A copy naming another person under the number agrees with nothing.
  EXPECT_TRUE(has(judgedWithCopy(list, r, registers, "Petar Stoyanov", number), Flag::Unreadable));
  // A copy giving another number (the paper's differs) agrees with nothing.
  EXPECT_TRUE(has(judgedWithCopy(list, r, registers, "Ivan Petrov Popov", "7501020026"), Flag::Unreadable));
  // Ink that contradicts them (five letters misread) leaves the name in doubt.
  r.nameOdds = oddsOfInk("ivan petrov popov", 5);
  ASSERT_LT(*r.nameOdds.support("Ivan Petrov Popov"), -20.0);
  EXPECT_TRUE(has(judgedWithCopy(list, r, registers, "Ivan Petrov Popov", number), Flag::Unreadable));
}

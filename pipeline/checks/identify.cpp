#include "pipeline/checks/identify.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <optional>

#include "models/decimal_text.hpp"
#include "models/name_odds.hpp"
#include "models/name_text.hpp"
#include "models/reading_odds.hpp"
#include "models/text_distance.hpp"

namespace listaudit::pipeline {
namespace {

// Numbers searched for among the image's likeliest readings.
constexpr std::size_t kReadingsSearched = 400;
// Candidates named in the evidence of a row in doubt.
constexpr std::size_t kCandidatesShown = 3;
// Namesakes in the population register whose numbers are weighed against a
// row's reading: a common name is shared by thousands in a national register.
constexpr int kNamesakesWeighed = 64;
// A hand's name the register and the electronic copy give alike under the
// number the row is established by needs only this of the ink (natural log,
// against the name network's likeliest reading; kNameSupportLog otherwise).
// On seeds 505, 506, 535 and 919 (630 handwritten rows whose name is the
// register's), the register's name for a NAME_MISMATCH row, another person's
// name than the one written, stood at -33 or below; the true name of a
// garbled hand that the copy and register agree on, at -9 to -19.
constexpr double kAgreedNameSupportLog = -20.0;
// A candidate the population register holds under the row's name needs less
// of the image: a look-alike the reader was fairly sure of (one in a hundred).
constexpr double kConfirmableSupport = 0.01;
// Below this, a character of a hand's number that fails its check may be misread.
constexpr double kSureHandwrittenDigit = 0.9;
// A hand's number read unsurely is cut wrongly as often as misread: a stray
// stroke taken for a digit, two touching digits taken for one. Its reading is
// that person's number when at most this share of its characters must be
// inserted, deleted or changed to make it (Levenshtein). Measured on the
// handwritten corpus (seed 505): 91% of readings are within it of the number
// written; of 20,554 pairings of a reading with another register person's
// number, 7 (0.03%) are, all of them 10-digit numbers 4 apart.
constexpr double kCutEditShare = 0.3;

// How the registers or the copy confirm a number; `how` empty when they do not.
struct Confirmation {
  std::string how;
  std::optional<models::Person> person;  // the register's line, when the register confirms it
};

// A number the row could be, besides the one resolved.
struct Candidate {
  std::string number;
  double support = 0;  // how likely the image makes it, relative to the number resolved
  std::string source;  // where it comes from, in words
};

// The row's reading of its name nearest `name`, and how near. A name read
// surely stands on its own reading and the other script's; one read unsurely
// (a hand's) may be nearer in any other of the reader's models' readings (a
// Latin hand garbled by the Cyrillic model is read by the Latin one). With
// `sameScript`, only readings in the script of `name` count. `reading` is
// null when none does.
struct NearestReading {
  const std::string* reading = nullptr;
  double similarity = 0;
};
NearestReading nearestReading(const models::RowRecord& row, const std::string& name, const CheckOptions& options,
                              bool sameScript = false) {
  NearestReading best;
  const auto weigh = [&](const std::string& reading) {
    if (sameScript && models::mixesScripts(reading + " " + name)) return;
    const double s = models::nameSimilarity(reading, name);
    if (!best.reading || s > best.similarity) best = {&reading, s};
  };
  weigh(row.fullName);
  // A name read unsurely (a hand's) may be nearer in any of the reader's
  // models' readings. One read surely stands on its own reading, in its
  // script; but the model of the other script read the same ink, and
  // capitals of one script are look-alikes of the other's (ЈОВАН ШАРАЦ read
  // surely by the Latin model as JOBAH IIJAPAL): the name may be in that one.
  const bool unsure = nameReadUnsurely(row, options);
  for (const std::string& other : row.nameOtherReadings)
    if (unsure || models::mixesScripts(other + " " + row.fullName)) weigh(other);
  return best;
}

// How likely the ink of a hand's name is to be `name`, against the name
// network's own likeliest reading (models/name_odds.hpp), in natural log;
// empty for a name read surely, or a row without the network's odds.
std::optional<double> imageSupport(const models::RowRecord& row, const std::string& name, const CheckOptions& options) {
  if (!nameReadUnsurely(row, options)) return std::nullopt;
  return row.nameOdds.support(name);
}

// How near a reading of the row's name must be to a name to be it: a name
// read surely kSameNameSimilarity, a hand's kUnsureNameSimilarity (its
// misreadings are many).
double neededNearness(const models::RowRecord& row, const CheckOptions& options) {
  return nameReadUnsurely(row, options) ? kUnsureNameSimilarity : kSameNameSimilarity;
}

// Whether the row's name is `name`: a reading of it near enough, or, for a
// hand's name, ink the name network finds likely enough to be it
// (kNameSupportLog). A hand the print models garble, and the network reads
// only in part, is still weighed letter by letter against the name.
bool nameFits(const models::RowRecord& row, const std::string& name, const CheckOptions& options) {
  if (nearestReading(row, name, options).similarity >= neededNearness(row, options)) return true;
  const auto support = imageSupport(row, name, options);
  return support && *support >= models::kNameSupportLog;
}

// Whether the electronic copy's name at the row, another person's than
// `name`, fits the row's readings better: the row is then the copy's person,
// and a hand's garbled reading near enough to `name` must not make it
// `name`'s (a register holding the number under another name is a
// NAME_MISMATCH, not a confirmation).
bool copyNameFitsBetter(const models::RowRecord& row, const std::string& name, const ingest::DigitalRow* copy,
                        const CheckOptions& options) {
  if (!copy || copy->fullName.empty() || models::nameSimilarity(copy->fullName, name) >= kSameNameSimilarity)
    return false;
  return nearestReading(row, copy->fullName, options).similarity > nearestReading(row, name, options).similarity;
}

// nameFits, unless the copy's other name fits better.
bool nameFitsBeforeTheCopys(const models::RowRecord& row, const std::string& name, const ingest::DigitalRow* copy,
                            const CheckOptions& options) {
  return nameFits(row, name, options) && !copyNameFitsBetter(row, name, copy, options);
}

// Each character's confidence; the number's own, for every character, when
// the reader gave none per character.
std::vector<double> characterConfidences(const models::RowRecord& row) {
  if (row.idCharacterConfidences.size() == row.rawId.size()) return row.idCharacterConfidences;
  return std::vector<double>(row.rawId.size(), row.idConfidence);
}

class Identifier {
 public:
  Identifier(const models::RowRecord& row, models::ResolvedId& id, const IdentityContext& context)
      : row_(row),
        id_(id),
        context_(context),
        scheme_(context.list.country.scheme()),
        odds_(row.rawId, characterConfidences(row), row.idAlternatives, models::idAlphabet(scheme_)) {
    who_.nameKey = models::nameKey(row.fullName);
  }

  RowIdentity run() {
    // A reading that fails its check and that the electronic copy gives digit
    // for digit is what was written, however unsure the reader was of it: the
    // copy, made from the same paper, repeats the writer's slip, and a
    // misreading does not fall on the copy's very digits by chance. No
    // repair is made of it (contract section 6): seed 506's L08-ME page 1
    // row 7, a JMBG written with its last digit wrong and read right at 0.73,
    // had been set by its check digit to the number the register holds under
    // the name, and flagged DIGITAL_MISMATCH where the paper is ID_INVALID.
    copyGivesWhatWasRead_ = context_.copy && !id_.asRead.empty() && context_.copy->nationalId == id_.asRead &&
                            !models::checkNationalId(id_.asRead, scheme_).valid();
    if (copyGivesWhatWasRead_ && id_.number != id_.asRead) backToTheReading();
    // A repair the reading alone made stands only when the population
    // register, if given, holds it under the row's name (contract section 6);
    // otherwise the row goes back to its reading and the repair is a candidate.
    if (id_.repaired && !id_.formOnly && context_.registers.population && confirmation(id_.number).how.empty()) {
      pending_ = Candidate{id_.number, 1.0, "the reading's own repair (" + id_.repair + ")"};
      backToTheReading();
    }
    readingLikelihood_ = odds_.ratio(id_.number);
    // The number as read stands when confirmed (most rows: the candidates
    // are weighed only for the rest), or when it was read surely and the
    // image supports no other: a number read unsurely that passes its check
    // may be a misreading that passes by chance (one in ten).
    if (id_.check.valid())
      if (Confirmation by = confirmation(id_.number); !by.how.empty()) return byNumber(id_.number, std::move(by));
    const std::vector<Candidate> all = candidates();
    std::vector<Candidate> rivals;  // those the image supports, and the copy does not contradict
    if (!copyGivesWhatWasRead_)
      std::copy_if(all.begin(), all.end(), std::back_inserter(rivals),
                   [](const Candidate& c) { return c.support >= models::kSupportRatio; });
    if (id_.check.valid()) {
      if (auto one = theOneConfirmed(all)) return repairedTo(one->first, std::move(one->second));
      if (auto person = personOfTheNameNearTheReading()) return repairedToPersonOfTheName(*person);
      if (rivals.empty() && row_.idConfidence >= sureConfidence() && bornToStandOnTheList(id_.check)) {
        if (auto namesake = namesakeNearANumberNobodyHolds()) return inDoubtForNamesake(*namesake);
        return byNumber(id_.number, {});
      }
      return inDoubt(rivals);
    }
    if (!copyGivesWhatWasRead_) {
      if (auto one = theOneConfirmed(all)) return repairedTo(one->first, std::move(one->second));
      if (auto person = personOfTheNameNearTheReading()) return repairedToPersonOfTheName(*person);
    }
    // The number fails: the person with the row's name, when one.
    // A hand's number cut into more or fewer characters than the form has was
    // cut wrongly as likely as written so.
    const bool handwritten = row_.idWriting == models::Writing::Handwritten;
    const bool cutInDoubt =
        handwritten && scheme_ != models::IdScheme::Unknown && row_.rawId.size() != models::idForm(scheme_).size();
    readAsTheCopyGivesIt();
    // A reading the electronic copy gives digit for digit is no misreading,
    // however unsure the reader was of it: the copy repeats the writer's slip.
    const bool copyGivesTheReading = context_.copy && context_.copy->nationalId == id_.number;
    // A letter read where the form has a digit, or the other way, was set by
    // the form (B taken as 8); the reader saw another character than the one
    // set, so a number that still fails is as likely misread there (a dot-
    // matrix 5 read as B) as written so.
    const bool setByTheForm = id_.repaired && id_.formOnly;
    who_.inDoubt = row_.rawId.empty() || (row_.idConfidence < sureConfidence() && !copyGivesTheReading) ||
                   !rivals.empty() || cutInDoubt || setByTheForm;
    if (!rivals.empty()) who_.candidates = describe(rivals);
    nameTheCopyGivesUnderTheNumberRead();
    if (context_.registers.population) {
      // Only a name that names one person identifies anyone.
      if (peopleOfName().size() == 1) {
        const models::Person& named = peopleOfName().front();
        const std::string where = context_.registers.populationName + " line " + std::to_string(named.line);
        const std::size_t apart = models::editDistance(row_.rawId, named.nationalId);
        if (who_.inDoubt && !row_.rawId.empty() && support(named.nationalId) < kConfirmableSupport) {
          // While the number is in doubt, only when the image allows that
          // person's number (a name misread by one letter may be another person's).
          noteCandidate(where + " holds the name read, under a number the image does not show");
        } else if (apart > editsAllowed(named.nationalId)) {
          // Nor when the number read, however surely, is far from that
          // person's: one who writes their own number wrong slips a digit or
          // two, so the row is another person's whose name was misread into
          // this one (Branka read as Branko) or whose number was.
          who_.inDoubt = true;
          noteCandidate(where + " holds the name read, under a number " + std::to_string(apart) +
                        " characters from the one read" + copysNumber());
        } else {
          who_.person = named;
          who_.number = named.nationalId;
          who_.byName = true;
          who_.established = true;
          doubtTheNumberTheCopyAndRegisterMend(named, where);
        }
      }
    } else if (!who_.nameKey.empty() && !nameReadUnsurely(row_, context_.options)) {
      who_.established = true;  // known by the name alone, read with confidence
    }
    return who_;
  }

 private:
  // A hand's name the register holds no one under may be misread by a letter
  // ("Vuk Stonković"). Where the electronic copy's row gives the very number
  // read (a number that fails its check: a slip of the writer's, which the
  // copy repeats; read so, or taken as the copy's where the image supports
  // it) and a name that fits the row's readings, the row's name is
  // the copy's: it is looked up in its place. The copy's number and the
  // paper's agreeing digit for digit is no chance; a name that does not fit
  // the ink is still not taken.
  void nameTheCopyGivesUnderTheNumberRead() {
    const ingest::DigitalRow* copy = context_.copy;
    if (!copy || copy->fullName.empty() || row_.rawId.empty() || copy->nationalId != id_.number ||
        !peopleOfName().empty() || !nameFits(row_, copy->fullName, context_.options))
      return;
    const std::string key = models::nameKey(copy->fullName);
    if (key == who_.nameKey) return;
    who_.nameKey = key;
    peopleOfName_.reset();
  }

  // The electronic copy's number, failing its check as the reading does, is
  // the one written where the image supports it (a digit the reader was
  // unsure of: 8298140721 read for the copy's 8208140721, seed 919): the
  // copy was made from the same paper. No valid number comes of it, so it is
  // no repair under contract section 6, and the number still fails.
  void readAsTheCopyGivesIt() {
    const ingest::DigitalRow* copy = context_.copy;
    if (!copy || copy->nationalId.empty() || row_.rawId.empty() || copy->nationalId == id_.number) return;
    const models::IdCheck check = models::checkNationalId(copy->nationalId, scheme_);
    if (check.valid()) return;  // a passing number is a candidate, weighed as one
    const double s = support(copy->nationalId);
    if (s < models::kSupportRatio) return;
    take(copy->nationalId, supportedTaking(copy->nationalId, s, "the electronic copy gives it"));
  }

  // The row's number becomes its reading again: the resolver's repair undone.
  void backToTheReading() {
    id_.number = id_.asRead;
    id_.check = models::checkNationalId(id_.number, scheme_);
    id_.repaired = false;
    id_.repair.clear();
  }

  // The row's number becomes `number`, `why` saying so in the evidence.
  void take(const std::string& number, std::string why) {
    id_.repair = std::move(why);
    id_.number = number;
    id_.check = models::checkNationalId(number, scheme_);
    id_.repaired = true;
    id_.formOnly = false;
  }

  // Why a number the image supports is taken for the reading, in words.
  std::string supportedTaking(const std::string& number, double support, const std::string& how) const {
    return "read as " + row_.rawId + ", taken as " + number + ": the image supports it (" +
           models::decimal(support, 2) + " as likely as the reading) and " + how;
  }

  // The register's people under the row's name, looked up when first needed
  // (a row whose number the register confirms never needs them); past
  // kNamesakesWeighed a name identifies nobody and its numbers are not
  // weighed one by one (the image's own readings still are).
  const std::vector<models::Person>& peopleOfName() const {
    if (!peopleOfName_) {
      peopleOfName_.emplace();
      if (context_.registers.population && !who_.nameKey.empty())
        *peopleOfName_ = context_.registers.population->byNameKey(who_.nameKey, kNamesakesWeighed);
    }
    return *peopleOfName_;
  }

  // How likely the image makes `number`, relative to the number resolved.
  double support(const std::string& number) const {
    const double ratio = odds_.ratio(number);
    return readingLikelihood_ > 0 ? ratio / readingLikelihood_ : ratio;
  }

  // Numbers that pass the check and that the image at least allows: its
  // likeliest readings, the electronic copy's number, the numbers the
  // population register holds under the row's name.
  std::vector<Candidate> candidates() const {
    std::vector<Candidate> out;
    auto consider = [&](const std::string& number, const std::string& source) {
      if (number.empty() || number == id_.number) return;
      if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.number == number; })) return;
      const models::IdCheck check = models::checkNationalId(number, scheme_);
      if (!check.valid() || !bornToStandOnTheList(check)) return;
      const double s = support(number);
      if (s >= kConfirmableSupport) out.push_back({number, s, source});
    };
    // The reading's own repair counts only where the image leaves the changed characters in doubt.
    if (pending_) consider(pending_->number, pending_->source);
    if (context_.copy) consider(context_.copy->nationalId, "the electronic copy's number");
    for (const models::Person& p : peopleOfName())
      consider(p.nationalId, context_.registers.populationName + " line " + std::to_string(p.line) +
                                 " holds it under the row's name");
    // Readings the image only allows (down to one in a hundred) are searched
    // too: the register may hold one under the row's name.
    for (const std::string& reading : odds_.likeliest(kReadingsSearched, kConfirmableSupport))
      consider(reading, "a reading of the image");
    std::stable_sort(out.begin(), out.end(),
                     [](const Candidate& a, const Candidate& b) { return a.support > b.support; });
    return out;
  }

  // How the registers or the copy confirm `number`. The register confirms
  // it when it holds it under the row's name (as near as a name read
  // unsurely, a hand's, can be).
  Confirmation confirmation(const std::string& number) const {
    const Registers& registers = context_.registers;
    if (registers.population) {
      if (auto p = registers.population->byNumber(number);
          p && nameFitsBeforeTheCopys(row_, p->fullName, context_.copy, context_.options))
        return {registers.populationName + " line " + std::to_string(p->line) + " holds it under the row's name", p};
    }
    if (context_.copy && context_.copy->nationalId == number) return {"the electronic copy gives the same number", {}};
    return {};
  }

  // The one candidate the registers (under the row's name) or the copy
  // confirm, with how: the register may confirm one the image only allows (a
  // look-alike read surely: E for B), the copy only one it supports. With no
  // population register and a failing number, the one the image supports.
  std::optional<std::pair<Candidate, Confirmation>> theOneConfirmed(const std::vector<Candidate>& all) const {
    std::vector<std::pair<Candidate, Confirmation>> confirmed;
    std::vector<Candidate> supported;
    for (const Candidate& c : all) {
      if (c.support >= models::kSupportRatio) supported.push_back(c);
      Confirmation by = confirmation(c.number);
      if (!by.how.empty() && (by.person || c.support >= models::kSupportRatio))
        confirmed.emplace_back(c, std::move(by));
    }
    if (confirmed.empty() && !context_.registers.population && !id_.check.valid() && supported.size() == 1)
      confirmed.emplace_back(supported.front(), Confirmation{});
    if (confirmed.size() != 1) return std::nullopt;
    return std::move(confirmed.front());
  }

  RowIdentity byNumber(const std::string& number, Confirmation by) {
    who_.number = number;
    who_.established = true;
    who_.confirmation = by.how;
    who_.person = by.person;
    if (context_.registers.population && !who_.person) who_.person = context_.registers.population->byNumber(number);
    return who_;
  }

  RowIdentity repairedTo(const Candidate& c, Confirmation by) {
    take(c.number, supportedTaking(c.number, c.support, by.how.empty() ? c.source : by.how));
    by.how.clear();  // said in the repair
    return byNumber(c.number, std::move(by));
  }

  // The one person the row's name and its number, both read by hand, agree
  // on: the person the population register holds under the row's name (the
  // only one), or the one it holds under the electronic copy's number with a
  // name near the reading. It applies when the number was read unsurely, cut
  // into the wrong count of characters, or read as a number the register does
  // not hold though it passes its check (a hand's digit misread surely); and
  // only when the reading is a few cuts or misreadings from that person's
  // number (kCutEditShare). A name misread into another person's name meets
  // a number far from the reading.
  std::optional<models::Person> personOfTheNameNearTheReading() const {
    const auto& population = context_.registers.population;
    if (!population || row_.rawId.empty() || row_.idWriting != models::Writing::Handwritten ||
        scheme_ == models::IdScheme::Unknown)
      return std::nullopt;
    const std::size_t length = models::idForm(scheme_).size();
    const bool unsure = row_.idConfidence < sureConfidence() || row_.rawId.size() != length;
    // Read surely, a number that fails its check was written so (contract
    // section 6: it stays as written); one the register holds is that person's.
    if (!unsure && (!id_.check.valid() || population->byNumber(id_.number))) return std::nullopt;
    std::vector<models::Person> near;
    if (peopleOfName().size() == 1) near.push_back(peopleOfName().front());
    if (context_.copy && !context_.copy->nationalId.empty())
      if (auto p = population->byNumber(context_.copy->nationalId);
          p && nameFits(row_, p->fullName, context_.options) &&
          (near.empty() || near.front().nationalId != p->nationalId))
        near.push_back(*p);
    std::erase_if(near, [&](const models::Person& person) {
      const models::IdCheck check = models::checkNationalId(person.nationalId, scheme_);
      return !check.valid() || person.nationalId == id_.number || !bornToStandOnTheList(check) ||
             models::editDistance(row_.rawId, person.nationalId) > editsAllowed(person.nationalId);
    });
    if (near.size() != 1) return std::nullopt;
    // The electronic copy's number nearer the reading than that person's is
    // the one written (a wrong check digit the copy repeats, seed 919): the
    // reading is no cut of the person's number.
    if (context_.copy && context_.copy->nationalId != near.front().nationalId &&
        models::editDistance(row_.rawId, context_.copy->nationalId) <
            models::editDistance(row_.rawId, near.front().nationalId))
      return std::nullopt;
    return near.front();
  }

  // A person the population register holds under the row's name, with a
  // number a few characters from the one read, where nobody holds the one
  // read. A number read surely that passes its check may still be misread: a
  // scheme without a check digit (Kosovo's) passes any misreading, and a
  // dot-matrix printer's or a fax's 9 is read as 0 with confidence. The
  // reading then makes a person of nobody, and NOT_IN_REGISTER and
  // NO_CONSENT would accuse the one who signed.
  std::optional<models::Person> namesakeNearANumberNobodyHolds() const {
    const auto& population = context_.registers.population;
    if (!population || population->byNumber(id_.number)) return std::nullopt;
    for (const models::Person& p : peopleOfName())
      if (models::editDistance(id_.number, p.nationalId) <= editsAllowed(p.nationalId)) return p;
    return std::nullopt;
  }

  RowIdentity inDoubtForNamesake(const models::Person& namesake) {
    who_.inDoubt = true;
    const std::size_t apart = models::editDistance(id_.number, namesake.nationalId);
    who_.candidates = "nobody holds the number read; " + context_.registers.populationName + " line " +
                      std::to_string(namesake.line) + " holds the row's name under " + namesake.nationalId + ", " +
                      std::to_string(apart) + " character" + (apart == 1 ? "" : "s") + " from it" + copysNumber();
    return who_;
  }

  // How many characters a few cuts or misreadings change in `number`
  // (kCutEditShare of the form's length, rounded): a person's number further
  // than that from the number read is not the one read.
  std::size_t editsAllowed(const std::string& number) const {
    const std::size_t length = scheme_ == models::IdScheme::Unknown ? number.size() : models::idForm(scheme_).size();
    return static_cast<std::size_t>(kCutEditShare * static_cast<double>(length) + 0.5);
  }

  // A number read surely that fails its check, one character from the
  // number the register holds under the row's name, is a writer's slip or a
  // misreading; where the electronic copy gives the register's number too,
  // the copy did not repeat a slip (a copy made from the paper does), and a
  // misreading is as likely: neither ID_INVALID nor DIGITAL_MISMATCH is
  // said of it (seed 606's L03-BG: a dot-matrix 6 read as 8 at 0.99 on five
  // rows, each flagged both). A number a reviewer corrected is what the
  // paper says.
  void doubtTheNumberTheCopyAndRegisterMend(const models::Person& named, const std::string& where) {
    if (row_.correctedByReviewer || id_.check.valid() || !context_.copy ||
        context_.copy->nationalId != named.nationalId || id_.number.size() != named.nationalId.size() ||
        models::editDistance(id_.number, named.nationalId) != 1)
      return;
    who_.numberDoubt = "the number read, " + id_.number + " at " + models::decimal(row_.idConfidence, 2) +
                       ", fails its check one character from " + named.nationalId + ", which " + where +
                       " holds under the row's name and the electronic copy line " +
                       std::to_string(context_.copy->line) +
                       " gives: written so, the number is invalid; misread, it is that one";
  }

  // "; the electronic copy gives N" for the evidence, when the copy gives a number.
  std::string copysNumber() const {
    return context_.copy && !context_.copy->nationalId.empty()
               ? "; the electronic copy gives " + context_.copy->nationalId
               : std::string();
  }

  // One more candidate for the reviewer, after those already named.
  void noteCandidate(const std::string& what) { who_.candidates += (who_.candidates.empty() ? "" : "; ") + what; }

  RowIdentity repairedToPersonOfTheName(const models::Person& person) {
    const std::size_t edits = models::editDistance(row_.rawId, person.nationalId);
    // The evidence names the name only where the name alone names this person.
    const bool ofTheName = peopleOfName().size() == 1 && peopleOfName().front().nationalId == person.nationalId;
    take(person.nationalId, "read as " + row_.rawId + ", taken as " + person.nationalId + ": " +
                                context_.registers.populationName + " line " + std::to_string(person.line) +
                                " holds it under " +
                                (ofTheName ? "the row's name, the one person of that name"
                                           : "a name near the reading, and the electronic copy gives it") +
                                ", and the reading, a hand's in doubt, is " + std::to_string(edits) + " character" +
                                (edits == 1 ? "" : "s") + " cut or read differently from it");
    return byNumber(person.nationalId, Confirmation{"", person});
  }

  // Whether the birth date a number encodes (when it encodes one) lets its
  // holder stand on the list: nobody born after the list was submitted, or
  // more than 120 years before. A number that passes its check with such a
  // date is a misreading far likelier than a person (an F read as a P moves
  // a birth from 1952 to 2052), and accuses nobody.
  bool bornToStandOnTheList(const models::IdCheck& check) const {
    if (!check.birthDate || !context_.list.submittedOn) return true;
    return !(*check.birthDate > *context_.list.submittedOn) &&
           check.birthDate->ageOn(*context_.list.submittedOn) <= 120;
  }

  RowIdentity inDoubt(const std::vector<Candidate>& rivals) {
    who_.inDoubt = true;
    const std::string copy = copysNumber();
    if (!rivals.empty())
      who_.candidates = describe(rivals);
    else if (!bornToStandOnTheList(id_.check))
      who_.candidates = "the number passes its check but gives a birth on " + id_.check.birthDate->toString() +
                        ", which nobody on a list submitted on " + context_.list.submittedOn->toString() + " has" +
                        copy;
    else
      who_.candidates = "the number passes its check but was read unsurely and nothing confirms it" + copy;
    return who_;
  }

  // How sure a reading must be to stand on its own: a hand's digit is
  // written wrong, rather than misread, only when read at 0.9 or more.
  double sureConfidence() const {
    return row_.idWriting == models::Writing::Handwritten ? kSureHandwrittenDigit : context_.options.minIdConfidence;
  }

  std::string describe(const std::vector<Candidate>& rivals) const {
    std::string out = "the image also fits ";
    for (std::size_t i = 0; i < rivals.size() && i < kCandidatesShown; ++i)
      out += (i ? "; " : "") + rivals[i].number + " (" + models::decimal(rivals[i].support, 2) + " as likely, " +
             rivals[i].source + ")";
    if (rivals.size() > kCandidatesShown) out += "; and " + std::to_string(rivals.size() - kCandidatesShown) + " more";
    return out;
  }

  const models::RowRecord& row_;
  models::ResolvedId& id_;
  const IdentityContext& context_;
  const models::IdScheme scheme_;
  const models::ReadingOdds odds_;
  mutable std::optional<std::vector<models::Person>> peopleOfName_;  // peopleOfName(), once asked
  double readingLikelihood_ = 1;
  RowIdentity who_;
  std::optional<Candidate> pending_;   // a repair of the reading alone, waiting for the register
  bool copyGivesWhatWasRead_ = false;  // the reading fails its check and the copy gives it digit for digit
};

// The register's (or the copy's) spelling of an established person, when the
// image supports it: near a reading (nearer still for a name read surely) in
// the same script; for a name read unsurely, the reading of any of the
// reader's models.
void confirmSpelling(const models::RowRecord& row, const IdentityContext& context, RowIdentity& who) {
  if (!who.established || (row.fullName.empty() && row.nameOtherReadings.empty() && row.nameOdds.empty())) return;
  const double needed = neededNearness(row, context.options);
  const std::string* matched = nullptr;  // the reading the spelling fits; null when the ink's odds do
  std::optional<double> support;         // the ink's odds for the spelling, when they decide
  auto fits = [&](const std::string& name, double neededSupport = models::kNameSupportLog) {
    if (name.empty()) return false;
    // The reading chosen first: the evidence names another model's only
    // where the chosen one does not fit, and the ink's odds only where no
    // reading does.
    if (!row.fullName.empty() && !models::mixesScripts(row.fullName + " " + name) &&
        models::nameSimilarity(row.fullName, name) >= needed) {
      matched = &row.fullName;
      return true;
    }
    const NearestReading nearest = nearestReading(row, name, context.options, /*sameScript=*/true);
    matched = nearest.reading;
    if (nearest.reading && nearest.similarity >= needed) return true;
    matched = nullptr;
    support = imageSupport(row, name, context.options);
    return support && *support >= neededSupport;
  };
  // The number the row is established by is the electronic copy's at the
  // row, and the copy names the register's person: two sources the paper's
  // ink does not make agree on the name before the ink is asked, and it
  // need only not contradict them (kAgreedNameSupportLog).
  const bool copyAgrees = who.person && !who.byName && context.copy && context.copy->nationalId == who.number &&
                          models::nameSimilarity(context.copy->fullName, who.person->fullName) >= kSameNameSimilarity;
  std::string name, source;
  if (who.person && !copyNameFitsBetter(row, who.person->fullName, context.copy, context.options) &&
      fits(who.person->fullName, copyAgrees ? kAgreedNameSupportLog : models::kNameSupportLog)) {
    name = who.person->fullName;
    source = context.registers.populationName + " line " + std::to_string(who.person->line);
  } else if (context.copy && context.copy->nationalId == who.number && fits(context.copy->fullName)) {
    // The party's own copy spells the name the image shows, under the same
    // number: the name is read, and if the register holds that number under
    // another name, it is another person's (NAME_MISMATCH).
    name = context.copy->fullName;
    source = "the electronic copy line " + std::to_string(context.copy->line);
  } else {
    return;
  }
  who.nameConfirmed = true;
  if (name != row.fullName) {
    who.spelling = name;
    who.spellingSource = source;
    if (matched && matched != &row.fullName)
      who.spellingSource += " (near \"" + *matched + "\", the name as another of the reader's models read it)";
    if (!matched && *support >= models::kNameSupportLog)
      who.spellingSource += " (the handwriting network finds the ink " + models::decimal(std::exp(*support), 4) +
                            " as likely to be this name as its own likeliest reading)";
    else if (!matched)
      who.spellingSource +=
          " (the electronic copy gives this name under the same number, and the ink does not "
          "contradict it: the handwriting network finds the ink 1 in " +
          std::to_string(std::llround(std::exp(-*support))) +
          " as likely to be this name as its own likeliest reading)";
  }
}

// Whether a name read surely, but not surely enough to accuse
// (kSureMismatchName), may be a misreading of the established person's
// register name: near enough to it, or far from a name the electronic copy
// gives as the register does (the party's own copy names the register's
// person; the paper is as likely misread, "НЕ ОИ" for Невена Павловић on a
// photocopy, as written otherwise). Then the name is in doubt.
void doubtAMisreading(const models::RowRecord& row, const IdentityContext& context, RowIdentity& who) {
  if (!who.established || !who.person || who.nameConfirmed || nameReadUnsurely(row, context.options) ||
      row.nameConfidence >= kSureMismatchName)
    return;
  const models::Person& person = *who.person;
  const std::string where = context.registers.populationName + " line " + std::to_string(person.line);
  const std::string read = models::nameKey(row.fullName), registered = models::nameKey(person.fullName);
  const std::size_t longer = std::max(read.size(), registered.size());
  const std::size_t edits = models::editDistance(read, registered);
  if (longer > 0 && static_cast<double>(edits) <= kMisreadingEditShare * static_cast<double>(longer)) {
    who.nameDoubt = "the name read, at " + models::decimal(row.nameConfidence, 2) + ", is " + std::to_string(edits) +
                    " letters from " + person.fullName + ", the name " + where +
                    " holds under the number, and may be a misreading of it";
    return;
  }
  const ingest::DigitalRow* copy = context.copy;
  if (copy && copy->nationalId == who.number &&
      models::nameSimilarity(copy->fullName, person.fullName) >= kSameNameSimilarity)
    who.nameDoubt = "the name read, at " + models::decimal(row.nameConfidence, 2) + ", is not " + person.fullName +
                    ", the name both " + where + " and the electronic copy line " + std::to_string(copy->line) +
                    " give under the number, and may be a misreading of it";
}

}  // namespace

RowIdentity identify(const models::RowRecord& row, models::ResolvedId& id, const IdentityContext& context) {
  RowIdentity who = Identifier(row, id, context).run();
  confirmSpelling(row, context, who);
  doubtAMisreading(row, context, who);
  return who;
}

}  // namespace listaudit::pipeline

#pragma once
// Who "this person" is (contract section 7): the person with the row's number
// when it passes its check, otherwise the person with the row's name; and
// whether that is established with confidence. A flag that needs the person
// accuses someone, so it is raised only on an established identity:
// - a number that passes its check is established unless the image also
//   supports another passing number (reading_odds.hpp) and neither the
//   population register (under the row's name) nor the electronic copy
//   confirms the one read, or unless nobody holds it and the register holds
//   the row's name under a number a few characters from it (a misreading
//   that passes: a scheme without a check digit passes any);
// - a number that fails its check is repaired only to a number the image
//   supports, that passes the check and, when a population register is given,
//   that the register holds under the row's name (contract section 6);
// - a hand's number read unsurely, cut into the wrong count of characters, or
//   passing its check but held by no one, is the number of the one person
//   the register holds under the row's name (or under the copy's number with
//   a name near the reading) when the reading is within 30% edits of it: a
//   hand's digits are cut wrongly as often as misread;
// - otherwise the name: the one person the population register holds under
//   it, or, with no population register, the name itself when it is read with
//   confidence; a name the register holds nobody under is the electronic
//   copy's name at the row when the copy gives the very number read and the
//   reading fits its name (a hand's name misread by a letter); a failing
//   number the copy gives digit for digit leaves nothing in doubt, however
//   unsurely it was read; one with a character the form set (a letter read
//   where a digit stands) is in doubt; the copy's failing number the image
//   supports is the number read (the writer's slip the copy repeats), and a
//   hand's reading nearer it than the register's number for the name is no
//   cut of that number.
// A row whose person stays unknown while its reading is in doubt is for a
// person to read, and its evidence names the candidates. Pure function,
// thread-safe.
#include <optional>
#include <string>

#include "ingest/register_reader.hpp"
#include "models/id_resolver.hpp"
#include "models/records.hpp"
#include "pipeline/checks/check_options.hpp"
#include "pipeline/checks/registers.hpp"

namespace listaudit::pipeline {

// Below this similarity two names are different people's.
inline constexpr double kSameNameSimilarity = 0.8;

struct RowIdentity {
  std::string number;  // the row's valid number, or the number the register gives its name; empty when unknown
  std::string nameKey;
  std::optional<models::Person> person;  // the population register's line, when given and found
  bool byName = false;                   // found through the name, the number failing
  bool established = false;              // the flags that need the person may be raised
  bool inDoubt = false;                  // the reading leaves the person in doubt: a person must read it
  // Why a number read surely that fails its check may still be a misreading
  // of the established person's: one character from the number both the
  // register (under the row's name) and the electronic copy give. Read as
  // written, the paper is ID_INVALID; misread, it is that number; a person
  // must compare. Empty when not.
  std::string numberDoubt;
  std::string candidates;    // for a row in doubt: what a reviewer should look at, in words
  std::string confirmation;  // how the number was confirmed or repaired, in words; empty when not
  // The established person's name as the population register (or the
  // electronic copy) spells it, when the reading is near it but not the same
  // and in the same script; empty otherwise. `spellingSource` says where from.
  std::string spelling, spellingSource;
  bool nameConfirmed = false;  // the register or the copy spells the established person's name as read, or near it
  // Why a name read surely may still be a misreading of the established
  // person's (kSureMismatchName); empty when it is not. Such a name is
  // compared with nothing: a person must read it.
  std::string nameDoubt;

  // Whether the number on the paper is known: read with confidence, and no
  // misreading of the established person's (numberDoubt). Only a known
  // number can be invalid as written or differ from the copy's.
  bool numberKnown() const { return !inDoubt && numberDoubt.empty(); }

  // Whether the name on the paper is known: read surely, or confirmed, and
  // not in doubt. Only a known name can differ from the register's or the
  // copy's.
  bool nameKnown(const models::RowRecord& row, const CheckOptions& options) const {
    return (!nameReadUnsurely(row, options) || nameConfirmed) && nameDoubt.empty();
  }
};

// A printed name read surely, but below this, that is within
// kMisreadingEditShare of the established person's register name, or that
// differs from the name the register and the electronic copy agree on, is as
// likely a misreading as another person's name: Tesseract drops a word's
// letters ("И Петров Янков" for Иван Петров Янков, at 0.91) and reads a dot-
// matrix printer's "Ilir" as "Mir" at 0.91. On eleven generated corpora every
// printed name of another person was read at 0.96 or more, or further apart
// (one at 0.84, 80% of its letters changed; its copy gave the name written).
inline constexpr double kSureMismatchName = 0.95;
inline constexpr double kMisreadingEditShare = 0.5;

// A name read unsurely (a hand) is taken for the established person's when
// at least this alike; one read surely must reach kSameNameSimilarity.
inline constexpr double kUnsureNameSimilarity = 0.6;

// What identify() looks at besides the row and its resolved number.
struct IdentityContext {
  const models::ListEntry& list;
  const Registers& registers;
  const ingest::DigitalRow* copy;  // the electronic copy's row at the same page and row, when given
  const CheckOptions& options;
};

// May change `id` to a confirmed repair.
RowIdentity identify(const models::RowRecord& row, models::ResolvedId& id, const IdentityContext& context);

}  // namespace listaudit::pipeline

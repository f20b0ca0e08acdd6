#pragma once
// Value types that flow from ingest through the page stages into the store and
// out to the writers. Plain structs: copy or move them freely.
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "models/country.hpp"
#include "models/date.hpp"
#include "models/flag.hpp"
#include "models/name_odds.hpp"

namespace listaudit::models {

// One line of the manifest (contract section 2), with paths resolved against
// the manifest's folder.
struct ListEntry {
  std::string listId;
  std::string party;
  std::optional<Date> electionDate;
  std::optional<Date> submittedOn;
  std::string scanPath;
  std::string digitalPath;  // empty when none
  Country country;          // the unknown country when not given
  int manifestLine = 0;     // 1-based line in the manifest, for messages
};

// An input that could not be read (a manifest line, a file, a page).
struct InputError {
  // A constructor rather than an aggregate, so that the list, which few
  // reports name, can be left out of a brace list.
  InputError(std::string input_ = {}, int page_ = 0, std::string message_ = {}, std::string listId_ = {})
      : input(std::move(input_)), page(page_), message(std::move(message_)), listId(std::move(listId_)) {}
  std::string input;  // path or "manifest.csv line 4"
  int page = 0;       // 1-based page, 0 when the whole input failed
  std::string message;
  std::string listId;  // the list whose scans these are; empty for other inputs (kept for merging shards)
};

struct Box {
  int x = 0, y = 0, width = 0, height = 0;
};

// What the page phase learned about one page.
struct PageRecord {
  std::string listId;
  int page = 0;
  int width = 0, height = 0;
  double skewDegrees = 0;
  bool upsideDown = false;
  std::string title;      // text above the table, as read; on the list's first page only (empty on the others)
  std::string collector;  // text under the table, as read
  int rows = 0;
};

// What else a character of a reading could be, and how likely.
struct Alternative {
  char glyph = 0;
  double probability = 0;
};

// How a number cell was written, as the reader that read it judged.
enum class Writing { Printed, Handwritten };

// One table row as read from a page.
struct RowRecord {
  std::string listId;
  int page = 0;
  int row = 0;
  std::string fullName;  // NFC, single spaces
  // The name cell as the reader's other models read it (NFC, single spaces),
  // for a hand's name that one script's model garbles; empty for most rows.
  std::vector<std::string> nameOtherReadings;
  // What the handwritten-name network made of the name cell, for a row whose
  // number is handwritten; empty for the rest.
  NameOdds nameOdds;
  std::string rawId;                           // the number as read, spaces removed
  std::string nationalId;                      // as resolved by the checks (after any confirmed repair)
  double nameConfidence = 0;                   // 0..1
  double idConfidence = 0;                     // 0..1
  std::vector<double> idCharacterConfidences;  // 0..1, one per character of rawId
  // Per character of rawId, the reader's other choices, most likely first;
  // empty when the reader gives none (Tesseract).
  std::vector<std::vector<Alternative>> idAlternatives;
  Writing idWriting = Writing::Printed;  // read by the print reader or the handwriting reader
  // Other readings of a number that failed its check: the cell looked at
  // again, enlarged and binarised. The resolver decides what they are worth.
  std::vector<std::string> idOtherReadings;
  double signatureInk = 0;                   // share of the signature cell's area covered by ink
  std::vector<std::uint8_t> signatureShape;  // the signature scaled to a fixed grid; empty when none
  Box box;                                   // the row on the upright page, in pixels
  std::string laidOut;                       // how the row was found when not by the form's rulings; else empty
  std::vector<std::uint8_t> image;           // PNG of the row, for the report
  // Name and number as a reviewer corrected them (contract section 12): what
  // a person read on the paper, not a reader's guess. Set when the decisions
  // are applied before the checks; not stored.
  bool correctedByReviewer = false;
};

// A line of the population register (contract section 4).
struct Person {
  std::string nationalId;
  std::string fullName;
  std::optional<Date> birthDate;
  std::optional<Date> deathDate;
  int line = 0;  // in the register file, for evidence
};

// A line of the consent register.
struct ConsentRecord {
  std::string nationalId;
  std::string fullName;
  std::string party;
  std::optional<Date> signedOn;
  std::optional<Date> withdrawnOn;
  int line = 0;
};

// A line of the complaints register.
struct Complaint {
  std::string complaintId;
  std::string nationalId;
  std::string fullName;
  std::string party;
  std::optional<Date> filedOn;
  int line = 0;
};

using RowKey = std::tuple<std::string, int, int>;  // list_id, page, row

// A flag raised on a row, with what a reviewer needs to check it.
struct Finding {
  Flag flag;
  double weight = 0;     // log-odds the flag adds to the row's risk
  std::string evidence;  // plain words: which rule, which other row or register line
  // The other rows the flag rests on (the row with the same signature, the
  // same person's rows on other lists), for a reviewer to see beside it.
  std::vector<RowKey> related = {};
};

struct JudgedRow {
  std::string listId;
  int page = 0;
  int row = 0;
  std::string nationalId;
  std::vector<Finding> findings;  // sorted by flag
  double risk = 0;
  std::string note;  // what the checks did that is no flag (a repaired number)
  // For a supporter on several parties' lists: this list was filed first, so
  // the supporter counts here (contract section 8, valid_rows).
  bool firstFiler = false;
  // The name as resolved: the reading, or the population register's (or the
  // electronic copy's) spelling of the same person when the image supports
  // it (contract section 6); empty when the reading stands.
  std::string fullName;
  // The reviewer's decision on the row, when one was recorded (contract
  // section 12): it overrides the flags in the count of valid supporters.
  enum class Decided { No, Accepted, Rejected, Corrected } decided = Decided::No;
};

}  // namespace listaudit::models

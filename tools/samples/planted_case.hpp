#pragma once
// Why a generated row is what it is: the case planted in it. Each cause is
// drawn with a share that makes genuine supporters most rows, as on a real
// list. causes.csv records the cause of every row beside truth.csv.
#include <array>
#include <string_view>

#include "tools/samples/sample_random.hpp"

namespace listaudit::tools {

enum class Cause {
  Genuine,                 // a living adult who consented in time
  NoConsent,               // in the population register, no consent for this party
  NoConsentWithComplaint,  // and a complaint against this party
  ConsentWithdrawn,        // withdrawn on or before submission
  ConsentLate,             // signed after submission
  Deceased,                // dead by submission, and no consent
  Underage,                // under 18 on election day, consented
  NumberOfNobody,          // a valid-looking number the register does not hold
  WrongCheckDigit,         // a consenting person's slip in their own number
  OtherPersonsNumber,      // a real number written under another person's name
  RepeatInList,            // the same person on an earlier row of this list
  OtherPartysList,         // the same person on another party's list, same election
  EmptySignature,          // the signature cell left empty
  RepeatedSignature,       // one hand signed several rows
  DigitalDiffers,          // the electronic copy differs at this row
};

struct CauseShare {
  Cause cause;
  std::string_view name;
  double share;
};

inline constexpr std::array<CauseShare, 15> kCauseShares{{
    {Cause::Genuine, "genuine", 0.60},
    {Cause::NoConsent, "no_consent", 0.04},
    {Cause::NoConsentWithComplaint, "no_consent_with_complaint", 0.03},
    {Cause::ConsentWithdrawn, "consent_withdrawn", 0.03},
    {Cause::ConsentLate, "consent_late", 0.03},
    {Cause::Deceased, "deceased", 0.02},
    {Cause::Underage, "underage", 0.02},
    {Cause::NumberOfNobody, "number_of_nobody", 0.02},
    {Cause::WrongCheckDigit, "wrong_check_digit", 0.04},
    {Cause::OtherPersonsNumber, "other_persons_number", 0.02},
    {Cause::RepeatInList, "repeat_in_list", 0.03},
    {Cause::OtherPartysList, "other_partys_list", 0.04},
    {Cause::EmptySignature, "empty_signature", 0.03},
    {Cause::RepeatedSignature, "repeated_signature", 0.03},
    {Cause::DigitalDiffers, "digital_differs", 0.02},
}};

inline std::string_view causeName(Cause cause) {
  for (const auto& c : kCauseShares)
    if (c.cause == cause) return c.name;
  return "";
}

inline Cause drawCause(SampleRandom& random) {
  double x = random.real();
  for (const auto& c : kCauseShares) {
    if (x < c.share) return c.cause;
    x -= c.share;
  }
  return Cause::Genuine;
}

}  // namespace listaudit::tools

#pragma once
// The row checks that ask the registers (contract section 7):
// NOT_IN_REGISTER, NAME_MISMATCH and DECEASED (population), UNDERAGE (the
// number's date or the population register), NO_CONSENT, CONSENT_WITHDRAWN
// and CONSENT_LATE (consent), COMPLAINT (complaints). Each is raised only
// when the register it needs was given, and only on a row whose person is
// established (identify.hpp). Pure functions; thread-safe.
#include "pipeline/checks/row_case.hpp"

namespace listaudit::pipeline {

void checkPopulation(RowCase& c, const CheckContext& context);
void checkAge(RowCase& c, const CheckContext& context);
void checkConsent(RowCase& c, const CheckContext& context);
void checkComplaints(RowCase& c, const CheckContext& context);

}  // namespace listaudit::pipeline

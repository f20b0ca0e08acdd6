#pragma once
// Who is running the tool and when, for the store's audit trail: the
// operating-system user (not a name typed in) and the time in UTC.
#include <string>

#include "models/store.hpp"

namespace listaudit::ingest {

// An audit entry for `action` by the current user, now. `detail` must never
// hold a name or a number.
models::AuditEntry auditEntry(const std::string& action, const std::string& detail);

}  // namespace listaudit::ingest

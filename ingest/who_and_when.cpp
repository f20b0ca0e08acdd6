#include "ingest/who_and_when.hpp"

#include <pwd.h>
#include <unistd.h>

#include <ctime>

namespace listaudit::ingest {
namespace {

std::string operatingSystemUser() {
  const uid_t uid = ::geteuid();
  // getpwuid_r: the batch may look a user up from several threads one day.
  std::string buffer(4096, '\0');
  passwd entry{};
  passwd* found = nullptr;
  if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
    return found->pw_name;
  return "uid " + std::to_string(uid);
}

}  // namespace

models::AuditEntry auditEntry(const std::string& action, const std::string& detail) {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char at[32];
  std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return {at, operatingSystemUser(), action, detail};
}

}  // namespace listaudit::ingest

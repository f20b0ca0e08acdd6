// What `run` and `merge` share: their register options, what they say, and
// their exit statuses, in one place.
#include <iostream>

#include "ingest/csv_reader.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

void addRegisterOptions(CLI::App* cmd, std::string& population, std::string& consent, std::string& complaints,
                        int& required, std::string& cacheDir) {
  cmd->add_option("--population", population, "Population register (CSV): national_id, full_name, ...");
  cmd->add_option("--consent", consent, "Consent register (CSV)");
  cmd->add_option("--complaints", complaints, "Complaints register (CSV)");
  cmd->add_option("--required", required, "Supporters a list needs: adds lists.csv column reaches_required")
      ->check(CLI::Range(0, 100000000));
  cmd->add_option("--cache", cacheDir,
                  "Where imported registers are kept (default: $XDG_CACHE_HOME/listaudit or "
                  "~/.cache/listaudit)");
}

void printInputError(const models::InputError& e) {
  std::cerr << "listaudit: cannot read " << e.input << (e.page > 0 ? " page " + std::to_string(e.page) : "") << ": "
            << e.message << "\n";
}

void printOutputs(const pipeline::RunSummary& s) {
  std::cout << "  rows:    " << s.rowsCsv << "\n  lists:   " << s.listsCsv << "\n  errors:  " << s.errorsCsv
            << "\n  report:  " << s.report << "\n  store:   " << s.storePath << "\n";
  if (!s.shareable.empty()) std::cout << "  shareable (pseudonymised): " << s.shareable << "\n";
}

int exitStatusOf(const std::string& command, const std::function<int()>& body) {
  auto say = [&](const std::exception& e, int status) {
    std::cerr << "listaudit " << command << ": " << e.what() << "\n";
    return status;
  };
  try {
    return body();
  } catch (const ingest::CsvError& e) {
    return say(e, kExitUsage);
  } catch (const pipeline::OutputFolderError& e) {
    return say(e, kExitUsage);
  } catch (const pipeline::ShardSetError& e) {
    return say(e, kExitUsage);
  } catch (const pipeline::OutputWriteError& e) {
    return say(e, kExitInternal);
  }
}

}  // namespace listaudit::tools

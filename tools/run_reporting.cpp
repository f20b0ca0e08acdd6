// What `run` and `merge` say, and their exit statuses, in one place.
#include <iostream>

#include "ingest/csv_reader.hpp"
#include "tools/commands.hpp"

namespace listaudit::tools {

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

// Opening a finished run's store for the subcommands that read one.
#include <filesystem>
#include <iostream>

#include "tools/commands.hpp"

namespace listaudit::tools {

std::optional<models::Store> openRunStore(const std::string& dir, const std::string& command) {
  const std::string storeFile = (std::filesystem::path(dir) / "listaudit.sqlite").string();
  if (!std::filesystem::exists(storeFile)) {
    std::cerr << "listaudit " << command << ": " << storeFile << ": no run store here\n";
    return std::nullopt;
  }
  std::optional<models::Store> store;
  try {
    store.emplace(storeFile);
  } catch (const models::StoreVersionError& e) {
    std::cerr << "listaudit " << command << ": " << e.what() << "\n";
  }
  return store;
}

}  // namespace listaudit::tools

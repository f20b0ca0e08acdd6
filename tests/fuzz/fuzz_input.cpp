#include "tests/fuzz/fuzz_input.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace listaudit::fuzz {

std::string inputFile(const std::uint8_t* data, std::size_t size, const std::string& suffix) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("listaudit-fuzz-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / ("input" + suffix)).string();
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  return path;
}

}  // namespace listaudit::fuzz

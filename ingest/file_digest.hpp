#pragma once
// The SHA-256 of a file's content, read in chunks: names a register's
// imported index, so the same content is imported once.
#include <string>

namespace listaudit::ingest {

// Lower-case hex. Throws std::runtime_error naming the file when it cannot be read.
std::string fileSha256(const std::string& path);

}  // namespace listaudit::ingest

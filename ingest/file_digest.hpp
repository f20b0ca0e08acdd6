#pragma once
// Digests from OpenSSL: the SHA-256 of a file's content, read in chunks
// (names a register's imported index, so the same content is imported once),
// and of a text (a run's fingerprint).
#include <string>

namespace listaudit::ingest {

// Lower-case hex. Throws std::runtime_error naming the file when it cannot be read.
std::string fileSha256(const std::string& path);
std::string textSha256(const std::string& text);

}  // namespace listaudit::ingest

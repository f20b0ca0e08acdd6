#pragma once
// Digests from OpenSSL: the SHA-256 of a file's content, read in chunks
// (names a register's imported index, so the same content is imported once),
// of a text (a run's fingerprint), and the keyed HMAC-SHA256 that stands for
// a personal number in shareable outputs.
#include <string>

namespace listaudit::ingest {

// Lower-case hex. Throws std::runtime_error naming the file when it cannot be read.
std::string fileSha256(const std::string& path);
std::string textSha256(const std::string& text);
std::string hmacSha256(const std::string& key, const std::string& text);

}  // namespace listaudit::ingest

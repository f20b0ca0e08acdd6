#pragma once
// Shareable outputs (`listaudit run --pseudonymize KEYFILE`): each personal
// number and name replaced by a keyed hash (HMAC-SHA256 from OpenSSL), so a
// run's findings can go to a researcher, a court or the press without the
// people in them. The same person keeps the same pseudonym across lists and
// runs made with the same key (duplicates and multi-party rows can still be
// studied); without the key nobody can test a guessed number against it, as
// anyone could against a plain SHA-256 of a ten-digit number.
//
// Thread-safe after construction.
#include <string>

namespace listaudit::pipeline {

class Pseudonyms {
 public:
  // Throws std::runtime_error naming the file when it cannot be read or holds
  // fewer than kMinKeyBytes bytes.
  static Pseudonyms fromKeyFile(const std::string& path);
  explicit Pseudonyms(std::string key) : key_(std::move(key)) {}

  // "id-" and 16 hex digits; empty stays empty.
  std::string number(const std::string& nationalId) const;
  // "name-" and 16 hex digits of the name's script-blind key; empty stays empty.
  std::string name(const std::string& fullName) const;

  static constexpr std::size_t kMinKeyBytes = 16;

 private:
  std::string pseudonym(const std::string& prefix, const std::string& text) const;
  std::string key_;
};

}  // namespace listaudit::pipeline

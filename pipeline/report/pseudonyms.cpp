#include "pipeline/report/pseudonyms.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "models/name_text.hpp"

namespace listaudit::pipeline {
namespace {
// 64 bits of the HMAC: no two of a country's people share one in practice,
// and the column stays readable.
constexpr unsigned int kPseudonymBytes = 8;
}  // namespace

Pseudonyms Pseudonyms::fromKeyFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": the key file cannot be read");
  std::string key((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (key.size() < kMinKeyBytes)
    throw std::runtime_error(path + ": the key file holds " + std::to_string(key.size()) + " bytes; at least " +
                             std::to_string(kMinKeyBytes) + " are needed (make one: head -c 32 /dev/urandom > " + path +
                             ")");
  return Pseudonyms(std::move(key));
}

std::string Pseudonyms::pseudonym(const std::string& prefix, const std::string& text) const {
  if (text.empty()) return {};
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (!HMAC(EVP_sha256(), key_.data(), static_cast<int>(key_.size()),
            reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest, &length))
    throw std::runtime_error("pseudonyms: HMAC-SHA256 unavailable");
  std::string out = prefix;
  char byte[3];
  for (unsigned int i = 0; i < kPseudonymBytes && i < length; ++i) {
    std::snprintf(byte, sizeof byte, "%02x", digest[i]);
    out += byte;
  }
  return out;
}

std::string Pseudonyms::number(const std::string& nationalId) const { return pseudonym("id-", nationalId); }
std::string Pseudonyms::name(const std::string& fullName) const {
  return pseudonym("name-", models::nameKey(fullName));
}

}  // namespace listaudit::pipeline

#include <boost/uuid/name_generator_sha1.hpp>
#include <boost/uuid/uuid.hpp>
#include <cctype>

#include "ingest/source/source.h"

namespace kg::source {

std::string normalize_whitespace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

std::string content_hash(std::string_view text) {
  // A fixed namespace makes the digest a pure function of the text: the same
  // article hashes alike on every machine and in every release.
  static const boost::uuids::uuid kNamespace = {{0x6b, 0x67, 0x2d, 0x63, 0x6f, 0x6e, 0x74, 0x65, 0x6e, 0x74, 0x2d,
                                                 0x68, 0x61, 0x73, 0x68, 0x31}};
  const std::string normalized = normalize_whitespace(text);
  boost::uuids::name_generator_sha1 generate(kNamespace);
  const boost::uuids::uuid digest = generate(normalized.data(), normalized.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(32);
  for (uint8_t byte : digest) {
    hex += kHex[byte >> 4];
    hex += kHex[byte & 15];
  }
  return hex;
}

}  // namespace kg::source

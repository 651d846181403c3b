#include "base/utf8.h"

namespace kg::utf8 {

size_t sequence_length(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const size_t n = text.size();
  const unsigned char b0 = byte(pos);
  if (b0 < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;  // no overlongs
    if (b0 == 0xED) hi = 0x9F;  // no surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;  // no overlongs
    if (b0 == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  if (pos + len > n) return 0;
  if (byte(pos + 1) < lo || byte(pos + 1) > hi) return 0;
  for (size_t i = 2; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) return 0;
  }
  return len;
}

std::optional<size_t> first_invalid_byte(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    // Fast path over ASCII, which is nearly all of English news.
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t len = sequence_length(text, pos);
    if (len == 0) return pos;
    pos += len;
  }
  return std::nullopt;
}

std::string repair(std::string_view text, size_t* replaced) {
  std::string out;
  out.reserve(text.size());
  size_t count = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t len = sequence_length(text, pos);
    if (len == 0) {
      out += "\xEF\xBF\xBD";
      ++count;
      ++pos;
    } else {
      out.append(text.substr(pos, len));
      pos += len;
    }
  }
  if (replaced) *replaced = count;
  return out;
}

bool looks_binary(std::string_view text) {
  // A NUL anywhere: text past a first block would otherwise be stored with it.
  if (text.find('\0') != std::string_view::npos) return true;
  const std::string_view head = text.substr(0, 8192);
  size_t control = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > head.size();  // more than 5% control bytes
}

std::string printable(std::string_view text) {
  constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size();) {
    const size_t len = sequence_length(text, pos);
    const auto lead = static_cast<unsigned char>(text[pos]);
    const bool c0_or_del = len == 1 && ((lead < 0x20 && lead != '\t' && lead != '\n') || lead == 0x7f);
    const bool c1 = len == 2 && lead == 0xC2 && static_cast<unsigned char>(text[pos + 1]) < 0xA0;
    if (len == 0 || c0_or_del || c1) {
      out += kReplacement;
      pos += len == 0 ? 1 : len;
    } else {
      out.append(text.substr(pos, len));
      pos += len;
    }
  }
  return out;
}

std::optional<size_t> first_control_character(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return i;
  }
  return std::nullopt;
}

std::string ascii_lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace kg::utf8

// Character tests used by the tokenizer, splitter and feature extractors.
// The text is valid UTF-8 here (the pipeline repairs it first), so decoding
// trusts the lead byte and never reads past the end.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace kg::nlp {

inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
inline char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }
// Letters, digits and any non-ASCII byte (accented letters and the like).
inline bool is_word_char_byte(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// The code point starting at text[pos]; *len receives its length in bytes.
inline char32_t decode_char(std::string_view text, size_t pos, size_t* len) {
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (pos + n > text.size()) n = 1;
  *len = n;
  if (n == 1) return c;
  char32_t cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
  for (size_t i = 1; i < n; ++i) cp = (cp << 6) | (static_cast<unsigned char>(text[pos + i]) & 0x3F);
  return cp;
}

// Start of the code point that ends just before `pos` (pos > 0).
inline size_t previous_char_start(std::string_view text, size_t pos) {
  size_t p = pos - 1;
  while (p > 0 && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80 && pos - p < 4) --p;
  return p;
}

// FNV-1a of the bytes: the feature value of a string, the same on every
// run and platform (std::hash promises neither).
inline uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
  return h;
}

// FNV-1a of the ASCII-lowercased bytes: a feature value for a word that
// ignores case without building the lowercase string.
inline uint64_t hash_lowercase(std::string_view s) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(ascii_lower(c))) * 0x100000001B3ull;
  return h;
}

// ASCII-lowercases `s` into buf (capacity `cap`) and returns a view of it;
// returns an empty view when `s` does not fit, so lookups simply miss.
inline std::string_view lowercase_into(std::string_view s, char* buf, size_t cap) {
  if (s.size() > cap) return {};
  for (size_t i = 0; i < s.size(); ++i) buf[i] = ascii_lower(s[i]);
  return std::string_view(buf, s.size());
}

inline bool is_space_char(char32_t c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

}  // namespace kg::nlp

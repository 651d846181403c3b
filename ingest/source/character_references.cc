// HTML character references in text that is not HTML: news text scraped
// from web pages keeps "Pap&#233;" and "&amp;" in .txt and JSONL articles.
#include <cctype>
#include <cstdint>
#include <string>

#include "ingest/source/formats.h"

namespace kg::source {
namespace {

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The code point of a numeric reference starting at text[at] ("&#233;",
// "&#xE9;", the ";" optional as browsers allow), and its length; 0 when there
// is none or it names no character (NUL, a surrogate, beyond U+10FFFF).
std::pair<uint32_t, size_t> numeric_reference(std::string_view text, size_t at) {
  size_t i = at + 2;
  const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
  if (hex) ++i;
  uint64_t cp = 0;
  const size_t digits_start = i;
  while (i < text.size() && i - digits_start < 8 &&
         (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
    cp = cp * (hex ? 16 : 10) + static_cast<uint64_t>(c <= '9' ? c - '0' : c - 'a' + 10);
    ++i;
  }
  if (i == digits_start || cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0, 0};
  if (i < text.size() && text[i] == ';') ++i;
  return {static_cast<uint32_t>(cp), i - at};
}

}  // namespace

std::string decode_character_references(std::string_view text) {
  static constexpr std::pair<std::string_view, std::string_view> kNamed[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&nbsp;", " "}};
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    if (text[i] != '&') {
      const size_t next = text.find('&', i);
      const size_t end = next == std::string_view::npos ? text.size() : next;
      out.append(text.substr(i, end - i));
      i = end;
      continue;
    }
    if (i + 2 < text.size() && text[i + 1] == '#') {
      if (const auto [cp, length] = numeric_reference(text, i); length > 0) {
        append_utf8(cp, out);
        i += length;
        continue;
      }
    }
    bool named = false;
    for (const auto& [ref, ch] : kNamed) {
      if (text.substr(i).starts_with(ref)) {
        out += ch;
        i += ref.size();
        named = true;
        break;
      }
    }
    if (!named) out += text[i++];
  }
  return out;
}

}  // namespace kg::source

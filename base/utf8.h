// UTF-8 checks shared by every layer that reads text from users.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kg::utf8 {

// Byte offset of the first byte that does not start a well-formed UTF-8
// sequence (overlongs, surrogates and code points above U+10FFFF are
// ill-formed), or nullopt when the whole text is valid.
std::optional<size_t> first_invalid_byte(std::string_view text);

// A copy of `text` with the ASCII letters lowercased; every other byte
// (UTF-8 sequences included) is kept, so it is safe on any UTF-8 text.
std::string ascii_lowercase(std::string_view text);

// Copy of `text` with each ill-formed sequence replaced by U+FFFD.
// `replaced`, when given, receives how many replacements were made.
std::string repair(std::string_view text, size_t* replaced = nullptr);

// Length in bytes of the well-formed sequence starting at text[pos], or 0
// when the bytes there are ill-formed or truncated.
size_t sequence_length(std::string_view text, size_t pos);

// True when the text looks like binary data rather than text: it holds a
// NUL byte anywhere, or many control characters in its first few kilobytes.
bool looks_binary(std::string_view text);

// The byte order mark some editors write at the start of UTF-8 files.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `text` without a leading byte order mark: it is no part of the content
// (it would become part of the first name or word).
inline std::string_view without_bom(std::string_view text) {
  return text.starts_with(kByteOrderMark) ? text.substr(kByteOrderMark.size()) : text;
}

// Byte offset of the first control character other than tab, line feed and
// carriage return (C0 controls, NUL included, and DEL), or nullopt. Such
// bytes have no place in article text and, printed back, drive terminals.
std::optional<size_t> first_control_character(std::string_view text);

// Copy of `text` safe to show on a terminal: every control character but tab
// and line feed (C0, DEL, and the C1 controls U+0080-U+009F, which some
// terminals obey too) becomes U+FFFD, so stored text cannot move the cursor,
// recolour or retitle the terminal. Ill-formed bytes become U+FFFD as well.
std::string printable(std::string_view text);

}  // namespace kg::utf8

// Name keys: the normalised form under which names are compared and stored.
//
// The key is the store's alias index key, so it must be stable: changing it
// changes the store's schema (v2 keeps the signs of sums and shares and the
// decimal point, which v1 dropped, so that "1.7 %" and "17" were one node).
// graph/identity owns its use (identity::normalize_name); the store computes
// the same key only to keep its alias rows.
#include "base/name_key.h"

#include <cstdint>

#include "base/utf8.h"

namespace kg::names {

namespace {

// U+00C0..U+00FF, lower and upper half alike; '#' marks the letters that
// expand or vanish (handled in latin1_fold), '-' the two math signs.
constexpr std::string_view kLatin1 = "aaaaaa#ceeeeiiiidnooooo-ouuuuy##";
// U+0100..U+017F (Latin Extended-A) without diacritics.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssss"
    "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
static_assert(kLatin1.size() == 32);
static_assert(kLatinExtendedA.size() == 128);

uint32_t decode_code_point(std::string_view s, size_t pos, size_t len) {
  const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[pos + i])); };
  switch (len) {
    case 2: return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
    case 3: return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
  }
}

// Appends the folded form of a code point in U+00C0..U+00FF.
void latin1_fold(uint32_t cp, std::string& out) {
  switch (cp) {
    case 0xC6: case 0xE6: out += "ae"; return;
    case 0xDE: case 0xFE: out += "th"; return;
    case 0xDF: out += "ss"; return;
    case 0xFF: out += 'y'; return;
    case 0xD7: case 0xF7: return;  // multiplication and division signs
    default: out += kLatin1[(cp - 0xC0) & 0x1f];
  }
}

}  // namespace

std::string name_key(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  const auto separate = [&] { pending_space = !out.empty(); };
  const auto emit = [&](auto&& append) {
    if (pending_space) out.push_back(' ');
    pending_space = false;
    append();
  };
  // A sign of a sum or a share is a word of its own, however the text
  // spaced it ("£50m" and "£ 50m", "50%" and "50 %" are one key; "$1bn",
  // "£1bn" and "1%" are three).
  const auto sign = [&](std::string_view s) {
    separate();
    emit([&] { out.append(s); });
    separate();
  };
  const auto digit_at = [&](size_t i) { return i < name.size() && name[i] >= '0' && name[i] <= '9'; };
  for (size_t pos = 0; pos < name.size();) {
    const auto c = static_cast<unsigned char>(name[pos]);
    if (c < 0x80) {
      // (A decimal point stays: "1.7" is not "17". Other full stops vanish: "U.S.")
      const bool decimal_point = c == '.' && pos > 0 && digit_at(pos - 1) && digit_at(pos + 1);
      ++pos;
      if (c >= 'A' && c <= 'Z') emit([&] { out.push_back(static_cast<char>(c - 'A' + 'a')); });
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || decimal_point)
        emit([&] { out.push_back(static_cast<char>(c)); });
      else if (c == '$' || c == '%')
        sign(name.substr(pos - 1, 1));
      else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '-' || c == '/' || c == '_') separate();
      // every other ASCII byte (punctuation, control characters, NUL) vanishes
      continue;
    }
    const size_t len = utf8::sequence_length(name, pos);
    if (len == 0) {  // ill-formed byte: drop it
      ++pos;
      continue;
    }
    const uint32_t cp = decode_code_point(name, pos, len);
    if (cp == 0xA3 || cp == 0xA5 || cp == 0x20AC) {  // pound, yen and euro signs
      sign(name.substr(pos, len));
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      emit([&] { latin1_fold(cp, out); });
    } else if (cp >= 0x100 && cp <= 0x17F) {
      emit([&] { out.push_back(kLatinExtendedA[cp - 0x100]); });
    } else if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || (cp >= 0x2010 && cp <= 0x2015)) {
      separate();  // no-break and typographic spaces, hyphens and dashes
    } else if (cp < 0xC0 || (cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x0300 && cp <= 0x036F)) {
      // Latin-1 punctuation and signs, general punctuation (curly quotes),
      // combining diacritical marks: vanish
    } else {
      emit([&] { out.append(name.substr(pos, len)); });
    }
    pos += len;
  }
  return out;
}

}  // namespace kg::names

#include "base/utf8.h"
#include "ingest/extract/baseline_parts.h"

namespace kg::extract::baseline {
namespace {

// The code point at text[pos] and its length; U+FFFD for ill-formed bytes.
char32_t decode(std::string_view text, size_t pos, size_t* length) {
  const size_t len = utf8::sequence_length(text, pos);
  *length = len == 0 ? 1 : len;
  const auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + i])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default: return 0xFFFD;
  }
}

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  // Latin-1 punctuation and symbols, general punctuation (dashes, curly
  // quotes), and CJK punctuation are not letters; the rest of the non-ASCII
  // range is treated as letters, which is right for names in news text.
  if (cp >= 0x80 && cp <= 0xBF) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  return cp != 0xFFFD;
}

bool is_upper(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}

bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Punctuation after which the next word starts a clause: opening quotes,
// brackets, colons and dashes.
bool opens_clause(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x2018 || cp == '(' || cp == '[' || cp == ':' || cp == 0x2014 ||
         cp == 0x2013;
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> tokens;
  bool clause_start = true;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t len;
    const char32_t cp = decode(s, pos, &len);
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0) {
      pos += len;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(pos);
    if (!is_letter(cp)) {
      // "'s" after a word is the possessive clitic, kept as its own token.
      size_t next_len = 0;
      if (is_apostrophe(cp) && !tokens.empty() && tokens.back().end == pos && pos + len < s.size() &&
          (s[pos + len] == 's' || s[pos + len] == 'S')) {
        const size_t after = pos + len + 1;
        const bool ends = after >= s.size() || !is_letter(decode(s, after, &next_len));
        if (ends) {
          t.end = static_cast<uint32_t>(after);
          t.text = s.substr(pos, after - pos);
          t.kind = TokenKind::kPossessive;
          tokens.push_back(t);
          pos = after;
          clause_start = false;
          continue;
        }
      }
      t.end = static_cast<uint32_t>(pos + len);
      t.text = s.substr(pos, len);
      t.kind = TokenKind::kPunct;
      tokens.push_back(t);
      if (opens_clause(cp)) clause_start = true;
      pos += len;
      continue;
    }
    t.capitalised = is_upper(cp);
    size_t end = pos + len;
    while (end < s.size()) {
      size_t l;
      const char32_t c = decode(s, end, &l);
      if (is_letter(c)) {
        end += l;
        continue;
      }
      // Inner hyphens, dots (U.S.) and apostrophes (O'Brien, didn't) stay
      // inside the word when a letter follows; a possessive 's does not.
      if ((c == '-' || c == '.' || is_apostrophe(c)) && end + l < s.size()) {
        size_t l2;
        const char32_t next = decode(s, end + l, &l2);
        if (is_letter(next)) {
          if (is_apostrophe(c) && (next == 's' || next == 'S')) {
            size_t l3;
            const size_t after = end + l + l2;
            if (after >= s.size() || !is_letter(decode(s, after, &l3))) break;
          }
          end += l + l2;
          continue;
        }
      }
      break;
    }
    // "U.S." keeps its final dot: a word with inner dots is an abbreviation.
    if (end < s.size() && s[end] == '.' && s.substr(pos, end - pos).find('.') != std::string_view::npos) ++end;
    t.end = static_cast<uint32_t>(end);
    t.text = s.substr(pos, end - pos);
    t.starts_clause = clause_start;
    clause_start = false;
    tokens.push_back(t);
    pos = end;
  }
  return tokens;
}

}  // namespace kg::extract::baseline

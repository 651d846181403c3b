#include "ingest/nlp/tokenizer.h"

#include <algorithm>
#include <array>
#include <vector>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

bool is_opening(char32_t c) {
  switch (c) {
    case '(': case '[': case '{': case '"': case '\'': case '`': case '<': case 0x201C: case 0x2018:
    case 0xAB: case 0xBF: case 0xA1: case '$': case 0xA3: case 0x20AC: case 0xA5: case '*': case '-': case '#':
      return true;
    default:
      return false;
  }
}

bool is_closing(char32_t c) {
  switch (c) {
    case ')': case ']': case '}': case '"': case '\'': case '>': case 0x201D: case 0x2019: case 0xBB:
    case ',': case ';': case ':': case '%': case '*': case '-':
      return true;
    default:
      return false;
  }
}

bool is_sentence_final(char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; }
bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_dash(char32_t c) { return c == 0x2014 || c == 0x2013; }

// Emoticons EWT keeps as one token; matched against a whole chunk.
constexpr std::array<std::string_view, 22> kEmoticons = {
    ":)", ":-)", ":(", ":-(", ";)", ";-)", ":D", ":-D", ":P", ":-P", ":p", ":/", ":-/",
    ":'(", "<3", "^_^", "XD", "=)", ":o", ":O", "^^", "(:",
};

bool is_emoticon(std::string_view s) {
  return std::find(kEmoticons.begin(), kEmoticons.end(), s) != kEmoticons.end();
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(s[i]) != prefix[i]) return false;
  }
  return true;
}

bool ends_with_ci(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return starts_with_ci(s.substr(s.size() - suffix.size()), suffix);
}

bool equals_ci(std::string_view s, std::string_view lower) { return s.size() == lower.size() && starts_with_ci(s, lower); }

bool is_url(std::string_view s) {
  return s.find("://") != std::string_view::npos || starts_with_ci(s, "www.");
}

bool is_email(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const size_t dot = s.find('.', at);
  return dot != std::string_view::npos && dot > at + 1 && dot + 1 < s.size();
}

// "U.S." "e.g." "J.": letters each followed by a period.
bool is_letter_dot_sequence(std::string_view s) {
  if (s.size() < 2 || s.size() % 2 != 0) return false;
  for (size_t i = 0; i < s.size(); i += 2) {
    if (!is_ascii_alpha(s[i]) || s[i + 1] != '.') return false;
  }
  return true;
}

// Whole words that EWT splits although no apostrophe marks the seam.
struct WordSplit {
  std::string_view word;  // lowercase
  size_t stem_length;
};
constexpr std::array<WordSplit, 22> kWordSplits = {{
    {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"dont", 2}, {"didnt", 3},
    {"doesnt", 4}, {"isnt", 2}, {"wasnt", 3}, {"arent", 3}, {"werent", 4}, {"cant", 2},
    {"wont", 2}, {"couldnt", 5}, {"wouldnt", 5}, {"shouldnt", 6}, {"havent", 4}, {"hasnt", 3},
    {"hadnt", 3}, {"aint", 2}, {"im", 1}, {"ive", 1},
}};

// Length in bytes of the clitic ending `word`, or 0. Hosts must keep at
// least one character.
size_t clitic_length(std::string_view w) {
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const size_t a = apostrophe.size();
    // n't
    if (w.size() > 2 + a && ends_with_ci(w, "t") && w.substr(w.size() - 1 - a, a) == apostrophe &&
        ascii_lower(w[w.size() - 2 - a]) == 'n') {
      return 2 + a;
    }
    for (std::string_view c : {"s", "m", "d", "re", "ve", "ll"}) {
      if (w.size() > c.size() + a && ends_with_ci(w, c) && w.substr(w.size() - c.size() - a, a) == apostrophe) {
        return c.size() + a;
      }
    }
    // leaders' (plural possessive): only reached when the apostrophe was not
    // taken as a closing quote.
    if (w.size() > 1 + a && w.substr(w.size() - a) == apostrophe && ascii_lower(w[w.size() - 1 - a]) == 's') return a;
  }
  return 0;
}

void push(std::vector<Token>* out, uint32_t b, uint32_t e, uint8_t flags = 0) {
  if (b < e) out->push_back(Token{b, e, flags});
}

}  // namespace

void TokenizerLexicon::save(ModelWriter& out) const {
  auto sorted = [](const StringSet& set) {
    std::vector<std::string> v(set.begin(), set.end());
    std::sort(v.begin(), v.end());
    return v;
  };
  out.put_strings(sorted(abbreviations));
  out.put_strings(sorted(hyphen_prefixes));
}

bool TokenizerLexicon::load(ModelReader& in) {
  std::vector<std::string> abbr, prefixes;
  if (!in.get_strings(&abbr) || !in.get_strings(&prefixes)) return false;
  abbreviations = StringSet(abbr.begin(), abbr.end());
  hyphen_prefixes = StringSet(prefixes.begin(), prefixes.end());
  return true;
}

bool Tokenizer::is_abbreviation(std::string_view word) const {
  if (is_letter_dot_sequence(word)) return true;
  return lexicon_.abbreviations.contains(word);
}

void Tokenizer::tokenize(std::string_view text, std::vector<Token>* out) const {
  out->clear();
  size_t pos = 0;
  int newlines = 2;  // the start of the text counts as a paragraph start
  while (pos < text.size()) {
    size_t len = 1;
    const char32_t c = decode_char(text, pos, &len);
    if (is_space_char(c)) {
      if (c == '\n') ++newlines;
      pos += len;
      continue;
    }
    size_t end = pos;
    while (end < text.size()) {
      size_t l = 1;
      if (is_space_char(decode_char(text, end, &l))) break;
      end += l;
    }
    const size_t first = out->size();
    tokenize_chunk(text, static_cast<uint32_t>(pos), static_cast<uint32_t>(end), out);
    if (out->size() > first) {
      if (newlines >= 1) (*out)[first].flags |= Token::kLineBefore;
      if (newlines >= 2) (*out)[first].flags |= Token::kParagraphBefore;
      if (end < text.size()) out->back().flags |= Token::kSpaceAfter;
    }
    newlines = 0;
    pos = end;
  }
}

void Tokenizer::tokenize_chunk(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>* out) const {
  const std::string_view whole = text.substr(b, e - b);
  if (is_emoticon(whole)) return push(out, b, e);

  // Leading punctuation, one token per character (or per run of a repeated
  // one: `` << **).
  uint32_t lead = b;
  bool opened_single_quote = false;
  while (lead < e) {
    size_t len = 1;
    const char32_t c = decode_char(text, lead, &len);
    if (!is_opening(c)) break;
    if (is_apostrophe(c)) {
      // 'em '90s 'til: an apostrophe that starts a word is part of it.
      const std::string_view rest = text.substr(lead + len, e - lead - len);
      if (!rest.empty() && (is_ascii_digit(rest[0]) || starts_with_ci(rest, "em") || starts_with_ci(rest, "til") ||
                            starts_with_ci(rest, "cause") || starts_with_ci(rest, "n'"))) {
        break;
      }
      opened_single_quote = true;
    }
    uint32_t run = lead + static_cast<uint32_t>(len);
    while (run + len <= e && text.substr(run, len) == text.substr(lead, len)) run += static_cast<uint32_t>(len);
    push(out, lead, run);
    lead = run;
  }
  if (lead == e) return;

  // URLs and addresses end before trailing sentence punctuation; a word
  // glued in front of "<address>" is tokenized on its own.
  {
    const std::string_view rest = text.substr(lead, e - lead);
    if (is_url(rest) || is_email(rest)) {
      const size_t angle = rest.find('<');
      if (angle != std::string_view::npos && angle > 0) {
        tokenize_chunk(text, lead, lead + static_cast<uint32_t>(angle), out);
        tokenize_chunk(text, lead + static_cast<uint32_t>(angle), e, out);
        return;
      }
      uint32_t t = e;
      while (t > lead) {
        const char c = text[t - 1];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == '"' ||
            c == '\'' || c == '>' || c == ']')
          --t;
        else
          break;
      }
      push(out, lead, t);
      for (uint32_t i = t; i < e; ++i) push(out, i, i + 1);
      return;
    }
  }

  // Trailing punctuation: find where the word core ends.
  uint32_t t = e;
  while (t > lead) {
    const uint32_t p = static_cast<uint32_t>(previous_char_start(text, t));
    size_t len = 1;
    const char32_t c = decode_char(text, p, &len);
    if (is_sentence_final(c)) {
      if ((c == '.' || c == '!') && (p == lead || static_cast<char32_t>(text[p - 1]) != c) && is_abbreviation(text.substr(lead, t - lead))) {
        break;
      }
      uint32_t q = p;
      while (q > lead) {
        const uint32_t qq = static_cast<uint32_t>(previous_char_start(text, q));
        size_t l2 = 1;
        if (!is_sentence_final(decode_char(text, qq, &l2))) break;
        q = qq;
      }
      t = q;
      continue;
    }
    if (is_apostrophe(c) && !opened_single_quote && t - lead > len + 1 && ascii_lower(text[p - 1]) == 's') break;
    if (is_closing(c)) {
      t = p;
      continue;
    }
    break;
  }

  // An emoticon or a lone symbol glued to punctuation keeps its shape.
  if (t > lead) {
    const std::string_view core = text.substr(lead, t - lead);
    const size_t clitic = clitic_length(core);
    uint32_t stem_end = t;
    if (clitic > 0) {
      stem_end = t - static_cast<uint32_t>(clitic);
    } else {
      for (const WordSplit& ws : kWordSplits) {
        if (equals_ci(core, ws.word)) {
          stem_end = lead + static_cast<uint32_t>(ws.stem_length);
          break;
        }
      }
    }
    split_core(text, lead, stem_end, out);
    if (stem_end < t) {
      out->back().flags |= Token::kJoinNext;
      push(out, stem_end, t);
    }
  }

  // The trailing punctuation, in text order; runs of one character
  // ("...", "!!!", "--") stay one token.
  uint32_t i = t;
  while (i < e) {
    size_t len = 1;
    const char32_t c = decode_char(text, i, &len);
    uint32_t run = i + static_cast<uint32_t>(len);
    if (is_sentence_final(c)) {
      while (run < e) {
        size_t l2 = 1;
        if (!is_sentence_final(decode_char(text, run, &l2))) break;
        run += static_cast<uint32_t>(l2);
      }
    } else {
      while (run + len <= e && text.substr(run, len) == text.substr(i, len)) run += static_cast<uint32_t>(len);
    }
    push(out, i, run);
    i = run;
  }
}

namespace {

// Digits and hyphens only, in three or more groups: a date or a phone
// number (2021-12-07, 713-853-3989), kept whole.
bool is_hyphenated_number(std::string_view s) {
  int groups = 1;
  for (char c : s) {
    if (c == '-') ++groups;
    else if (!is_ascii_digit(c)) return false;
  }
  return groups >= 3 && s.front() != '-' && s.back() != '-';
}

// "01-Feb-02": day, month abbreviation, year.
bool is_day_month_year(std::string_view s) {
  const size_t a = s.find('-');
  if (a == std::string_view::npos || a == 0 || s.size() < a + 6 || s[a + 4] != '-') return false;
  for (size_t i = 0; i < a; ++i) {
    if (!is_ascii_digit(s[i])) return false;
  }
  for (size_t i = a + 1; i < a + 4; ++i) {
    if (!is_ascii_alpha(s[i])) return false;
  }
  for (size_t i = a + 5; i < s.size(); ++i) {
    if (!is_ascii_digit(s[i])) return false;
  }
  return true;
}

size_t digit_run_before(std::string_view s, size_t end) {
  size_t n = 0;
  while (n < end && is_ascii_digit(s[end - 1 - n])) ++n;
  return n;
}

size_t digit_run_from(std::string_view s, size_t begin) {
  size_t n = 0;
  while (begin + n < s.size() && is_ascii_digit(s[begin + n])) ++n;
  return n;
}

// Punctuation that separates words even without spaces around it.
bool always_splits(char32_t c) {
  switch (c) {
    case '(': case ')': case '[': case ']': case '{': case '}': case ';': case '"': case '!': case '?':
    case 0x201C: case 0x201D: case 0x2026:
      return true;
    default:
      return false;
  }
}

}  // namespace

void Tokenizer::split_core(std::string_view text, uint32_t b, uint32_t e, std::vector<Token>* out) const {
  if (b >= e) return;
  const std::string_view core = text.substr(b, e - b);
  if (is_url(core) || is_email(core) || is_hyphenated_number(core) || is_day_month_year(core)) return push(out, b, e);
  uint32_t word_start = b;
  uint32_t i = b;
  auto split_run = [&](uint32_t run_end) {
    push(out, word_start, i);
    push(out, i, run_end);
    word_start = i = run_end;
  };
  while (i < e) {
    size_t len = 1;
    const char32_t c = decode_char(text, i, &len);
    const uint32_t next = i + static_cast<uint32_t>(len);
    if (is_dash(c) || (c == '-' && next < e && text[next] == '-')) {
      // Dashes and "--" always stand alone.
      uint32_t run = next;
      while (run < e && (text[run] == '-' || is_dash(decode_char(text, run, &len)))) {
        run += static_cast<uint32_t>(text[run] == '-' ? 1 : len);
        len = 1;
      }
      split_run(run);
      continue;
    }
    if (always_splits(c) || (c == '.' && next < e && text[next] == '.')) {
      uint32_t run = next;
      while (run + len <= e && text.substr(run, len) == text.substr(i, len)) run += static_cast<uint32_t>(len);
      split_run(run);
      continue;
    }
    const size_t at = i - b;
    if (c == ',' && i > word_start && next < e) {
      // 1,400 keeps its separator (exactly three digits follow); "me,just" splits.
      const bool thousands = digit_run_before(core, at) > 0 && digit_run_from(core, at + 1) == 3;
      if (!thousands) {
        split_run(next);
        continue;
      }
    }
    if (c == ':' && i > word_start && next < e && !(is_ascii_digit(core[at - 1]) && is_ascii_digit(core[at + 1]))) {
      split_run(next);
      continue;
    }
    if ((c == '-' || c == '/') && i > word_start && next < e) {
      const std::string_view left = text.substr(word_start, i - word_start);
      const char right = text[next];
      bool keep;
      if (c == '/') {
        // w/o b/t 9/11 and dates stay whole; "and/or" splits.
        keep = left.size() <= 1 || (is_ascii_digit(left.back()) && is_ascii_digit(right)) || (i + 2 >= e);
      } else if (is_ascii_digit(left.back()) && is_ascii_digit(right)) {
        // 646-8420 stays whole; scores and ranges (5-3, 16-18) split.
        keep = digit_run_before(core, at) >= 3 && digit_run_from(core, at + 1) >= 3;
      } else {
        bool prefix = false;
        if (left.size() <= 8) {
          char lower[8];
          for (size_t k = 0; k < left.size(); ++k) lower[k] = ascii_lower(left[k]);
          prefix = lexicon_.hyphen_prefixes.contains(std::string_view(lower, left.size()));
        }
        keep = prefix || !is_word_char_byte(right);
      }
      if (!keep) {
        split_run(next);
        continue;
      }
    }
    i = next;
  }
  push(out, word_start, e);
}

}  // namespace kg::nlp

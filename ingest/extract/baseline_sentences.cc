// Rule-based sentence splitting for the baseline (the statistical splitter
// of ingest/nlp replaces it).
#include <cctype>

#include "ingest/extract/baseline.h"
#include "ingest/extract/baseline_parts.h"

namespace kg::extract {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Closing quotes and brackets that belong to the sentence before a break.
size_t skip_closers(std::string_view text, size_t pos) {
  while (pos < text.size()) {
    if (text[pos] == '"' || text[pos] == '\'' || text[pos] == ')' || text[pos] == ']') {
      ++pos;
    } else if (text.substr(pos).starts_with("\u201D") || text.substr(pos).starts_with("\u2019")) {
      pos += 3;
    } else {
      break;
    }
  }
  return pos;
}

// True when the text at `pos` can begin a sentence: a capital letter, a
// digit, an opening quote or bracket, or a non-ASCII letter.
bool can_start_sentence(std::string_view text, size_t pos) {
  if (pos >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[pos]);
  if (std::isupper(c) || std::isdigit(c) || c == '"' || c == '\'' || c == '(' || c == '[') return true;
  return text.substr(pos).starts_with("\u201C") || text.substr(pos).starts_with("\u2018") ||
         (c >= 0xC3 && c <= 0xC3 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) < 0x9F);
}

// The word that ends right before `period` (letters and inner dots).
std::string_view word_before(std::string_view text, size_t period) {
  size_t start = period;
  while (start > 0 && (std::isalpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
  return text.substr(start, period - start);
}

void add_span(std::string_view text, size_t begin, size_t end, std::vector<TextSpan>& out) {
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  if (end > begin) out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
}

}  // namespace

std::vector<TextSpan> split_sentences_baseline(std::string_view text) {
  std::vector<TextSpan> spans;
  size_t start = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    const char c = text[pos];
    // A blank line ends a paragraph and so a sentence, punctuation or not
    // (headings, datelines, list items).
    if (c == '\n') {
      size_t next = pos + 1;
      while (next < text.size() && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) ++next;
      if (next < text.size() && text[next] == '\n') {
        add_span(text, start, pos, spans);
        start = pos = next + 1;
        continue;
      }
    }
    if (c == '.' || c == '!' || c == '?') {
      size_t end = pos + 1;
      while (end < text.size() && (text[end] == '.' || text[end] == '!' || text[end] == '?')) ++end;
      end = skip_closers(text, end);
      size_t next = end;
      while (next < text.size() && is_space(text[next])) ++next;
      const bool abbreviation = c == '.' && end == pos + 1 && baseline::is_abbreviation(word_before(text, pos));
      if (next > end && can_start_sentence(text, next) && !abbreviation) {
        add_span(text, start, end, spans);
        start = pos = next;
        continue;
      }
      pos = end;
      continue;
    }
    ++pos;
  }
  add_span(text, start, text.size(), spans);
  return spans;
}

}  // namespace kg::extract

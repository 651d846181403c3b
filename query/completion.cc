#include "query/completion.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>

#include "query/catalog.h"

namespace kg::query {
namespace {

// Entity-name completion lists at most this many candidates: a huge graph
// would flood the screen, and typing one more letter narrows it.
constexpr size_t kMaxNameCandidates = 200;

bool starts_with_folded(std::string_view text, std::string_view prefix) {
  if (prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

// Where the word under the cursor starts: after the last blank outside
// quotes, or at an opening quote that is still open.
size_t word_start(std::string_view text, bool* quoted) {
  size_t start = 0;
  bool in_quote = false;
  char quote = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_quote) {
      if (c == quote) in_quote = false;
    } else if (c == '"' || c == '\'') {
      if (i == start) {
        in_quote = true;
        quote = c;
      }
    } else if (c == ' ' || c == '\t') {
      start = i + 1;
    }
  }
  *quoted = in_quote;
  return start;
}

// Number of complete words before the word at `start`.
size_t words_before(std::string_view text, size_t start) {
  size_t count = 0;
  bool in_word = false;
  for (size_t i = 0; i < start; ++i) {
    const bool blank = text[i] == ' ' || text[i] == '\t';
    if (!blank && !in_word) ++count;
    in_word = !blank;
  }
  return count;
}

bool matches_name(std::string_view name, std::string_view prefix) {
  if (starts_with_folded(name, prefix)) return true;
  if (prefix.empty()) return false;
  for (size_t i = name.find(' '); i != std::string::npos; i = name.find(' ', i + 1)) {
    if (starts_with_folded(name.substr(i + 1), prefix)) return true;
  }
  return false;
}

// The words a statement is made of (multi-word clauses complete word by word).
constexpr std::string_view kCypherKeywords[] = {
    "AND",     "AS",      "ASC",   "BY",       "CALL",     "CONTAINS", "DESC",     "DISTINCT",
    "ENDS",    "EXPLAIN", "FALSE", "IN",       "IS",       "LIMIT",    "MATCH",   "NOT",      "NULL",
    "OPTIONAL", "OR",     "ORDER", "PROFILE",  "RETURN",   "SKIP",     "STARTS",  "TRUE",     "UNWIND",
    "WHERE",   "WITH",    "XOR",   "YIELD",    "shortestPath"};

bool identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// After '(a:' a label, after '[r:' or '[r:x|' a type: which bracket is open.
char open_bracket(std::string_view text) {
  int depth = 0;
  for (size_t i = text.size(); i-- > 0;) {
    const char c = text[i];
    if (c == ')' || c == ']') ++depth;
    if (c == '(' || c == '[') {
      if (depth == 0) return c;
      --depth;
    }
  }
  return 0;
}

Completion complete_cypher(std::string_view text, const std::vector<std::string>& names,
                           const CypherVocabulary& cypher) {
  Completion out;
  // An open quote: complete an entity name inside it.
  char quote = 0;
  size_t quote_at = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (quote && text[i] == quote) quote = 0;
    else if (!quote && (text[i] == '\'' || text[i] == '"')) {
      quote = text[i];
      quote_at = i;
    }
  }
  if (quote) {
    out.start = quote_at;
    const std::string_view prefix = text.substr(quote_at + 1);
    for (const std::string& name : names) {
      if (name.find(quote) != std::string::npos || !matches_name(name, prefix)) continue;
      out.candidates.push_back(fmt::format("{}{}{}", quote, name, quote));
      if (out.candidates.size() >= kMaxNameCandidates) break;
    }
    return out;
  }
  out.start = text.size();
  while (out.start > 0 && identifier_char(text[out.start - 1])) --out.start;
  const std::string_view word = text.substr(out.start);
  const char before = out.start > 0 ? text[out.start - 1] : ' ';
  if (before == ':' || before == '|') {
    const char bracket = open_bracket(text.substr(0, out.start));
    const std::vector<std::string>& pool = bracket == '[' ? cypher.relations : cypher.labels;
    if (bracket == 0 || (bracket == '(' && before == '|')) return out;
    for (const std::string& candidate : pool) {
      if (starts_with_folded(candidate, word)) out.candidates.push_back(candidate);
    }
    return out;
  }
  if (word.empty() || before == '.' || before == '$') return out;  // a property or parameter: no guess
  const bool lower = std::any_of(word.begin(), word.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  for (std::string_view keyword : kCypherKeywords) {
    if (!starts_with_folded(keyword, word)) continue;
    std::string candidate(keyword);
    if (lower && keyword != "shortestPath") {
      for (char& c : candidate) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    out.candidates.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace

std::string common_prefix(const std::vector<std::string>& candidates) {
  if (candidates.empty()) return "";
  std::string prefix = candidates.front();
  for (const std::string& c : candidates) {
    size_t n = 0;
    while (n < prefix.size() && n < c.size() && prefix[n] == c[n]) ++n;
    prefix.resize(n);
  }
  return prefix;
}

Completion complete_line(std::string_view text, const std::vector<std::string>& names,
                         const CypherVocabulary& cypher) {
  const size_t first_char = text.find_first_not_of(" \t");
  if (first_char != std::string_view::npos && text[first_char] != ':') return complete_cypher(text, names, cypher);
  Completion out;
  bool quoted = false;
  out.start = word_start(text, &quoted);
  const std::string_view word = text.substr(out.start);
  const size_t position = words_before(text, out.start);
  const std::string_view first = text.substr(0, text.find_first_of(" \t"));

  if (position == 0) {
    if (word.empty() || word[0] != ':') return out;
    for (const CommandInfo& c : colon_commands()) {
      const std::string candidate = fmt::format(":{}", c.name);
      if (starts_with_folded(candidate, word)) out.candidates.push_back(candidate);
    }
    return out;
  }
  const CommandInfo* command = first.size() > 1 && first[0] == ':' ? find_colon_command(first.substr(1)) : nullptr;
  if (command && command->name == "export") {
    if (position == 1) {
      for (std::string_view f : export_format_names()) {
        if (starts_with_folded(f, word)) out.candidates.emplace_back(f);
      }
    }
    return out;
  }
  if (command && command->name == "help") {
    for (const CommandInfo& c : colon_commands()) {
      if (starts_with_folded(c.name, word)) out.candidates.emplace_back(c.name);
    }
    return out;
  }
  if (command && (command->name == "top" || command->name == "components" || command->name == "stats" ||
                  command->name == "quit")) {
    return out;
  }

  const std::string_view prefix = quoted ? word.substr(1) : word;
  for (const std::string& name : names) {
    if (!matches_name(name, prefix)) continue;
    const bool needs_quotes = quoted || name.find_first_of(" \t\"'") != std::string::npos;
    out.candidates.push_back(needs_quotes ? fmt::format("\"{}\"", name) : name);
    if (out.candidates.size() >= kMaxNameCandidates) break;
  }
  return out;
}

}  // namespace kg::query

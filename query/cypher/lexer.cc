#include <fmt/format.h>

#include "query/cypher/tokens.h"

namespace kg::query::cypher {
namespace {

bool is_ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_byte(char c) { return is_ident_start(c) || is_digit(c); }

// The quoted string at the cursor (on its opening quote), unescaped.
Result<std::string> read_string(TextCursor& cur) {
  const Where start = cur.where();
  const char quote = cur.peek();
  cur.advance();
  std::string out;
  while (!cur.done()) {
    const char c = cur.peek();
    if (c == quote) {
      cur.advance();
      return out;
    }
    if (c == '\\') {
      const Where escape_at = cur.where();
      cur.advance();
      const char e = cur.peek();
      if (e == 'n') out.push_back('\n');
      else if (e == 't') out.push_back('\t');
      else if (e == '\\' || e == '\'' || e == '"') out.push_back(e);
      else return error_at(escape_at, fmt::format("unknown escape '\\{}' in a string (use \\' \\\" \\\\ \\n \\t)", e));
      cur.advance();
      continue;
    }
    const size_t from = cur.offset();
    cur.advance();
    out.append(cur.slice(from));
  }
  return error_at(start, fmt::format("unterminated string: add the closing {}", quote));
}

// Two-character symbols first, so "<=" is not "<" then "=".
constexpr std::string_view kTwoCharSymbols[] = {"->", "<-", "<=", ">=", "<>", "..", "=~", "!="};
constexpr std::string_view kOneCharSymbols = "()[]{},:.|*=<>+-/%;$";

}  // namespace

Result<std::vector<Token>> tokenize(std::string_view text, int first_line) {
  std::vector<Token> tokens;
  TextCursor cur(text, first_line);
  while (true) {
    while (!cur.done() && (cur.peek() == ' ' || cur.peek() == '\t' || cur.peek() == '\r' || cur.peek() == '\n')) {
      cur.advance();
    }
    if (cur.peek() == '/' && cur.peek(1) == '/') {  // comment to the end of the line
      while (!cur.done() && cur.peek() != '\n') cur.advance();
      continue;
    }
    if (cur.done()) break;
    Token tok;
    tok.where = cur.where();
    tok.begin = cur.offset();
    const char c = cur.peek();
    if (c == '\'' || c == '"') {
      auto s = read_string(cur);
      if (!s) return s.status();
      tok.kind = Token::Kind::kString;
      tok.text = std::move(*s);
    } else if (c == '`') {  // `quoted identifier`
      cur.advance();
      const size_t from = cur.offset();
      while (!cur.done() && cur.peek() != '`') cur.advance();
      if (cur.done()) return error_at(tok.where, "unterminated `quoted name`: add the closing `");
      tok.kind = Token::Kind::kIdent;
      tok.text = std::string(cur.slice(from));
      cur.advance();
    } else if (is_digit(c)) {
      const size_t from = cur.offset();
      while (is_digit(cur.peek())) cur.advance();
      tok.kind = Token::Kind::kInt;
      // "1..3" is a range, not the real number "1."
      if (cur.peek() == '.' && is_digit(cur.peek(1))) {
        cur.advance();
        while (is_digit(cur.peek())) cur.advance();
        tok.kind = Token::Kind::kFloat;
      }
      tok.text = std::string(cur.slice(from));
    } else if (is_ident_start(c)) {
      const size_t from = cur.offset();
      while (!cur.done() && is_ident_byte(cur.peek())) cur.advance();
      tok.kind = Token::Kind::kIdent;
      tok.text = std::string(cur.slice(from));
    } else {
      tok.kind = Token::Kind::kSymbol;
      const std::string two{c, cur.peek(1)};
      bool matched = false;
      for (std::string_view s : kTwoCharSymbols) {
        if (two == s) {
          tok.text = two == "!=" ? "<>" : two;
          cur.advance();
          cur.advance();
          matched = true;
          break;
        }
      }
      if (!matched) {
        if (kOneCharSymbols.find(c) == std::string_view::npos) {
          return error_at(tok.where, fmt::format("unexpected character '{}'", c));
        }
        tok.text = std::string(1, c);
        cur.advance();
      }
    }
    tok.end = cur.offset();
    tokens.push_back(std::move(tok));
  }
  Token end;
  end.where = cur.where();
  end.begin = end.end = cur.offset();
  tokens.push_back(std::move(end));
  return tokens;
}

}  // namespace kg::query::cypher

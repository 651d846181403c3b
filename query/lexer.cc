#include "query/lexer.h"

#include <fmt/format.h>


namespace kg::query {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Bytes >= 0x80 are parts of UTF-8 sequences: letters of non-English names.
bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '_': case '-': case '.': case '\'': case '&': case '/': case '~': case '+': case ',': case '@':
      return true;
    default:
      return false;
  }
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Status error_at(Position where, std::string_view message) {
  return Status::invalid_input(fmt::format("{}:{}: {}", where.line, where.column, message));
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case Token::Kind::kEnd: return "end of line";
    case Token::Kind::kString: return fmt::format("\"{}\"", token.text);
    case Token::Kind::kColon: return "':'";
    default: return fmt::format("'{}'", token.text);
  }
}

Result<std::vector<Token>> tokenize_line(std::string_view text, int line) {
  std::vector<Token> tokens;
  TextCursor cur(text, line);
  while (true) {
    while (!cur.done() && is_space(cur.peek())) cur.advance();
    if (cur.done()) break;
    Token tok;
    tok.where = cur.where();
    const char c = cur.peek();
    if (c == ':') {
      tok.kind = Token::Kind::kColon;
      tok.text = ":";
      cur.advance();
    } else if (c == '"' || c == '\'') {
      // A quote opens a string only at the start of a token, so O'Brien
      // stays one bare word.
      const char quote = c;
      cur.advance();
      tok.kind = Token::Kind::kString;
      bool closed = false;
      while (!cur.done()) {
        const char d = cur.peek();
        if (d == quote) {
          cur.advance();
          closed = true;
          break;
        }
        if (d == '\\') {
          const Position escape_at = cur.where();
          cur.advance();
          if (cur.done()) break;
          const char e = cur.peek();
          if (e != '\\' && e != '"' && e != '\'') {
            return error_at(escape_at, fmt::format("unknown escape '\\{}' in a quoted name (use \\\" \\' or \\\\)", e));
          }
          tok.text.push_back(e);
          cur.advance();
          continue;
        }
        const size_t from = cur.offset();
        cur.advance();
        tok.text.append(cur.slice(from));
      }
      if (!closed) return error_at(tok.where, fmt::format("unterminated string: add the closing {}", quote));
    } else if (is_word_byte(c)) {
      const size_t from = cur.offset();
      while (!cur.done() && is_word_byte(cur.peek())) cur.advance();
      tok.text = std::string(cur.slice(from));
      tok.kind = all_digits(tok.text) ? Token::Kind::kNumber : Token::Kind::kWord;
    } else {
      return error_at(tok.where, fmt::format("unexpected character '{}'", c));
    }
    tokens.push_back(std::move(tok));
  }
  Token end;
  end.kind = Token::Kind::kEnd;
  end.where = cur.where();
  tokens.push_back(std::move(end));
  return tokens;
}

}  // namespace kg::query

// Splits query text into tokens that remember where they start, so every
// parse error can say "LINE:COLUMN: ...". Shared by the colon-command parser
// and, later, the Cypher front end. Private to query/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "base/utf8.h"

namespace kg::query {

// 1-based line and column; columns count Unicode code points, not bytes,
// so the caret lands under the right character of a name like "Sergeï".
struct Position {
  int line = 1;
  int column = 1;
};

struct Token {
  enum class Kind {
    kColon,   // ':' that opens a colon command
    kWord,    // bare word: letters, digits and _ - . ' & / (names, keywords, formats, paths)
    kNumber,  // unsigned decimal integer (only digits)
    kString,  // "..." or '...'; `text` holds the unescaped contents
    kEnd,     // end of the line
  };
  Kind kind = Kind::kEnd;
  std::string text;
  Position where;
};

// Walks query text byte by byte, keeping the line and code-point column of
// the next character; a '\n' starts the next line.
class TextCursor {
 public:
  TextCursor(std::string_view text, int line) : text_(text), line_(line) {}
  bool done() const { return pos_ >= text_.size(); }
  char peek(size_t ahead = 0) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }
  Position where() const { return {line_, column_}; }
  size_t offset() const { return pos_; }
  // Advances over one whole UTF-8 sequence (one column); ill-formed bytes
  // count one column each so positions stay monotonic.
  void advance() {
    if (text_[pos_] == '\n') {
      ++pos_;
      ++line_;
      column_ = 1;
      return;
    }
    const size_t n = utf8::sequence_length(text_, pos_);
    pos_ += n == 0 ? 1 : n;
    ++column_;
  }
  std::string_view slice(size_t from) const { return text_.substr(from, pos_ - from); }

 private:
  std::string_view text_;
  int line_;
  int column_ = 1;
  size_t pos_ = 0;
};

// Tokens of one line of text (no '\n' inside), always ending with kEnd.
// `line` is the number used in positions. Fails on an unterminated string or
// a character that cannot start any token.
Result<std::vector<Token>> tokenize_line(std::string_view text, int line);

// "1:12: message": the house format for errors in user-typed queries.
Status error_at(Position where, std::string_view message);

// How a token is named in error messages: 'depth', "Joe Biden", end of line.
std::string describe(const Token& token);

}  // namespace kg::query

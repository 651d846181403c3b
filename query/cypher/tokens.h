// Cypher tokens, private to query/cypher.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "query/cypher/cypher.h"

namespace kg::query::cypher {

struct Token {
  enum class Kind {
    kIdent,   // name or keyword (keywords are recognised by the parser, case-insensitively)
    kInt,     // 42
    kFloat,   // 0.5
    kString,  // 'x' or "x"; `text` is unescaped
    kSymbol,  // ( ) [ ] { } , : . | * = <> < <= > >= + - / % -> <- .. =~ ; $
    kEnd,
  };
  Kind kind = Kind::kEnd;
  std::string text;
  Where where;
  size_t begin = 0, end = 0;  // byte offsets in the statement, for the text of expressions
};

// Every token of `text`, ending with kEnd; `first_line` numbers the first line.
Result<std::vector<Token>> tokenize(std::string_view text, int first_line);

}  // namespace kg::query::cypher

// The front-end switch: which parser reads a line.
#include <fmt/format.h>

#include "query/colon_parser.h"
#include "query/lexer.h"
#include "query/query.h"

namespace kg::query {

Result<Command> parse_command(std::string_view text, int line) {
  size_t first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) {
    return error_at({line, 1}, "empty query: type a colon command such as :help");
  }
  if (text[first] == ':') return parse_colon_command(text, line);
  // Column of the first non-blank character (blanks are single bytes).
  return error_at({line, static_cast<int>(first) + 1},
                  "Cypher queries are not supported yet; use a colon command such as "
                  ":neighbors \"Joe Biden\" depth 2 (type :help for the list)");
}

}  // namespace kg::query

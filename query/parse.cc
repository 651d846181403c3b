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
  auto query = cypher::parse(text, line);
  if (!query) return query.status();
  return Command(CypherCommand{std::make_shared<const cypher::Query>(std::move(*query))});
}

}  // namespace kg::query

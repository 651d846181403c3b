// The front-end switch: which parser reads a line.
#include <cstdio>
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

std::string with_caret(std::string_view message, std::string_view text, int first_line) {
  int line = 0, column = 0;
  if (std::sscanf(std::string(message.substr(0, 24)).c_str(), "%d:%d:", &line, &column) != 2 || line < first_line ||
      column < 1) {
    return std::string(message);
  }
  size_t from = 0;
  for (int l = first_line; l < line; ++l) {
    from = text.find('\n', from);
    if (from == std::string_view::npos) return std::string(message);
    ++from;
  }
  std::string_view source = text.substr(from, text.find('\n', from) - from);
  if (!source.empty() && source.back() == '\r') source.remove_suffix(1);
  // Columns count code points, as a terminal shows them: one space each.
  return fmt::format("{}\n  {}\n  {}^", message, source, std::string(static_cast<size_t>(column) - 1, ' '));
}

}  // namespace kg::query

#include <fmt/format.h>

#include "query/catalog.h"
#include "query/query.h"

namespace kg::query {

std::string help_text(std::string_view topic) {
  if (!topic.empty()) {
    if (const CommandInfo* c = find_colon_command(topic)) {
      std::string out = fmt::format("{}\n  {}\n", c->usage, c->summary);
      if (!c->details.empty()) out += fmt::format("\n{}\n", c->details);
      return out;
    }
  }
  std::string out = "Commands (names with spaces go in quotes; matching ignores case and knows aliases):\n";
  size_t width = 0;
  for (const CommandInfo& c : colon_commands()) width = std::max(width, c.usage.size());
  for (const CommandInfo& c : colon_commands()) out += fmt::format("  {:<{}}  {}\n", c.usage, width, c.summary);
  out +=
      "\nCypher (read-only openCypher subset; in the REPL a statement ends with ';'), e.g.\n"
      "  MATCH (a:PERSON {name: 'Joe Biden'})-[r:meets|warn]->(b) RETURN a.name, type(r), b.name\n"
      "  MATCH (a)-[*1..2]-(b:ORG) WHERE a.name STARTS WITH 'Vic' RETURN DISTINCT b.name ORDER BY b.name LIMIT 10\n"
      "  MATCH (a:PERSON) OPTIONAL MATCH (a)-[r]->() WITH a, count(r) AS n WHERE n > 2 RETURN a.name, n\n"
      "  MATCH p = shortestPath((a {name: $from})-[*..6]-(b {name: $to})) RETURN p, length(p)\n"
      "  CALL kg.pagerank() YIELD node, score RETURN node.name, score ORDER BY score DESC LIMIT 10\n"
      "Clauses: MATCH, OPTIONAL MATCH, WHERE, WITH, UNWIND, CALL ... YIELD, RETURN; EXPLAIN or PROFILE first\n"
      "shows the plan. Procedures: kg.pagerank() kg.components() kg.degree() kg.khop(start, depth).\n"
      "Labels: PERSON ORG LOC MISC CONCEPT. Node properties: name type mentions id; relationship properties:\n"
      "relation canonical count confidence. Functions: type id toLower toUpper size length nodes relationships\n"
      "range coalesce count min max sum avg collect. Parameters: $name, set by kg query --param name=VALUE.\n"
      "\nREPL settings: :param NAME VALUE, :mode table|csv|tsv|json|jsonl, :timer on|off, :output [FILE], :schema.\n";
  return out;
}

}  // namespace kg::query

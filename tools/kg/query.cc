// kg query 'COMMAND' [--format table|json|tsv]: one-shot queries. A Cypher
// statement is the whole argument (it may span lines); otherwise each line
// is one colon command. Neighbourhood commands read the store by prefix
// scans, whole-graph ones and Cypher build the view once.
#include <cstdio>
#include <fmt/format.h>
#include <map>

#include "graph/store/store.h"
#include "query/query.h"
#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_query_command(CLI::App& kg, const GlobalOptions& global) {
  struct Options {
    std::string text;
    query::OutputFormat format = query::OutputFormat::kTable;
  };
  auto options = std::make_shared<Options>();
  Subcommand c;
  c.app = kg.add_subcommand("query", "run a read-only query (openCypher MATCH ... RETURN, or colon commands) against the store");
  c.app->add_option("query", options->text, "the query, e.g. 'MATCH (a:PERSON)-[r]->(b) RETURN a.name, type(r), b.name LIMIT 5' or "
                    "':neighbors \"Joe Biden\" depth 2' (one colon command per line)")
      ->required();
  const std::map<std::string, query::OutputFormat> formats = {
      {"table", query::OutputFormat::kTable}, {"json", query::OutputFormat::kJson}, {"tsv", query::OutputFormat::kTsv}};
  c.app->add_option("--format", options->format, "output format: table, json or tsv")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  c.app->footer("Type ':help' as the query for the list of commands.");
  c.run = [options, &global] {
    // Parse everything first: a typo on line 3 should not leave lines 1-2
    // half done.
    std::vector<query::Command> commands;
    const size_t first = options->text.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && options->text[first] != ':') {
      auto command = query::parse_command(options->text, 1);
      if (!command) return report(command.status());
      commands.push_back(std::move(*command));
    }
    const bool one_statement = !commands.empty();
    int line_number = 0;
    size_t from = 0;
    while (!one_statement && from <= options->text.size()) {
      size_t end = options->text.find('\n', from);
      if (end == std::string::npos) end = options->text.size();
      const std::string_view line = std::string_view(options->text).substr(from, end - from);
      ++line_number;
      from = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      auto command = query::parse_command(line, line_number);
      if (!command) return report(command.status());
      commands.push_back(std::move(*command));
    }
    if (commands.empty()) return report(query::parse_command("", 1).status());
    store::OpenOptions open;
    open.mode = store::OpenOptions::Mode::kReadOnly;
    auto store = store::Store::open(global.db, open);
    if (!store) return report(store.status());
    query::Session session(**store, query::SessionMode::kOneShot);
    for (const query::Command& command : commands) {
      auto result = session.execute(command);
      if (!result) return report(result.status());
      const std::string text = query::format_result(*result, options->format);
      std::fwrite(text.data(), 1, text.size(), stdout);
      if (result->quit) break;
    }
    return 0;
  };
  return c;
}

}  // namespace kg::cli

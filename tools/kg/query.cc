// kg query 'COMMAND' [--format table|json|tsv] [--param NAME=VALUE]: one-shot queries. A Cypher
// statement is the whole argument (it may span lines); otherwise each line
// is one colon command. The text comes from the argument, from `-f FILE`,
// or from standard input when neither is given and stdin is no terminal.
// Neighbourhood commands read the store by prefix scans, whole-graph ones
// and Cypher build the view once.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <unistd.h>

#include "graph/store/store.h"
#include "query/query.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

// The query text from `-f FILE` ("-" is stdin) or, with neither a statement
// nor a file, from a piped stdin. kInvalidInput says what is missing.
Result<std::string> read_query_text(const std::string& file) {
  if (file.empty() && isatty(STDIN_FILENO)) {
    return Status::invalid_input("kg query needs a statement: as an argument, with -f FILE, or on standard input");
  }
  if (file.empty() || file == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::invalid_input(fmt::format("-f {}: cannot read it: {}", file, std::strerror(errno)));
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

Subcommand add_query_command(CLI::App& kg, const GlobalOptions& global) {
  struct Options {
    std::string text;
    std::string file;  // -f: the query text from a file
    query::OutputFormat format = query::OutputFormat::kTable;
    std::vector<std::string> params;  // NAME=VALUE
    int64_t max_rows = 0;  // 0: the engine's bound
    int64_t max_bindings = 0;
  };
  auto options = std::make_shared<Options>();
  Subcommand c;
  c.app = kg.add_subcommand("query", "run a read-only query (openCypher MATCH ... RETURN, or colon commands) against the store");
  c.app->add_option("query", options->text, "the query, e.g. 'MATCH (a:PERSON)-[r]->(b) RETURN a.name, type(r), b.name LIMIT 5' or "
                    "':neighbors \"Joe Biden\" depth 2' (one colon command per line); without it, -f FILE or "
                    "standard input");
  c.app->add_option("-f,--file", options->file, "read the query from FILE ('-' for standard input)");
  c.app->add_option("--format", options->format, "output format: table, csv, tsv, json or jsonl")
      ->transform(CLI::CheckedTransformer(query::output_formats(), CLI::ignore_case));
  c.app->add_option("--param", options->params,
                    "a Cypher parameter NAME=VALUE, read as $NAME (repeatable; VALUE is a number, 'quoted text', "
                    "a list [1, 2] or plain text)");
  c.app->add_option("--max-rows", options->max_rows,
                    "rows a Cypher statement may keep before it stops (default 100000)");
  c.app->add_option("--max-bindings", options->max_bindings,
                    "candidate bindings a Cypher match may try before it stops (default 10000000)");
  c.app->footer("Type ':help' as the query for the list of commands.");
  c.run = [options, &global, app = c.app] {
    for (const auto& [bound, value] : {std::pair{"--max-rows", options->max_rows},
                                       std::pair{"--max-bindings", options->max_bindings}}) {
      if (app->count(bound) > 0 && value <= 0) {
        return report(Status::invalid_input(fmt::format("{} takes a number above 0, not {}", bound, value)));
      }
    }
    if (!options->text.empty() && !options->file.empty()) {
      return report(Status::invalid_input("kg query takes a statement or -f FILE, not both"));
    }
    if (options->text.empty()) {
      auto text = read_query_text(options->file);
      if (!text) return report(text.status());
      options->text = std::move(*text);
    }
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
    session.set_limits(static_cast<size_t>(options->max_rows), static_cast<uint64_t>(options->max_bindings));
    for (const std::string& param : options->params) {
      const size_t eq = param.find('=');
      if (eq == std::string::npos) {
        return report(Status::invalid_input(fmt::format("--param needs NAME=VALUE, got '{}'", param)));
      }
      if (Status s = session.set_parameter(std::string_view(param).substr(0, eq), std::string_view(param).substr(eq + 1));
          !s) {
        return report(Status::invalid_input(fmt::format("--param {}: {}", param, s.message())));
      }
    }
    for (const query::Command& command : commands) {
      auto result = session.execute(command);
      if (!result) return report(result.status());
      // Stored text (a sentence in :sources, a name) may hold escape bytes.
      write_stdout(query::format_result(*result, options->format));
      if (result->quit) break;
    }
    return 0;
  };
  return c;
}

}  // namespace kg::cli

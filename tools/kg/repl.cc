// kg repl: the interactive shell (query/repl.cc does the work).
#include <cstdlib>
#include <map>

#include "graph/store/store.h"
#include "query/query.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

// $KG_HISTORY, else ~/.kg_history, else no history (no home directory).
std::string history_path() {
  if (const char* env = std::getenv("KG_HISTORY"); env) return env;  // set but empty: history off
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.kg_history";
  return "";
}

}  // namespace

Subcommand add_repl_command(CLI::App& kg, const GlobalOptions& global) {
  auto format = std::make_shared<query::OutputFormat>(query::OutputFormat::kTable);
  Subcommand c;
  c.app = kg.add_subcommand("repl", "interactive query shell (line editing, history, tab completion)");
  c.app->add_option("--format", *format, "output format: table, csv, tsv, json or jsonl")
      ->transform(CLI::CheckedTransformer(query::output_formats(), CLI::ignore_case));
  c.app->footer("History is kept in $KG_HISTORY or ~/.kg_history. Commands can be piped in: echo ':stats' | kg repl");
  c.run = [format, &global] {
    store::OpenOptions open;
    open.mode = store::OpenOptions::Mode::kReadOnly;
    auto store = store::Store::open(global.db, open);
    if (!store) return report(store.status());
    query::Session session(**store, query::SessionMode::kInteractive);
    query::ReplOptions options;
    options.history_file = history_path();
    options.format = *format;
    return query::run_repl(session, options);
  };
  return c;
}

}  // namespace kg::cli

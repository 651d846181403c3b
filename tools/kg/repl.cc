// kg repl: the interactive shell (query/repl.cc does the work). Its edit
// colon commands (:merge, :split, :rename, :retype, :retract, :assert,
// :undo) run the very `kg` subcommands of curate.cc on the rest of the line.
#include <cstdlib>
#include <fmt/format.h>
#include <map>
#include <set>

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

Result<std::unique_ptr<store::Store>> open_for_reading(const std::string& db) {
  store::OpenOptions open;
  open.mode = store::OpenOptions::Mode::kReadOnly;
  return store::Store::open(db, open);
}

// Runs ":merge A B ..." as `kg merge A B ...`: the subcommand opens the store
// for writing for this one edit (a running writer refuses it with the
// store's own message) and closes it; then the session reads the store
// opened afresh, so the next command sees the edit. nullopt: not an edit.
std::optional<int> run_edit(std::string_view line, const std::string& db, std::unique_ptr<store::Store>& store,
                            query::Session& session) {
  static const std::set<std::string_view> kEdits = {":merge",  ":split",  ":rename", ":retype",
                                                    ":retract", ":assert", ":undo"};
  const std::string_view word = line.substr(0, line.find_first_of(" \t"));
  if (!kEdits.count(word)) return std::nullopt;
  CLI::App app{"kg repl edits", "kg"};
  app.require_subcommand(1);
  GlobalOptions global{db};
  const std::vector<Subcommand> commands = {
      add_merge_command(app, global),  add_split_command(app, global),   add_rename_command(app, global),
      add_retype_command(app, global), add_retract_command(app, global), add_assert_command(app, global),
      add_undo_command(app, global),
  };
  int code = 1;
  try {
    app.parse(std::string(line.substr(1)), /*program_name_included=*/false);
    for (const Subcommand& c : commands) {
      if (c.app->parsed()) code = c.run();
    }
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {  // --help
      fmt::print("{}", app.get_subcommands().empty() ? app.help() : app.get_subcommands().front()->help());
      return 0;
    }
    return report(Status::invalid_input(fmt::format("{}: {}", word, e.what())));
  }
  if (code != 0) return code;
  Result<std::unique_ptr<store::Store>> reopened = open_for_reading(db);
  if (!reopened) return report(reopened.status());
  session.reopened(**reopened);
  store = std::move(*reopened);  // the old store closes once the session no longer reads it
  return 0;
}

}  // namespace

Subcommand add_repl_command(CLI::App& kg, const GlobalOptions& global) {
  auto format = std::make_shared<query::OutputFormat>(query::OutputFormat::kTable);
  Subcommand c;
  c.app = kg.add_subcommand("repl", "interactive query shell (line editing, history, tab completion)");
  c.app->add_option("--format", *format, "output format: table, csv, tsv, json or jsonl")
      ->transform(CLI::CheckedTransformer(query::output_formats(), CLI::ignore_case));
  c.app->footer(
      "History is kept in $KG_HISTORY or ~/.kg_history. Commands can be piped in: echo ':stats' | kg repl\n"
      "Edits: :merge, :split, :rename, :retype, :retract, :assert and :undo take what the kg commands of\n"
      "the same names take; each opens the store for writing for that command only.");
  c.run = [format, &global] {
    auto store = open_for_reading(global.db);
    if (!store) return report(store.status());
    std::unique_ptr<store::Store> reading = std::move(*store);
    query::Session session(*reading, query::SessionMode::kInteractive);
    query::ReplOptions options;
    options.history_file = history_path();
    options.format = *format;
    options.edit = [&](std::string_view line) { return run_edit(line, global.db, reading, session); };
    return query::run_repl(session, options);
  };
  return c;
}

}  // namespace kg::cli

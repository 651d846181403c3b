// The kg command line: one file per subcommand (tools/kg/<name>.cc), each
// defining one add_<name>_command function that main.cc calls.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace kg::cli {

// Options that come before the subcommand and apply to all of them.
struct GlobalOptions {
  std::string db;  // store directory: --db, else $KG_DB, else ./kg.db
};

// A registered subcommand: its CLI11 node and what to run when it is chosen.
// `run` returns the process exit code: 0 success, 1 user error, 2 internal.
struct Subcommand {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

// Prints "kg: error: <message>" (or "kg: <message>" for a clean message
// already prefixed) on stderr and returns the exit code for the status.
int report(const Status& status);

// Writes `text` to standard output; on a terminal with every control
// character but tab and newline replaced (utf8::printable), since the text
// may quote stored names and sentences holding escape bytes.
void write_stdout(std::string_view text);

// What the per-sentence budgets left out, on stderr, one line per budget
// that left something out ("kg extract: 2 sentence(s) over 400 words left
// unparsed, ..."), so that no loss is silent (extract.cc).
void print_budget_notes(std::string_view command, uint64_t sentences_cut, uint64_t sentences_unparsed,
                        uint64_t propositions_dropped);

Subcommand add_ingest_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_remove_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_check_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_query_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_repl_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_export_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_stats_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_entity_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_extract_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_nlp_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_train_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_eval_command(CLI::App& kg, const GlobalOptions& global);
// Curation (curate.cc): person-made edits applied over the extracted graph.
Subcommand add_merge_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_rename_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_split_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_assert_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_retype_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_retract_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_history_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_undo_command(CLI::App& kg, const GlobalOptions& global);
Subcommand add_import_edits_command(CLI::App& kg, const GlobalOptions& global);

}  // namespace kg::cli

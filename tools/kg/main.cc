// kg: build a knowledge graph from news articles and query it.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fmt/format.h>
#include <vector>

#include "base/utf8.h"
#include "tools/kg/commands.h"

namespace kg::cli {

int report(const Status& status) {
  if (status.is_ok()) return 0;
  // Messages quote stored and typed text: printed safe for a terminal.
  fmt::print(stderr, "kg: error: {}\n", utf8::printable(status.message()));
  return status.is_user_error() ? 1 : 2;
}

void write_stdout(std::string_view text) {
  static const bool to_terminal = ::isatty(STDOUT_FILENO) != 0;
  const std::string safe = to_terminal ? utf8::printable(text) : std::string();
  const std::string_view out = to_terminal ? std::string_view(safe) : text;
  std::fwrite(out.data(), 1, out.size(), stdout);
}

}  // namespace kg::cli

int main(int argc, char** argv) {
  using namespace kg::cli;
  CLI::App app{"kg: turn news articles into a knowledge graph and query it", "kg"};
  app.set_version_flag("--version", std::string("kg ") + KG_VERSION);
  app.require_subcommand(1);

  GlobalOptions global;
  if (const char* env = std::getenv("KG_DB"); env && *env) global.db = env;
  else global.db = "kg.db";
  app.add_option("--db", global.db, "store directory (default: $KG_DB or ./kg.db)");

  std::vector<Subcommand> commands = {
      add_ingest_command(app, global), add_remove_command(app, global), add_check_command(app, global),
      add_query_command(app, global),  add_repl_command(app, global),   add_export_command(app, global),
      add_stats_command(app, global),  add_entity_command(app, global), add_extract_command(app, global),
      add_nlp_command(app, global),    add_train_command(app, global),  add_eval_command(app, global),
      add_merge_command(app, global),  add_rename_command(app, global), add_split_command(app, global), add_assert_command(app, global), add_retype_command(app, global),
      add_retract_command(app, global), add_history_command(app, global), add_undo_command(app, global),
      add_import_edits_command(app, global),
  };

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with exit code 0.
    const int code = app.exit(e);
    return code == 0 ? 0 : 1;
  }
  try {
    for (const Subcommand& c : commands) {
      if (c.app->parsed()) return c.run();
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "kg: internal error: {}\n", e.what());
    return 2;
  }
  return 1;
}

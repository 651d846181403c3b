#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_repl_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("repl", "interactive query shell");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg repl' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

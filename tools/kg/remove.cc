#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_remove_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("remove", "remove documents and exactly their evidence");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg remove' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

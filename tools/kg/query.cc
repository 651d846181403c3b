#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_query_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("query", "run a query against the store");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg query' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

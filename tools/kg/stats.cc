#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_stats_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("stats", "counts of documents, entities, relations and facts");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg stats' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

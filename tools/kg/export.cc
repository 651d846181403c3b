#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_export_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("export", "export the graph (dot, svg, png, graphml, json, csv, nt)");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg export' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

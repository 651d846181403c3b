#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_extract_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("extract", "extract triples from text without a store");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg extract' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

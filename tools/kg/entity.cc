#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_entity_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("entity", "show one entity: names, type, relations");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg entity' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

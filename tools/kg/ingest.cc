#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_ingest_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("ingest", "add articles (files, directories, - for stdin) to the store");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg ingest' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_nlp_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("nlp", "annotate text and write CoNLL-U");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg nlp' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

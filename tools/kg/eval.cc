#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_eval_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("eval", "score system output against gold data");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg eval' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_train_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("train", "rebuild the models from ../shared/data");
  c.app->allow_extras();
  c.run = [] { return report(Status::invalid_input("'kg train' is not available yet in this version")); };
  return c;
}

}  // namespace kg::cli

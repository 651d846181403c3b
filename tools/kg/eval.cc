// `kg eval <task>`: one subcommand per scored task, each in its own file
// (tools/kg/eval_<task>.cc) defining add_eval_<task>_command.
#include <memory>
#include <vector>

#include "tools/kg/commands.h"

namespace kg::cli {

Subcommand add_eval_ud_command(CLI::App& eval);
Subcommand add_eval_ner_command(CLI::App& eval);
Subcommand add_eval_coref_command(CLI::App& eval);
Subcommand add_eval_facts_command(CLI::App& eval, const GlobalOptions& global);
// ---- other tasks declare their add_eval_<task>_command here ----

Subcommand add_eval_command(CLI::App& kg, const GlobalOptions& global) {
  Subcommand c;
  c.app = kg.add_subcommand("eval", "score system output against gold data");
  c.app->require_subcommand(1);
  auto tasks = std::make_shared<std::vector<Subcommand>>();
  tasks->push_back(add_eval_ud_command(*c.app));
  tasks->push_back(add_eval_ner_command(*c.app));
  tasks->push_back(add_eval_coref_command(*c.app));
  tasks->push_back(add_eval_facts_command(*c.app, global));
  // ---- and register it here, one line each ----
  c.run = [tasks] {
    for (const Subcommand& t : *tasks) {
      if (t.app->parsed()) return t.run();
    }
    return 1;
  };
  return c;
}

}  // namespace kg::cli

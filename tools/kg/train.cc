#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ingest/nlp/nlp.h"
#include "tools/kg/commands.h"
#include "tools/train/train.h"

namespace kg::cli {

Subcommand add_train_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("train", "rebuild the models from ../shared/data");
  auto options = std::make_shared<train::TrainOptions>();
  // The data sits next to the checkout the binary was built from.
  options->data_dir = std::string(KG_MODEL_DIR) + "/../../../shared/data";
  options->out_dir = nlp::Pipeline::default_model_dir();
  c.app->add_option("--data", options->data_dir, "training data directory (holds ud/)");
  c.app->add_option("--out", options->out_dir, "where to write the model files (default: $KG_MODELS or the shipped models)");
  c.app->add_option("--max-sentences", options->max_sentences, "read at most this many sentences per treebank file (0 = all)");
  c.app->add_option("--wordnet", options->wordnet_dir, "WordNet dictionary directory (*.exc lists)");
  c.app->add_option("--only", options->only,
                    fmt::format("rebuild only these stages ({})", fmt::join(train::training_stages(), ", ")))
      ->delimiter(',');
  c.run = [options] {
    options->log = [](std::string_view line) { fmt::print(stderr, "{}\n", line); };
    return report(train::train_all(*options));
  };
  return c;
}

}  // namespace kg::cli

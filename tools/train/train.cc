#include "tools/train/train.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "tools/train/derivations_train.h"

namespace kg::train {

namespace {

// The one stage after the models of ingest/nlp: it reads WordNet only.
constexpr std::string_view kDerivationsStage = "derivations";

bool wanted(const TrainOptions& options, std::string_view stage) {
  return options.only.empty() || std::find(options.only.begin(), options.only.end(), stage) != options.only.end();
}

}  // namespace

const std::vector<std::string>& training_stages() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out = model_training_stages();
    out.emplace_back(kDerivationsStage);
    return out;
  }();
  return names;
}

Status train_all(const TrainOptions& options) {
  const std::vector<std::string>& names = training_stages();
  for (const std::string& name : options.only) {
    if (std::find(names.begin(), names.end(), name) == names.end())
      return Status::invalid_input(
          fmt::format("unknown training stage '{}' (stages: {})", name, fmt::join(names, ", ")));
  }
  if (Status st = train_models(options); !st) return st;
  if (wanted(options, kDerivationsStage)) return train_derivations(options.wordnet_dir, options.out_dir, options.log);
  return Status::ok();
}

}  // namespace kg::train

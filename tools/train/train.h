// `kg train`: every model of the ingest layers rebuilt from ../shared/data,
// in pipeline order: the models of ingest/nlp (ingest/nlp/train/train.h),
// then the derivations table of ingest/extract (tools/train/derivations_train.h).
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/train/train.h"

namespace kg::train {

// The stages of train_all, in pipeline order.
const std::vector<std::string>& training_stages();

// Runs every wanted stage (options.only, empty = all) in pipeline order; an
// unknown stage name is a user error and nothing is trained.
Status train_all(const TrainOptions& options);

}  // namespace kg::train

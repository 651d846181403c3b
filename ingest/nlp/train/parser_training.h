// Training the dependency parser (ingest/nlp/parser.h) from CoNLL-U
// treebanks: greedy arc-hybrid with a dynamic oracle and exploration
// (Goldberg and Nivre 2012, 2013), averaged perceptron, a fixed number of
// epochs over the sentences in a deterministic shuffled order. Same data and
// options give the same model bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"
#include "ingest/nlp/parser.h"
#include "ingest/nlp/train/trainers.h"

namespace kg::train {

struct ParserTrainingOptions {
  std::vector<const nlp::Document*> treebanks;  // gold trees (from CoNLL-U)
  std::string output;                    // model file to write ("" = do not write)
  int epochs = 15;
  uint64_t seed = 20211207;
  // From this epoch on (0-based), a wrong prediction is followed instead of
  // the oracle's choice with this probability, so the model learns to
  // recover from its own mistakes.
  int explore_from_epoch = 1;
  double explore_probability = 0.9;
  float prune_below = 0.01f;  // |averaged weight| below this is dropped
  nlp::ParserFeatureSet feature_set = nlp::ParserFeatureSet::kFull;
  // Word clusters for the cluster templates; none when empty.
  nlp::WordClusters clusters;
  // When set, called after each epoch with the model averaged so far (a
  // copy; training goes on), e.g. to follow accuracy on dev data.
  std::function<void(int epoch, const nlp::DependencyParser&)> after_epoch;
  // Progress lines ("epoch 3: ..."); none when empty.
  std::function<void(std::string_view)> log;
};

// Trains a parser on the options' treebanks; writes it to options.output
// when that is set.
Result<nlp::DependencyParser> train_parser(const ParserTrainingOptions& options);

// The training treebanks of `kg train` (EWT train and GUM train from
// options.data_dir) with predicted tags: with jackknife_folds >= 2, each
// fold's sentences are tagged by a tagger trained (by train_tagger, in a
// scratch directory) on the other folds; otherwise by the tagger in
// options.out_dir, trained on all of them.
Result<std::vector<nlp::Document>> read_parser_training_data(const TrainOptions& options, int jackknife_folds);

// The parser trainer of `kg train`: EWT train plus GUM train from
// options.data_dir, written to options.out_dir/parser.kgm.
Status train_parser(const TrainOptions& options);

}  // namespace kg::train

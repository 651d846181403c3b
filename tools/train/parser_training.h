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

namespace kg::train {

struct ParserTrainingOptions {
  std::vector<std::string> train_files;  // CoNLL-U with gold trees
  std::string output;                    // model file to write ("" = do not write)
  int epochs = 15;
  uint64_t seed = 20211207;
  // From this epoch on (0-based), a wrong prediction is followed instead of
  // the oracle's choice with this probability, so the model learns to
  // recover from its own mistakes.
  int explore_from_epoch = 1;
  double explore_probability = 0.9;
  float prune_below = 0.01f;  // |averaged weight| below this is dropped
  // When set, replaces the tags of each training document before training
  // (e.g. with predicted tags, so training sees the tags parsing will see).
  std::function<void(nlp::Document*)> retag;
  // Progress lines ("epoch 3: ..."); none when empty.
  std::function<void(std::string_view)> log;
};

// Trains a parser on the options' files; writes it to options.output when
// that is set.
Result<nlp::DependencyParser> train_parser(const ParserTrainingOptions& options);

// Attachment scores per the CoNLL 2018 shared task: every word counts
// (punctuation included); LAS compares the universal part of the label
// (before ':').
struct AttachmentScore {
  size_t words = 0;
  size_t head_hits = 0;
  size_t label_hits = 0;  // right head and right universal label
  double uas() const { return words ? 100.0 * head_hits / words : 0.0; }
  double las() const { return words ? 100.0 * label_hits / words : 0.0; }
};
// Scores `system` against `gold`; both must have the same words (gold
// tokenization).
Result<AttachmentScore> score_attachment(const nlp::Document& gold, const nlp::Document& system);

// Reads a CoNLL-U treebank file into a Document; errors name the file.
Result<nlp::Document> load_treebank(const std::string& path);

}  // namespace kg::train

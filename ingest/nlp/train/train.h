// The public face of ingest/nlp/train: rebuilding the models of ingest/nlp
// from the treebanks in ../shared/data, and scoring annotated text against
// gold data (what `kg train` and `kg eval` call). The trainers live next to
// the models they write because they need the models' internals (feature
// templates, transition system, model file layout); nothing outside
// ingest/nlp sees those.
//
// Every trainer is deterministic: same data, same bytes (fixed seeds, no
// hash-order dependence, single-threaded).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/train/ner_eval.h"   // entity spans scored against gold
#include "ingest/nlp/train/text_file.h"  // whole input files for training and evaluation
#include "ingest/nlp/train/ud_eval.h"    // CoNLL 2018 metrics against UD gold

namespace kg::train {

struct TrainOptions {
  std::string data_dir;  // ../shared/data (holds ud/)
  std::string out_dir;   // where the model files go
  // *.exc lists and index.verb (Debian wordnet-base): the lemmatizer's
  // exceptions here, the derivations of ingest/extract in tools/train.
  std::string wordnet_dir = "/usr/share/wordnet";
  // Progress lines ("tagger: epoch 3 ...").
  std::function<void(std::string_view)> log = [](std::string_view) {};
  // Upper bound on sentences read per training file; 0 = all. Tests use it
  // to train quickly on a slice.
  size_t max_sentences = 0;
  // Stages to rebuild ("tagger", "parser", ...); empty = all. Later stages
  // read the models of earlier ones from out_dir, so a partial run retrains
  // on top of the models already there. Names that are no stage of
  // ingest/nlp are skipped here (a caller may train stages of its own).
  std::vector<std::string> only;
};

// The stages of train_models, in pipeline order.
const std::vector<std::string>& model_training_stages();

// Runs the wanted trainers (options.only) in pipeline order.
Status train_models(const TrainOptions& options);

}  // namespace kg::train

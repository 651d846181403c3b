// Training entry points: each rebuilds one model of ingest/nlp from the
// treebanks in ../shared/data and writes it into the output directory.
//
// Every trainer is deterministic: same data, same bytes (fixed seeds, no
// hash-order dependence, single-threaded).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"

namespace kg::train {

struct TrainOptions {
  std::string data_dir;  // ../shared/data (holds ud/)
  std::string out_dir;   // where the model files go
  std::string wordnet_dir = "/usr/share/wordnet";  // *.exc lists (Debian wordnet-base)
  // Progress lines ("tagger: epoch 3 ...").
  std::function<void(std::string_view)> log = [](std::string_view) {};
  // Upper bound on sentences read per training file; 0 = all. Tests use it
  // to train quickly on a slice.
  size_t max_sentences = 0;
  // Stages to rebuild ("tagger", "parser", ...); empty = all. Later stages
  // read the models of earlier ones from out_dir, so a partial run retrains
  // on top of the models already there.
  std::vector<std::string> only;
};

// The stages of train_all, in pipeline order.
const std::vector<std::string>& training_stages();

// Reads one CoNLL-U file of the data directory ("ud/en_ewt-ud-train.conllu"),
// keeping at most `max_sentences` sentences when non-zero.
Result<nlp::Document> read_treebank(const TrainOptions& options, std::string_view relative_path);

Status train_tokenizer(const TrainOptions& options);   // tokenizer lexicon + sentence splitter
// Brown word clusters (tools/train/clusters_train.h) from unlabeled text:
// BBC news and the raw text of the training treebanks; reads the tokenizer
// model in out_dir.
Status train_clusters(const TrainOptions& options);
Status train_tagger(const TrainOptions& options);
Status train_lemmatizer(const TrainOptions& options);

// Runs every trainer in pipeline order.
Status train_all(const TrainOptions& options);

}  // namespace kg::train

// The trainers of ingest/nlp/train, one per model, and what they share; the
// public entry point is train_models (ingest/nlp/train/train.h).
#pragma once

#include <string_view>

#include "base/status.h"
#include "ingest/nlp/document.h"
#include "ingest/nlp/train/train.h"

namespace kg::train {

// Reads one CoNLL-U file of the data directory ("ud/en_ewt-ud-train.conllu"),
// keeping at most `max_sentences` sentences when non-zero.
Result<nlp::Document> read_treebank(const TrainOptions& options, std::string_view relative_path);

Status train_tokenizer(const TrainOptions& options);   // tokenizer lexicon + sentence splitter
// Brown word clusters (ingest/nlp/train/clusters_train.h) from unlabeled
// text: BBC news and the raw text of the training treebanks; reads the
// tokenizer model in out_dir.
Status train_clusters(const TrainOptions& options);
Status train_tagger(const TrainOptions& options);
Status train_lemmatizer(const TrainOptions& options);

}  // namespace kg::train

#include "ingest/nlp/train/trainers.h"

#include <algorithm>

#include <fmt/format.h>

#include "ingest/nlp/conllu.h"
#include "ingest/nlp/train/ner_train.h"
#include "ingest/nlp/train/parser_training.h"
#include "ingest/nlp/train/text_file.h"

namespace kg::train {

Result<nlp::Document> read_treebank(const TrainOptions& options, std::string_view relative_path) {
  const std::string path = fmt::format("{}/{}", options.data_dir, relative_path);
  Result<std::string> file = read_whole_file(path);
  if (!file) return file.status();
  std::string content = std::move(*file);
  if (options.max_sentences > 0) {
    // Cut after the n-th blank line: a prefix of whole sentences.
    size_t pos = 0, seen = 0;
    while (seen < options.max_sentences) {
      const size_t blank = content.find("\n\n", pos);
      if (blank == std::string::npos) break;
      pos = blank + 2;
      ++seen;
    }
    if (seen == options.max_sentences) content.resize(pos);
  }
  return nlp::read_conllu(content, path);
}

namespace {

struct Stage {
  std::string_view name;
  Status (*train)(const TrainOptions&);
};

// Pipeline order: each stage may read the models written before it
// (clusters right after the tokenizer: it reads the tokenizer model, and the
// statistical stages after it may use the clusters as features).
constexpr Stage kStages[] = {
    {"tokenizer", train_tokenizer},
    {"clusters", train_clusters},
    {"tagger", train_tagger},
    {"lemmatizer", train_lemmatizer},
    {"parser", train_parser},
    {"ner", train_ner},
};

}  // namespace

const std::vector<std::string>& model_training_stages() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const Stage& stage : kStages) out.emplace_back(stage.name);
    return out;
  }();
  return names;
}

Status train_models(const TrainOptions& options) {
  for (const Stage& stage : kStages) {
    const bool wanted =
        options.only.empty() || std::find(options.only.begin(), options.only.end(), stage.name) != options.only.end();
    if (!wanted) continue;
    if (Status st = stage.train(options); !st) return st;
  }
  return Status::ok();
}

}  // namespace kg::train

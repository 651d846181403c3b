#include "tools/train/train.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ingest/nlp/conllu.h"
#include "tools/train/ner_train.h"
#include "tools/train/derivations_train.h"
#include "tools/train/parser_training.h"
#include "tools/train/text_file.h"

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

const std::vector<std::string>& training_stages() {
  // clusters right after the tokenizer: it reads the tokenizer model, and
  // the statistical stages after it may use the clusters as features.
  static const std::vector<std::string> stages = {"tokenizer", "clusters", "tagger",     "lemmatizer",
                                                  "parser",    "ner",      "derivations"};
  return stages;
}

Status train_all(const TrainOptions& options) {
  for (const std::string& name : options.only) {
    if (std::find(training_stages().begin(), training_stages().end(), name) == training_stages().end())
      return Status::invalid_input(
          fmt::format("unknown training stage '{}' (stages: {})", name, fmt::join(training_stages(), ", ")));
  }
  auto wanted = [&](std::string_view name) {
    return options.only.empty() || std::find(options.only.begin(), options.only.end(), name) != options.only.end();
  };
  // Pipeline order: each stage may read the models written before it.
  if (wanted("tokenizer")) if (Status st = train_tokenizer(options); !st) return st;
  if (wanted("clusters")) if (Status st = train_clusters(options); !st) return st;
  if (wanted("tagger")) if (Status st = train_tagger(options); !st) return st;
  if (wanted("lemmatizer")) if (Status st = train_lemmatizer(options); !st) return st;
  if (wanted("parser")) if (Status st = train_parser(options); !st) return st;
  if (wanted("ner")) if (Status st = train_ner(options); !st) return st;
  if (wanted("derivations"))
    if (Status st = train_derivations(options.wordnet_dir, options.out_dir, options.log); !st) return st;
  return Status::ok();
}

}  // namespace kg::train

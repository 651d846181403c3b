#include "tools/train/ner_train.h"

#include <fmt/format.h>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/ner.h"
#include "ingest/nlp/ner_corpus.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/tagger.h"
#include "ingest/nlp/text_chars.h"
#include "tools/train/text_file.h"

namespace kg::train {

namespace {

constexpr int kEpochs = 12;
// UNER dev is web text like the text kg meets beyond news; it is seen this
// many times per epoch to weigh against the larger GUM set.
constexpr int kUnerRepeats = 2;
constexpr uint64_t kSeed = 20211207;
// A lowercase word seen this often in the training text counts as common.
constexpr int kCommonWordMinCount = 3;

Result<nlp::NerCorpus> read_corpus(const TrainOptions& options, std::string_view relative_path, bool iob2) {
  const std::string path = fmt::format("{}/{}", options.data_dir, relative_path);
  Result<std::string> content = read_whole_file(path);
  if (!content) return content.status();
  return iob2 ? nlp::read_iob2(*content, path) : nlp::read_gum_entities(*content, path);
}

std::string token_key(std::span<const nlp::Word> words) {
  std::string key;
  for (const nlp::Word& w : words) {
    key += w.form;
    key += '\x1f';
  }
  return key;
}

// Copies the gold tags of the treebank sentences onto the UNER sentences
// with the same words (the two files order their sentences differently).
size_t copy_tags(const nlp::Document& treebank, nlp::NerCorpus* corpus) {
  std::unordered_map<std::string, size_t> by_key;
  for (size_t s = 0; s < treebank.sentences.size(); ++s) {
    by_key.emplace(token_key(treebank.words_of(treebank.sentences[s])), s);
  }
  size_t matched = 0;
  for (const nlp::Sentence& s : corpus->doc.sentences) {
    std::span<nlp::Word> words = corpus->doc.words_of(s);
    const auto it = by_key.find(token_key(words));
    if (it == by_key.end()) continue;
    std::span<const nlp::Word> gold = treebank.words_of(treebank.sentences[it->second]);
    for (size_t i = 0; i < words.size(); ++i) {
      words[i].upos = gold[i].upos;
      words[i].xpos = corpus->doc.intern(gold[i].xpos);
    }
    ++matched;
  }
  return matched;
}

void count_lowercase(const nlp::Document& doc, std::unordered_map<std::string, int>* counts) {
  for (const nlp::Word& w : doc.words) {
    if (w.form.empty() || !nlp::is_ascii_lower(w.form[0])) continue;
    ++(*counts)[std::string(w.form)];
  }
}

struct Instance {
  const nlp::NerCorpus* corpus;
  size_t sentence;
};

}  // namespace

Status train_ner(const TrainOptions& options) {
  Result<nlp::NerCorpus> gum = read_corpus(options, "ud/en_gum-cc-by-train.conllu", false);
  if (!gum) return gum.status();
  Result<nlp::NerCorpus> gum_dev = read_corpus(options, "ud/en_gum-cc-by-dev.conllu", false);
  if (!gum_dev) return gum_dev.status();
  Result<nlp::NerCorpus> uner = read_corpus(options, "uner/en_ewt-ud-dev.iob2", true);
  if (!uner) return uner.status();
  Result<nlp::Document> ewt_dev = read_treebank(options, "ud/en_ewt-ud-dev.conllu");
  if (!ewt_dev) return ewt_dev.status();
  Result<nlp::Document> ewt_train = read_treebank(options, "ud/en_ewt-ud-train.conllu");
  if (!ewt_train) return ewt_train.status();
  const size_t matched = copy_tags(*ewt_dev, &*uner);
  options.log(fmt::format("ner: {} GUM train+dev sentences, {} UNER dev sentences ({} matched to EWT dev)",
                          gum->doc.sentences.size() + gum_dev->doc.sentences.size(), uner->doc.sentences.size(),
                          matched));

  // Retag with the shipped tagger when there is one: run time sees
  // predicted tags, not gold ones.
  const std::string tagger_path = fmt::format("{}/{}", options.out_dir, nlp::kTaggerModelFile);
  if (auto reader = nlp::ModelReader::open(tagger_path, nlp::kTaggerModelKind, nlp::kTaggerModelVersion)) {
    nlp::Tagger tagger;
    if (!tagger.load(*reader) || !reader->finish()) {
      return Status::corruption(fmt::format("{}: malformed tagger model (rebuild it with 'kg train')", tagger_path));
    }
    tagger.tag(&gum->doc);
    tagger.tag(&gum_dev->doc);
    tagger.tag(&uner->doc);
    options.log("ner: training words retagged with " + tagger_path);
  }

  std::unordered_map<std::string, int> counts;
  count_lowercase(gum->doc, &counts);
  count_lowercase(*ewt_train, &counts);
  nlp::StringSet common;
  for (const auto& [word, n] : counts) {
    if (n >= kCommonWordMinCount) common.insert(word);
  }

  nlp::EntityRecognizer recognizer(std::move(common), nlp::AveragedPerceptron(nlp::kBilouLabelCount));
  std::vector<Instance> instances;
  for (const nlp::NerCorpus* c : {&*gum, &*gum_dev, &*uner}) {
    size_t limit = c->doc.sentences.size();
    if (options.max_sentences > 0 && limit > options.max_sentences) limit = options.max_sentences;
    for (int r = 0; r < (c == &*uner ? kUnerRepeats : 1); ++r) {
      for (size_t s = 0; s < limit; ++s) instances.push_back(Instance{c, s});
    }
  }

  // Precomputed keys and gold labels; the keys do not depend on the model.
  std::vector<nlp::EntityRecognizer::SentenceKeys> keys(instances.size());
  std::vector<std::vector<int>> gold(instances.size());
  for (size_t k = 0; k < instances.size(); ++k) {
    const nlp::Document& doc = instances[k].corpus->doc;
    const nlp::Sentence& s = doc.sentences[instances[k].sentence];
    recognizer.sentence_keys(doc.words_of(s), &keys[k]);
    nlp::labels_from_spans(s.size(), instances[k].corpus->entities[instances[k].sentence], &gold[k]);
  }

  std::mt19937_64 rng(kSeed);
  std::vector<size_t> order(instances.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::vector<uint64_t> feats;
  bool allowed[nlp::kBilouLabelCount];
  nlp::AveragedPerceptron& model = recognizer.model();
  for (int epoch = 1; epoch <= kEpochs; ++epoch) {
    // Fisher-Yates with the engine's raw output: std::shuffle's use of the
    // engine is implementation-defined, this is the same everywhere.
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    size_t words = 0, errors = 0;
    for (size_t k : order) {
      const auto& labels = gold[k];
      int prev1 = 0, prev2 = 0;
      for (size_t i = 0; i < labels.size(); ++i) {
        nlp::EntityRecognizer::features(keys[k], i, prev1, prev2, &feats);
        nlp::EntityRecognizer::allowed_labels(prev1, i, labels.size(), allowed);
        const int guess = model.predict(feats, std::span<const bool>(allowed, nlp::kBilouLabelCount));
        model.update(feats, labels[i], guess);
        ++words;
        if (guess != labels[i]) ++errors;
        // Later words see the guess, as at run time.
        prev2 = prev1;
        prev1 = guess;
      }
    }
    options.log(fmt::format("ner: epoch {} word error rate {:.2f}%", epoch,
                            words == 0 ? 0.0 : 100.0 * static_cast<double>(errors) / static_cast<double>(words)));
  }
  model.finish_training();
  const std::string path = fmt::format("{}/{}", options.out_dir, nlp::kNerModelFile);
  if (Status st = recognizer.save(path); !st) return st;
  options.log(fmt::format("ner: {} weights written to {}", model.weight_count(), path));
  return Status::ok();
}

}  // namespace kg::train

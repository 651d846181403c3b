#include "tools/train/parser_training.h"

#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "ingest/nlp/conllu.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/tagger.h"
#include "ingest/nlp/parser_features.h"
#include "ingest/nlp/transition_system.h"

namespace kg::train {

namespace {

using nlp::ArcHybridState;
using nlp::Document;
using nlp::Word;

// What `kg train` uses (measured on EWT dev; see the issue notes).
constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
constexpr int kEpochs = 8;
constexpr nlp::ParserFeatureSet kFeatureSet = nlp::ParserFeatureSet::kCompact;
// Averaged weights below 1 in magnitude barely change a decision (EWT dev
// UAS 87.59 with all 4.8M weights, 87.55 with the 1.4M kept) but triple the
// model's size and scoring time.
constexpr float kPruneBelow = 1.0f;
// Whether the training sentences carry the tags of the tagger `kg train`
// wrote just before (else their gold tags).
constexpr bool kTrainOnPredictedTags = true;

// SplitMix64: a tiny generator whose sequence is fixed by the seed on every
// platform (unlike the std distributions).
class Random {
 public:
  explicit Random(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  size_t below(size_t n) { return static_cast<size_t>(next() % n); }

 private:
  uint64_t state_;
};

// One training sentence: its words and gold tree, heads in transition-system
// form (the root is n) and labels as ids.
struct TrainingSentence {
  std::span<const Word> words;
  std::vector<int> gold_head;
  std::vector<int> gold_label;
};

// Trains on one sentence: follows the model's choice where it is optimal
// (or, with exploration, even where it is not) and updates toward the
// best-scoring optimal transition whenever the model's choice is not.
void train_sentence(const TrainingSentence& s, nlp::ParserFeatureSet set, int n_labels, int root_label, bool explore,
                    double explore_p,
                    Random& random, nlp::AveragedPerceptron& model, ArcHybridState& state,
                    nlp::SentenceAtoms& atoms, std::vector<float>& scores) {
  const int n = static_cast<int>(s.words.size());
  const int classes = nlp::transition_class_count(n_labels);
  state.reset(n);
  atoms.assign(s.words);
  uint64_t features[nlp::kMaxParserFeatures];
  while (!state.terminal()) {
    const int count = nlp::extract_parser_features(state, atoms, set, features);
    const std::span<const uint64_t> feats(features, count);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model.add_scores(feats, scores);
    const int guess = nlp::best_legal_transition(state, scores, n_labels, root_label);
    const ArcHybridState::MoveCosts costs = state.costs(s.gold_head, s.gold_label);
    // The cheapest legal transitions; with a projective gold tree the
    // cheapest cost is 0.
    int min_cost = 1 << 30;
    int best_gold = -1;
    for (int c = 0; c < classes; ++c) {
      if (!nlp::transition_legal(state, c, n_labels, root_label)) continue;
      const int cost = costs.cost(nlp::decode_transition(c, n_labels));
      if (cost < min_cost || (cost == min_cost && scores[c] > scores[best_gold])) {
        min_cost = cost;
        best_gold = c;
      }
    }
    const int guess_cost = costs.cost(nlp::decode_transition(guess, n_labels));
    if (guess_cost == min_cost) {
      model.update(feats, guess, guess);  // counts the instance for averaging
      state.apply(nlp::decode_transition(guess, n_labels));
      continue;
    }
    model.update(feats, best_gold, guess);
    const bool follow_guess = explore && random.uniform() < explore_p;
    state.apply(nlp::decode_transition(follow_guess ? guess : best_gold, n_labels));
  }
}

}  // namespace

Result<nlp::DependencyParser> train_parser(const ParserTrainingOptions& options) {
  if (options.treebanks.empty()) return Status::invalid_input("parser training: no treebank given");

  // Labels in sorted order, so class ids do not depend on file order.
  std::map<std::string, int, std::less<>> label_ids;
  for (const Document* doc : options.treebanks) {
    for (const Word& w : doc->words) {
      if (!w.deprel.empty()) label_ids.emplace(std::string(w.deprel), 0);
    }
  }
  label_ids.emplace("root", 0);
  std::vector<std::string> labels;
  for (auto& [name, id] : label_ids) {
    id = static_cast<int>(labels.size());
    labels.push_back(name);
  }
  const int n_labels = static_cast<int>(labels.size());
  const int root_label = label_ids.at("root");

  std::vector<TrainingSentence> sentences;
  size_t skipped = 0;
  for (const Document* doc : options.treebanks) {
    for (const nlp::Sentence& sent : doc->sentences) {
      TrainingSentence ts;
      ts.words = doc->words_of(sent);
      const int n = static_cast<int>(ts.words.size());
      int roots = 0;
      bool unlabelled = false;
      for (const Word& w : ts.words) {
        ts.gold_head.push_back(w.head < 0 ? n : w.head);
        ts.gold_label.push_back(w.head < 0 ? root_label : w.deprel.empty() ? 0 : label_ids.find(w.deprel)->second);
        roots += w.head < 0 ? 1 : 0;
        unlabelled |= w.head >= 0 && w.deprel.empty();
      }
      if (n == 0 || roots != 1 || unlabelled) {  // not a tree the system can produce
        ++skipped;
        continue;
      }
      sentences.push_back(std::move(ts));
    }
  }
  if (options.log) {
    options.log(fmt::format("parser training: {} sentences ({} skipped), {} labels", sentences.size(), skipped,
                            n_labels));
  }

  nlp::AveragedPerceptron model(nlp::transition_class_count(n_labels));
  Random random(options.seed);
  std::vector<size_t> order(sentences.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  ArcHybridState state;
  nlp::SentenceAtoms atoms;
  std::vector<float> scores(nlp::transition_class_count(n_labels));
  for (int epoch = 0; epoch < options.epochs; ++epoch) {
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random.below(i)]);
    const bool explore = epoch >= options.explore_from_epoch;
    for (size_t i : order) {
      train_sentence(sentences[i], options.feature_set, n_labels, root_label, explore, options.explore_probability,
                     random, model, state, atoms, scores);
    }
    if (options.log) options.log(fmt::format("parser training: epoch {} done", epoch + 1));
    if (options.after_epoch && epoch + 1 < options.epochs) {
      nlp::AveragedPerceptron snapshot = model;
      snapshot.finish_training(options.prune_below);
      options.after_epoch(epoch + 1, nlp::DependencyParser(labels, std::move(snapshot), options.feature_set));
    }
  }
  model.finish_training(options.prune_below);
  if (options.log) options.log(fmt::format("parser training: {} weights kept", model.weight_count()));

  nlp::DependencyParser parser(std::move(labels), std::move(model), options.feature_set);
  if (!options.output.empty()) {
    nlp::ModelWriter out(nlp::kParserModelKind, nlp::kParserModelVersion);
    parser.save(out);
    if (Status st = out.save(options.output); !st) return st;
  }
  return parser;
}

namespace {

// Replaces the tags of `docs` by those of the tagger `kg train` has just
// written, so that training sees the kind of tags parsing will see (the
// tagger was trained on these sentences, so they are still better than on
// new text, but closer than gold tags).
Status retag_with_trained_tagger(const TrainOptions& options, std::vector<Document>* docs) {
  const std::string path = fmt::format("{}/{}", options.out_dir, nlp::kTaggerModelFile);
  Result<nlp::ModelReader> reader = nlp::ModelReader::open(path, nlp::kTaggerModelKind, nlp::kTaggerModelVersion);
  if (!reader) return reader.status();
  nlp::Tagger tagger;
  if (!tagger.load(*reader)) return Status::corruption(fmt::format("{}: malformed tagger model", path));
  if (Status st = reader->finish(); !st) return st;
  for (Document& doc : *docs) tagger.tag(&doc);
  return Status::ok();
}

}  // namespace

Status train_parser(const TrainOptions& options) {
  std::vector<Document> docs;
  for (const char* file : kTrainFiles) {
    Result<Document> doc = read_treebank(options, file);
    if (!doc) return doc.status();
    docs.push_back(std::move(*doc));
  }
  if (kTrainOnPredictedTags) {
    if (Status st = retag_with_trained_tagger(options, &docs); !st) return st;
  }

  ParserTrainingOptions o;
  for (const Document& doc : docs) o.treebanks.push_back(&doc);
  o.output = fmt::format("{}/{}", options.out_dir, nlp::kParserModelFile);
  o.epochs = kEpochs;
  o.feature_set = kFeatureSet;
  o.prune_below = kPruneBelow;
  o.log = options.log;
  Result<nlp::DependencyParser> parser = train_parser(o);
  return parser ? Status::ok() : parser.status();
}

}  // namespace kg::train

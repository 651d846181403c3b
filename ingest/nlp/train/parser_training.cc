#include "ingest/nlp/train/parser_training.h"

#include <algorithm>
#include <fmt/format.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>

#include "ingest/nlp/conllu.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/tagger.h"
#include "ingest/nlp/parser_features.h"
#include "ingest/nlp/transition_system.h"
#include "ingest/nlp/train/text_file.h"

namespace kg::train {

namespace {

using nlp::ArcHybridState;
using nlp::Document;
using nlp::Word;

// What `kg train` uses (measured on EWT dev; see the issue notes).
constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
// EWT dev UAS with predicted tags levels off after 6 to 8 epochs.
constexpr int kEpochs = 8;
// With the v3 tagger, on EWT dev (UAS/LAS, predicted tags, 0 folds):
// kCompact 84.61/81.27, kCompactCoarse 84.93/81.72 (model 22.0 MB, was 19.6).
constexpr nlp::ParserFeatureSet kFeatureSet = nlp::ParserFeatureSet::kCompactCoarse;
// Averaged weights below 1 in magnitude barely change a decision (EWT dev
// UAS 87.59 with all 4.8M weights, 87.55 with the 1.4M kept) but triple the
// model's size and scoring time. With kCompactCoarse on 5-fold tags, 1.0
// keeps 2.36M weights (26.3 MB); 1.5 would keep 1.56M (18.2 MB) for EWT dev
// UAS/LAS 85.17/81.91 instead of 85.35/82.11 (test 84.83/82.06 instead of
// 85.16/82.35), 2.0 0.86M (10.5 MB) for dev 84.69/81.43.
constexpr float kPruneBelow = 1.0f;
// Whether the training sentences carry the tags of the tagger `kg train`
// wrote just before (else their gold tags).
constexpr bool kTrainOnPredictedTags = true;
// Folds for jackknifed training tags (0: tags of the tagger trained on all
// of the training data, which are better than on new text). With the
// tagger shipped in 05bfdcf, 4 folds gave no gain on predicted tags
// (EWT dev UAS/LAS 84.58/81.32 but test 84.48/81.45, against test
// 84.91/81.72 for the same parser without clusters or folds) and cost 0.7
// UAS with gold tags; with an earlier tagger, 5 folds gave dev +0.27 UAS.
// With the v3 tagger (6de6d8f), EWT dev UAS/LAS: kCompact 84.61/81.27 with
// 0 folds, 84.89/81.51 with 5; kCompactCoarse 84.93/81.72 with 0 folds,
// 85.35/82.11 with 5 (test 85.18/82.27 and 85.16/82.35).
constexpr int kJackknifeFolds = 5;
// Whether the parser uses the word clusters `kg train` wrote before it
// (clusters.kgm in the output directory; they are saved in the parser
// model). EWT dev UAS +0.6, LAS +0.6 over the same training without them
// (83.80 / 80.36 after 4 epochs, against 83.22 / 79.75).
constexpr bool kUseClusters = true;

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
void train_sentence(const TrainingSentence& s, nlp::ParserFeatureSet set, const nlp::WordClusters* clusters,
                    int n_labels, int root_label, bool explore, double explore_p,
                    Random& random, nlp::AveragedPerceptron& model, ArcHybridState& state,
                    nlp::SentenceAtoms& atoms, std::vector<float>& scores) {
  const int n = static_cast<int>(s.words.size());
  const int classes = nlp::transition_class_count(n_labels);
  state.reset(n);
  atoms.assign(s.words, clusters);
  uint64_t features[nlp::kMaxParserFeatures];
  while (!state.terminal()) {
    const int count = nlp::extract_parser_features(state, atoms, set, clusters != nullptr, features);
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

  const nlp::WordClusters* clusters = options.clusters.size() > 0 ? &options.clusters : nullptr;
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
      train_sentence(sentences[i], options.feature_set, clusters, n_labels, root_label, explore,
                     options.explore_probability, random, model, state, atoms, scores);
    }
    if (options.log) options.log(fmt::format("parser training: epoch {} done", epoch + 1));
    if (options.after_epoch && epoch + 1 < options.epochs) {
      nlp::AveragedPerceptron snapshot = model;
      snapshot.finish_training(options.prune_below);
      options.after_epoch(epoch + 1,
                          nlp::DependencyParser(labels, std::move(snapshot), options.feature_set, options.clusters));
    }
  }
  model.finish_training(options.prune_below);
  if (options.log) options.log(fmt::format("parser training: {} weights kept", model.weight_count()));

  nlp::DependencyParser parser(std::move(labels), std::move(model), options.feature_set, options.clusters);
  if (!options.output.empty()) {
    nlp::ModelWriter out(nlp::kParserModelKind, nlp::kParserModelVersion);
    parser.save(out);
    if (Status st = out.save(options.output); !st) return st;
  }
  return parser;
}

namespace {

Result<nlp::Tagger> load_tagger(const std::string& dir) {
  const std::string path = fmt::format("{}/{}", dir, nlp::kTaggerModelFile);
  Result<nlp::ModelReader> reader = nlp::ModelReader::open(path, nlp::kTaggerModelKind, nlp::kTaggerModelVersion);
  if (!reader) return reader.status();
  nlp::Tagger tagger;
  if (!tagger.load(*reader)) return Status::corruption(fmt::format("{}: malformed tagger model", path));
  if (Status st = reader->finish(); !st) return st;
  return tagger;
}

// The sentences of a CoNLL-U text, each with its comment lines and the
// blank line that ends it; at most `max_sentences` when non-zero.
std::vector<std::string_view> sentence_blocks(std::string_view content, size_t max_sentences) {
  std::vector<std::string_view> blocks;
  size_t pos = 0;
  while (pos < content.size() && (max_sentences == 0 || blocks.size() < max_sentences)) {
    size_t blank = content.find("\n\n", pos);
    const size_t end = blank == std::string_view::npos ? content.size() : blank + 2;
    if (content.substr(pos, end - pos).find_first_not_of("\n") != std::string_view::npos) {
      blocks.push_back(content.substr(pos, end - pos));
    }
    pos = end;
    while (pos < content.size() && content[pos] == '\n') ++pos;  // runs of blank lines
  }
  return blocks;
}

// Scratch data and model directories for one jackknife fold: the data
// directory links every entry of the real one (training files are then
// replaced by write()), the model directory every model but the tagger's,
// so that the tagger's trainer finds whatever else it reads.
class FoldDataDir {
 public:
  static Result<FoldDataDir> create(const std::string& data_dir, const std::string& model_dir, int fold) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path root =
        fs::temp_directory_path(ec) / fmt::format("kg-parser-jackknife-{}-{}", static_cast<long>(::getpid()), fold);
    fs::remove_all(root, ec);
    fs::create_directories(root / "ud", ec);
    fs::create_directories(root / "model", ec);
    if (ec) return Status::io_error(fmt::format("{}: cannot create: {}", root.string(), ec.message()));
    FoldDataDir dir(root.string());
    for (const auto& entry : fs::directory_iterator(data_dir, ec)) {
      if (entry.path().filename() == "ud") continue;
      fs::create_symlink(fs::absolute(entry.path()), root / entry.path().filename(), ec);
    }
    if (fs::is_directory(fs::path(data_dir) / "ud")) {
      for (const auto& entry : fs::directory_iterator(fs::path(data_dir) / "ud", ec)) {
        fs::create_symlink(fs::absolute(entry.path()), root / "ud" / entry.path().filename(), ec);
      }
    }
    if (fs::is_directory(model_dir)) {
      for (const auto& entry : fs::directory_iterator(model_dir, ec)) {
        if (entry.path().filename() == nlp::kTaggerModelFile) continue;
        fs::create_symlink(fs::absolute(entry.path()), root / "model" / entry.path().filename(), ec);
      }
    }
    if (ec) return Status::io_error(fmt::format("{}: cannot link the data: {}", root.string(), ec.message()));
    return dir;
  }
  FoldDataDir(FoldDataDir&& other) noexcept : root_(std::move(other.root_)) { other.root_.clear(); }
  FoldDataDir(const FoldDataDir&) = delete;
  ~FoldDataDir() {
    std::error_code ec;
    if (!root_.empty()) std::filesystem::remove_all(root_, ec);
  }

  const std::string& root() const { return root_; }
  std::string model_dir() const { return root_ + "/model"; }

  // Replaces the link `relative_path` by a file holding `content`.
  Status write(std::string_view relative_path, std::string_view content) const {
    const std::string path = fmt::format("{}/{}", root_, relative_path);
    std::error_code ec;
    std::filesystem::remove(path, ec);
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.close();
    if (!out) return Status::io_error(fmt::format("{}: cannot write", path));
    return Status::ok();
  }

 private:
  explicit FoldDataDir(std::string root) : root_(std::move(root)) {}
  std::string root_;
};

}  // namespace

Result<std::vector<Document>> read_parser_training_data(const TrainOptions& options, int jackknife_folds) {
  std::vector<Document> docs;
  if (jackknife_folds < 2) {
    for (const char* file : kTrainFiles) {
      Result<Document> doc = read_treebank(options, file);
      if (!doc) return doc.status();
      docs.push_back(std::move(*doc));
    }
    if (kTrainOnPredictedTags) {
      Result<nlp::Tagger> tagger = load_tagger(options.out_dir);
      if (!tagger) return tagger.status();
      for (Document& doc : docs) tagger->tag(&doc);
    }
    return docs;
  }

  // Sentence i of each file goes to fold i mod K: the fold's sentences are
  // tagged by a tagger trained on all the other folds, so their tags have
  // the errors of tags on unseen text.
  std::vector<std::string> contents;
  std::vector<std::vector<std::string_view>> blocks;
  for (const char* file : kTrainFiles) {
    Result<std::string> content = read_whole_file(fmt::format("{}/{}", options.data_dir, file));
    if (!content) return content.status();
    contents.push_back(std::move(*content));
  }
  for (const std::string& content : contents) blocks.push_back(sentence_blocks(content, options.max_sentences));

  for (int fold = 0; fold < jackknife_folds; ++fold) {
    Result<FoldDataDir> dir = FoldDataDir::create(options.data_dir, options.out_dir, fold);
    if (!dir) return dir.status();
    std::string held_out;
    for (size_t f = 0; f < blocks.size(); ++f) {
      std::string rest;
      for (size_t i = 0; i < blocks[f].size(); ++i) {
        std::string& to = static_cast<int>(i % jackknife_folds) == fold ? held_out : rest;
        to.append(blocks[f][i]);
        if (!to.ends_with("\n\n")) to.append(to.ends_with("\n") ? "\n" : "\n\n");
      }
      if (Status st = dir->write(kTrainFiles[f], rest); !st) return st;
    }
    TrainOptions fold_options = options;
    fold_options.data_dir = dir->root();
    fold_options.out_dir = dir->model_dir();
    fold_options.max_sentences = 0;
    fold_options.only.clear();
    fold_options.log = [&](std::string_view line) { options.log(fmt::format("jackknife fold {}: {}", fold + 1, line)); };
    if (Status st = train_tagger(fold_options); !st) return st;
    Result<nlp::Tagger> tagger = load_tagger(dir->model_dir());
    if (!tagger) return tagger.status();
    Result<Document> doc = nlp::read_conllu(held_out, fmt::format("jackknife fold {} of the parser's training data", fold + 1));
    if (!doc) return doc.status();
    tagger->tag(&*doc);
    docs.push_back(std::move(*doc));
  }
  return docs;
}

Status train_parser(const TrainOptions& options) {
  Result<std::vector<Document>> docs = read_parser_training_data(options, kJackknifeFolds);
  if (!docs) return docs.status();

  ParserTrainingOptions o;
  for (const Document& doc : *docs) o.treebanks.push_back(&doc);
  o.output = fmt::format("{}/{}", options.out_dir, nlp::kParserModelFile);
  o.epochs = kEpochs;
  o.feature_set = kFeatureSet;
  o.prune_below = kPruneBelow;
  o.log = options.log;
  if (kUseClusters) {
    Result<nlp::WordClusters> clusters =
        nlp::WordClusters::load_file(fmt::format("{}/{}", options.out_dir, nlp::kClustersModelFile));
    if (!clusters) return clusters.status();
    o.clusters = std::move(*clusters);
  }
  Result<nlp::DependencyParser> parser = train_parser(o);
  return parser ? Status::ok() : parser.status();
}

}  // namespace kg::train

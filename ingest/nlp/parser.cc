#include "ingest/nlp/parser.h"

#include <algorithm>
#include <atomic>
#include <fmt/format.h>

#include "ingest/nlp/parser_features.h"
#include "ingest/nlp/transition_system.h"

namespace kg::nlp {

DependencyParser::DependencyParser(std::vector<std::string> labels, AveragedPerceptron model,
                                   ParserFeatureSet features, WordClusters clusters)
    : labels_(std::move(labels)),
      model_(std::move(model)),
      features_(features),
      clusters_(std::move(clusters)),
      repair_(labels_) {
  const auto root = std::find(labels_.begin(), labels_.end(), "root");
  root_label_ = root == labels_.end() ? 0 : static_cast<int>(root - labels_.begin());
}

void DependencyParser::parse(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const {
  thread_local ArcHybridState state;
  thread_local SentenceAtoms atoms;
  thread_local std::vector<float> scores;
  const int n = static_cast<int>(words.size());
  const int n_labels = static_cast<int>(labels_.size());
  heads->assign(n, -1);
  labels->assign(n, 0);
  if (n == 0) return;
  state.reset(n);
  atoms.assign(words, clusters());
  scores.resize(transition_class_count(n_labels));
  uint64_t features[kMaxParserFeatures];
  while (!state.terminal()) {
    const int count = extract_parser_features(state, atoms, features_, clusters() != nullptr, features);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.add_scores(std::span<const uint64_t>(features, count), scores);
    const int cls = best_legal_transition(state, scores, n_labels, root_label_);
    state.apply(decode_transition(cls, n_labels));
  }
  for (int i = 0; i < n; ++i) {
    const int h = state.head(i);
    (*heads)[i] = h == n ? -1 : h;
    (*labels)[i] = state.label(i);
  }
  repair_.repair(words, heads, labels);
}

namespace {
std::atomic<uint64_t> over_budget_sentences{0};
}  // namespace

uint64_t sentences_over_budget() { return over_budget_sentences.load(std::memory_order_relaxed); }

void DependencyParser::annotate(Document* doc) const {
  thread_local std::vector<int> heads, label_ids;
  // Label strings are interned once per document and label.
  std::vector<std::string_view> interned(labels_.size());
  for (const Sentence& s : doc->sentences) {
    std::span<Word> words = doc->words_of(s);
    if (words.size() > kMaxParsedWords) {
      // Over budget: the words keep head -1 and an empty deprel, which every
      // later stage reads as "not parsed" (no propositions), and the skip is
      // counted so that a summary can say what was left out.
      over_budget_sentences.fetch_add(1, std::memory_order_relaxed);
      continue;
    }
    parse(words, &heads, &label_ids);
    for (size_t i = 0; i < words.size(); ++i) {
      const int l = label_ids[i];
      if (interned[l].empty()) interned[l] = doc->intern(labels_[l]);
      words[i].head = heads[i];
      words[i].deprel = interned[l];
    }
  }
}

void DependencyParser::save(ModelWriter& out) const {
  out.put_strings(labels_);
  out.put<uint8_t>(static_cast<uint8_t>(features_));
  out.put<uint8_t>(clusters() ? 1 : 0);
  if (clusters()) clusters_.save(out);
  model_.save(out);
}

bool DependencyParser::load(ModelReader& in, uint32_t version) {
  std::vector<std::string> labels;
  AveragedPerceptron model;
  WordClusters clusters;
  uint8_t features = 0, has_clusters = 0;
  if (!in.get_strings(&labels) || labels.empty() || !in.get(&features) || features > kLastParserFeatureSet || (version >= 2 && !in.get(&has_clusters)) ||
      has_clusters > 1 || (has_clusters == 1 && (!clusters.load(in) || clusters.size() == 0)) || !model.load(in)) {
    return false;
  }
  if (model.n_classes() != transition_class_count(static_cast<int>(labels.size()))) return false;
  const auto root = std::find(labels.begin(), labels.end(), "root");
  if (root == labels.end()) return false;
  root_label_ = static_cast<int>(root - labels.begin());
  labels_ = std::move(labels);
  repair_ = TreeRepair(labels_);
  model_ = std::move(model);
  features_ = static_cast<ParserFeatureSet>(features);
  clusters_ = std::move(clusters);
  return true;
}

Result<DependencyParser> DependencyParser::load_file(const std::string& path) {
  uint32_t version = kParserModelVersion;
  Result<ModelReader> reader = ModelReader::open(path, kParserModelKind, version);
  if (!reader) {
    // Version 1 files (no clusters) still load; other errors are the
    // current version's.
    version = 1;
    Result<ModelReader> v1 = ModelReader::open(path, kParserModelKind, version);
    if (!v1) return reader.status();
    reader = std::move(v1);
  }
  DependencyParser parser;
  if (!parser.load(*reader, version)) return Status::corruption(fmt::format("{}: malformed parser model", path));
  if (Status st = reader->finish(); !st) return st;
  return parser;
}

}  // namespace kg::nlp

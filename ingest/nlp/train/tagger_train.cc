// Trains the tagger: classes are the (UPOS, XPOS) pairs of the training
// data; frequent unambiguous words go into a lookup that bypasses the
// model; FEATS are the most frequent per class and per word and class;
// features seen once in training are left out.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <random>
#include <unordered_map>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/word_clusters.h"
#include "ingest/nlp/train/trainers.h"

namespace kg::train {

namespace {

constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
// How often each file's sentences are seen per epoch (seeing EWT twice was
// tried: no gain on EWT dev; EWT alone is worse on EWT dev than with GUM).
constexpr int kFileRepeats[] = {1, 1};
constexpr const char* kDevFile = "ud/en_ewt-ud-dev.conllu";
constexpr int kEpochs = 12;
constexpr uint32_t kSeed = 20211207;
// A word goes into the unambiguous lookup when seen this often, with one
// class at least this share of the time.
constexpr int kUnambiguousMinCount = 20;
constexpr double kUnambiguousMinShare = 0.995;
// Words seen fewer times get no usual-class feature: rare words at tagging
// time are mostly unseen, and the model should learn to do without it.
constexpr int kUsualMinCount = 3;
// A word's ambiguity class holds the classes it had at least this share of
// the time (so one annotation slip does not make a new class).
constexpr double kTagSetMinShare = 0.01;
constexpr uint32_t kTagSetSeed = 0x7A65E7;
// Cluster path prefix lengths of TaggerWord::cluster.
constexpr int kClusterPrefixes[] = {4, 6, 10, 20};
// Folds for jackknifing the lexicon features (see train_tagger).
constexpr size_t kFolds = 10;
// Longer words get no lexicon entry (the tagger's lookup key limit).
constexpr size_t kMaxWordBytes = 64;
// Features seen fewer times than this in the training data (counted with
// gold tag history) never get a weight: on EWT dev this costs nothing and
// makes the model a third smaller.
constexpr uint32_t kFeatureMinCount = 2;

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = nlp::ascii_lower(c);
  return out;
}

template <typename K>
K most_frequent(const std::map<K, int>& counts) {
  K best{};
  int n = -1;
  for (const auto& [k, c] : counts) {  // ties: the smallest key, as map order is fixed
    if (c > n) best = k, n = c;
  }
  return best;
}

// What a word's class counts say, less the counts `minus` (when given).
struct ClassStats {
  int total = 0, best = 0, best_class = -1;
  uint64_t tag_set = 0;
};

ClassStats class_stats(const std::map<int, int>& counts, const std::map<int, int>* minus) {
  ClassStats stats;
  std::vector<std::pair<int, int>> kept;  // ascending class ids (map order)
  for (const auto& [c, n] : counts) {
    int m = n;
    if (minus) {
      if (const auto it = minus->find(c); it != minus->end()) m -= it->second;
    }
    if (m <= 0) continue;
    kept.emplace_back(c, m);
    stats.total += m;
    if (m > stats.best) stats.best = m, stats.best_class = c;
  }
  nlp::FeatureKey set(kTagSetSeed);
  for (const auto& [c, n] : kept) {
    if (n >= kTagSetMinShare * stats.total) set.add(static_cast<uint64_t>(c));
  }
  stats.tag_set = set.key();
  return stats;
}

struct TrainingSentence {
  std::span<const nlp::Word> words;
  std::vector<int> classes;
};

}  // namespace

Status train_tagger(const TrainOptions& options) {
  std::vector<nlp::Document> docs;
  for (const char* file : kTrainFiles) {
    Result<nlp::Document> doc = read_treebank(options, file);
    if (!doc) return doc.status();
    docs.push_back(std::move(*doc));
  }

  // Classes, in a fixed order (UPOS, then XPOS).
  std::map<std::pair<int, std::string>, int> class_ids;
  for (const nlp::Document& doc : docs) {
    for (const nlp::Word& w : doc.words) class_ids.emplace(std::make_pair(static_cast<int>(w.upos), std::string(w.xpos)), 0);
  }
  nlp::TaggerLexicon lexicon;
  for (auto& [key, id] : class_ids) {
    id = static_cast<int>(lexicon.classes.size());
    lexicon.classes.push_back({static_cast<nlp::UPos>(key.first), key.second});
  }
  auto class_of = [&](const nlp::Word& w) { return class_ids.at({static_cast<int>(w.upos), std::string(w.xpos)}); };

  // Counts for the lookup and FEATS tables.
  std::map<std::string, std::map<int, int>> word_classes;
  std::vector<std::map<std::string, std::map<int, int>>> fold_word_classes(kFolds);
  std::map<int, std::map<std::string, int>> class_feats;
  std::map<std::pair<std::string, int>, std::map<std::string, int>> word_class_feats;
  std::vector<TrainingSentence> sentences;
  std::vector<size_t> order;
  for (size_t d = 0; d < docs.size(); ++d) {
    const nlp::Document& doc = docs[d];
    for (const nlp::Sentence& s : doc.sentences) {
      for (int r = 0; r < kFileRepeats[d]; ++r) order.push_back(sentences.size());
      TrainingSentence ts{doc.words_of(s), {}};
      for (const nlp::Word& w : ts.words) {
        const int c = class_of(w);
        ts.classes.push_back(c);
        const std::string lower = lowercase(w.form);
        ++word_classes[lower][c];
        ++fold_word_classes[sentences.size() % kFolds][lower][c];
        ++class_feats[c][std::string(w.feats)];
        ++word_class_feats[{lower, c}][std::string(w.feats)];
      }
      sentences.push_back(std::move(ts));
    }
  }

  lexicon.feats_strings.push_back("");
  std::map<std::string, uint32_t> feats_ids{{"", 0}};
  auto feats_id = [&](const std::string& f) {
    auto [it, added] = feats_ids.emplace(f, static_cast<uint32_t>(lexicon.feats_strings.size()));
    if (added) lexicon.feats_strings.push_back(f);
    return it->second;
  };
  lexicon.class_feats.assign(lexicon.classes.size(), 0);
  for (const auto& [c, counts] : class_feats) lexicon.class_feats[c] = feats_id(most_frequent(counts));
  for (const auto& [key, counts] : word_class_feats) {
    const uint32_t f = feats_id(most_frequent(counts));
    if (f != lexicon.class_feats[key.second] && key.first.size() <= kMaxWordBytes) {
      lexicon.words[key.first].feats.push_back(static_cast<uint32_t>(key.second) << 16 | f);
    }
  }
  // Brown clusters, from the clusters model trained before the tagger. A
  // word's entry takes the cluster of its lowercased form.
  const std::string clusters_path = fmt::format("{}/{}", options.out_dir, nlp::kClustersModelFile);
  Result<nlp::WordClusters> clusters = nlp::WordClusters::load_file(clusters_path);
  if (!clusters) return clusters.status();
  for (size_t w = 0; w < clusters->size(); ++w) {
    const std::string lower = lowercase(clusters->words()[w]);
    if (lower.size() > kMaxWordBytes) continue;
    const nlp::ClusterPath path = clusters->path(lower);
    if (!path.known()) continue;
    nlp::TaggerWord& entry = lexicon.words[lower];
    for (size_t k = 0; k < std::size(kClusterPrefixes); ++k) entry.cluster[k] = path.prefix(kClusterPrefixes[k]).key();
  }
  size_t unambiguous = 0;
  for (const auto& [word, counts] : word_classes) {
    if (word.size() > kMaxWordBytes) continue;
    const ClassStats stats = class_stats(counts, nullptr);
    if (stats.total < kUsualMinCount) continue;
    nlp::TaggerWord& entry = lexicon.words[word];
    entry.usual = stats.best_class;
    entry.tag_set = stats.tag_set;
    if (stats.total >= kUnambiguousMinCount && stats.best >= kUnambiguousMinShare * stats.total) {
      entry.only = stats.best_class;
      ++unambiguous;
    }
  }
  // Jackknifing: the sentences of fold f see the usual class and class set
  // of their words as counted without fold f, as a tagged text's words were
  // counted without that text. Counted with them, the two features are
  // always right in training and the model trusts them too much.
  std::vector<nlp::Tagger> fold_keyers;
  for (size_t f = 0; f < kFolds; ++f) {
    nlp::TaggerLexicon fold = lexicon;
    for (auto& [word, entry] : fold.words) {
      const auto it = word_classes.find(word);
      if (it == word_classes.end()) continue;  // a word the clusters know, training never saw
      const auto held = fold_word_classes[f].find(word);
      const ClassStats stats = class_stats(it->second, held == fold_word_classes[f].end() ? nullptr : &held->second);
      entry.usual = stats.total >= kUsualMinCount ? stats.best_class : -1;
      entry.tag_set = stats.total >= kUsualMinCount ? stats.tag_set : 0;
    }
    fold_keyers.emplace_back(std::move(fold), nlp::AveragedPerceptron(1));
  }
  options.log(fmt::format("tagger: {} classes, {} unambiguous words, {} training sentences", lexicon.classes.size(),
                          unambiguous, sentences.size()));

  nlp::AveragedPerceptron model(static_cast<int>(lexicon.classes.size()));
  std::mt19937 rng(kSeed);
  std::vector<nlp::Tagger::WordKeys> keys;
  std::vector<uint64_t> feats;
  std::unordered_map<uint64_t, uint32_t> feature_counts;
  for (size_t idx = 0; idx < sentences.size(); ++idx) {
    const TrainingSentence& ts = sentences[idx];
    fold_keyers[idx % kFolds].word_keys(ts.words, &keys);
    for (size_t i = 0; i < ts.words.size(); ++i) {
      if (keys[i].entry && keys[i].entry->only >= 0) continue;
      feats.clear();
      nlp::Tagger::features(keys, i, i >= 1 ? ts.classes[i - 1] : -1, i >= 2 ? ts.classes[i - 2] : -1, &feats);
      for (uint64_t f : feats) ++feature_counts[f];
    }
  }
  auto drop_rare = [&](std::vector<uint64_t>* fs) {
    std::erase_if(*fs, [&](uint64_t f) {
      const auto it = feature_counts.find(f);
      return it == feature_counts.end() || it->second < kFeatureMinCount;
    });
  };
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    // Fisher-Yates with the raw generator: the same order on every platform.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t errors = 0, total = 0;
    for (size_t idx : order) {
      const TrainingSentence& ts = sentences[idx];
      fold_keyers[idx % kFolds].word_keys(ts.words, &keys);
      int prev1 = -1, prev2 = -1;
      for (size_t i = 0; i < ts.words.size(); ++i) {
        int guess;
        if (keys[i].entry && keys[i].entry->only >= 0) {
          guess = keys[i].entry->only;
        } else {
          feats.clear();
          nlp::Tagger::features(keys, i, prev1, prev2, &feats);
          drop_rare(&feats);
          guess = model.predict(feats);
          model.update(feats, ts.classes[i], guess);
        }
        errors += guess != ts.classes[i];
        ++total;
        prev2 = prev1;
        prev1 = guess;
      }
    }
    options.log(fmt::format("tagger: epoch {} training accuracy {:.2f}%", epoch + 1,
                            100.0 * (total - errors) / std::max<size_t>(total, 1)));
  }
  model.finish_training();
  options.log(fmt::format("tagger: {} weights", model.weight_count()));

  nlp::Tagger tagger(std::move(lexicon), std::move(model));
  if (Result<nlp::Document> dev = read_treebank(options, kDevFile); dev) {
    size_t upos = 0, xpos = 0;
    std::vector<int> classes;
    for (const nlp::Sentence& s : dev->sentences) {
      const auto words = dev->words_of(s);
      tagger.predict(words, &classes);
      for (size_t i = 0; i < words.size(); ++i) {
        upos += tagger.lexicon().classes[classes[i]].upos == words[i].upos;
        xpos += tagger.lexicon().classes[classes[i]].xpos == words[i].xpos;
      }
    }
    const double n = static_cast<double>(std::max<size_t>(dev->words.size(), 1));
    options.log(fmt::format("tagger: EWT dev UPOS {:.2f}% XPOS {:.2f}%", 100.0 * upos / n, 100.0 * xpos / n));
  }

  nlp::ModelWriter out(nlp::kTaggerModelKind, nlp::kTaggerModelVersion);
  tagger.save(out);
  return out.save(fmt::format("{}/{}", options.out_dir, nlp::kTaggerModelFile));
}

}  // namespace kg::train

// Trains the tagger: classes are the (UPOS, XPOS) pairs of the training
// data; frequent unambiguous words go into a lookup that bypasses the
// model; FEATS are the most frequent per class and per word and class.
#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <random>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/text_chars.h"
#include "tools/train/train.h"

namespace kg::train {

namespace {

constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
// How often each file's sentences are seen per epoch (seeing EWT twice was
// tried: no gain on EWT dev).
constexpr int kFileRepeats[] = {1, 1};
constexpr const char* kDevFile = "ud/en_ewt-ud-dev.conllu";
constexpr int kEpochs = 8;
constexpr uint32_t kSeed = 20211207;
// A word goes into the unambiguous lookup when seen this often, with one
// class at least this share of the time.
constexpr int kUnambiguousMinCount = 20;
constexpr double kUnambiguousMinShare = 0.995;
// Words seen fewer times get no usual-class feature: rare words at tagging
// time are mostly unseen, and the model should learn to do without it.
constexpr int kUsualMinCount = 3;

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
    if (f != lexicon.class_feats[key.second] && key.first.size() <= 64) {
      lexicon.word_feats[key.first].push_back(static_cast<uint32_t>(key.second) << 16 | f);
    }
  }
  for (const auto& [word, counts] : word_classes) {
    int total = 0, best = 0, best_class = 0;
    for (const auto& [c, n] : counts) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (total >= kUnambiguousMinCount && best >= kUnambiguousMinShare * total && word.size() <= 64) {
      lexicon.unambiguous.emplace(word, best_class);
    }
  }
  for (const auto& [word, counts] : word_classes) {
    int total = 0, best = 0, best_class = 0;
    for (const auto& [c, n] : counts) {
      total += n;
      if (n > best) best = n, best_class = c;
    }
    if (total >= kUsualMinCount && word.size() <= 64) lexicon.usual_class.emplace(word, best_class);
  }
  options.log(fmt::format("tagger: {} classes, {} unambiguous words, {} training sentences", lexicon.classes.size(),
                          lexicon.unambiguous.size(), sentences.size()));

  nlp::AveragedPerceptron model(static_cast<int>(lexicon.classes.size()));
  std::mt19937 rng(kSeed);
  std::vector<nlp::Tagger::WordKeys> keys;
  std::vector<uint64_t> feats;
  const nlp::Tagger keyer(lexicon, nlp::AveragedPerceptron(1));
  for (int epoch = 0; epoch < kEpochs; ++epoch) {
    // Fisher-Yates with the raw generator: the same order on every platform.
    for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng() % i]);
    size_t errors = 0, total = 0;
    for (size_t idx : order) {
      const TrainingSentence& ts = sentences[idx];
      keyer.word_keys(ts.words, &keys);
      int prev1 = -1, prev2 = -1;
      for (size_t i = 0; i < ts.words.size(); ++i) {
        int guess;
        const auto it = lexicon.unambiguous.find(lowercase(ts.words[i].form));
        if (it != lexicon.unambiguous.end()) {
          guess = static_cast<int>(it->second);
        } else {
          feats.clear();
          nlp::Tagger::features(keys, i, prev1, prev2, &feats);
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

// Trains the Brown word clusters (tools/train/clusters_train.h) on unlabeled
// text: the BBC news corpus, the raw text of the EWT and GUM training
// treebanks (never dev/test: those evaluate the models that use the
// clusters), tokenized and split by the shipped tokenizer so the words are
// the ones the pipeline sees at run time.
//
// Notation: p(c,d) is the share of adjacent word pairs (left in c, right in
// d); pl/pr the left/right marginals over all pairs; the quality of a
// clustering is the average mutual information
//   AMI = sum_{c,d} q(c,d),  q(c,d) = p(c,d) log(p(c,d) / (pl(c) pr(d))).
// loss(a,b) is how much AMI drops when a and b merge. Only pairs whose two
// words are both clustered count toward p(c,d) (the window approximation);
// marginals come from all pairs of frequent words.
#include "ingest/nlp/train/clusters_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

#include "base/utf8.h"
#include "ingest/nlp/model_io.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/train/text_file.h"
#include "ingest/nlp/train/trainers.h"

namespace kg::train {

void ClusterCorpus::add_sentence(std::span<const std::string_view> tokens) {
  char buf[nlp::WordClusters::kMaxLookupBytes];
  for (std::string_view token : tokens) {
    std::string_view form = nlp::WordClusters::normalize_digits(token, buf);
    if (form.empty()) form = token;
    if (form.empty()) continue;
    auto it = ids_.find(form);
    if (it == ids_.end()) {
      it = ids_.emplace(std::string(form), static_cast<uint32_t>(forms_.size())).first;
      forms_.emplace_back(form);
    }
    stream_.push_back(it->second);
    ++token_count_;
  }
  stream_.push_back(kSentenceBreak);
}

namespace {

struct Neighbor {
  uint32_t word;  // index in frequency order
  double share;   // count / total pairs
};

// Adjacent pairs of clustered words, as sparse per-word neighbour lists.
struct PairTable {
  std::vector<std::vector<Neighbor>> right;  // right[w]: words seen just after w
  std::vector<std::vector<Neighbor>> left;   // left[w]: words seen just before w
  std::vector<double> left_share, right_share;  // marginals: w as left / right element
};

inline double mi_term(double p, double left, double right) {
  return p > 0 ? p * std::log(p / (left * right)) : 0.0;
}

// The window of active clusters: dense (C+1)x(C+1) tables over slots.
class ClusterWindow {
 public:
  ClusterWindow(const PairTable& pairs, int slots)
      : pairs_(pairs), n_(slots), p_(n_ * n_), q_(n_ * n_), loss_(n_ * n_), pl_(n_), pr_(n_), active_(n_) {}

  // Puts word w into the free slot `s`; words already placed are found
  // through slot_of.
  void add_word(uint32_t w, int s, const std::vector<int>& slot_of) {
    for (int k = 0; k < n_; ++k) p(s, k) = p(k, s) = 0;
    pl_[s] = pairs_.left_share[w];
    pr_[s] = pairs_.right_share[w];
    for (const Neighbor& nb : pairs_.right[w]) {
      if (slot_of[nb.word] >= 0) p(s, slot_of[nb.word]) += nb.share;
    }
    for (const Neighbor& nb : pairs_.left[w]) {
      if (nb.word != w && slot_of[nb.word] >= 0) p(slot_of[nb.word], s) += nb.share;
    }
    active_[s] = true;
    refresh_q(s);
  }

  // Loss of every active pair from scratch (at the start).
  void compute_all_losses() {
    for (int i = 0; i < n_; ++i) {
      for (int j = i + 1; j < n_; ++j) {
        if (active_[i] && active_[j]) loss(i, j) = full_loss(i, j);
      }
    }
  }

  // After add_word(s): pairs not involving s gain the terms with s; pairs
  // with s are computed whole.
  void account_new_slot(int s) {
    for_other_pairs(s, -1, [&](int i, int j) { loss(i, j) += terms_with(i, j, s); });
    for (int k = 0; k < n_; ++k) {
      if (active_[k] && k != s) loss(std::min(k, s), std::max(k, s)) = full_loss(k, s);
    }
  }

  // The active pair (a < b) with the least loss; ties: first in slot order.
  std::pair<int, int> best_pair() const {
    std::pair<int, int> best{-1, -1};
    double least = 0;
    for (int i = 0; i < n_; ++i) {
      if (!active_[i]) continue;
      for (int j = i + 1; j < n_; ++j) {
        if (active_[j] && (best.first < 0 || loss(i, j) < least)) least = loss(i, j), best = {i, j};
      }
    }
    return best;
  }

  // Merges slot b into slot a (a < b); b becomes free.
  void merge(int a, int b) {
    // Pairs apart from a and b lose their terms with a and b, then gain the
    // terms with the merged cluster (Brown et al.'s incremental update).
    for_other_pairs(a, b, [&](int i, int j) { loss(i, j) -= terms_with(i, j, a) + terms_with(i, j, b); });
    const double self = p(a, a) + p(a, b) + p(b, a) + p(b, b);
    for (int k = 0; k < n_; ++k) {
      if (k == a || k == b) continue;
      p(a, k) += p(b, k);
      p(k, a) += p(k, b);
    }
    p(a, a) = self;
    pl_[a] += pl_[b];
    pr_[a] += pr_[b];
    active_[b] = false;
    refresh_q(a);
    for_other_pairs(a, -1, [&](int i, int j) { loss(i, j) += terms_with(i, j, a); });
    for (int k = 0; k < n_; ++k) {
      if (active_[k] && k != a) loss(std::min(k, a), std::max(k, a)) = full_loss(k, a);
    }
  }

 private:
  double& p(int i, int j) { return p_[i * n_ + j]; }
  double p(int i, int j) const { return p_[i * n_ + j]; }
  double q(int i, int j) const { return q_[i * n_ + j]; }
  double& loss(int i, int j) { return loss_[i * n_ + j]; }
  double loss(int i, int j) const { return loss_[i * n_ + j]; }

  void refresh_q(int s) {
    for (int k = 0; k < n_; ++k) {
      if (!active_[k]) continue;
      q_[s * n_ + k] = mi_term(p(s, k), pl_[s], pr_[k]);
      q_[k * n_ + s] = mi_term(p(k, s), pl_[k], pr_[s]);
    }
  }

  // Calls fn(i, j) for every active pair i < j avoiding slots x and y.
  template <typename Fn>
  void for_other_pairs(int x, int y, Fn fn) {
    for (int i = 0; i < n_; ++i) {
      if (!active_[i] || i == x || i == y) continue;
      for (int j = i + 1; j < n_; ++j) {
        if (active_[j] && j != x && j != y) fn(i, j);
      }
    }
  }

  // The part of loss(i, j) that involves a third cluster k: what i and j
  // contribute with k apart, minus what i+j would contribute with k.
  double terms_with(int i, int j, int k) const {
    return q(i, k) + q(k, i) + q(j, k) + q(k, j) - mi_term(p(i, k) + p(j, k), pl_[i] + pl_[j], pr_[k]) -
           mi_term(p(k, i) + p(k, j), pl_[k], pr_[i] + pr_[j]);
  }

  double full_loss(int a, int b) const {
    const double ml = pl_[a] + pl_[b], mr = pr_[a] + pr_[b];
    double before = q(a, a) + q(b, b) + q(a, b) + q(b, a);
    double after = mi_term(p(a, a) + p(a, b) + p(b, a) + p(b, b), ml, mr);
    for (int k = 0; k < n_; ++k) {
      if (!active_[k] || k == a || k == b) continue;
      before += q(a, k) + q(k, a) + q(b, k) + q(k, b);
      after += mi_term(p(a, k) + p(b, k), ml, pr_[k]) + mi_term(p(k, a) + p(k, b), pl_[k], mr);
    }
    return before - after;
  }

  const PairTable& pairs_;
  const int n_;
  std::vector<double> p_, q_, loss_;  // n_ x n_, row = left cluster; loss_ only for i < j
  std::vector<double> pl_, pr_;
  std::vector<bool> active_;
};

// Bit paths of the leaves of a merge tree (node ids: leaves first, then
// each merge in order; children[n - leaves] = {left, right}).
std::vector<nlp::ClusterPath> leaf_paths(int leaves, const std::vector<std::pair<int, int>>& children) {
  std::vector<nlp::ClusterPath> paths(leaves + children.size());
  for (int node = static_cast<int>(paths.size()) - 1; node >= leaves; --node) {
    const nlp::ClusterPath parent = paths[node];
    const auto [l, r] = children[node - leaves];
    for (int side = 0; side < 2; ++side) {
      nlp::ClusterPath child = parent;
      if (child.length < nlp::ClusterPath::kMaxLength) {
        child.bits = (child.bits << 1) | static_cast<uint64_t>(side);
        ++child.length;
      }
      paths[side == 0 ? l : r] = child;
    }
  }
  paths.resize(leaves);
  for (auto& path : paths) {
    if (!path.known()) path = {0, 1};  // a lone cluster: the tree is one leaf
  }
  return paths;
}

}  // namespace

nlp::WordClusters brown_clusters(const ClusterCorpus& corpus, const BrownOptions& options,
                                 const std::function<void(std::string_view)>& log) {
  // Frequent words in frequency order (ties by form, for determinism).
  std::vector<uint64_t> counts(corpus.forms_.size());
  for (uint32_t id : corpus.stream_) {
    if (id != ClusterCorpus::kSentenceBreak) ++counts[id];
  }
  std::vector<uint32_t> order;
  for (uint32_t id = 0; id < counts.size(); ++id) {
    if (counts[id] >= static_cast<uint64_t>(options.min_count)) order.push_back(id);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : corpus.forms_[a] < corpus.forms_[b];
  });
  const uint32_t none = UINT32_MAX;
  std::vector<uint32_t> rank(counts.size(), none);
  for (uint32_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
  const size_t vocab = order.size();
  if (vocab == 0) return {};

  // Adjacent pairs of frequent words, counted by sorting packed keys.
  std::vector<uint64_t> keys;
  for (size_t i = 0; i + 1 < corpus.stream_.size(); ++i) {
    const uint32_t a = corpus.stream_[i], b = corpus.stream_[i + 1];
    if (a == ClusterCorpus::kSentenceBreak || b == ClusterCorpus::kSentenceBreak) continue;
    if (rank[a] == none || rank[b] == none) continue;
    keys.push_back((static_cast<uint64_t>(rank[a]) << 32) | rank[b]);
  }
  std::sort(keys.begin(), keys.end());
  PairTable pairs;
  pairs.right.resize(vocab);
  pairs.left.resize(vocab);
  pairs.left_share.assign(vocab, 0);
  pairs.right_share.assign(vocab, 0);
  const double total = static_cast<double>(keys.size());
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    const uint32_t a = static_cast<uint32_t>(keys[i] >> 32), b = static_cast<uint32_t>(keys[i]);
    const double share = static_cast<double>(j - i) / total;
    pairs.right[a].push_back({b, share});
    pairs.left[b].push_back({a, share});
    pairs.left_share[a] += share;
    pairs.right_share[b] += share;
    i = j;
  }
  log(fmt::format("clusters: {} tokens, {} words with count >= {}, {} adjacent pairs", corpus.token_count_, vocab,
                  options.min_count, keys.size()));

  // Phase 1: the window. slot_of: word -> slot (-1 until it enters);
  // members: slot -> words.
  const int window = static_cast<int>(std::min<size_t>(options.clusters, vocab));
  ClusterWindow clusters(pairs, window + 1);
  std::vector<int> slot_of(vocab, -1);
  std::vector<std::vector<uint32_t>> members(window + 1);
  for (int s = 0; s < window; ++s) {
    slot_of[s] = s;
    members[s] = {static_cast<uint32_t>(s)};
  }
  for (int s = 0; s < window; ++s) clusters.add_word(s, s, slot_of);
  clusters.compute_all_losses();
  int free_slot = window;
  for (size_t w = window; w < vocab; ++w) {
    slot_of[w] = free_slot;
    members[free_slot] = {static_cast<uint32_t>(w)};
    clusters.add_word(static_cast<uint32_t>(w), free_slot, slot_of);
    clusters.account_new_slot(free_slot);
    const auto [a, b] = clusters.best_pair();
    clusters.merge(a, b);
    if (members[a].size() < members[b].size()) std::swap(members[a], members[b]);
    for (uint32_t m : members[b]) slot_of[m] = a;
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    members[b].clear();
    free_slot = b;
    if ((w + 1) % 2000 == 0) log(fmt::format("clusters: {} / {} words placed", w + 1, vocab));
  }

  // Phase 2: merge the final clusters down to one, recording the tree.
  std::vector<int> node_of(window + 1, -1);
  int leaves = 0;
  for (int s = 0; s <= window; ++s) {
    if (!members[s].empty()) node_of[s] = leaves++;
  }
  std::vector<std::pair<int, int>> children;
  for (int left = leaves; left > 1; --left) {
    const auto [a, b] = clusters.best_pair();
    clusters.merge(a, b);
    children.emplace_back(node_of[a], node_of[b]);
    node_of[a] = leaves + static_cast<int>(children.size()) - 1;
    node_of[b] = -1;
  }
  std::vector<nlp::ClusterPath> by_leaf = leaf_paths(leaves, children);

  // Words in frequency order with their cluster's path.
  std::vector<int> leaf_of_slot(window + 1, -1);
  for (int s = 0, leaf = 0; s <= window; ++s) {
    if (!members[s].empty()) leaf_of_slot[s] = leaf++;
  }
  std::vector<std::string> words;
  std::vector<nlp::ClusterPath> paths;
  words.reserve(vocab);
  paths.reserve(vocab);
  for (size_t w = 0; w < vocab; ++w) {
    words.push_back(corpus.forms_[order[w]]);
    paths.push_back(by_leaf[leaf_of_slot[slot_of[w]]]);
  }
  return nlp::WordClusters(std::move(words), std::move(paths));
}

namespace {

constexpr const char* kTreebankTexts[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
constexpr const char* kNewsDir = "news/bbc";
constexpr BrownOptions kShippedOptions{.clusters = 256, .min_count = 3};

// Tokenizes and splits `text` with the shipped tokenizer and adds its sentences.
class CorpusReader {
 public:
  CorpusReader(nlp::Tokenizer tokenizer, nlp::SentenceSplitter splitter)
      : tokenizer_(std::move(tokenizer)), splitter_(std::move(splitter)) {}

  void add_text(std::string_view raw, ClusterCorpus* corpus) {
    std::string repaired;
    std::string_view text = raw;
    if (utf8::first_invalid_byte(raw)) text = repaired = utf8::repair(raw);
    tokenizer_.tokenize(text, &tokens_);
    if (tokens_.empty()) return;
    splitter_.split(text, tokens_, &ends_);
    size_t begin = 0;
    for (uint32_t end : ends_) {
      words_.clear();
      for (size_t i = begin; i <= end; ++i) words_.push_back(text.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin));
      corpus->add_sentence(words_);
      begin = end + 1;
    }
  }

 private:
  nlp::Tokenizer tokenizer_;
  nlp::SentenceSplitter splitter_;
  std::vector<nlp::Token> tokens_;
  std::vector<uint32_t> ends_;
  std::vector<std::string_view> words_;
};

}  // namespace

Status train_clusters(const TrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::string tokenizer_path = fmt::format("{}/{}", options.out_dir, nlp::kTokenizerModelFile);
  Result<nlp::ModelReader> reader =
      nlp::ModelReader::open(tokenizer_path, nlp::kTokenizerModelKind, nlp::kTokenizerModelVersion);
  if (!reader) return reader.status();
  nlp::TokenizerLexicon lexicon;
  nlp::AveragedPerceptron splitter_model;
  if (!lexicon.load(*reader) || !splitter_model.load(*reader))
    return Status::corruption(fmt::format("{}: malformed tokenizer model", tokenizer_path));
  if (Status st = reader->finish(); !st) return st;
  CorpusReader text_reader(nlp::Tokenizer(std::move(lexicon)), nlp::SentenceSplitter(std::move(splitter_model)));

  ClusterCorpus corpus;
  // News articles, in path order (directory listing order is not fixed).
  const std::filesystem::path news = std::filesystem::path(options.data_dir) / kNewsDir;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(news, ec); !ec && it != std::filesystem::end(it);
       it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".txt") files.push_back(it->path());
  }
  if (ec || files.empty())
    return Status::not_found(fmt::format("{}: no news articles (*/*.txt) to cluster", news.string()));
  std::sort(files.begin(), files.end());
  size_t articles = 0;
  for (const auto& file : files) {
    Result<std::string> text = read_whole_file(file.string());
    if (!text) return text.status();
    text_reader.add_text(*text, &corpus);
    if (options.max_sentences > 0 && ++articles >= options.max_sentences) break;
  }
  // The raw text of the training treebanks ("# text = ..." lines).
  for (const char* relative : kTreebankTexts) {
    const std::string path = fmt::format("{}/{}", options.data_dir, relative);
    Result<std::string> file = read_whole_file(path);
    if (!file) return file.status();
    constexpr std::string_view kTextLine = "# text = ";
    size_t sentences = 0;
    for (size_t pos = 0; pos < file->size();) {
      size_t eol = file->find('\n', pos);
      if (eol == std::string::npos) eol = file->size();
      const std::string_view line(file->data() + pos, eol - pos);
      if (line.starts_with(kTextLine)) {
        text_reader.add_text(line.substr(kTextLine.size()), &corpus);
        if (options.max_sentences > 0 && ++sentences >= options.max_sentences) break;
      }
      pos = eol + 1;
    }
  }

  nlp::WordClusters clusters = brown_clusters(corpus, kShippedOptions, options.log);
  const std::string out = fmt::format("{}/{}", options.out_dir, nlp::kClustersModelFile);
  if (Status st = clusters.save_file(out); !st) return st;
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  options.log(fmt::format("clusters: {} words in {} clusters -> {} ({:.1f} s)", clusters.size(),
                          kShippedOptions.clusters, out, seconds));
  return Status::ok();
}

}  // namespace kg::train

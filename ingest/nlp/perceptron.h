// Averaged perceptron over hashed features: the learner behind the tagger,
// the parser and the recognizer.
//
// A feature is a 64-bit key (see FeatureKey). Each feature owns a sparse
// row of (class, weight) pairs; a feature that never took part in an update
// has no row at all. Scoring adds the rows of the active features.
//
// Training keeps, per weight, the running total needed for averaging (the
// "lazy" timestamp trick: a weight's contribution is added to its total only
// when it changes, and once more at the end). finish_training() replaces the
// weights by their averages, drops near-zero weights and freezes the model
// into a flat open-addressing table for fast scoring. A frozen model cannot
// be trained further.
//
// In the frozen form a row that holds at least a quarter of the classes is
// stored dense (a weight for every class, zero where none was kept): it
// takes at most twice the memory of its sparse form, and adding it to the
// scores is a straight vector loop instead of a scatter. The rows the
// tagger uses most are of this kind (on the BBC corpus a row it looks up
// holds 43 of its 108 classes on average); a quarter measured faster than
// a half, at no cost in peak memory (nlp_bench). Adding a zero changes no
// score, so both forms score exactly alike.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/model_io.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

// Builds feature keys from a template id and the values it combines, e.g.
// FeatureKey(7).add(word).add(tag).key(). Same inputs, same key, on every run
// and platform (no std::hash).
class FeatureKey {
 public:
  explicit FeatureKey(uint32_t template_id) : h_(mix(0x9E3779B97F4A7C15ull ^ template_id)) {}
  FeatureKey& add(std::string_view s) {
    const uint64_t h = hash_bytes(s);
    h_ = mix(h_ ^ (h + 0x632BE59BD9B4E019ull + (h_ << 6)));
    return *this;
  }
  FeatureKey& add(uint64_t v) {
    h_ = mix(h_ ^ (v + 0x94D049BB133111EBull + (h_ << 6)));
    return *this;
  }
  uint64_t key() const { return h_ | 1; }  // never 0: 0 marks an empty slot

 private:
  static uint64_t mix(uint64_t z) {  // SplitMix64 finalizer
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  uint64_t h_;
};

class AveragedPerceptron {
 public:
  AveragedPerceptron() = default;
  explicit AveragedPerceptron(int n_classes) : n_classes_(n_classes) {}

  int n_classes() const { return n_classes_; }
  bool frozen() const { return frozen_; }

  // scores[c] += weight(f, c) for every feature f; `scores` has n_classes
  // entries and is not cleared first.
  void add_scores(std::span<const uint64_t> features, std::span<float> scores) const;

  // The highest-scoring class, among those with allowed[c] true when
  // `allowed` is not empty. Ties go to the lowest class id.
  int predict(std::span<const uint64_t> features, std::span<const bool> allowed = {}) const;
  // The same choice over scores already summed (0 when none is allowed).
  static int best_class(std::span<const float> scores, std::span<const bool> allowed = {});

  // One training step: when guess != truth, move the features' weights
  // toward truth and away from guess. Counts one training instance either
  // way (the clock used for averaging).
  void update(std::span<const uint64_t> features, int truth, int guess);

  // Averages the weights, drops those with |w| < prune_below, and freezes.
  void finish_training(float prune_below = 1e-3f);
  // The frozen mean of the averaged weights of `models`, which are still
  // training and have the same classes (runs that differ only in the order
  // they saw the data: an ensemble that costs one model at prediction
  // time). Weights whose mean is below prune_below in magnitude are dropped.
  static AveragedPerceptron mean_of(std::span<const AveragedPerceptron> models, float prune_below = 1e-3f);

  // Number of stored (feature, class) weights; a measure of model size.
  size_t weight_count() const;

  void save(ModelWriter& out) const;     // requires frozen()
  bool load(ModelReader& in);           // false when the payload is malformed

 private:
  struct TrainingWeight {
    uint32_t cls;
    float weight;
    double total;          // sum of weight over all instances up to `stamp`
    uint64_t stamp;        // instance clock at the last change
  };
  struct Slot {
    uint64_t key;          // 0 = empty
    uint32_t begin;        // sparse: row_[begin, begin + length); dense: row `begin` of dense_
    uint32_t length;       // kDenseRow for a dense row
  };
  static constexpr uint32_t kDenseRow = UINT32_MAX;
  // Class and weight side by side: scoring a row touches one run of
  // memory instead of two, which halves its cache misses.
  struct ClassWeight {
    uint32_t cls;
    float weight;
  };

  // The averaged value of a training weight at the current clock.
  float averaged(const TrainingWeight& tw) const;
  // Builds the frozen table from rows given per key (perceptron.cc).
  template <typename WeightsOf>
  void freeze(std::vector<uint64_t> keys, float prune_below, WeightsOf weights_of);
  const Slot* find(uint64_t key) const;
  // Dense row r: n_classes_ weights.
  const float* dense_row(uint32_t r) const { return dense_.data() + size_t{r} * static_cast<size_t>(n_classes_); }
  // Freezes: `keys` in ascending order, `lengths` their row lengths, the
  // rows' classes and weights one after another in `classes` and `weights`.
  void build_table(std::span<const uint64_t> keys, std::span<const uint32_t> lengths,
                   std::span<const uint16_t> classes, std::span<const float> weights);

  int n_classes_ = 0;
  bool frozen_ = false;
  uint64_t clock_ = 0;
  std::unordered_map<uint64_t, std::vector<TrainingWeight>> training_;

  // Frozen form: rows stored contiguously, found through an open-addressing
  // table of power-of-two size at most half full.
  std::vector<Slot> table_;
  std::vector<ClassWeight> row_;  // sparse rows
  std::vector<float> dense_;      // dense rows, n_classes_ weights each
};

}  // namespace kg::nlp

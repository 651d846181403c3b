#include "ingest/nlp/perceptron.h"

#include <algorithm>
#include <cmath>

namespace kg::nlp {

void AveragedPerceptron::add_scores(std::span<const uint64_t> features, std::span<float> scores) const {
  if (frozen_) {
    // Each lookup is a likely cache miss in a large table; prefetching a
    // batch of slots, then the rows of those found, lets the misses overlap
    // instead of stalling one after another.
    constexpr size_t kBatch = 32;
    const size_t mask = table_.size() - 1;
    const Slot* found[kBatch];
    for (size_t start = 0; start < features.size(); start += kBatch) {
      const size_t end = std::min(features.size(), start + kBatch);
      for (size_t i = start; i < end; ++i) __builtin_prefetch(&table_[features[i] & mask]);
      size_t n_found = 0;
      for (size_t i = start; i < end; ++i) {
        const Slot* slot = find(features[i]);
        if (!slot) continue;
        if (slot->length == kDenseRow) __builtin_prefetch(dense_row(slot->begin));
        else __builtin_prefetch(&row_[slot->begin]);
        found[n_found++] = slot;
      }
      const int n = n_classes_;
      for (size_t j = 0; j < n_found; ++j) {
        if (found[j]->length == kDenseRow) {
          const float* w = dense_row(found[j]->begin);
          for (int c = 0; c < n; ++c) scores[c] += w[c];
          continue;
        }
        const ClassWeight* row = row_.data() + found[j]->begin;
        for (uint32_t i = 0; i < found[j]->length; ++i) scores[row[i].cls] += row[i].weight;
      }
    }
    return;
  }
  for (uint64_t f : features) {
    const auto it = training_.find(f);
    if (it == training_.end()) continue;
    for (const TrainingWeight& tw : it->second) scores[tw.cls] += tw.weight;
  }
}

int AveragedPerceptron::predict(std::span<const uint64_t> features, std::span<const bool> allowed) const {
  // Class counts are small (tags, transitions); a stack buffer avoids a heap
  // allocation per prediction.
  constexpr int kMaxStack = 512;
  float stack_scores[kMaxStack];
  std::vector<float> heap_scores;
  float* scores = stack_scores;
  if (n_classes_ > kMaxStack) {
    heap_scores.resize(n_classes_);
    scores = heap_scores.data();
  }
  std::fill(scores, scores + n_classes_, 0.0f);
  add_scores(features, std::span<float>(scores, n_classes_));
  return best_class(std::span<const float>(scores, n_classes_), allowed);
}

int AveragedPerceptron::best_class(std::span<const float> scores, std::span<const bool> allowed) {
  int best = -1;
  for (size_t c = 0; c < scores.size(); ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = static_cast<int>(c);
  }
  return best < 0 ? 0 : best;
}

void AveragedPerceptron::update(std::span<const uint64_t> features, int truth, int guess) {
  ++clock_;
  if (truth == guess) return;
  auto bump = [&](std::vector<TrainingWeight>& row, int cls, float delta) {
    for (TrainingWeight& tw : row) {
      if (static_cast<int>(tw.cls) == cls) {
        tw.total += static_cast<double>(tw.weight) * static_cast<double>(clock_ - tw.stamp);
        tw.stamp = clock_;
        tw.weight += delta;
        return;
      }
    }
    row.push_back({static_cast<uint32_t>(cls), delta, 0.0, clock_});
  };
  for (uint64_t f : features) {
    auto& row = training_[f];
    bump(row, truth, 1.0f);
    bump(row, guess, -1.0f);
  }
}

// Freezes the rows of `keys` (any order): weights_of(key, emit) calls
// emit(class, weight) for the key's row in ascending class order; weights
// below prune_below in magnitude are dropped, and so are rows left empty.
// Keys are sorted first, so the frozen layout, and the saved bytes, do not
// depend on hash-map iteration order.
template <typename WeightsOf>
void AveragedPerceptron::freeze(std::vector<uint64_t> keys, float prune_below, WeightsOf weights_of) {
  std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> kept_keys;
  std::vector<uint32_t> lengths;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  for (uint64_t k : keys) {
    uint32_t kept = 0;
    weights_of(k, [&](uint32_t cls, float w) {
      if (std::fabs(w) < prune_below) return;
      classes.push_back(static_cast<uint16_t>(cls));
      weights.push_back(w);
      ++kept;
    });
    if (kept > 0) {
      kept_keys.push_back(k);
      lengths.push_back(kept);
    }
  }
  build_table(kept_keys, lengths, classes, weights);
}

void AveragedPerceptron::finish_training(float prune_below) {
  std::vector<uint64_t> keys;
  keys.reserve(training_.size());
  for (const auto& [k, row] : training_) keys.push_back(k);
  freeze(std::move(keys), prune_below, [&](uint64_t k, auto emit) {
    auto row = training_[k];
    std::sort(row.begin(), row.end(), [](const TrainingWeight& a, const TrainingWeight& b) { return a.cls < b.cls; });
    for (const TrainingWeight& tw : row) emit(tw.cls, averaged(tw));
  });
  training_.clear();
}

float AveragedPerceptron::averaged(const TrainingWeight& tw) const {
  const double instances = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  const double total = tw.total + static_cast<double>(tw.weight) * static_cast<double>(clock_ - tw.stamp);
  return static_cast<float>(total / instances);
}

AveragedPerceptron AveragedPerceptron::mean_of(std::span<const AveragedPerceptron> models, float prune_below) {
  AveragedPerceptron mean(models.empty() ? 0 : models[0].n_classes_);
  // Per feature, the sum over the models of each class's averaged weight,
  // in the order classes were first met (rows are short for most features).
  std::unordered_map<uint64_t, std::vector<std::pair<uint32_t, double>>> sums;
  for (const AveragedPerceptron& m : models) {
    for (const auto& [k, row] : m.training_) {
      std::vector<std::pair<uint32_t, double>>& sum = sums[k];
      for (const TrainingWeight& tw : row) {
        auto it = std::find_if(sum.begin(), sum.end(), [&](const auto& cw) { return cw.first == tw.cls; });
        if (it == sum.end()) it = sum.insert(sum.end(), {tw.cls, 0.0});
        it->second += m.averaged(tw);
      }
    }
  }
  std::vector<uint64_t> keys;
  keys.reserve(sums.size());
  for (const auto& [k, sum] : sums) keys.push_back(k);
  mean.freeze(std::move(keys), prune_below, [&](uint64_t k, auto emit) {
    std::vector<std::pair<uint32_t, double>>& sum = sums[k];
    std::sort(sum.begin(), sum.end());
    for (const auto& [cls, total] : sum) {
      const float w = static_cast<float>(total / static_cast<double>(models.size()));
      if (w != 0.0f) emit(cls, w);  // classes whose runs cancel out are not stored
    }
  });
  return mean;
}

void AveragedPerceptron::build_table(std::span<const uint64_t> keys, std::span<const uint32_t> lengths,
                                     std::span<const uint16_t> classes, std::span<const float> weights) {
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity *= 2;
  table_.assign(capacity, Slot{0, 0, 0});
  const auto is_dense = [&](uint32_t length) { return size_t{length} * 4 >= static_cast<size_t>(n_classes_); };
  size_t dense_rows = 0, sparse_weights = 0;
  for (uint32_t length : lengths) {
    if (is_dense(length)) ++dense_rows;
    else sparse_weights += length;
  }
  row_.clear();
  row_.reserve(sparse_weights);
  dense_.assign(dense_rows * n_classes_, 0.0f);
  uint32_t next_dense = 0;
  // Home slots are scattered over a table far larger than the cache;
  // prefetching a few keys ahead overlaps their misses.
  constexpr size_t kAhead = 16;
  size_t from = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i + kAhead < keys.size()) __builtin_prefetch(&table_[keys[i + kAhead] & (capacity - 1)], 1);
    Slot slot{keys[i], 0, lengths[i]};
    if (is_dense(lengths[i])) {
      slot.begin = next_dense++;
      slot.length = kDenseRow;
      float* row = &dense_[size_t{slot.begin} * n_classes_];
      for (size_t j = from; j < from + lengths[i]; ++j) row[classes[j]] = weights[j];
    } else {
      slot.begin = static_cast<uint32_t>(row_.size());
      for (size_t j = from; j < from + lengths[i]; ++j) row_.push_back({classes[j], weights[j]});
    }
    from += lengths[i];
    size_t pos = keys[i] & (capacity - 1);
    while (table_[pos].key != 0) pos = (pos + 1) & (capacity - 1);
    table_[pos] = slot;
  }
  frozen_ = true;
}

const AveragedPerceptron::Slot* AveragedPerceptron::find(uint64_t key) const {
  const size_t mask = table_.size() - 1;
  size_t pos = key & mask;
  while (true) {
    const Slot& s = table_[pos];
    if (s.key == key) return &s;
    if (s.key == 0) return nullptr;
    pos = (pos + 1) & mask;
  }
}

size_t AveragedPerceptron::weight_count() const {
  if (frozen_) {
    size_t n = row_.size();
    for (float w : dense_) n += w != 0.0f;
    return n;
  }
  size_t n = 0;
  for (const auto& [k, row] : training_) n += row.size();
  return n;
}

void AveragedPerceptron::save(ModelWriter& out) const {
  // Rows in key order: keys and lengths, then the flat class/weight arrays.
  std::vector<const Slot*> slots;
  for (const Slot& s : table_) {
    if (s.key != 0) slots.push_back(&s);
  }
  std::sort(slots.begin(), slots.end(), [](const Slot* a, const Slot* b) { return a->key < b->key; });
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lengths;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  // A dense row's kept weights are its nonzero ones: training drops every
  // weight below its pruning threshold, and a zero weight scores nothing.
  for (const Slot* s : slots) {
    keys.push_back(s->key);
    const size_t before = classes.size();
    if (s->length == kDenseRow) {
      const float* row = dense_row(s->begin);
      for (int c = 0; c < n_classes_; ++c) {
        if (row[c] == 0.0f) continue;
        classes.push_back(static_cast<uint16_t>(c));
        weights.push_back(row[c]);
      }
    } else {
      for (uint32_t i = s->begin; i < s->begin + s->length; ++i) {
        classes.push_back(static_cast<uint16_t>(row_[i].cls));
        weights.push_back(row_[i].weight);
      }
    }
    lengths.push_back(static_cast<uint32_t>(classes.size() - before));
  }
  out.put<int32_t>(n_classes_);
  out.put_array<uint64_t>(keys);
  out.put_array<uint32_t>(lengths);
  out.put_array<uint16_t>(classes);
  out.put_array<float>(weights);
}

bool AveragedPerceptron::load(ModelReader& in) {
  int32_t n_classes = 0;
  std::vector<uint64_t> keys;
  std::vector<uint32_t> lengths;
  std::vector<uint16_t> classes;
  std::vector<float> weights;
  if (!in.get(&n_classes) || !in.get_array(&keys) || !in.get_array(&lengths) || !in.get_array(&classes) ||
      !in.get_array(&weights)) {
    return false;
  }
  if (keys.size() != lengths.size() || classes.size() != weights.size() || n_classes <= 0) return false;
  uint64_t total = 0;
  for (uint32_t len : lengths) total += len;
  if (total != classes.size()) return false;
  for (uint16_t c : classes) {
    if (c >= n_classes) return false;
  }
  n_classes_ = n_classes;
  training_.clear();
  build_table(keys, lengths, classes, weights);
  return true;
}

}  // namespace kg::nlp

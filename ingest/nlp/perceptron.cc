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
        __builtin_prefetch(classes_.data() + slot->begin);
        __builtin_prefetch(weights_.data() + slot->begin);
        found[n_found++] = slot;
      }
      for (size_t j = 0; j < n_found; ++j) {
        const uint16_t* cls = classes_.data() + found[j]->begin;
        const float* w = weights_.data() + found[j]->begin;
        for (uint32_t i = 0; i < found[j]->length; ++i) scores[cls[i]] += w[i];
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
  int best = -1;
  for (int c = 0; c < n_classes_; ++c) {
    if (!allowed.empty() && !allowed[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
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

void AveragedPerceptron::finish_training(float prune_below) {
  // Sorted keys make the frozen layout, and so the saved bytes, independent
  // of hash-map iteration order.
  std::vector<uint64_t> keys;
  keys.reserve(training_.size());
  for (const auto& [k, row] : training_) keys.push_back(k);
  std::sort(keys.begin(), keys.end());

  std::vector<uint64_t> kept_keys;
  std::vector<uint32_t> lengths;
  classes_.clear();
  weights_.clear();
  const double instances = clock_ == 0 ? 1.0 : static_cast<double>(clock_);
  for (uint64_t k : keys) {
    auto row = training_[k];
    std::sort(row.begin(), row.end(), [](const TrainingWeight& a, const TrainingWeight& b) { return a.cls < b.cls; });
    uint32_t kept = 0;
    for (const TrainingWeight& tw : row) {
      const double total = tw.total + static_cast<double>(tw.weight) * static_cast<double>(clock_ - tw.stamp);
      const float avg = static_cast<float>(total / instances);
      if (std::fabs(avg) < prune_below) continue;
      classes_.push_back(static_cast<uint16_t>(tw.cls));
      weights_.push_back(avg);
      ++kept;
    }
    if (kept > 0) {
      kept_keys.push_back(k);
      lengths.push_back(kept);
    }
  }
  training_.clear();
  build_table(std::move(kept_keys), std::move(lengths));
}

void AveragedPerceptron::build_table(std::vector<uint64_t> keys, std::vector<uint32_t> lengths) {
  size_t capacity = 16;
  while (capacity < keys.size() * 2) capacity *= 2;
  table_.assign(capacity, Slot{0, 0, 0});
  uint32_t begin = 0;
  for (size_t i = 0; i < keys.size(); ++i) {
    size_t pos = keys[i] & (capacity - 1);
    while (table_[pos].key != 0) pos = (pos + 1) & (capacity - 1);
    table_[pos] = Slot{keys[i], begin, lengths[i]};
    begin += lengths[i];
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
  if (frozen_) return weights_.size();
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
  for (const Slot* s : slots) {
    keys.push_back(s->key);
    lengths.push_back(s->length);
    classes.insert(classes.end(), classes_.begin() + s->begin, classes_.begin() + s->begin + s->length);
    weights.insert(weights.end(), weights_.begin() + s->begin, weights_.begin() + s->begin + s->length);
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
  if (!in.get(&n_classes) || !in.get_array(&keys) || !in.get_array(&lengths) || !in.get_array(&classes_) ||
      !in.get_array(&weights_)) {
    return false;
  }
  if (keys.size() != lengths.size() || classes_.size() != weights_.size() || n_classes <= 0) return false;
  uint64_t total = 0;
  for (uint32_t len : lengths) total += len;
  if (total != classes_.size()) return false;
  for (uint16_t c : classes_) {
    if (c >= n_classes) return false;
  }
  n_classes_ = n_classes;
  training_.clear();
  build_table(std::move(keys), std::move(lengths));
  return true;
}

}  // namespace kg::nlp

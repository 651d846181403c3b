#include "ingest/nlp/transition_system.h"

#include <algorithm>

namespace kg::nlp {

void ArcHybridState::reset(int n_words) {
  n_ = n_words;
  buffer_ = 0;
  stack_.clear();
  const size_t slots = static_cast<size_t>(n_words) + 1;  // words and the root
  head_.assign(slots, kNone);
  label_.assign(slots, kNone);
  left1_.assign(slots, kNone);
  left2_.assign(slots, kNone);
  right1_.assign(slots, kNone);
  right2_.assign(slots, kNone);
  left_count_.assign(slots, 0);
  right_count_.assign(slots, 0);
  left_labels_.assign(slots, 0);
  right_labels_.assign(slots, 0);
  on_stack_.assign(slots, 0);
}

void ArcHybridState::add_arc(int head, int dep, int label) {
  head_[dep] = head;
  label_[dep] = label;
  const uint64_t bit = uint64_t{1} << std::min(label, 63);
  // Dependents arrive from the inside out on each side (a head's left
  // dependents are popped nearest first; its right ones too), but keeping
  // the extreme by position keeps this correct whatever the order.
  if (dep < head) {
    ++left_count_[head];
    left_labels_[head] |= bit;
    if (left1_[head] == kNone || dep < left1_[head]) {
      left2_[head] = left1_[head];
      left1_[head] = dep;
    } else if (left2_[head] == kNone || dep < left2_[head]) {
      left2_[head] = dep;
    }
  } else {
    ++right_count_[head];
    right_labels_[head] |= bit;
    if (right1_[head] == kNone || dep > right1_[head]) {
      right2_[head] = right1_[head];
      right1_[head] = dep;
    } else if (right2_[head] == kNone || dep > right2_[head]) {
      right2_[head] = dep;
    }
  }
}

void ArcHybridState::apply(Transition t) {
  switch (t.move) {
    case Move::kShift:
      on_stack_[buffer_] = 1;
      stack_.push_back(buffer_++);
      break;
    case Move::kLeft: {
      const int s0 = stack_.back();
      stack_.pop_back();
      on_stack_[s0] = 0;
      add_arc(buffer_, s0, t.label);
      break;
    }
    case Move::kRight: {
      const int s0 = stack_.back();
      stack_.pop_back();
      on_stack_[s0] = 0;
      add_arc(stack_.back(), s0, t.label);
      break;
    }
  }
}

ArcHybridState::MoveCosts ArcHybridState::costs(std::span<const int> gold_head,
                                                std::span<const int> gold_label) const {
  MoveCosts c;
  const int b0 = buffer_;
  // The buffer is [b0, n]; gold heads equal to n mean the root.
  auto in_buffer = [&](int w) { return w >= b0; };

  if (can_shift()) {
    // b0 on the stack can still get its head from the new s1 (today's s0)
    // or from the buffer, and no dependent from the stack.
    const int h = gold_head[b0];
    if (h != kNone && h < b0 && on_stack_[h] && h != stack(0)) ++c.shift;
    for (int w : stack_) {
      if (gold_head[w] == b0) ++c.shift;
    }
  }
  if (!stack_.empty()) {
    const int s0 = stack(0), s1 = stack(1);
    // Popping s0 loses every gold dependent of s0 still in the buffer.
    int lost_children = 0;
    for (int w = b0; w < n_; ++w) {
      if (gold_head[w] == s0) ++lost_children;
    }
    const int h = gold_head[s0];
    c.gold_label = gold_label[s0];
    c.left_reaches_gold = h == b0;
    c.right_reaches_gold = s1 != kNone && h == s1;
    c.left = lost_children + ((h == s1 && s1 != kNone) || (in_buffer(h) && h != b0) ? 1 : 0);
    c.right = lost_children + (in_buffer(h) ? 1 : 0);
  }
  return c;
}

bool transition_legal(const ArcHybridState& st, int cls, int labels, int root_label) {
  const Transition t = decode_transition(cls, labels);
  if (!st.legal(t.move)) return false;
  if (t.move == Move::kShift) return true;
  const bool to_root = t.move == Move::kLeft && st.buffer(0) == st.root();
  return to_root == (t.label == root_label);
}

int best_legal_transition(const ArcHybridState& st, std::span<const float> scores, int labels, int root_label) {
  if (st.can_left() && st.buffer(0) == st.root()) return 1 + root_label;  // the only legal move
  int best = -1;
  if (st.can_shift()) best = 0;
  auto scan = [&](int first) {
    for (int l = 0; l < labels; ++l) {
      if (l == root_label) continue;
      const int c = first + l;
      if (best < 0 || scores[c] > scores[best]) best = c;
    }
  };
  if (st.can_left()) scan(1);
  if (st.can_right()) scan(1 + labels);
  return best;
}

}  // namespace kg::nlp

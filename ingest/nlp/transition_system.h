// The arc-hybrid transition system (Kuhlmann, Gomez-Rodriguez and Satta
// 2011) with the artificial root at the END of the buffer (Ballesteros and
// Nivre 2013), and its dynamic oracle (Goldberg and Nivre 2013).
//
// Words are 0..n-1; the root is word n. Transitions, for stack top s0, the
// word below it s1 and buffer front b0:
//   SHIFT      push b0                                  (b0 is not the root)
//   LEFT(l)    arc b0 -l-> s0, pop s0                   (if b0 is the root: only when s0 is alone)
//   RIGHT(l)   arc s1 -l-> s0, pop s0                   (needs s1)
// Every word is popped exactly once and gets its head when popped, from a
// word still in the stack or buffer, so no cycle can form; the root takes a
// dependent only when that word is the last one left, so there is exactly
// one root. Hence every terminal configuration is a well-formed tree, and
// from every non-terminal configuration some transition is legal.
//
// Class ids: 0 = SHIFT, 1 + l = LEFT(l), 1 + L + l = RIGHT(l) for L labels.
// The label "root" is reserved for the arc from the root (and is the only
// label that arc may take), so exactly one word is labelled root.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace kg::nlp {

enum class Move : uint8_t { kShift, kLeft, kRight };

struct Transition {
  Move move;
  int label;  // -1 for SHIFT
};

inline int transition_class_count(int labels) { return 1 + 2 * labels; }
inline Transition decode_transition(int cls, int labels) {
  if (cls == 0) return {Move::kShift, -1};
  if (cls <= labels) return {Move::kLeft, cls - 1};
  return {Move::kRight, cls - 1 - labels};
}

// A parser configuration over one sentence, with the bookkeeping the
// feature templates read (children, valencies, label sets) kept up to date
// as arcs are added. Reused across sentences: reset() reallocates nothing
// once the buffers have grown to the longest sentence seen.
class ArcHybridState {
 public:
  static constexpr int kNone = -1;

  void reset(int n_words);

  int size() const { return n_; }             // words, excluding the root
  int root() const { return n_; }
  bool terminal() const { return stack_.empty() && buffer_ == n_; }

  int stack_depth() const { return static_cast<int>(stack_.size()); }
  // i-th word from the top of the stack (0 = top), or kNone.
  int stack(int i) const {
    return i < static_cast<int>(stack_.size()) ? stack_[stack_.size() - 1 - i] : kNone;
  }
  // i-th word of the buffer (0 = front; the root is the last), or kNone.
  int buffer(int i) const { return buffer_ + i <= n_ ? buffer_ + i : kNone; }

  bool can_shift() const { return buffer_ < n_; }
  bool can_left() const { return !stack_.empty() && (buffer_ < n_ || stack_.size() == 1); }
  bool can_right() const { return stack_.size() >= 2; }
  bool legal(Move m) const {
    return m == Move::kShift ? can_shift() : m == Move::kLeft ? can_left() : can_right();
  }

  void apply(Transition t);

  int head(int w) const { return head_[w]; }
  int label(int w) const { return label_[w]; }
  // Children: the leftmost, second leftmost, rightmost and second rightmost
  // dependents of w so far (kNone when absent).
  int leftmost(int w) const { return left1_[w]; }
  int leftmost2(int w) const { return left2_[w]; }
  int rightmost(int w) const { return right1_[w]; }
  int rightmost2(int w) const { return right2_[w]; }
  int left_count(int w) const { return left_count_[w]; }
  int right_count(int w) const { return right_count_[w]; }
  // Bit set of the labels of w's left (right) dependents; labels beyond 63
  // share the top bit.
  uint64_t left_labels(int w) const { return left_labels_[w]; }
  uint64_t right_labels(int w) const { return right_labels_[w]; }

  // Dynamic oracle: how many gold arcs become unreachable by taking `t`
  // (labels count: an arc to the gold head with the wrong label costs 1).
  // `gold_head[w]` is in [0, n] (n = root) and `gold_label[w]` its label.
  // Exact for projective gold trees; for non-projective ones it counts the
  // gold arcs still attachable in principle, and training follows the
  // cheapest transitions.
  struct MoveCosts {
    int shift = 0, left = 0, right = 0;  // unlabeled part; only meaningful for legal moves
    int gold_label = -1;                 // label of s0's gold arc
    bool left_reaches_gold = false;      // LEFT would attach s0 to its gold head
    bool right_reaches_gold = false;     // RIGHT would attach s0 to its gold head
    int cost(Transition t) const {
      switch (t.move) {
        case Move::kShift: return shift;
        case Move::kLeft: return left + (left_reaches_gold && t.label != gold_label ? 1 : 0);
        case Move::kRight: return right + (right_reaches_gold && t.label != gold_label ? 1 : 0);
      }
      return 0;
    }
  };
  MoveCosts costs(std::span<const int> gold_head, std::span<const int> gold_label) const;

 private:
  void add_arc(int head, int dep, int label);

  int n_ = 0;
  int buffer_ = 0;  // index of the buffer front; the buffer is [buffer_, n_]
  std::vector<int> stack_;
  std::vector<int> head_, label_, left1_, left2_, right1_, right2_, left_count_, right_count_;
  std::vector<uint64_t> left_labels_, right_labels_;
  std::vector<uint8_t> on_stack_;
};

// Whether class `cls` is legal in `st`, with `labels` labels of which
// `root_label` is the reserved "root".
bool transition_legal(const ArcHybridState& st, int cls, int labels, int root_label);

// The legal class with the highest score (ties to the lowest id). Some
// class is always legal in a non-terminal state.
int best_legal_transition(const ArcHybridState& st, std::span<const float> scores, int labels, int root_label);

}  // namespace kg::nlp

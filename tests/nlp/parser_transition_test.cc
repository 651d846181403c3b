// The arc-hybrid system and its dynamic oracle, without any trained model.
#include <gtest/gtest.h>

#include <vector>

#include "ingest/nlp/transition_system.h"

namespace kg::nlp {
namespace {

constexpr int kLabels = 6;
constexpr int kRoot = 0;  // label id reserved for the root arc

// True when heads/labels in `st` (terminal) form one tree over n words:
// every word has a head in [0, n], exactly one hangs from the root (n) and
// with the root label, and following heads from any word reaches the root.
::testing::AssertionResult is_tree(const ArcHybridState& st) {
  const int n = st.size();
  int roots = 0;
  for (int w = 0; w < n; ++w) {
    const int h = st.head(w);
    if (h < 0 || h > n || h == w) return ::testing::AssertionFailure() << "word " << w << " has head " << h;
    if (h == n) {
      ++roots;
      if (st.label(w) != kRoot) return ::testing::AssertionFailure() << "root arc without the root label";
    } else if (st.label(w) == kRoot) {
      return ::testing::AssertionFailure() << "root label on a non-root arc";
    }
    int x = w, steps = 0;
    while (x != n && steps <= n) {
      x = st.head(x);
      ++steps;
    }
    if (x != n) return ::testing::AssertionFailure() << "cycle through word " << w;
  }
  if (roots != 1) return ::testing::AssertionFailure() << roots << " roots";
  return ::testing::AssertionSuccess();
}

// Runs the oracle: always the first legal class of minimum cost. Returns
// the summed cost of the transitions taken.
int run_oracle(ArcHybridState& st, const std::vector<int>& gold_head, const std::vector<int>& gold_label) {
  st.reset(static_cast<int>(gold_head.size()));
  int total = 0;
  while (!st.terminal()) {
    const ArcHybridState::MoveCosts costs = st.costs(gold_head, gold_label);
    int best = -1, best_cost = 1 << 30;
    for (int c = 0; c < transition_class_count(kLabels); ++c) {
      if (!transition_legal(st, c, kLabels, kRoot)) continue;
      const int cost = costs.cost(decode_transition(c, kLabels));
      if (cost < best_cost) {
        best = c;
        best_cost = cost;
      }
    }
    EXPECT_GE(best, 0) << "no legal transition in a non-terminal state";
    if (best < 0) break;
    total += best_cost;
    st.apply(decode_transition(best, kLabels));
  }
  return total;
}

TEST(ArcHybridOracle, ReproducesProjectiveGoldTreeAtZeroCost) {
  // She gave him a book yesterday .   (root = 7)
  const std::vector<int> head = {1, 7, 1, 4, 1, 1, 1};
  const std::vector<int> label = {1, kRoot, 2, 3, 4, 5, 5};
  ArcHybridState st;
  EXPECT_EQ(run_oracle(st, head, label), 0);
  for (size_t w = 0; w < head.size(); ++w) {
    EXPECT_EQ(st.head(static_cast<int>(w)), head[w]) << "word " << w;
    EXPECT_EQ(st.label(static_cast<int>(w)), label[w]) << "word " << w;
  }
  EXPECT_TRUE(is_tree(st));
}

TEST(ArcHybridOracle, RightBranchingAndNestedTrees) {
  // A chain where each word heads the next, and a centre-embedded tree.
  const std::vector<int> chain = {6, 0, 1, 2, 3, 4};
  const std::vector<int> nested = {3, 2, 3, 8, 3, 6, 4, 3};
  for (const auto& head : {chain, nested}) {
    std::vector<int> label(head.size(), 1);
    for (size_t w = 0; w < head.size(); ++w) {
      if (head[w] == static_cast<int>(head.size())) label[w] = kRoot;
    }
    ArcHybridState st;
    EXPECT_EQ(run_oracle(st, head, label), 0);
    for (size_t w = 0; w < head.size(); ++w) EXPECT_EQ(st.head(static_cast<int>(w)), head[w]);
  }
}

TEST(ArcHybridOracle, CountsWrongLabelAsCost) {
  // Two words: 0 <- 1 (label 2), 1 is the root. From the state after SHIFT,
  // LEFT(2) is free and LEFT(3) costs exactly the label.
  const std::vector<int> head = {1, 2};
  const std::vector<int> label = {2, kRoot};
  ArcHybridState st;
  st.reset(2);
  st.apply({Move::kShift, -1});
  const auto costs = st.costs(head, label);
  EXPECT_EQ(costs.cost({Move::kLeft, 2}), 0);
  EXPECT_EQ(costs.cost({Move::kLeft, 3}), 1);
  // SHIFT now loses the arc 0 <- 1 (word 0 stays on the stack under 1).
  EXPECT_EQ(costs.cost({Move::kShift, -1}), 1);
}

TEST(ArcHybridOracle, NonProjectiveGoldStillEndsInATree) {
  // Crossing arcs: 0 -> 2 and 1 -> 3.
  const std::vector<int> head = {4, 3, 0, 0};
  const std::vector<int> label = {kRoot, 1, 2, 3};
  ArcHybridState st;
  const int cost = run_oracle(st, head, label);
  EXPECT_GE(cost, 1);  // not every arc is reachable
  EXPECT_LE(cost, 2);
  EXPECT_TRUE(is_tree(st));
}

TEST(ArcHybridState, EveryLegalSequenceEndsInATree) {
  uint64_t rng = 12345;
  auto next = [&rng] {
    rng = rng * 6364136223846793005ull + 1442695040888963407ull;
    return rng >> 33;
  };
  ArcHybridState st;
  std::vector<int> legal;
  for (int n = 1; n <= 25; ++n) {
    for (int run = 0; run < 200; ++run) {
      st.reset(n);
      int steps = 0;
      while (!st.terminal()) {
        legal.clear();
        for (int c = 0; c < transition_class_count(kLabels); ++c) {
          if (transition_legal(st, c, kLabels, kRoot)) legal.push_back(c);
        }
        ASSERT_FALSE(legal.empty()) << "stuck at n=" << n;
        st.apply(decode_transition(legal[next() % legal.size()], kLabels));
        ASSERT_LE(++steps, 2 * n) << "more than 2n transitions";
      }
      ASSERT_EQ(steps, 2 * n);
      ASSERT_TRUE(is_tree(st)) << "n=" << n << " run=" << run;
    }
  }
}

TEST(ArcHybridState, BestLegalTransitionIgnoresHigherScoringIllegalOnes) {
  ArcHybridState st;
  st.reset(3);
  std::vector<float> scores(transition_class_count(kLabels), 0.0f);
  // Empty stack: only SHIFT is legal, however LEFT and RIGHT score.
  scores[1 + 3] = 10.0f;
  scores[1 + kLabels + 2] = 20.0f;
  EXPECT_EQ(best_legal_transition(st, scores, kLabels, kRoot), 0);
  st.apply({Move::kShift, -1});
  // One word on the stack: RIGHT is illegal, LEFT(3) wins over SHIFT.
  EXPECT_EQ(best_legal_transition(st, scores, kLabels, kRoot), 1 + 3);
  // The root label is never chosen for an arc between words.
  scores[1 + kRoot] = 100.0f;
  EXPECT_EQ(best_legal_transition(st, scores, kLabels, kRoot), 1 + 3);
}

}  // namespace
}  // namespace kg::nlp

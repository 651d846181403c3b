#include "ingest/nlp/parser_features.h"

#include <algorithm>

#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

// Values of positions that do not exist (empty stack slot, no dependent)
// and of the artificial root; distinct from any FNV hash in practice.
constexpr uint64_t kAbsentWord = 0xA5A5A5A5A5A5A5A5ull;
constexpr uint64_t kAbsentTag = 0x5A5A5A5A5A5A5A5Aull;
constexpr uint64_t kRootWord = 0xC3C3C3C3C3C3C3C3ull;
constexpr uint64_t kRootTag = 0x3C3C3C3C3C3C3C3Cull;
// Coarse tags are this plus the UPos value.
constexpr uint64_t kCoarseTagBase = 0x7E00;
// Cluster values are ClusterPath keys, whose low byte is the path length
// (1..56); these have other low bytes, so they meet no real path.
constexpr uint64_t kUnknownCluster = 0xF0;
constexpr uint64_t kAbsentCluster = 0xF1;
constexpr uint64_t kRootCluster = 0xF2;

// Digits are folded to '0' so that numbers share statistics ("1984" and
// "2021" look alike to the parser, as they should).
uint64_t word_value(std::string_view form) {
  uint64_t h = 0xCBF29CE484222325ull;
  for (char c : form) {
    const char folded = is_ascii_digit(c) ? '0' : ascii_lower(c);
    h = (h ^ static_cast<unsigned char>(folded)) * 0x100000001B3ull;
  }
  return h;
}

uint64_t distance_bucket(int d) { return d <= 4 ? d : d <= 7 ? 5 : d <= 12 ? 6 : 7; }
uint64_t count_bucket(int c) { return std::min(c, 4); }

struct Position {
  uint64_t w = kAbsentWord;
  uint64_t p = kAbsentTag;
  uint64_t l = 0;  // arc label + 1, 0 for none
};

// Feature sink: each call to add() is the next template, so template ids
// follow the order of the calls below.
class Templates {
 public:
  Templates(uint64_t* out, bool full) : out_(out), full_(full) {}
  template <typename... V>
  void core(V... values) {
    FeatureKey k(next_id_++);
    (k.add(static_cast<uint64_t>(values)), ...);
    out_[count_++] = k.key();
  }
  template <typename... V>
  void extra(V... values) {
    if (full_) {
      core(values...);
    } else {
      ++next_id_;
    }
  }
  int count() const { return count_; }

 private:
  uint64_t* out_;
  bool full_;
  int count_ = 0;
  uint32_t next_id_ = 1;
};

}  // namespace

void SentenceAtoms::assign(std::span<const Word> words, const WordClusters* clusters) {
  const size_t n = words.size();
  word_.resize(n + 1);
  tag_.resize(n + 1);
  coarse_.resize(n + 1);
  cluster_.resize(3 * (n + 1));
  for (size_t i = 0; i < n; ++i) {
    word_[i] = word_value(words[i].form);
    tag_[i] = words[i].xpos.empty() ? hash_bytes(upos_name(words[i].upos)) : hash_bytes(words[i].xpos);
    coarse_[i] = kCoarseTagBase + static_cast<uint64_t>(words[i].upos);
    const ClusterPath path = clusters ? clusters->path(words[i].form) : ClusterPath::none();
    for (int k = 0; k < 3; ++k) {
      cluster_[3 * i + k] = path.known() ? path.prefix(kClusterPrefixes[k]).key() : kUnknownCluster;
    }
  }
  word_[n] = kRootWord;
  tag_[n] = kRootTag;
  coarse_[n] = kRootTag;
  for (int k = 0; k < 3; ++k) cluster_[3 * n + k] = kRootCluster;
}

int extract_parser_features(const ArcHybridState& st, const SentenceAtoms& atoms, ParserFeatureSet set,
                            bool clusters, uint64_t* out) {
  constexpr int kNone = ArcHybridState::kNone;
  auto at = [&](int i) {
    Position p;
    if (i == kNone) return p;
    p.w = atoms.word(i);
    p.p = atoms.tag(i);
    p.l = static_cast<uint64_t>(st.label(i) + 1);
    return p;
  };
  const int is0 = st.stack(0), is1 = st.stack(1), ib0 = st.buffer(0);
  const Position s0 = at(is0), s1 = at(is1), s2 = at(st.stack(2));
  const Position b0 = at(ib0), b1 = at(st.buffer(1)), b2 = at(st.buffer(2));
  auto child = [&](int head, int (ArcHybridState::*which)(int) const) {
    return head == kNone ? Position() : at((st.*which)(head));
  };
  const Position s0l = child(is0, &ArcHybridState::leftmost), s0l2 = child(is0, &ArcHybridState::leftmost2);
  const Position s0r = child(is0, &ArcHybridState::rightmost), s0r2 = child(is0, &ArcHybridState::rightmost2);
  const Position s1l = child(is1, &ArcHybridState::leftmost), s1r = child(is1, &ArcHybridState::rightmost);
  const Position s1r2 = child(is1, &ArcHybridState::rightmost2);
  const Position b0l = child(ib0, &ArcHybridState::leftmost), b0l2 = child(ib0, &ArcHybridState::leftmost2);

  // Distances; the root is far from everything (its own bucket).
  const bool b0_root = ib0 == st.root();
  const uint64_t d_s0b0 = is0 == kNone ? 0 : b0_root ? 8 : distance_bucket(ib0 - is0);
  const uint64_t d_s1s0 = is1 == kNone ? 0 : distance_bucket(is0 - is1);
  auto vl = [&](int i) { return i == kNone ? uint64_t{9} : count_bucket(st.left_count(i)); };
  auto vr = [&](int i) { return i == kNone ? uint64_t{9} : count_bucket(st.right_count(i)); };
  auto sl = [&](int i) { return i == kNone ? uint64_t{0} : st.left_labels(i); };
  auto sr = [&](int i) { return i == kNone ? uint64_t{0} : st.right_labels(i); };

  // t.core: in both feature sets; t.extra: only in the full set. Ids are
  // assigned in call order whether or not a template is emitted, so a
  // template keeps its id in both sets.
  Templates t(out, set == ParserFeatureSet::kFull);
  t.core();  // bias
  // Single positions.
  t.core(s0.w, s0.p); t.core(s0.w); t.core(s0.p);
  t.core(s1.w, s1.p); t.core(s1.w); t.core(s1.p);
  t.core(b0.w, b0.p); t.core(b0.w); t.core(b0.p);
  t.core(b1.w, b1.p); t.core(b1.w); t.core(b1.p);
  t.extra(b2.w, b2.p); t.extra(b2.w); t.core(b2.p);
  t.extra(s2.w, s2.p); t.core(s2.p);
  // Pairs s0-b0 (LEFT arcs) and s1-s0 (RIGHT arcs).
  t.core(s0.w, s0.p, b0.w, b0.p); t.core(s0.w, s0.p, b0.w); t.core(s0.w, b0.w, b0.p);
  t.core(s0.w, s0.p, b0.p); t.core(s0.p, b0.w, b0.p); t.core(s0.w, b0.w); t.core(s0.p, b0.p);
  t.core(b0.p, b1.p); t.extra(b0.w, b1.w);
  t.core(s1.w, s1.p, s0.w, s0.p); t.core(s1.w, s1.p, s0.w); t.core(s1.w, s0.w, s0.p);
  t.core(s1.w, s1.p, s0.p); t.core(s1.p, s0.w, s0.p); t.core(s1.w, s0.w); t.core(s1.p, s0.p);
  t.core(s1.p, b0.p); t.extra(s1.w, b0.w);
  // Triples of tags.
  t.core(b0.p, b1.p, b2.p); t.core(s0.p, b0.p, b1.p); t.core(s1.p, s0.p, b0.p); t.core(s2.p, s1.p, s0.p);
  t.core(s0.p, s0l.p, b0.p); t.core(s0.p, s0r.p, b0.p); t.core(s0.p, b0.p, b0l.p);
  t.core(s1.p, s0.p, s0l.p); t.core(s1.p, s0.p, s0r.p); t.core(s1.p, s1r.p, s0.p); t.extra(s1.p, s1l.p, s0.p);
  t.extra(s0.w, b0.p, b1.p); t.extra(s0.p, b0.w, b1.p); t.extra(s1.p, s0.w, b0.p);
  // Distance.
  t.core(s0.w, d_s0b0); t.core(s0.p, d_s0b0); t.core(b0.w, d_s0b0); t.core(b0.p, d_s0b0);
  t.core(s0.w, b0.w, d_s0b0); t.core(s0.p, b0.p, d_s0b0);
  t.extra(s1.w, d_s1s0); t.core(s1.p, d_s1s0); t.extra(s0.w, d_s1s0); t.core(s0.p, d_s1s0);
  t.extra(s1.w, s0.w, d_s1s0); t.core(s1.p, s0.p, d_s1s0);
  // Valency.
  t.extra(s0.w, vl(is0)); t.core(s0.p, vl(is0)); t.extra(s0.w, vr(is0)); t.core(s0.p, vr(is0));
  t.extra(s1.w, vl(is1)); t.core(s1.p, vl(is1)); t.extra(s1.w, vr(is1)); t.core(s1.p, vr(is1));
  t.extra(b0.w, vl(ib0)); t.core(b0.p, vl(ib0));
  // Dependents.
  t.extra(s0l.w); t.core(s0l.p); t.core(s0l.l);
  t.extra(s0r.w); t.core(s0r.p); t.core(s0r.l);
  t.extra(s1l.w); t.extra(s1l.p); t.core(s1l.l);
  t.extra(s1r.w); t.core(s1r.p); t.core(s1r.l);
  t.extra(b0l.w); t.core(b0l.p); t.core(b0l.l);
  t.extra(s0l2.w); t.extra(s0l2.p); t.extra(s0l2.l);
  t.extra(s0r2.w); t.extra(s0r2.p); t.extra(s0r2.l);
  t.extra(b0l2.w); t.extra(b0l2.p); t.extra(b0l2.l);
  t.extra(s0.p, s0l.p, s0l2.p); t.extra(s0.p, s0r.p, s0r2.p); t.extra(b0.p, b0l.p, b0l2.p);
  t.extra(s1.p, s1r.p, s1r2.p);
  t.core(s0.p, s0l.l, s0r.l); t.core(s1.p, s1l.l, s1r.l);
  // Label sets.
  t.extra(s0.w, sl(is0)); t.core(s0.p, sl(is0)); t.extra(s0.w, sr(is0)); t.core(s0.p, sr(is0));
  t.extra(s1.w, sl(is1)); t.extra(s1.p, sl(is1)); t.extra(s1.w, sr(is1)); t.core(s1.p, sr(is1));
  t.extra(b0.w, sl(ib0)); t.core(b0.p, sl(ib0));
  // Clusters: the last templates, so the ones above keep their ids.
  if (clusters) {
    auto c = [&](int i, int k) { return i == kNone ? kAbsentCluster : atoms.cluster(i, k); };
    const int ib1 = st.buffer(1);
    for (int k = 0; k < 3; ++k) {
      t.core(c(is0, k)); t.core(c(ib0, k)); t.core(c(is1, k));
    }
    t.core(c(ib1, 0)); t.core(c(ib1, 2));
    t.core(c(is0, 0), c(ib0, 0)); t.core(c(is0, 1), c(ib0, 1)); t.core(c(is0, 2), b0.p); t.core(s0.p, c(ib0, 2));
    t.core(c(is1, 0), c(is0, 0)); t.core(c(is1, 1), c(is0, 1)); t.core(c(is1, 2), s0.p); t.core(s1.p, c(is0, 2));
    t.core(c(is0, 0), c(ib0, 0), d_s0b0); t.core(c(is1, 0), c(is0, 0), d_s1s0);
    t.core(c(is0, 1), b0.p, b1.p); t.core(s1.p, c(is0, 1), b0.p); t.core(s0.p, c(ib0, 1), b1.p);
  }
  // Coarse tags: after the cluster templates, so the ones above keep their ids.
  if (set == ParserFeatureSet::kCompactCoarse) {
    auto u = [&](int i) { return i == kNone ? kAbsentTag : atoms.coarse_tag(i); };
    const uint64_t us0 = u(is0), us1 = u(is1), ub0 = u(ib0), ub1 = u(st.buffer(1));
    t.core(us0); t.core(us1); t.core(ub0); t.core(ub1);
    t.core(s0.w, us0); t.core(b0.w, ub0);
    t.core(us0, ub0); t.core(us1, us0); t.core(ub0, ub1); t.core(us1, ub0);
    t.core(s0.w, ub0); t.core(us0, b0.w); t.core(s1.w, us0); t.core(us1, s0.w);
    t.core(us0, ub0, ub1); t.core(us1, us0, ub0);
    t.core(us0, ub0, d_s0b0); t.core(us1, us0, d_s1s0);
    t.core(us0, s0l.l, s0r.l); t.core(ub0, b0l.l);
    t.core(us0, sl(is0)); t.core(us0, sr(is0)); t.core(us1, sr(is1));
  }
  return t.count();
}

}  // namespace kg::nlp

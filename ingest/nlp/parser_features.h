// Feature templates of the dependency parser: the Zhang and Nivre (2011)
// family, adapted to arc-hybrid, where arcs join s0 to b0 or s1 (so s1 and
// the children of s1 take the place of arc-eager's s0 head features).
//
// Positions: s0 s1 s2 on the stack, b0 b1 b2 in the buffer, and the
// leftmost/rightmost (and second) dependents of s0, s1 and b0. Each position
// contributes its word (lowercased form), tag (XPOS) and, for dependents,
// arc label; combined with distance, valency and label sets. With word
// clusters (word_clusters.h), s0 s1 b0 b1 also contribute prefixes of
// their cluster paths (Koo, Carreras and Collins 2008): coarse word classes
// that reach words too rare in the treebank to have weights of their own.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/transition_system.h"
#include "ingest/nlp/word_clusters.h"

namespace kg::nlp {

inline constexpr int kMaxParserFeatures = 160;

// Which templates to use: kFull is the whole family; kCompact keeps the
// templates over tags, the s0/s1/b0/b1 words and their pairs, distance, and
// labels of the nearest dependents (fewer lookups per transition: faster
// parsing and a smaller model, for some accuracy). kCompactCoarse adds to
// kCompact templates over the coarse tag (UPOS) of s0 s1 b0 b1, a backoff
// that shares statistics between XPOS (VBD/VBN/VBZ are all VERB). On EWT
// dev it helped the words tagged right (UAS 86.07 -> 86.43) rather than
// those tagged wrong (56.55 -> 56.14); jackknifed training tags are what
// helps those (-> 59.92).
enum class ParserFeatureSet : uint8_t { kFull = 0, kCompact = 1, kCompactCoarse = 2 };
inline constexpr uint8_t kLastParserFeatureSet = 2;

// Per-word values the templates combine, computed once per sentence.
// Index n is the artificial root.
class SentenceAtoms {
 public:
  // Cluster prefix lengths, coarse to fine; the last is the whole path.
  static constexpr int kClusterPrefixes[3] = {4, 6, ClusterPath::kMaxLength};

  // `clusters` may be null (no cluster values: cluster(i, k) is the same
  // for every word).
  void assign(std::span<const Word> words, const WordClusters* clusters = nullptr);
  uint64_t word(int i) const { return word_[i]; }
  uint64_t tag(int i) const { return tag_[i]; }
  uint64_t coarse_tag(int i) const { return coarse_[i]; }
  // Prefix k (of kClusterPrefixes) of word i's cluster path.
  uint64_t cluster(int i, int k) const { return cluster_[3 * static_cast<size_t>(i) + k]; }

 private:
  std::vector<uint64_t> word_, tag_, coarse_, cluster_;
};

// Writes the features of `state` into `out` (kMaxParserFeatures entries)
// and returns how many there are.
// `clusters` adds the cluster templates (atoms assigned with clusters).
int extract_parser_features(const ArcHybridState& state, const SentenceAtoms& atoms, ParserFeatureSet set,
                            bool clusters, uint64_t* out);

}  // namespace kg::nlp

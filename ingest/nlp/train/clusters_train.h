// Brown clustering (Brown et al. 1992) with the windowed algorithm of
// Liang (2005): words enter in frequency order into a window of C active
// clusters; after each entry the pair whose merge loses the least average
// mutual information between adjacent clusters is merged. Once every word
// is in, the C clusters are merged down to one, and that merge tree gives
// each cluster (and all its words) its bit path (nlp::WordClusters).
//
// Deterministic: words are ordered by (count desc, form asc), ties between
// equal losses go to the first pair in slot order, and no hash-table order
// reaches the output.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/string_table.h"
#include "ingest/nlp/word_clusters.h"

namespace kg::train {

struct BrownOptions {
  int clusters = 256;  // C: active clusters, and leaves of the path tree
  int min_count = 3;   // rarer words get no cluster
};

// Unlabeled text as sentences of tokens; words are stored digit-normalized
// (nlp::WordClusters::normalize_digits) as the lookup expects.
class ClusterCorpus {
 public:
  void add_sentence(std::span<const std::string_view> tokens);
  size_t token_count() const { return token_count_; }

 private:
  friend nlp::WordClusters brown_clusters(const ClusterCorpus&, const BrownOptions&,
                                          const std::function<void(std::string_view)>&);
  static constexpr uint32_t kSentenceBreak = UINT32_MAX;

  nlp::StringMap<uint32_t> ids_;    // only for lookups; ids follow first appearance
  std::vector<std::string> forms_;  // by id
  std::vector<uint32_t> stream_;    // word ids, kSentenceBreak between sentences
  size_t token_count_ = 0;
};

nlp::WordClusters brown_clusters(const ClusterCorpus& corpus, const BrownOptions& options,
                                 const std::function<void(std::string_view)>& log = [](std::string_view) {});

}  // namespace kg::train

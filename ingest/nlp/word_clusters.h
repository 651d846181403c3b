// Brown word clusters: each known word carries the bit path of its cluster
// in a binary merge tree (Brown et al. 1992), so words that occur in similar
// contexts share long path prefixes. Taggers, parsers and recognizers use
// prefixes of a few lengths (4, 6, 10, 20) as features: short prefixes are
// coarse classes (roughly parts of speech), long ones near-synonyms.
//
// Lookup policy (the trainer stores words the same way, see normalize_digits):
//   1. every ASCII digit becomes '0' ("1999" and "2004" look up "0000");
//   2. the form is looked up as written (case kept: "May" and "may" differ);
//   3. on a miss, its ASCII-lowercased form is looked up ("The" -> "the").
// Words longer than kMaxLookupBytes only take step 2 on their raw bytes.
// Anything else is unknown and gets ClusterPath::none().
//
// A loaded WordClusters is immutable; path() is thread-safe and allocates
// nothing (normalization happens in a stack buffer; the map takes
// std::string_view keys).
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

class ModelWriter;
class ModelReader;

inline constexpr std::string_view kClustersModelFile = "clusters.kgm";
inline constexpr std::string_view kClustersModelKind = "clusters";
inline constexpr uint32_t kClustersModelVersion = 1;

// A bit path from the root of the cluster tree: the `length` low bits of
// `bits`, the first branch (from the root) the most significant of them.
// Known words have length >= 1; length 0 means "unknown word" (none()).
struct ClusterPath {
  static constexpr int kMaxLength = 56;  // longer paths are cut (finest splits lost)

  uint64_t bits = 0;
  uint8_t length = 0;

  static constexpr ClusterPath none() { return {}; }
  bool known() const { return length != 0; }

  // The first `n` >= 1 branches (the whole path when it is shorter; none
  // stays none). Two words share a cluster at depth n when their prefix(n)
  // agree.
  ClusterPath prefix(int n) const {
    if (n >= length) return *this;
    if (n <= 0) return none();
    return {bits >> (length - n), static_cast<uint8_t>(n)};
  }
  // Number of leading branches two paths have in common (0 when either is none).
  int common_prefix(ClusterPath other) const;

  // One 64-bit value per distinct path, distinct from none(): a feature key.
  uint64_t key() const { return (bits << 8) | length; }
  // "0110..." (empty for none): for logs and tests.
  std::string to_string() const;

  friend bool operator==(ClusterPath, ClusterPath) = default;
};

class WordClusters {
 public:
  static constexpr size_t kMaxLookupBytes = 64;

  WordClusters() = default;
  // `words` (already digit-normalized) and their paths, same length, no
  // duplicates. The model stores the words in the order given.
  WordClusters(std::vector<std::string> words, std::vector<ClusterPath> paths);

  // The path of `word` under the lookup policy above; none() when unknown.
  ClusterPath path(std::string_view word) const;

  size_t size() const { return words_.size(); }
  std::span<const std::string> words() const { return words_; }
  std::span<const ClusterPath> paths() const { return paths_; }

  // Model payload; load returns false on a short or inconsistent payload.
  void save(ModelWriter& out) const;
  bool load(ModelReader& in);
  // Whole files (kind kClustersModelKind, version kClustersModelVersion).
  // Errors name the file.
  static Result<WordClusters> load_file(const std::string& path);
  Status save_file(const std::string& path) const;

  // `word` with every ASCII digit replaced by '0', written into `buf` when
  // it has a digit (a view of `word` itself otherwise). Returns an empty
  // view when a rewrite is needed but `word` does not fit in `buf`.
  static std::string_view normalize_digits(std::string_view word, std::span<char> buf);

 private:
  void index();  // builds by_word_ from words_/paths_

  std::vector<std::string> words_;
  std::vector<ClusterPath> paths_;
  StringMap<ClusterPath> by_word_;
};

}  // namespace kg::nlp

// Private to the ingest pipeline: finds articles that are the same text with
// small edits (a new title, a corrected figure, a sentence added) by MinHash
// over word 5-shingles of the lowercased text, with locality-sensitive
// banding so that each article is compared with a few candidates only.
//
// The resemblance of two texts is the Jaccard index of their shingle sets;
// MinHash estimates it as the share of signature slots that agree. Two
// texts are near-duplicates when that estimate is at least kThreshold.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kg::ingest {

class NearDuplicateIndex {
 public:
  static constexpr size_t kSignatureSize = 64;  // slots; the estimate's error is about 0.04 at 0.9
  static constexpr size_t kBands = 16;          // of 4 slots: texts at 0.9 share a band with p > 0.99
  static constexpr double kThreshold = 0.9;
  // Texts with fewer shingles are left to the exact content hash: in a few
  // words, one changed word is no small edit.
  static constexpr size_t kMinShingles = 8;

  using Signature = std::array<uint64_t, kSignatureSize>;

  // The number given to the earliest text added before whose resemblance to
  // `text` is at least kThreshold; nullopt when there is none, and then
  // `text` is added under `number`.
  std::optional<size_t> find_or_add(std::string_view text, size_t number);

  // The signature of `text`, or nullopt when it has under kMinShingles shingles.
  static std::optional<Signature> signature(std::string_view text);
  // The share of slots where `a` and `b` agree: the estimated resemblance.
  static double resemblance(const Signature& a, const Signature& b);

 private:
  struct Entry {
    size_t number;
    Signature signature;
  };
  std::vector<Entry> entries_;
  // Per band, the hash of its slots -> entries_ indexes.
  std::array<std::unordered_map<uint64_t, std::vector<size_t>>, kBands> buckets_;
};

}  // namespace kg::ingest

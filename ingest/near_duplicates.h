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
  // What is kept of each text added, in insertion order. The slots are
  // folded to 32 bits (two slots that differ agree after folding with
  // probability 2^-32) and the band keys live in one open-addressing table,
  // so a text costs about 0.7 KB, not the 2 KB of a full signature and
  // sixteen hash-map nodes: the index grows with every article of a run.
  using Folded = std::array<uint32_t, kSignatureSize>;
  struct BandSlot {
    uint64_t key = 0;
    uint32_t entry = 0;  // entries index + 1; 0 = empty
  };
  static Folded fold(const Signature& sig);
  static double resemblance(const Folded& a, const Folded& b);
  void insert_band_key(uint64_t key, uint32_t entry);
  void grow();

  std::vector<size_t> numbers_;  // per entry
  std::vector<Folded> folded_;   // per entry
  std::vector<BandSlot> table_;  // size a power of two, at most half full
  size_t used_ = 0;
};

}  // namespace kg::ingest

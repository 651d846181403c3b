#include "ingest/near_duplicates.h"

#include <algorithm>
#include <limits>

namespace kg::ingest {
namespace {

constexpr size_t kShingleWords = 5;
constexpr size_t kRowsPerBand = NearDuplicateIndex::kSignatureSize / NearDuplicateIndex::kBands;
static_assert(kRowsPerBand * NearDuplicateIndex::kBands == NearDuplicateIndex::kSignatureSize);

// 64-bit FNV-1a: a fixed function, so signatures are the same in every run.
constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

uint64_t fnv1a(uint64_t h, uint8_t byte) { return (h ^ byte) * kFnvPrime; }

// splitmix64's finaliser: spreads the bits of a shingle hash before the
// per-slot affine maps, and makes their coefficients from the slot number.
uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

// A word is a run of ASCII letters and digits, or of non-ASCII bytes (so
// "Élysée" is one word); everything else separates words. Letters are
// lowercased, so that a changed capital is not a changed shingle.
std::vector<uint64_t> word_hashes(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t h = kFnvOffset;
  bool in_word = false;
  for (const char c : text) {
    const auto byte = static_cast<uint8_t>(c);
    const bool word_byte = (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
                           (byte >= 'A' && byte <= 'Z') || byte >= 0x80;
    if (word_byte) {
      h = fnv1a(h, (byte >= 'A' && byte <= 'Z') ? byte + ('a' - 'A') : byte);
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      h = kFnvOffset;
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  return words;
}

}  // namespace

std::optional<NearDuplicateIndex::Signature> NearDuplicateIndex::signature(std::string_view text) {
  const std::vector<uint64_t> words = word_hashes(text);
  if (words.size() < kShingleWords + kMinShingles - 1) return std::nullopt;
  // Slot i is the minimum of a_i * s + b_i over the shingle hashes s: one
  // multiply-add per slot and shingle, with a_i odd so the map is a bijection.
  std::array<uint64_t, kSignatureSize> a, b;
  for (size_t i = 0; i < kSignatureSize; ++i) {
    a[i] = mix(2 * i) | 1;
    b[i] = mix(2 * i + 1);
  }
  Signature sig;
  sig.fill(std::numeric_limits<uint64_t>::max());
  for (size_t start = 0; start + kShingleWords <= words.size(); ++start) {
    uint64_t shingle = kFnvOffset;
    for (size_t w = start; w < start + kShingleWords; ++w) shingle = mix(shingle ^ words[w]);
    for (size_t i = 0; i < kSignatureSize; ++i) sig[i] = std::min(sig[i], a[i] * shingle + b[i]);
  }
  return sig;
}

double NearDuplicateIndex::resemblance(const Signature& a, const Signature& b) {
  size_t same = 0;
  for (size_t i = 0; i < kSignatureSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kSignatureSize;
}

std::optional<size_t> NearDuplicateIndex::find_or_add(std::string_view text, size_t number) {
  const std::optional<Signature> sig = signature(text);
  if (!sig) return std::nullopt;
  std::array<uint64_t, kBands> band_keys;
  std::optional<size_t> best;  // entries_ index of the earliest match
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t key = kFnvOffset;
    for (size_t row = 0; row < kRowsPerBand; ++row) key = mix(key ^ (*sig)[band * kRowsPerBand + row]);
    band_keys[band] = key;
    const auto it = buckets_[band].find(key);
    if (it == buckets_[band].end()) continue;
    for (const size_t candidate : it->second) {
      if (best && candidate >= *best) continue;  // entries_ is in insertion order: keep the earliest
      if (resemblance(*sig, entries_[candidate].signature) >= kThreshold) best = candidate;
    }
  }
  if (best) return entries_[*best].number;
  for (size_t band = 0; band < kBands; ++band) buckets_[band][band_keys[band]].push_back(entries_.size());
  entries_.push_back({number, *sig});
  return std::nullopt;
}

}  // namespace kg::ingest

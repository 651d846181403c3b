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

NearDuplicateIndex::Folded NearDuplicateIndex::fold(const Signature& sig) {
  Folded out;
  for (size_t i = 0; i < kSignatureSize; ++i) out[i] = static_cast<uint32_t>(sig[i] ^ (sig[i] >> 32));
  return out;
}

double NearDuplicateIndex::resemblance(const Folded& a, const Folded& b) {
  size_t same = 0;
  for (size_t i = 0; i < kSignatureSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kSignatureSize;
}

void NearDuplicateIndex::insert_band_key(uint64_t key, uint32_t entry) {
  if (2 * (used_ + 1) > table_.size()) grow();
  const size_t mask = table_.size() - 1;
  size_t i = key & mask;
  while (table_[i].entry != 0) i = (i + 1) & mask;
  table_[i] = {key, entry};
  ++used_;
}

void NearDuplicateIndex::grow() {
  std::vector<BandSlot> old = std::move(table_);
  table_.assign(std::max<size_t>(1024, old.size() * 2), BandSlot{});
  used_ = 0;
  for (const BandSlot& slot : old) {
    if (slot.entry != 0) insert_band_key(slot.key, slot.entry);
  }
}

std::optional<size_t> NearDuplicateIndex::find_or_add(std::string_view text, size_t number) {
  const std::optional<Signature> sig = signature(text);
  if (!sig) return std::nullopt;
  const Folded folded = fold(*sig);
  std::array<uint64_t, kBands> band_keys;
  std::optional<size_t> best;  // entry index of the earliest match
  const size_t mask = table_.empty() ? 0 : table_.size() - 1;
  for (size_t band = 0; band < kBands; ++band) {
    uint64_t key = mix(kFnvOffset ^ band);  // the band's number in the key: equal rows of two bands differ
    for (size_t row = 0; row < kRowsPerBand; ++row) key = mix(key ^ (*sig)[band * kRowsPerBand + row]);
    band_keys[band] = key;
    if (table_.empty()) continue;
    for (size_t i = key & mask; table_[i].entry != 0; i = (i + 1) & mask) {
      if (table_[i].key != key) continue;
      const size_t candidate = table_[i].entry - 1;
      if (best && candidate >= *best) continue;  // entries are in insertion order: keep the earliest
      if (resemblance(folded, folded_[candidate]) >= kThreshold) best = candidate;
    }
  }
  if (best) return numbers_[*best];
  const auto entry = static_cast<uint32_t>(numbers_.size() + 1);
  for (const uint64_t key : band_keys) insert_band_key(key, entry);
  numbers_.push_back(number);
  folded_.push_back(folded);
  return std::nullopt;
}

}  // namespace kg::ingest

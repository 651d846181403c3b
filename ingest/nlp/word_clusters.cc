#include "ingest/nlp/word_clusters.h"

#include <algorithm>
#include <bit>
#include <fmt/format.h>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

int ClusterPath::common_prefix(ClusterPath other) const {
  const int n = std::min(length, other.length);
  if (n == 0) return 0;
  const uint64_t a = bits >> (length - n), b = other.bits >> (other.length - n);
  const uint64_t diff = a ^ b;
  if (diff == 0) return n;
  return n - (64 - std::countl_zero(diff));
}

std::string ClusterPath::to_string() const {
  std::string out(length, '0');
  for (int i = 0; i < length; ++i) {
    if ((bits >> (length - 1 - i)) & 1) out[i] = '1';
  }
  return out;
}

WordClusters::WordClusters(std::vector<std::string> words, std::vector<ClusterPath> paths)
    : words_(std::move(words)), paths_(std::move(paths)) {
  index();
}

void WordClusters::index() {
  by_word_.clear();
  by_word_.reserve(words_.size());
  for (size_t i = 0; i < words_.size() && i < paths_.size(); ++i) by_word_.emplace(words_[i], paths_[i]);
}

std::string_view WordClusters::normalize_digits(std::string_view word, std::span<char> buf) {
  size_t first = 0;
  while (first < word.size() && !is_ascii_digit(word[first])) ++first;
  if (first == word.size()) return word;
  if (word.size() > buf.size()) return {};
  for (size_t i = 0; i < word.size(); ++i) buf[i] = is_ascii_digit(word[i]) ? '0' : word[i];
  return std::string_view(buf.data(), word.size());
}

ClusterPath WordClusters::path(std::string_view word) const {
  char digits[kMaxLookupBytes];
  std::string_view form = normalize_digits(word, digits);
  if (form.empty()) form = word;  // too long to normalize: raw bytes only
  if (auto it = by_word_.find(form); it != by_word_.end()) return it->second;
  if (form.size() > kMaxLookupBytes) return ClusterPath::none();
  bool has_upper = false;
  for (char c : form) has_upper |= is_ascii_upper(c);
  if (!has_upper) return ClusterPath::none();
  char lower[kMaxLookupBytes];
  if (auto it = by_word_.find(lowercase_into(form, lower, sizeof lower)); it != by_word_.end()) return it->second;
  return ClusterPath::none();
}

void WordClusters::save(ModelWriter& out) const {
  out.put_strings(words_);
  std::vector<uint64_t> bits(paths_.size());
  std::vector<uint8_t> lengths(paths_.size());
  for (size_t i = 0; i < paths_.size(); ++i) bits[i] = paths_[i].bits, lengths[i] = paths_[i].length;
  out.put_array<uint64_t>(bits);
  out.put_array<uint8_t>(lengths);
}

bool WordClusters::load(ModelReader& in) {
  std::vector<uint64_t> bits;
  std::vector<uint8_t> lengths;
  if (!in.get_strings(&words_) || !in.get_array(&bits) || !in.get_array(&lengths)) return false;
  if (bits.size() != words_.size() || lengths.size() != words_.size()) return false;
  paths_.resize(words_.size());
  for (size_t i = 0; i < words_.size(); ++i) {
    // A stored path is never none and never has bits beyond its length.
    if (lengths[i] == 0 || lengths[i] > ClusterPath::kMaxLength || (bits[i] >> lengths[i]) != 0) return false;
    paths_[i] = {bits[i], lengths[i]};
  }
  index();
  return by_word_.size() == words_.size();  // no duplicate words
}

Result<WordClusters> WordClusters::load_file(const std::string& path) {
  Result<ModelReader> reader = ModelReader::open(path, kClustersModelKind, kClustersModelVersion);
  if (!reader) return reader.status();
  WordClusters clusters;
  if (!clusters.load(*reader)) return Status::corruption(fmt::format("{}: malformed clusters model", path));
  if (Status st = reader->finish(); !st) return st;
  return clusters;
}

Status WordClusters::save_file(const std::string& path) const {
  ModelWriter out(kClustersModelKind, kClustersModelVersion);
  save(out);
  return out.save(path);
}

}  // namespace kg::nlp

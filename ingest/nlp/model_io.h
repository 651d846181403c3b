// Model files: a small binary container shared by every trained model.
//
// Layout: magic "KGMODEL1", kind (length-prefixed string), format version
// (u32), payload, FNV-1a 64 checksum of everything before it. Numbers are
// little-endian (the only byte order kg is built for; checked at compile
// time). A reader that finds the wrong kind, version or checksum refuses the
// file with a message naming it, so a stale or damaged model never loads.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "base/status.h"

namespace kg::nlp {

static_assert(std::endian::native == std::endian::little, "model files assume a little-endian machine");

class ModelWriter {
 public:
  ModelWriter(std::string_view kind, uint32_t version);

  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void put(const T& v) {
    buf_.append(reinterpret_cast<const char*>(&v), sizeof(T));
  }
  void put_string(std::string_view s) {
    put<uint32_t>(static_cast<uint32_t>(s.size()));
    buf_.append(s);
  }
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  void put_array(std::span<const T> items) {
    put<uint64_t>(items.size());
    buf_.append(reinterpret_cast<const char*>(items.data()), items.size_bytes());
  }
  void put_strings(std::span<const std::string> items) {
    put<uint64_t>(items.size());
    for (const auto& s : items) put_string(s);
  }

  // The file's bytes: the container with its checksum.
  std::string bytes() const;
  // Writes the file (via a temporary and rename, so a crash never leaves a
  // half-written model under the final name).
  Status save(const std::string& path) const;

 private:
  std::string buf_;
};

class ModelReader {
 public:
  // Reads and verifies the whole file.
  static Result<ModelReader> open(const std::string& path, std::string_view kind, uint32_t version);
  // The same checks on a file's bytes already read (`path` names it in messages).
  static Result<ModelReader> from_bytes(std::string bytes, const std::string& path, std::string_view kind,
                                        uint32_t version);

  // Each getter returns false (and leaves the reader failed) when the payload
  // is shorter than what is asked; callers check ok() once at the end.
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  bool get(T* v) {
    if (!take(sizeof(T))) return false;
    std::memcpy(v, data_.data() + pos_ - sizeof(T), sizeof(T));
    return true;
  }
  bool get_string(std::string* s);
  template <typename T>
    requires std::is_trivially_copyable_v<T>
  bool get_array(std::vector<T>* items) {
    uint64_t n = 0;
    if (!get(&n) || n > (data_.size() - pos_) / sizeof(T)) return fail();
    items->resize(n);
    if (n > 0) std::memcpy(items->data(), data_.data() + pos_, n * sizeof(T));  // data() may be null when empty
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_strings(std::vector<std::string>* items);
  // A count of items that each take at least `min_bytes_each` bytes of the
  // payload; fails when the rest of the payload cannot hold that many, so a
  // damaged count never sizes an allocation (a fuzzer's count of 2^59 did).
  bool get_count(uint64_t* n, size_t min_bytes_each) {
    if (!get(n) || *n > (data_.size() - pos_) / min_bytes_each) return fail();
    return true;
  }

  // Ok when every read succeeded and the payload was consumed exactly.
  Status finish() const;
  const std::string& path() const { return path_; }

 private:
  bool take(size_t n) {
    if (failed_ || data_.size() - pos_ < n) return fail();
    pos_ += n;
    return true;
  }
  bool fail() {
    failed_ = true;
    return false;
  }
  std::string path_;
  std::string data_;  // payload only
  size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace kg::nlp

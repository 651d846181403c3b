#include "ingest/nlp/model_io.h"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>

namespace kg::nlp {

namespace {

constexpr std::string_view kMagic = "KGMODEL1";

uint64_t fnv1a(std::string_view bytes) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

ModelWriter::ModelWriter(std::string_view kind, uint32_t version) {
  buf_.append(kMagic);
  put_string(kind);
  put<uint32_t>(version);
}

std::string ModelWriter::bytes() const {
  const uint64_t sum = fnv1a(buf_);
  std::string all = buf_;
  all.append(reinterpret_cast<const char*>(&sum), sizeof(sum));
  return all;
}

Status ModelWriter::save(const std::string& path) const {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    const std::string all = bytes();
    out.write(all.data(), static_cast<std::streamsize>(all.size()));
    if (!out.flush()) return Status::io_error(fmt::format("{}: cannot write model file", tmp));
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::io_error(fmt::format("{}: cannot rename model file into place", path));
  }
  return Status::ok();
}

Result<ModelReader> ModelReader::open(const std::string& path, std::string_view kind, uint32_t version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::not_found(fmt::format("{}: model file not found (run 'kg train' or set KG_MODELS)", path));
  }
  // One read into a buffer of the file's size: models are tens of MB, and a
  // stream copy would double the work.
  in.seekg(0, std::ios::end);
  std::string all(static_cast<size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0, std::ios::beg);
  if (!in.read(all.data(), static_cast<std::streamsize>(all.size()))) {
    return Status::io_error(fmt::format("{}: cannot read model file", path));
  }
  return from_bytes(std::move(all), path, kind, version);
}

Result<ModelReader> ModelReader::from_bytes(std::string all, const std::string& path, std::string_view kind,
                                            uint32_t version) {
  auto corrupt = [&](std::string_view why) {
    return Status::corruption(fmt::format("{}: not a usable {} model: {} (rebuild it with 'kg train')", path, kind, why));
  };
  if (all.size() < kMagic.size() + 4 + 4 + 8 || std::string_view(all).substr(0, kMagic.size()) != kMagic) {
    return corrupt("bad header");
  }
  uint64_t stored = 0;
  std::memcpy(&stored, all.data() + all.size() - 8, 8);
  all.resize(all.size() - 8);
  if (fnv1a(all) != stored) return corrupt("checksum mismatch");

  ModelReader r;
  r.path_ = path;
  r.data_ = std::move(all);
  r.pos_ = kMagic.size();
  std::string file_kind;
  uint32_t file_version = 0;
  if (!r.get_string(&file_kind) || !r.get(&file_version)) return corrupt("truncated header");
  if (file_kind != kind) return corrupt(fmt::format("it holds a '{}' model", file_kind));
  if (file_version != version) {
    return corrupt(fmt::format("format version {} where this kg reads version {}", file_version, version));
  }
  return r;
}

bool ModelReader::get_string(std::string* s) {
  uint32_t n = 0;
  if (!get(&n) || !take(n)) return fail();
  s->assign(data_.data() + pos_ - n, n);
  return true;
}

bool ModelReader::get_strings(std::vector<std::string>* items) {
  uint64_t n = 0;
  if (!get_count(&n, sizeof(uint32_t))) return false;  // each string has its length
  items->resize(n);
  for (auto& s : *items) {
    if (!get_string(&s)) return false;
  }
  return true;
}

Status ModelReader::finish() const {
  if (failed_) return Status::corruption(fmt::format("{}: model file is truncated or malformed", path_));
  if (pos_ != data_.size()) return Status::corruption(fmt::format("{}: model file has trailing bytes", path_));
  return Status::ok();
}

}  // namespace kg::nlp

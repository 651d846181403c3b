// Parsing real text for the extraction tests: the shipped models, or a skip
// when they are not built yet.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract::testing {

// The pipeline with its parser, or nullptr when the models are absent
// (a fresh checkout before `kg train`).
inline const nlp::Pipeline* parsing_pipeline() {
  static const std::optional<nlp::Pipeline> pipeline = []() -> std::optional<nlp::Pipeline> {
    const std::string dir = nlp::Pipeline::default_model_dir();
    if (!std::filesystem::exists(dir + "/parser.kgm")) return std::nullopt;
    Result<nlp::Pipeline> p = nlp::Pipeline::load(dir);
    if (!p.is_ok()) return std::nullopt;
    return std::move(p).value();
  }();
  return pipeline ? &*pipeline : nullptr;
}

inline const Derivations* shipped_derivations() {
  static const std::optional<Derivations> d = []() -> std::optional<Derivations> {
    Result<Derivations> r = Derivations::load(default_derivations_path());
    if (!r.is_ok()) return std::nullopt;
    return std::move(r).value();
  }();
  return d ? &*d : nullptr;
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace kg::extract::testing

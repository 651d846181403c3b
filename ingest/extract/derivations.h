// The noun -> verb derivations behind the nominalization rule, and where the
// shipped model lives. Part of the public header ingest/extract/extract.h.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "base/status.h"

namespace kg::extract {

// Noun -> verb derivations (testimony -> testify), compiled from WordNet by
// `kg train` into ingest/models/derivations.model.
class Derivations {
 public:
  static constexpr std::string_view kModelKind = "derivations";
  static constexpr uint32_t kModelVersion = 1;

  Derivations() = default;
  static Result<Derivations> load(const std::string& path);
  Status save(const std::string& path) const;

  void add(std::string noun, std::string verb) { verb_of_.emplace(std::move(noun), std::move(verb)); }
  // The verb lemma a noun lemma derives from or to, or "" when none.
  std::string_view verb_of(std::string_view noun) const;
  size_t size() const { return verb_of_.size(); }

 private:
  std::unordered_map<std::string, std::string> verb_of_;
};

// Where the shipped derivations model lives: $KG_MODELS/derivations.model,
// else KG_MODEL_DIR/derivations.model.
std::string default_derivations_path();

}  // namespace kg::extract

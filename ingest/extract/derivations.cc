// The derivations model: a sorted list of (noun, verb) lemma pairs, so the
// same table always writes the same bytes.
#include <algorithm>
#include <cstdlib>
#include <utility>

#include "ingest/extract/derivations.h"
#include "ingest/nlp/nlp.h"

namespace kg::extract {

Result<Derivations> Derivations::load(const std::string& path) {
  auto reader = nlp::ModelReader::open(path, kModelKind, kModelVersion);
  if (!reader) return reader.status();
  std::vector<std::string> nouns, verbs;
  reader->get_strings(&nouns);
  reader->get_strings(&verbs);
  if (Status s = reader->finish(); !s) return s;
  if (nouns.size() != verbs.size()) {
    return Status::corruption(path + ": derivations model has " + std::to_string(nouns.size()) + " nouns but " +
                              std::to_string(verbs.size()) + " verbs");
  }
  Derivations d;
  for (size_t i = 0; i < nouns.size(); ++i) d.add(std::move(nouns[i]), std::move(verbs[i]));
  return d;
}

Status Derivations::save(const std::string& path) const {
  std::vector<std::pair<std::string, std::string>> pairs(verb_of_.begin(), verb_of_.end());
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::string> nouns, verbs;
  for (auto& [n, v] : pairs) {
    nouns.push_back(n);
    verbs.push_back(v);
  }
  nlp::ModelWriter w(kModelKind, kModelVersion);
  w.put_strings(nouns);
  w.put_strings(verbs);
  return w.save(path);
}

std::string_view Derivations::verb_of(std::string_view noun) const {
  const auto it = verb_of_.find(std::string(noun));
  return it == verb_of_.end() ? std::string_view() : std::string_view(it->second);
}

std::string default_derivations_path() {
  const char* dir = std::getenv("KG_MODELS");
  return std::string(dir && *dir ? dir : KG_MODEL_DIR) + "/derivations.model";
}

}  // namespace kg::extract

// Reading back `kg extract --format jsonl`: the merge half of extraction run
// as a map step elsewhere.
#include <cstdint>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <unordered_map>

#include "base/utf8.h"
#include "ingest/pipeline.h"

namespace kg::ingest {
namespace {

// A record being assembled, with lookups from names and sentence texts to
// their indexes in it.
struct Assembly {
  store::DocumentRecord record;
  std::unordered_map<std::string, uint32_t> entity_index;
  std::map<uint32_t, uint32_t> sentence_index;  // extract's sentence number -> index in record.sentences
  std::string hashed;                           // the lines, for a hash when none was given
};

Result<std::string> string_field(const nlohmann::json& line, const char* key, bool required, std::string_view where) {
  const auto it = line.find(key);
  if (it == line.end() || it->is_null()) {
    if (required) return Status::invalid_input(fmt::format("{}: missing field \"{}\"", where, key));
    return std::string();
  }
  if (!it->is_string()) return Status::invalid_input(fmt::format("{}: field \"{}\" must be a string", where, key));
  std::string value = it->get<std::string>();
  if (required && value.empty()) return Status::invalid_input(fmt::format("{}: field \"{}\" is empty", where, key));
  return value;
}

// An optional field: a boolean, a string, or (for a float) a number from 0
// to 1; `fallback` when absent or null. Any other JSON type is refused.
template <typename T>
Result<T> typed_field(const nlohmann::json& line, const char* key, T fallback, std::string_view where) {
  const auto it = line.find(key);
  if (it == line.end() || it->is_null()) return fallback;
  if constexpr (std::is_same_v<T, bool>) {
    if (!it->is_boolean()) {
      return Status::invalid_input(fmt::format("{}: field \"{}\" must be true or false", where, key));
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!it->is_string()) return Status::invalid_input(fmt::format("{}: field \"{}\" must be a string", where, key));
  } else {
    if (!it->is_number() || it->get<double>() < 0 || it->get<double>() > 1) {
      return Status::invalid_input(fmt::format("{}: field \"{}\" must be a number from 0 to 1", where, key));
    }
  }
  return it->get<T>();
}

uint32_t entity_of(Assembly& a, const std::string& name, const std::string& type) {
  const auto [it, added] = a.entity_index.emplace(name, static_cast<uint32_t>(a.record.entities.size()));
  if (added) {
    store::EntityRecord e;
    e.name = name;
    e.type = type == "TITLE" ? store::EntityType::kConcept
                             : store::parse_entity_type(type).value_or(store::EntityType::kMisc);
    e.aliases.emplace_back(name, 0);
    a.record.entities.push_back(std::move(e));
  }
  store::EntityRecord& e = a.record.entities[it->second];
  ++e.mentions;
  ++e.aliases.front().second;
  return it->second;
}

}  // namespace

Result<std::vector<store::DocumentRecord>> read_extracted_triples(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(fmt::format("{}: no such file or cannot be read", path));
  std::vector<Assembly> docs;
  std::unordered_map<std::string, size_t> doc_index;
  std::string text;
  size_t line_no = 0;
  while (std::getline(in, text)) {
    ++line_no;
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", path, line_no);
    if (const auto bad = utf8::first_invalid_byte(text)) {
      return Status::invalid_input(fmt::format("{}: invalid UTF-8 at byte {} of the line", where, *bad));
    }
    nlohmann::json line;
    try {
      line = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {  // syntax, or a number out of range (1e999999)
      return Status::invalid_input(fmt::format("{}: malformed JSON: {}", where, source::json_error_detail(e.what())));
    }
    if (!line.is_object()) return Status::invalid_input(fmt::format("{}: expected a JSON object", where));
    std::string fields[6];
    const char* const names[6] = {"doc", "subject", "relation", "object", "sentence_text", "content_hash"};
    const bool required[6] = {true, true, true, true, false, false};
    for (int f = 0; f < 6; ++f) {
      Result<std::string> value = string_field(line, names[f], required[f], where);
      if (!value.is_ok()) return value.status();
      fields[f] = std::move(*value);
    }
    const auto& [doc_id, subject, relation, object, sentence_text, hash] = fields;
    uint32_t sentence_no = 0;
    if (const auto it = line.find("sentence"); it != line.end()) {
      if (!it->is_number_unsigned() || it->get<uint64_t>() > UINT32_MAX) {
        return Status::invalid_input(
            fmt::format("{}: field \"sentence\" must be an integer from 0 to {}", where, UINT32_MAX));
      }
      sentence_no = it->get<uint32_t>();
    }

    const auto [pos, added] = doc_index.emplace(doc_id, docs.size());
    if (added) {
      docs.emplace_back();
      Assembly& a = docs.back();
      a.record.id = doc_id;
      a.record.source = path;
      for (auto [key, out] : {std::pair{"title", &a.record.title}, std::pair{"date", &a.record.date},
                              std::pair{"url", &a.record.url}}) {
        Result<std::string> value = string_field(line, key, false, where);
        if (!value.is_ok()) return value.status();
        *out = std::move(*value);
      }
      a.record.content_hash = hash;
    }
    Assembly& a = docs[pos->second];
    a.hashed += text;
    a.hashed += '\n';
    const auto [s, new_sentence] =
        a.sentence_index.emplace(sentence_no, static_cast<uint32_t>(a.record.sentences.size()));
    if (new_sentence) a.record.sentences.push_back(sentence_text.empty() ? subject + " " + relation + " " + object
                                                                         : sentence_text);
    Result<std::string> subject_type = typed_field(line, "subject_type", std::string("MISC"), where);
    Result<std::string> object_type = typed_field(line, "object_type", std::string("MISC"), where);
    Result<float> confidence = typed_field(line, "confidence", 1.0f, where);
    Result<bool> negated = typed_field(line, "negated", false, where);
    Result<bool> modal = typed_field(line, "modal", false, where);
    for (const Status* st : {&subject_type.status(), &object_type.status(), &confidence.status(), &negated.status(),
                             &modal.status()}) {
      if (!st->is_ok()) return *st;
    }
    store::FactRecord fact;
    fact.subject = entity_of(a, subject, *subject_type);
    fact.object = entity_of(a, object, *object_type);
    fact.relation = relation;
    fact.sentence = s->second;
    fact.confidence = *confidence;
    fact.negated = *negated;
    fact.modal = *modal;
    if (const auto span = line.find("span"); span != line.end() && span->is_array() && span->size() == 2 &&
                                             (*span)[0].is_number_unsigned() && (*span)[1].is_number_unsigned()) {
      fact.span_begin = (*span)[0].get<uint32_t>();
      fact.span_end = (*span)[1].get<uint32_t>();
    }
    a.record.facts.push_back(std::move(fact));
  }
  if (in.bad()) return Status::io_error(fmt::format("{}: read error", path));
  if (docs.empty()) return Status::invalid_input(fmt::format("{}: no triples in this file", path));
  std::vector<store::DocumentRecord> records;
  for (Assembly& a : docs) {
    if (a.record.content_hash.empty()) a.record.content_hash = source::content_hash(a.hashed);
    records.push_back(std::move(a.record));
  }
  return records;
}

}  // namespace kg::ingest

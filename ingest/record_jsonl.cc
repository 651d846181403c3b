// Record lines (format in pipeline.h): the one writer and the one reader of
// the JSONL that carries document records from `kg extract` to
// `kg ingest --triples`. The reader checks every field it reads, so a line
// either gives back a record the store accepts or one error naming the
// file, the line and the field.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>

#include "base/dates.h"
#include "base/utf8.h"
#include "ingest/pipeline.h"

namespace kg::ingest {
namespace {

using Json = nlohmann::json;

// The shortest decimal that reads back as `c` ("0.75", not
// "0.75000000000000000"), else the float's exact double.
double confidence_value(float c) {
  const double shortest = std::strtod(fmt::format("{}", c).c_str(), nullptr);
  return static_cast<float>(shortest) == c ? shortest : static_cast<double>(c);
}

nlohmann::ordered_json entity_json(const store::EntityRecord& e) {
  nlohmann::ordered_json aliases = nlohmann::ordered_json::array();
  for (const auto& [surface, count] : e.aliases) aliases.push_back(nlohmann::ordered_json::array({surface, count}));
  return {{"name", e.name}, {"type", store::entity_type_name(e.type)}, {"mentions", e.mentions}, {"aliases", aliases}};
}

nlohmann::ordered_json fact_json(const store::FactRecord& f) {
  return {{"subject", f.subject},       {"relation", f.relation},
          {"object", f.object},         {"sentence", f.sentence},
          {"span", {f.span_begin, f.span_end}},
          {"confidence", confidence_value(f.confidence)},
          {"negated", f.negated},       {"modal", f.modal},
          {"attribution", f.attribution}};
}

// One JSON object of a record line and its place ("FILE:LINE: facts[3]."),
// with typed, range-checked reads of its fields. The first failed read is
// kept as the object's error; later reads return empty values, so a caller
// reads every field and checks status() once.
class Fields {
 public:
  Fields(const Json& object, const std::string& line_where, std::string path)
      : object_(object), line_where_(line_where), path_(std::move(path)) {
    if (!object_.is_object()) fail("", "must be a JSON object");
  }

  const Status& status() const { return error_; }

  // Fails on any key not in `known`: a misspelt field is an error, not a
  // silently defaulted value.
  void only(std::initializer_list<std::string_view> known) {
    if (!object_.is_object()) return;
    for (const auto& [key, value] : object_.items()) {
      if (std::find(known.begin(), known.end(), key) == known.end()) fail(key, "unknown field");
    }
  }

  std::string text(const char* key, bool non_empty = false) {
    const Json* v = field(key);
    if (!v) return {};
    if (!v->is_string()) return fail(key, "must be a string"), std::string();
    if (non_empty && v->get_ref<const std::string&>().empty()) return fail(key, "must not be empty"), std::string();
    return v->get<std::string>();
  }

  uint32_t count(const char* key) {
    const Json* v = field(key);
    return v ? count_of(*v, key) : 0;
  }

  // An element of a list that must be a count ("span[0]").
  uint32_t count_of(const Json& v, std::string_view key) {
    if (!v.is_number_unsigned() || v.get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
      fail(key, "must be an integer from 0 to 4294967295");
      return 0;
    }
    return v.get<uint32_t>();
  }

  // An index into this line's list of `size` `things`.
  uint32_t index(const char* key, size_t size, std::string_view things) {
    const uint32_t i = count(key);
    if (error_.is_ok() && i >= size) fail(key, fmt::format("{} is out of range: the line has {} {}", i, size, things));
    return i;
  }

  bool flag(const char* key) {
    const Json* v = field(key);
    if (v && !v->is_boolean()) fail(key, "must be true or false");
    return v && v->is_boolean() && v->get<bool>();
  }

  float fraction(const char* key) {
    const Json* v = field(key);
    if (!v) return 0.0f;
    const double d = v->is_number() ? v->get<double>() : std::nan("");
    if (!(d >= 0.0 && d <= 1.0)) return fail(key, "must be a number from 0 to 1"), 0.0f;
    return static_cast<float>(d);
  }

  // A JSON array; an empty one when absent or not an array (the error kept).
  const Json& list(const char* key) {
    static const Json kEmpty = Json::array();
    const Json* v = field(key);
    if (v && !v->is_array()) fail(key, "must be a list");
    return v && v->is_array() ? *v : kEmpty;
  }

  // A pair [text, count] at `key` (an element of a list: "aliases[2]").
  std::pair<std::string, uint32_t> text_and_count(const Json& v, const std::string& key) {
    if (!v.is_array() || v.size() != 2 || !v[0].is_string() || v[0].get_ref<const std::string&>().empty()) {
      fail(key, "must be [non-empty text, count]");
      return {};
    }
    return {v[0].get<std::string>(), count_of(v[1], key)};
  }

  // A nested object's reader: "facts[3]." in its messages.
  Fields nested(const Json& v, std::string_view list, size_t i) const {
    return Fields(v, line_where_, fmt::format("{}{}[{}].", path_, list, i));
  }

  void fail(std::string_view key, std::string_view what) {
    if (!error_.is_ok()) return;
    std::string place = path_ + std::string(key);
    if (!place.empty() && place.back() == '.') place.pop_back();
    error_ = Status::invalid_input(fmt::format("{}: {}{}{}", line_where_, place, place.empty() ? "" : ": ", what));
  }

  // Keeps the first error of a nested reader as this one's.
  void absorb(const Fields& inner) {
    if (error_.is_ok()) error_ = inner.error_;
  }

 private:
  const Json* field(const char* key) {
    if (!error_.is_ok() || !object_.is_object()) return nullptr;
    const auto it = object_.find(key);
    if (it == object_.end()) return fail(key, "missing field"), nullptr;
    return &*it;
  }

  const Json& object_;
  const std::string& line_where_;
  std::string path_;  // "" at the top level, "facts[3]." inside a list
  Status error_;
};

store::EntityRecord read_entity(Fields& f) {
  f.only({"name", "type", "mentions", "aliases"});
  store::EntityRecord e;
  e.name = f.text("name", true);
  const std::string type = f.text("type");
  if (f.status().is_ok()) {
    const std::optional<store::EntityType> t = store::parse_entity_type(type);
    if (!t) f.fail("type", "must be PERSON, ORG, LOC, MISC or CONCEPT");
    e.type = t.value_or(store::EntityType::kMisc);
  }
  e.mentions = f.count("mentions");
  const Json& aliases = f.list("aliases");
  for (size_t i = 0; i < aliases.size(); ++i) {
    e.aliases.push_back(f.text_and_count(aliases[i], fmt::format("aliases[{}]", i)));
  }
  return e;
}

store::FactRecord read_fact(Fields& f, const store::DocumentRecord& r) {
  f.only({"subject", "relation", "object", "sentence", "span", "confidence", "negated", "modal", "attribution"});
  store::FactRecord fact;
  fact.subject = f.index("subject", r.entities.size(), "entities");
  fact.relation = f.text("relation", true);
  fact.object = f.index("object", r.entities.size(), "entities");
  fact.sentence = f.index("sentence", r.sentences.size(), "sentences");
  const Json& span = f.list("span");
  if (f.status().is_ok() && span.size() != 2) f.fail("span", "must be [begin, end]");
  if (f.status().is_ok()) {
    fact.span_begin = f.count_of(span[0], "span[0]");
    fact.span_end = f.count_of(span[1], "span[1]");
  }
  if (f.status().is_ok() &&
      (fact.span_begin > fact.span_end || fact.span_end > r.sentences[fact.sentence].size())) {
    f.fail("span", fmt::format("{}..{} is outside sentence {} ({} bytes)", fact.span_begin, fact.span_end,
                               fact.sentence, r.sentences[fact.sentence].size()));
  }
  fact.confidence = f.fraction("confidence");
  fact.negated = f.flag("negated");
  fact.modal = f.flag("modal");
  fact.attribution = f.text("attribution");
  return fact;
}

// The record of one parsed line, and its extractor.
Status read_record(const Json& line, const std::string& where, store::DocumentRecord* r, std::string* extractor) {
  Fields f(line, where, "");
  if (!f.status().is_ok()) return f.status();
  const auto version = line.find("kg_record");
  if (version == line.end()) {
    return Status::invalid_input(
        fmt::format("{}: missing field \"kg_record\" (not a record line of 'kg extract --format jsonl')", where));
  }
  if (*version != kRecordFormatVersion) {
    return Status::invalid_input(fmt::format("{}: kg_record {} is not a record format this kg reads (it reads {})",
                                             where, version->dump(), kRecordFormatVersion));
  }
  f.only({"kg_record", "extractor", "id", "title", "date", "url", "source", "content_hash", "sentences", "entities",
          "facts"});
  *extractor = f.text("extractor");
  if (f.status().is_ok() && *extractor != "parser" && *extractor != "baseline") {
    f.fail("extractor", "must be \"parser\" or \"baseline\"");
  }
  r->id = f.text("id", true);
  r->title = f.text("title");
  r->date = f.text("date");
  if (f.status().is_ok() && !r->date.empty() && dates::normalize_date(r->date) != r->date) {
    f.fail("date", "must be \"\" or a date written YYYY-MM-DD");
  }
  r->url = f.text("url");
  r->source = f.text("source");
  r->content_hash = f.text("content_hash", true);
  const Json& sentences = f.list("sentences");
  for (size_t i = 0; i < sentences.size() && f.status().is_ok(); ++i) {
    if (!sentences[i].is_string()) f.fail(fmt::format("sentences[{}]", i), "must be a string");
    r->sentences.push_back(f.status().is_ok() ? sentences[i].get<std::string>() : std::string());
  }
  const Json& entities = f.list("entities");
  for (size_t i = 0; i < entities.size() && f.status().is_ok(); ++i) {
    Fields e = f.nested(entities[i], "entities", i);
    r->entities.push_back(read_entity(e));
    f.absorb(e);
  }
  const Json& facts = f.list("facts");
  for (size_t i = 0; i < facts.size() && f.status().is_ok(); ++i) {
    Fields fact = f.nested(facts[i], "facts", i);
    r->facts.push_back(read_fact(fact, *r));
    f.absorb(fact);
  }
  return f.status();
}

}  // namespace

Result<std::string> record_line(const store::DocumentRecord& record, std::string_view extractor) {
  nlohmann::ordered_json line = {
      {"kg_record", kRecordFormatVersion},
      {"extractor", extractor},
      {"id", record.id},
      {"title", record.title},
      {"date", record.date},
      {"url", record.url},
      {"source", record.source},
      {"content_hash", record.content_hash},
      {"sentences", record.sentences},
  };
  nlohmann::ordered_json& entities = line["entities"] = nlohmann::ordered_json::array();
  for (const store::EntityRecord& e : record.entities) entities.push_back(entity_json(e));
  nlohmann::ordered_json& facts = line["facts"] = nlohmann::ordered_json::array();
  for (const store::FactRecord& f : record.facts) facts.push_back(fact_json(f));
  try {
    return line.dump() + '\n';
  } catch (const nlohmann::json::type_error& e) {  // a string that is not UTF-8: a bug upstream
    return Status::internal(fmt::format("{}: record not writable as JSON: {}", record.id, e.what()));
  }
}

Status read_record_lines(const std::string& path,
                         const std::function<Status(store::DocumentRecord&&, std::string_view)>& consume) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return Status::invalid_input(fmt::format("{}: is a directory", path));
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(fmt::format("{}: no such file or cannot be read", path));
  std::string text;
  size_t line_no = 0;
  while (std::getline(in, text)) {
    ++line_no;
    if (line_no == 1 && text.starts_with(utf8::kByteOrderMark)) text.erase(0, utf8::kByteOrderMark.size());
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = fmt::format("{}:{}", path, line_no);
    if (const auto bad = utf8::first_invalid_byte(text)) {
      return Status::invalid_input(
          fmt::format("{}: invalid UTF-8 at byte {} of the line (counting from 1)", where, *bad + 1));
    }
    Json line;
    try {
      line = Json::parse(text);
    } catch (const Json::exception& e) {  // syntax, or a number out of range (1e999999)
      return Status::invalid_input(fmt::format("{}: malformed JSON: {}", where, source::json_error_detail(e.what())));
    }
    store::DocumentRecord record;
    std::string extractor;
    if (Status s = read_record(line, where, &record, &extractor); !s.is_ok()) return s;
    if (Status s = consume(std::move(record), extractor); !s.is_ok()) return s;
  }
  if (in.bad()) return Status::io_error(fmt::format("{}: read error", path));
  return Status::ok();
}

Result<size_t> check_record_lines(const std::string& path) {
  size_t records = 0;
  Status s = read_record_lines(path, [&](store::DocumentRecord&&, std::string_view) {
    ++records;
    return Status::ok();
  });
  if (!s.is_ok()) return s;
  if (records == 0) return Status::invalid_input(fmt::format("{}: no records in this file", path));
  return records;
}

}  // namespace kg::ingest

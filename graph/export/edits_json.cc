// Person-made edits as JSON (issue 25): the "edits" array of the JSON export
// and the lines of `kg export --format edits`, which `kg import-edits`
// replays on another store. Entities are named by stored name and type, as
// the store keeps them, so the lines mean the same in a rebuilt store.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "graph/export/atomic_file.h"
#include "graph/export/export.h"

namespace kg::graph {

std::string edit_to_json(const store::Edit& e) {
  nlohmann::ordered_json entities = nlohmann::ordered_json::array();
  for (const store::EntityRef& r : e.entities) {
    entities.push_back({{"name", r.name}, {"type", std::string(store::entity_type_name(r.type))}});
  }
  nlohmann::ordered_json j = {{"number", e.number},   {"kind", std::string(store::edit_kind_name(e.kind))},
                              {"who", e.who},         {"when", e.when},
                              {"note", e.note},       {"entities", std::move(entities)}};
  if (e.kind == store::EditKind::kMerge || e.kind == store::EditKind::kRename) j["name"] = e.name;
  if (e.kind == store::EditKind::kRetype || e.kind == store::EditKind::kSplit) {
    j["type"] = std::string(store::entity_type_name(e.type));
  }
  if (e.kind == store::EditKind::kSplit) {
    j["name"] = e.name;
    j["aliases"] = e.aliases;
    j["docs"] = e.docs;
  }
  if (e.kind == store::EditKind::kAssert) {
    j["relation"] = e.relation;
    j["source"] = e.source;
  }
  if (e.kind == store::EditKind::kRetract) {
    j["relation"] = e.relation;
    if (!e.doc.empty()) {
      j["doc"] = e.doc;
      j["sentence"] = e.sentence + 1;  // counted from 1, as the evidence of the JSON export
    }
  }
  j["undone"] = e.undone;
  if (e.undone) {
    j["undone_by"] = e.undone_by;
    j["undone_when"] = e.undone_when;
  }
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

Status write_edits(const std::vector<store::Edit>& edits, const std::string& out_file, std::ostream& stdout_sink) {
  const auto fill = [&](std::ostream& out) {
    for (const store::Edit& e : edits) out << edit_to_json(e) << '\n';
  };
  if (out_file.empty()) {
    fill(stdout_sink);
    return Status::ok();
  }
  return write_file_atomically(out_file, fill);
}

namespace {

Result<store::EntityType> type_field(const nlohmann::json& j) {
  const std::optional<store::EntityType> t = store::parse_entity_type(j.get<std::string>());
  if (!t) return Status::invalid_input(fmt::format("unknown entity type '{}'", j.get<std::string>()));
  return *t;
}

}  // namespace

Result<store::Edit> edit_from_json(std::string_view line) {
  const nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) return Status::invalid_input("not a JSON object");
  try {
    store::Edit e;
    const std::string kind = j.at("kind").get<std::string>();
    size_t want = 0;
    for (store::EditKind k : {store::EditKind::kMerge, store::EditKind::kRename, store::EditKind::kRetype,
                              store::EditKind::kRetract, store::EditKind::kSplit, store::EditKind::kAssert}) {
      if (store::edit_kind_name(k) == kind) {
        e.kind = k;
        want = k == store::EditKind::kMerge || k == store::EditKind::kRetract || k == store::EditKind::kAssert ? 2 : 1;
      }
    }
    if (want == 0) return Status::invalid_input(fmt::format("unknown edit kind '{}'", kind));
    e.who = j.value("who", "");
    e.when = j.value("when", "");
    e.note = j.value("note", "");
    for (const nlohmann::json& r : j.at("entities")) {
      Result<store::EntityType> t = type_field(r.at("type"));
      if (!t) return t.status();
      e.entities.push_back(store::EntityRef{r.at("name").get<std::string>(), *t});
    }
    if (e.entities.size() != want) {
      return Status::invalid_input(fmt::format("a {} names {} entities, not {}", kind, want, e.entities.size()));
    }
    e.name = j.value("name", "");
    if (e.kind == store::EditKind::kRename && e.name.empty()) return Status::invalid_input("a rename needs a name");
    if (e.kind == store::EditKind::kRetype || e.kind == store::EditKind::kSplit) {
      Result<store::EntityType> t = type_field(j.at("type"));
      if (!t) return t.status();
      e.type = *t;
    }
    if (e.kind == store::EditKind::kSplit) {
      e.aliases = j.value("aliases", std::vector<std::string>());
      e.docs = j.value("docs", std::vector<std::string>());
      if (e.name.empty() || e.aliases.empty() == e.docs.empty()) {
        return Status::invalid_input("a split needs a name and either aliases or docs");
      }
    }
    e.relation = j.value("relation", "");
    if (e.kind == store::EditKind::kRetract && e.relation.empty()) return Status::invalid_input("a retract needs a relation");
    e.source = j.value("source", "");
    if (e.kind == store::EditKind::kAssert && (e.relation.empty() || e.source.empty())) {
      return Status::invalid_input("an assert needs a relation and a source");
    }
    e.doc = j.value("doc", "");
    if (!e.doc.empty()) {
      const int64_t sentence = j.at("sentence").get<int64_t>();
      if (sentence < 1) return Status::invalid_input("sentence is counted from 1");
      e.sentence = static_cast<uint32_t>(sentence - 1);
    }
    e.undone = j.value("undone", false);
    return e;
  } catch (const nlohmann::json::exception& ex) {
    return Status::invalid_input(fmt::format("bad edit: {}", ex.what()));
  }
}

}  // namespace kg::graph

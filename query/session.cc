#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <type_traits>

#include "graph/schema/schema.h"
#include "query/executor.h"
#include "query/query.h"

namespace kg::query {

Result<store::Entity> StoreNames::entity(store::EntityId id) {
  if (auto it = entities_.find(id); it != entities_.end()) return it->second;
  auto e = store_.entity(id);
  if (!e) return e.status();
  if (!e->has_value()) return Status::corruption(fmt::format("an edge names entity {} that does not exist (run kg check)", id));
  entities_.emplace(id, **e);
  return **e;
}

Result<std::string> StoreNames::relation(store::RelationId id) {
  if (auto it = relations_.find(id); it != relations_.end()) return it->second;
  auto r = store_.relation_name(id);
  if (!r) return r.status();
  if (!r->has_value()) return Status::corruption(fmt::format("an edge names relation {} that does not exist (run kg check)", id));
  relations_.emplace(id, **r);
  return **r;
}

std::string arrow(std::string_view relation, bool points_right) {
  return points_right ? fmt::format("-[{}]->", relation) : fmt::format("<-[{}]-", relation);
}

Session::Session(store::Store& store, SessionMode mode) : store_(&store), mode_(mode) {}

void Session::reopened(store::Store& store) {
  store_ = &store;
  view_.reset();
  view_all_.reset();
  entity_names_.reset();
  cypher_vocabulary_.reset();
}
Session::~Session() = default;

Result<const graph::View*> Session::view() {
  if (!view_) {
    auto built = graph::View::build(*store_);
    if (!built) return built.status();
    view_ = std::make_unique<graph::View>(std::move(*built));
  }
  return static_cast<const graph::View*>(view_.get());
}

Result<const graph::View*> Session::view_all() {
  if (!view_all_) {
    auto built = graph::View::build(*store_, graph::ViewScope::kAll);
    if (!built) return built.status();
    view_all_ = std::make_unique<graph::View>(std::move(*built));
  }
  return static_cast<const graph::View*>(view_all_.get());
}

Status Session::set_parameter(std::string_view name, std::string_view value) {
  const bool is_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }) && !(name[0] >= '0' && name[0] <= '9');
  if (!is_name) {
    return Status::invalid_input(fmt::format("parameter name '{}' is not a name: use letters, digits and _", name));
  }
  auto parsed = cypher::parse_parameter_value(value);
  if (!parsed) return parsed.status();
  parameters_[std::string(name)] = *parsed;
  return Status::ok();
}

const CypherVocabulary& Session::cypher_vocabulary() {
  if (!cypher_vocabulary_) {
    CypherVocabulary v;
    for (size_t t = 0; t < store::kEntityTypeCount; ++t) {
      v.labels.emplace_back(store::entity_type_name(static_cast<store::EntityType>(t)));
    }
    // A stored phrase is typed with underscores (speak_with); one that is
    // still no identifier then needs backquotes.
    auto add = [&](std::string_view phrase) {
      std::string typed(phrase);
      std::replace(typed.begin(), typed.end(), ' ', '_');
      const bool plain = !typed.empty() && std::all_of(typed.begin(), typed.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
      });
      v.relations.push_back(plain ? typed : fmt::format("`{}`", phrase));
    };
    for (const schema::RelationKind& kind : schema::relation_kinds()) add(kind.name);
    // Completion is a convenience: a failed scan just completes fewer names.
    (void)store_->for_each_relation([&](store::RelationId, std::string_view phrase) { add(phrase); });
    std::sort(v.labels.begin(), v.labels.end());
    std::sort(v.relations.begin(), v.relations.end());
    v.relations.erase(std::unique(v.relations.begin(), v.relations.end()), v.relations.end());
    cypher_vocabulary_ = std::move(v);
  }
  return *cypher_vocabulary_;
}

const std::vector<std::string>& Session::entity_names() {
  if (!entity_names_) {
    std::vector<std::string> names;
    if (view_) {
      for (graph::Vertex v = 0; v < view_->vertex_count(); ++v) names.push_back(view_->vertex(v).name);
    } else {
      // Completion is a convenience: a failed scan just completes nothing.
      (void)store_->for_each_entity([&](const store::Entity& e) { names.push_back(e.name); });
    }
    std::sort(names.begin(), names.end());
    entity_names_ = std::move(names);
  }
  return *entity_names_;
}

Result<QueryResult> Session::execute(const Command& command) {
  ExecContext ctx{*store_, mode_, [this] { return view(); }, [this] { return view_all(); }, view_ != nullptr,
                  &parameters_, &limits_};
  return std::visit(
      [&](const auto& cmd) -> Result<QueryResult> {
        using T = std::decay_t<decltype(cmd)>;
        if constexpr (std::is_same_v<T, EntityCommand>) return run_entity(ctx, cmd);
        else if constexpr (std::is_same_v<T, NeighborsCommand>) return run_neighbors(ctx, cmd);
        else if constexpr (std::is_same_v<T, PathCommand>) return run_path(ctx, cmd);
        else if constexpr (std::is_same_v<T, SourcesCommand>) return run_sources(ctx, cmd);
        else if constexpr (std::is_same_v<T, TopCommand>) return run_top(ctx, cmd);
        else if constexpr (std::is_same_v<T, ComponentsCommand>) return run_components(ctx, cmd);
        else if constexpr (std::is_same_v<T, StatsCommand>) return run_stats(ctx, cmd);
        else if constexpr (std::is_same_v<T, HistoryCommand>) return run_history(ctx, cmd);
        else if constexpr (std::is_same_v<T, ExportCommand>) return run_export(ctx, cmd);
        else if constexpr (std::is_same_v<T, CypherCommand>) return run_cypher(ctx, cmd);
        else if constexpr (std::is_same_v<T, HelpCommand>) {
          QueryResult r;
          r.message = help_text(cmd.topic);
          return r;
        } else {
          static_assert(std::is_same_v<T, QuitCommand>);
          QueryResult r;
          r.quit = true;
          return r;
        }
      },
      command);
}

}  // namespace kg::query

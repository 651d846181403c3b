// The command implementations behind Session::execute, one function per
// colon command. Private to query/.
#pragma once

#include <functional>
#include <unordered_map>

#include "base/status.h"
#include "graph/store/store.h"
#include "graph/view.h"
#include "query/command.h"
#include "query/query.h"
#include "query/result.h"

namespace kg::query {

// What a command may use: the store always, the view through `view()`,
// which builds it on first call and then returns the same one.
struct ExecContext {
  store::Store& store;
  SessionMode mode;
  std::function<Result<const graph::View*>()> view;
  // The view with concepts and qualified relations too (ViewScope::kAll),
  // built on first call; only Cypher patterns that name CONCEPT use it.
  std::function<Result<const graph::View*>()> view_all;
  bool has_view = false;  // the view exists already (no build cost to use it)
  const cypher::Parameters* parameters = nullptr;  // $name values of Cypher statements
  const cypher::RunOptions* limits = nullptr;      // row and binding bounds; null: the defaults
};

// Entities and relation names read from the store once per command.
class StoreNames {
 public:
  explicit StoreNames(store::Store& store) : store_(store) {}
  Result<store::Entity> entity(store::EntityId id);
  Result<std::string> relation(store::RelationId id);

 private:
  store::Store& store_;
  std::unordered_map<store::EntityId, store::Entity> entities_;
  std::unordered_map<store::RelationId, std::string> relations_;
};

// "-[speak with]->" when the row's entity is the object (edge points at it
// from `via`'s side reversed), Cypher-style arrows for reading "A <-[r]- B".
std::string arrow(std::string_view relation, bool points_right);

Result<QueryResult> run_entity(ExecContext& ctx, const EntityCommand& cmd);
Result<QueryResult> run_sources(ExecContext& ctx, const SourcesCommand& cmd);
Result<QueryResult> run_neighbors(ExecContext& ctx, const NeighborsCommand& cmd);
Result<QueryResult> run_path(ExecContext& ctx, const PathCommand& cmd);
Result<QueryResult> run_top(ExecContext& ctx, const TopCommand& cmd);
Result<QueryResult> run_components(ExecContext& ctx, const ComponentsCommand& cmd);
Result<QueryResult> run_stats(ExecContext& ctx, const StatsCommand& cmd);
Result<QueryResult> run_history(ExecContext& ctx, const HistoryCommand& cmd);
Result<QueryResult> run_export(ExecContext& ctx, const ExportCommand& cmd);
Result<QueryResult> run_cypher(ExecContext& ctx, const CypherCommand& cmd);

}  // namespace kg::query

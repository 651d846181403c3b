// The bridge from a session to the Cypher engine: picks the view a query
// needs (the entity graph unless a pattern names CONCEPT).
#include "query/executor.h"

namespace kg::query {

Result<QueryResult> run_cypher(ExecContext& ctx, const CypherCommand& cmd) {
  auto view = cypher::needs_all_entities(*cmd.query) ? ctx.view_all() : ctx.view();
  if (!view) return view.status();
  cypher::RunOptions options = ctx.limits != nullptr ? *ctx.limits : cypher::RunOptions{};
  options.parameters = ctx.parameters;
  return cypher::run(*cmd.query, ctx.store, **view, options);
}

}  // namespace kg::query

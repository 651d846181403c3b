// The planner's output and the executor's values, private to query/cypher.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "graph/algo/algo.h"
#include "graph/view.h"
#include "query/cypher/cypher.h"
#include "query/cypher/tokens.h"
#include "query/executor.h"

namespace kg::query::cypher {

struct NodeRef {
  graph::Vertex vertex;
  bool operator==(const NodeRef&) const = default;
  auto operator<=>(const NodeRef&) const = default;
};
struct RelRef {
  graph::CsrEdge edge;
  bool operator==(const RelRef& o) const { return edge == o.edge; }
};

// A path: its first node and the edges walked from it (each edge's other
// end is the next node, whichever way the edge points).
struct PathRef {
  graph::Vertex start = 0;
  std::vector<graph::CsrEdge> edges;
  bool operator==(const PathRef& o) const { return start == o.start && edges == o.edges; }
  std::vector<graph::Vertex> nodes(const graph::CsrGraph& g) const;
};

// A runtime value. Lists hold the relationships of a variable-length match
// and the items of an IN list.
struct Value {
  std::variant<std::monostate, bool, int64_t, double, std::string, NodeRef, RelRef, std::vector<Value>, PathRef> data;
  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
};

// Total order for ORDER BY, DISTINCT and grouping: null last, then by kind
// (numbers compare across int and real), then by value.
int compare_values(const Value& a, const Value& b);
struct ValueLess {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

// kValue: anything a WITH expression or UNWIND gave; checked when used.
enum class SlotKind { kNode, kRel, kRelList, kPath, kValue };

// The direction of a relationship as walked from its other end.
inline Direction reversed(Direction d) {
  return d == Direction::kRight ? Direction::kLeft : d == Direction::kLeft ? Direction::kRight : d;
}

// One binding per pattern element: named variables share a slot, anonymous
// elements get a slot of their own (needed for relationship uniqueness).
struct Slot {
  std::string name;  // "" when anonymous
  SlotKind kind = SlotKind::kNode;
};

// Binds one node: the anchor of a chain (scan) or the far end of an
// expansion over `rel` from the node in `from_slot`.
struct Step {
  const NodePattern* node = nullptr;
  int node_slot = -1;
  const RelPattern* rel = nullptr;  // null for a scan
  int rel_slot = -1;
  int from_slot = -1;
  Direction direction = Direction::kRight;  // as walked from from_slot
  bool shortest = false;                     // shortestPath: one fewest-hop path per end node
  std::vector<const Expr*> filters;          // WHERE conjuncts whose variables are bound after this step
};

// `p = ...`: filled from the chain's slots once a row is complete.
struct PathBinding {
  int slot = -1;
  int first_node_slot = -1;
  std::vector<int> rel_slots;  // in chain order
};

// The variables in scope (slots) and, for a MATCH, how to bind its own.
// Slots [0, input_width) come bound from the clauses before.
struct Plan {
  std::vector<Slot> slots;
  std::map<std::string, int> slot_of;  // named variables
  size_t input_width = 0;
  const Parameters* parameters = nullptr;
  std::vector<Step> steps;
  std::vector<const Expr*> constant_filters;  // conjuncts over input slots only
  std::vector<PathBinding> paths;
  bool optional = false;
};

// Checks names (labels, properties, variables, functions) and orders the
// match of one MATCH clause over the variables of `scope`: Status names the
// first unknown one with its position.
Result<Plan> plan_match(const MatchClause& match, const Plan& scope);
// Checks the names an expression reads against `scope` (and `aliases`, the
// columns of the projection it belongs to).
Status check_names(const Expr& expr, const Plan& scope, const std::set<std::string>& aliases, bool aggregates_allowed);
// The scope after WITH: its items, a bare variable keeping its kind.
Plan scope_after(const Projection& projection, const Plan& scope);
// The scope after UNWIND ... AS alias.
Result<Plan> scope_with(const Plan& scope, const std::string& alias, Where where);

// Answers pattern predicates: whether `chain` has a match with the
// variables of `scope` bound as in `row` (executor.cc, over the matcher).
class PatternTester {
 public:
  virtual ~PatternTester() = default;
  virtual Value exists(const PatternChain& chain, const Plan& scope, const std::vector<Value>& row) const = 0;
};

// The value of each aggregate call of a projection item for one group.
using AggregateValues = std::map<const Expr*, Value>;

// Evaluates `expr` against one row of slot values. Aggregates are read
// from `aggregates` (a group's values; null outside a projection's end).
// Pattern predicates are null without a `patterns` tester.
class Evaluator {
 public:
  Evaluator(const Plan& plan, const graph::View& view, const PatternTester* patterns = nullptr,
            const AggregateValues* aggregates = nullptr)
      : plan_(plan), view_(view), patterns_(patterns), aggregates_(aggregates) {}
  // The same evaluator reading a group's aggregate values.
  Evaluator with(const AggregateValues& aggregates) const { return Evaluator(plan_, view_, patterns_, &aggregates); }
  Value eval(const Expr& expr, const std::vector<Value>& row) const;
  Value property(const Value& target, const std::string& key) const;
  const graph::View& view() const { return view_; }

 private:
  Value call(const Call& c, const Expr& expr, const std::vector<Value>& row) const;
  Value binary(const Binary& b, const std::vector<Value>& row) const;
  const Plan& plan_;
  const graph::View& view_;
  const PatternTester* patterns_;
  const AggregateValues* aggregates_;
};

// Truth of a predicate value: only `true` passes (null and false do not).
inline bool is_true(const Value& v) { return std::holds_alternative<bool>(v.data) && std::get<bool>(v.data); }

bool is_aggregate(const std::string& function);
bool contains_aggregate(const Expr& expr);
// The aggregate calls in `expr`, outermost first (count(x) * 2: count(x)).
void aggregate_calls(const Expr& expr, std::vector<const Expr*>& out);

// A value as a result cell: nodes print as (:TYPE {name: "..."}).
Cell to_cell(const Value& v, const graph::View& view);

// Rows of slot values -> the rows of a WITH or RETURN (grouping, DISTINCT,
// ORDER BY, SKIP, LIMIT), one value per item.
Result<std::vector<std::vector<Value>>> project(const Projection& projection, const Evaluator& eval,
                                                const std::vector<std::vector<Value>>& rows);
// Whether the projection aggregates (openCypher's implicit grouping);
// kInvalidInput when an aggregate is not a whole item, or ORDER BY reads
// what the grouped rows no longer hold.
Result<bool> aggregates(const Projection& projection);

// The groups of an aggregating projection, fed one input row at a time so
// that a MATCH can be counted without keeping its rows: memory grows with
// the groups, not with the rows counted.
class Grouping {
 public:
  // `projection` must have passed aggregates() with true.
  Grouping(const Projection& projection, const Evaluator& eval);
  ~Grouping();
  void add(const std::vector<Value>& row);
  size_t size() const;  // groups so far
  // One row per group, one value per item (one row of empty aggregates
  // when nothing was added and there are no grouping keys).
  std::vector<std::vector<Value>> rows();

 private:
  struct Groups;
  const Projection& q_;
  const Evaluator& eval_;
  std::vector<size_t> keys_, aggregates_;  // item indices
  std::vector<const Expr*> calls_;  // the aggregate calls of the aggregate items, in order
  bool keeps_rows_ = false;  // an aggregate item is more than its call
  std::unique_ptr<Groups> groups_;
};

// The input rows an ORDER BY ... LIMIT keeps, fed one at a time: the
// first `wanted` (SKIP + LIMIT) under the order, ties in arrival order, so
// that a MATCH finding more rows than the row cap can still be sorted.
// Memory grows with `wanted`, not with the rows fed.
class TopRows {
 public:
  // `projection` has an ORDER BY and neither aggregates nor is DISTINCT.
  TopRows(const Projection& projection, const Evaluator& eval, size_t wanted);
  ~TopRows();
  void add(const std::vector<Value>& row);
  // The rows kept, in the order they came: finish_projection's stable sort
  // of them gives what it would give of all the rows fed.
  std::vector<std::vector<Value>> rows();

 private:
  struct Kept;
  const Projection& q_;
  const Evaluator& eval_;
  size_t wanted_;
  size_t arrived_ = 0;
  std::unique_ptr<Kept> kept_;
};

// DISTINCT, ORDER BY, SKIP and LIMIT over `out`, the projected rows;
// `rows` are the input rows they came from, for an ORDER BY on what was not
// returned (empty after grouping, where ORDER BY reads returned columns only).
std::vector<std::vector<Value>> finish_projection(const Projection& projection, const Evaluator& eval,
                                                  std::vector<std::vector<Value>> out,
                                                  const std::vector<std::vector<Value>>& rows);
Table to_table(const Projection& projection, const std::vector<std::vector<Value>>& rows, const graph::View& view);

// Whole-graph procedure results, computed on first use in a statement.
struct ProcedureCache {
  std::optional<std::vector<double>> pagerank;
  std::optional<std::vector<double>> betweenness;
  std::optional<graph::Components> components;
};

// Runs `call` with its evaluated `args`; `emit` takes each record (the
// procedure's columns in order) and returns false to stop.
Status call_procedure(const CallClause& call, const std::vector<Value>& args, Where where, const graph::View& view,
                      store::Store& store, ProcedureCache& cache,
                      const std::function<bool(std::vector<Value>)>& emit);

// The fewest-hop path from `from` to each vertex within `max_hops` (only to
// `target` when given), by boost::breadth_first_visit walking edges in
// `direction` that `follow` accepts. Calls `found(vertex, edges)` in
// breadth-first order until it returns false; returns that last answer.
bool shortest_paths(const graph::CsrGraph& g, graph::Vertex from, std::optional<graph::Vertex> target,
                    Direction direction, int max_hops, const std::function<bool(const graph::CsrEdge&)>& follow,
                    const std::function<bool(graph::Vertex, const std::vector<graph::CsrEdge>&)>& found);

}  // namespace kg::query::cypher

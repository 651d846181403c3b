// The planner's output and the executor's values, private to query/cypher.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <variant>
#include <vector>

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

// A runtime value. Lists hold the relationships of a variable-length match
// and the items of an IN list.
struct Value {
  std::variant<std::monostate, bool, int64_t, double, std::string, NodeRef, RelRef, std::vector<Value>> data;
  bool is_null() const { return std::holds_alternative<std::monostate>(data); }
};

// Total order for ORDER BY, DISTINCT and grouping: null last, then by kind
// (numbers compare across int and real), then by value.
int compare_values(const Value& a, const Value& b);
struct ValueLess {
  bool operator()(const std::vector<Value>& a, const std::vector<Value>& b) const;
};

enum class SlotKind { kNode, kRel, kRelList };

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
  std::vector<const Expr*> filters;          // WHERE conjuncts whose variables are bound after this step
};

struct Plan {
  std::vector<Slot> slots;
  std::vector<Step> steps;
  std::vector<const Expr*> constant_filters;  // conjuncts without variables
  std::map<std::string, int> slot_of;         // named variables
};

// Checks names (labels, properties, variables, functions) and orders the
// match: Status names the first unknown one with its position.
Result<Plan> plan_query(const Query& query);

// Evaluates `expr` against one row of slot values. Aggregates are not
// evaluated here (the projection replaces them by their group's value).
class Evaluator {
 public:
  Evaluator(const Plan& plan, const graph::View& view, StoreNames& names) : plan_(plan), view_(view), names_(names) {}
  Value eval(const Expr& expr, const std::vector<Value>& row) const;
  Value property(const Value& target, const std::string& key) const;
  const graph::View& view() const { return view_; }

 private:
  Value call(const Call& c, const std::vector<Value>& row) const;
  Value binary(const Binary& b, const std::vector<Value>& row) const;
  const Plan& plan_;
  const graph::View& view_;
  StoreNames& names_;
};

// Truth of a predicate value: only `true` passes (null and false do not).
inline bool is_true(const Value& v) { return std::holds_alternative<bool>(v.data) && std::get<bool>(v.data); }

bool is_aggregate(const std::string& function);
bool contains_aggregate(const Expr& expr);

// A value as a result cell: nodes print as (:TYPE {name: "..."}).
Cell to_cell(const Value& v, const graph::View& view);

// Rows of slot values -> the RETURN table (grouping, DISTINCT, ORDER BY, SKIP, LIMIT).
Result<QueryResult> project(const Query& query, const Plan& plan, const Evaluator& eval,
                            const std::vector<std::vector<Value>>& rows);

}  // namespace kg::query::cypher

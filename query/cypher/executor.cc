// The match: a depth-first walk over the plan's steps on the CSR view. Each
// step binds one node (and the relationship that reached it); a row is
// complete when every step is bound and every WHERE conjunct held.
// Invariant: a relationship is bound at most once per row (openCypher's
// relationship uniqueness), so cycles cannot repeat an edge.
#include <fmt/format.h>

#include "query/cypher/engine.h"
#include "query/entity_resolver.h"

namespace kg::query::cypher {
namespace {

using Row = std::vector<Value>;

// "speak_with", "Speak With" -> "speak with" (stored phrases use spaces).
std::string surface_form(std::string_view typed) {
  std::string out(typed);
  for (char& c : out) {
    if (c == '_') c = ' ';
    else if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// "speaks with" -> "speaks_with" (canonical names use underscores).
std::string canonical_form(std::string_view typed) {
  std::string out = surface_form(typed);
  for (char& c : out) {
    if (c == ' ') c = '_';
  }
  return out;
}

struct TypeFilter {
  std::set<store::RelationId> surface;
  std::set<std::string, std::less<>> canonical;
};

class Matcher {
 public:
  Matcher(const Plan& plan, const Evaluator& eval, const RunOptions& options, std::optional<size_t> enough)
      : plan_(plan), eval_(eval), view_(eval.view()), options_(options), enough_(enough),
        no_row_(plan.slots.size()) {}

  Status prepare(store::Store& store);
  Status run(std::vector<Row>& out);

 private:
  bool step(size_t i, Row& row);
  bool scan(size_t i, Row& row);
  bool expand(size_t i, Row& row);
  bool walk(size_t i, Row& row, graph::Vertex at, int depth, std::vector<Value>& path);
  bool reach(size_t i, Row& row, graph::Vertex v);
  template <typename Fn>
  bool for_each_edge(graph::Vertex from, Direction d, const RelPattern& rel, Fn&& fn);
  bool node_fits(const NodePattern& n, graph::Vertex v) const;
  bool rel_fits(const RelPattern& r, const graph::CsrEdge& e) const;
  bool used(const graph::CsrEdge& e) const { return std::find(used_.begin(), used_.end(), e) != used_.end(); }
  bool filters_hold(const Step& s, const Row& row) const;

  const Plan& plan_;
  const Evaluator& eval_;
  const graph::View& view_;
  const RunOptions& options_;
  std::optional<size_t> enough_;
  uint64_t bindings_ = 0;
  const Row no_row_;  // every slot null: where property-map values are evaluated
  std::map<const NodePattern*, std::set<store::EntityId>> named_;  // entities a {name: ...} fits
  std::map<const NodePattern*, std::vector<graph::Vertex>> starts_;  // the same, as view vertices
  std::map<const RelPattern*, TypeFilter> types_;
  std::vector<graph::CsrEdge> used_;
  std::vector<Row>* out_ = nullptr;
  Status stopped_ = Status::ok();
};

// Resolves {name: ...} through the same alias lookup as the colon commands
// (every entity the name fits), and relationship types to stored ids.
Status Matcher::prepare(store::Store& store) {
  for (const Step& s : plan_.steps) {
    for (const auto& [key, expr] : s.node->properties) {
      if (key != "name") continue;
      const Value v = eval_.eval(*expr, no_row_);
      std::set<store::EntityId>& ids = named_[s.node];
      if (!std::holds_alternative<std::string>(v.data)) continue;  // a name that is no string fits nothing
      auto found = resolve_entity(store, NameArg{std::get<std::string>(v.data), expr->where.line, expr->where.column});
      if (!found) {
        if (found.status().code() == Status::Code::kNotFound) continue;  // no such entity: no rows
        return found.status();
      }
      ids.insert(found->entity.id);
      for (const store::Entity& e : found->others) ids.insert(e.id);
    }
    if (s.rel && !s.rel->types.empty()) {
      TypeFilter& f = types_[s.rel];
      for (const std::string& t : s.rel->types) {
        if (auto id = view_.find_relation(surface_form(t))) f.surface.insert(*id);
        f.canonical.insert(canonical_form(t));
      }
    }
  }
  for (const auto& [node, ids] : named_) {
    std::vector<graph::Vertex>& starts = starts_[node];
    for (store::EntityId id : ids) {
      if (auto v = view_.vertex_of(id)) starts.push_back(*v);
    }
  }
  return Status::ok();
}

Status Matcher::run(std::vector<Row>& out) {
  out_ = &out;
  for (const Expr* f : plan_.constant_filters) {
    if (!is_true(eval_.eval(*f, no_row_))) return Status::ok();
  }
  Row row(plan_.slots.size());
  step(0, row);
  return stopped_;
}

// False stops the whole walk (enough rows, or too many).
bool Matcher::step(size_t i, Row& row) {
  if (i == plan_.steps.size()) {
    if (out_->size() >= options_.max_rows) {
      stopped_ = Status::invalid_input(fmt::format("query stopped after {} rows; add LIMIT, a WHERE or a name to the "
                                                   "pattern to narrow it",
                                                   options_.max_rows));
      return false;
    }
    out_->push_back(row);
    return !(enough_ && out_->size() >= *enough_);
  }
  return plan_.steps[i].rel ? expand(i, row) : scan(i, row);
}

bool Matcher::scan(size_t i, Row& row) {
  const Step& s = plan_.steps[i];
  if (!row[s.node_slot].is_null()) return reach(i, row, std::get<NodeRef>(row[s.node_slot].data).vertex);
  if (auto it = starts_.find(s.node); it != starts_.end()) {
    for (graph::Vertex v : it->second) {
      if (!reach(i, row, v)) return false;
    }
    return true;
  }
  for (graph::Vertex v = 0; v < view_.vertex_count(); ++v) {
    if (!reach(i, row, v)) return false;
  }
  return true;
}

// Binds step i's node to v when it fits, then goes on to the next step.
bool Matcher::reach(size_t i, Row& row, graph::Vertex v) {
  const Step& s = plan_.steps[i];
  if (++bindings_ > options_.max_bindings) {
    stopped_ = Status::invalid_input(fmt::format("query stopped after trying {} bindings; name an entity or add a "
                                                 "label to the pattern to narrow it",
                                                 options_.max_bindings));
    return false;
  }
  Value& slot = row[s.node_slot];
  const bool was_bound = !slot.is_null();
  if (was_bound) {
    if (std::get<NodeRef>(slot.data).vertex != v) return true;
  } else {
    if (!node_fits(*s.node, v)) return true;
    slot.data = NodeRef{v};
  }
  bool go_on = true;
  if (filters_hold(s, row)) go_on = step(i + 1, row);
  if (!was_bound) slot = Value{};
  return go_on;
}

bool Matcher::filters_hold(const Step& s, const Row& row) const {
  for (const Expr* f : s.filters) {
    if (!is_true(eval_.eval(*f, row))) return false;
  }
  return true;
}

template <typename Fn>
bool Matcher::for_each_edge(graph::Vertex from, Direction d, const RelPattern& rel, Fn&& fn) {
  const graph::CsrGraph& g = view_.graph();
  if (d != Direction::kLeft) {
    for (auto [it, end] = boost::out_edges(from, g); it != end; ++it) {
      if (rel_fits(rel, *it) && !used(*it) && !fn(*it, boost::target(*it, g))) return false;
    }
  }
  if (d != Direction::kRight) {
    for (auto [it, end] = boost::in_edges(from, g); it != end; ++it) {
      // An undirected walk meets a self-loop among the out-edges already.
      if (d == Direction::kBoth && boost::source(*it, g) == from) continue;
      if (rel_fits(rel, *it) && !used(*it) && !fn(*it, boost::source(*it, g))) return false;
    }
  }
  return true;
}

bool Matcher::expand(size_t i, Row& row) {
  const Step& s = plan_.steps[i];
  const graph::Vertex from = std::get<NodeRef>(row[s.from_slot].data).vertex;
  if (s.rel->variable_length) {
    std::vector<Value> path;
    return walk(i, row, from, 0, path);
  }
  return for_each_edge(from, s.direction, *s.rel, [&](const graph::CsrEdge& e, graph::Vertex to) {
    row[s.rel_slot].data = RelRef{e};
    used_.push_back(e);
    const bool go_on = reach(i, row, to);
    used_.pop_back();
    row[s.rel_slot] = Value{};
    return go_on;
  });
}

// Variable length: every trail of min..max hops from `at`.
bool Matcher::walk(size_t i, Row& row, graph::Vertex at, int depth, std::vector<Value>& path) {
  const Step& s = plan_.steps[i];
  if (depth >= s.rel->min_hops) {
    row[s.rel_slot].data = path;
    const bool go_on = reach(i, row, at);
    row[s.rel_slot] = Value{};
    if (!go_on) return false;
  }
  if (depth == s.rel->max_hops) return true;
  return for_each_edge(at, s.direction, *s.rel, [&](const graph::CsrEdge& e, graph::Vertex to) {
    used_.push_back(e);
    path.push_back(Value{RelRef{e}});
    const bool go_on = walk(i, row, to, depth + 1, path);
    path.pop_back();
    used_.pop_back();
    return go_on;
  });
}

bool Matcher::node_fits(const NodePattern& n, graph::Vertex v) const {
  const graph::VertexProps& p = view_.vertex(v);
  if (n.label && store::parse_entity_type(*n.label) != p.type) return false;
  if (auto it = named_.find(&n); it != named_.end() && !it->second.count(p.entity)) return false;
  for (const auto& [key, expr] : n.properties) {
    if (key == "name") continue;
    if (compare_values(eval_.property(Value{NodeRef{v}}, key), eval_.eval(*expr, no_row_)) != 0) return false;
  }
  return true;
}

bool Matcher::rel_fits(const RelPattern& r, const graph::CsrEdge& e) const {
  if (auto it = types_.find(&r); it != types_.end()) {
    const TypeFilter& f = it->second;
    if (!f.surface.count(view_.edge(e).relation)) {
      const std::string_view canonical = view_.canonical_name(e);
      if (canonical.empty() || !f.canonical.count(canonical)) return false;
    }
  }
  for (const auto& [key, expr] : r.properties) {
    if (compare_values(eval_.property(Value{RelRef{e}}, key), eval_.eval(*expr, no_row_)) != 0) return false;
  }
  return true;
}

// Rows beyond which the answer cannot change: SKIP + LIMIT when nothing
// after the match needs every row (no ORDER BY, DISTINCT or aggregate).
std::optional<size_t> enough_rows(const Query& q) {
  if (!q.limit || !q.order_by.empty() || q.distinct) return std::nullopt;
  for (const ReturnItem& item : q.returns) {
    if (contains_aggregate(*item.expr)) return std::nullopt;
  }
  return static_cast<size_t>(*q.limit + q.skip.value_or(0));
}

}  // namespace

Result<QueryResult> run(const Query& query, store::Store& store, const graph::View& view, const RunOptions& options) {
  auto plan = plan_query(query);
  if (!plan) return plan.status();
  StoreNames names(store);
  Evaluator eval(*plan, view, names);
  std::vector<Row> rows;
  if (query.limit && *query.limit == 0) {
    // LIMIT 0 asks for the columns only.
  } else {
    Matcher matcher(*plan, eval, options, enough_rows(query));
    if (Status s = matcher.prepare(store); !s) return s;
    if (Status s = matcher.run(rows); !s) return s;
  }
  return project(query, *plan, eval, rows);
}

}  // namespace kg::query::cypher

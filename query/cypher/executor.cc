// The match: a depth-first walk over the plan's steps on the CSR view. Each
// step binds one node (and the relationship that reached it); a row is
// complete when every step is bound and every WHERE conjunct held.
// Invariant: a relationship is bound at most once per row (openCypher's
// relationship uniqueness), so cycles cannot repeat an edge.
#include <chrono>
#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "query/cypher/engine.h"
#include "query/entity_resolver.h"

namespace kg::query::cypher {
namespace {

using Row = std::vector<Value>;
// Takes each complete row of a match; a non-ok Status stops the match.
using RowSink = std::function<Status(const Row&)>;

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

  // Called when whatever reads the rows keeps only distinct ones (every
  // aggregate after the match is DISTINCT, min or max): a two-hop chain with
  // an anonymous middle then walks on from each middle node at most twice.
  void rows_read_as_set();
  // Called when the only thing read after the match is count(DISTINCT e)
  // of the far end e of a two-hop chain: true when the chain allows the
  // walk of count_two_hop_ends (no rows, no WHERE on the hops), which is
  // then used and whose count distinct_ends() returns.
  bool count_distinct_ends(int end_slot);
  int64_t distinct_ends() const { return distinct_ends_; }

  Status prepare(store::Store& store);
  // Extends each input row by every match (OPTIONAL: by nulls when none)
  // and hands each to `sink`, as it is found.
  Status run(const std::vector<Row>& in, const RowSink& sink);
  uint64_t emitted() const { return emitted_; }
  // Rows each step passed on, for PROFILE.
  const std::vector<uint64_t>& step_rows() const { return step_rows_; }

 private:
  bool step(size_t i, Row& row);
  bool scan(size_t i, Row& row);
  bool expand(size_t i, Row& row);
  bool walk(size_t i, Row& row, graph::Vertex at, int depth, std::vector<Value>& path);
  bool shortest(size_t i, Row& row, graph::Vertex from);
  void bind_paths(Row& row) const;
  bool emit(const Row& row);
  bool reach(size_t i, Row& row, graph::Vertex v);
  // `fn(edge, far end)` for each edge at `from` that `rel` admits and the
  // row has not bound; false when fn stopped the walk. `reads_far_end`:
  // fn reads the far end's properties (worth fetching early).
  template <typename Fn>
  bool for_each_edge(graph::Vertex from, Direction d, const RelPattern& rel, Fn&& fn, bool reads_far_end = true);
  bool node_fits(const NodePattern& n, graph::Vertex v) const;
  size_t degree(graph::Vertex v, Direction d) const;
  bool rel_fits(const RelPattern& r, const graph::CsrEdge& e) const;
  bool used(const graph::CsrEdge& e) const { return std::find(used_.begin(), used_.end(), e) != used_.end(); }
  bool filters_hold(const Step& s, const Row& row) const;
  bool skip_middle(const Row& row, graph::Vertex middle);
  bool skip_end(graph::Vertex end);
  bool count_two_hop_ends(graph::Vertex anchor, const graph::CsrEdge& first, graph::Vertex middle);
  bool over_budget(uint64_t more);

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
  const RowSink* sink_ = nullptr;
  uint64_t emitted_ = 0;
  std::vector<uint64_t> step_rows_;
  Status stopped_ = Status::ok();
  // Two-hop pruning (rows_read_as_set): per vertex, the anchor generation in
  // which it was walked on from once (with the first edge usable by the last
  // hop), walked on from fully, and emitted as the chain's end.
  bool prune_two_hops_ = false;
  uint32_t generation_ = 0;
  std::vector<uint32_t> middle_once_, middle_full_, end_seen_;
  // count_distinct_ends: every end found for any anchor, and their number.
  bool count_ends_ = false;
  std::vector<bool> end_counted_;
  int64_t distinct_ends_ = 0;
};

// A chain (a)-[]-()-[]-(b) read as a set yields the same rows whichever
// edge reached the middle node m, but for one case: the last hop may not
// reuse the first edge, so b = a is found through m only over a second
// edge between them. Walking on from m once over an edge the last hop
// cannot use, or twice over two edges it can, finds every b; the second
// walk can add only a, so it is left out once a has been found.
void Matcher::rows_read_as_set() {
  if (plan_.steps.size() != 3 || !plan_.paths.empty()) return;
  const Step& middle = plan_.steps[1];
  const Step& last = plan_.steps[2];
  auto plain = [&](const Step& s) {
    return s.rel && !s.shortest && !s.rel->variable_length && plan_.slots[s.rel_slot].name.empty() &&
           static_cast<size_t>(s.node_slot) >= plan_.input_width;
  };
  if (!plain(middle) || !plain(last) || last.from_slot != middle.node_slot) return;
  if (!plan_.slots[middle.node_slot].name.empty()) return;
  prune_two_hops_ = true;
  middle_once_.assign(view_.vertex_count(), 0);
  middle_full_.assign(view_.vertex_count(), 0);
  end_seen_.assign(view_.vertex_count(), 0);
}

bool Matcher::count_distinct_ends(int end_slot) {
  rows_read_as_set();
  if (!prune_two_hops_ || plan_.optional || plan_.steps[2].node_slot != end_slot ||
      end_slot == plan_.steps[0].node_slot) {
    return false;
  }
  if (!plan_.steps[1].filters.empty() || !plan_.steps[2].filters.empty()) return false;
  count_ends_ = true;
  end_counted_.assign(view_.vertex_count(), false);
  return true;
}

// (anchor)-[first]-(middle)-[second]-(end), counting each end once over
// the whole match without building a row: which ends `middle` leads to does
// not depend on `first` but for the anchor itself (`second` may not be
// `first`, and only an edge back to the anchor can be). So a middle is
// walked fully once per anchor, and again only while the anchor is uncounted.
bool Matcher::count_two_hop_ends(graph::Vertex anchor, const graph::CsrEdge& first, graph::Vertex middle) {
  const Step& middle_step = plan_.steps[1];
  const Step& last = plan_.steps[2];
  if (!node_fits(*middle_step.node, middle)) return true;
  const bool again = middle_full_[middle] == generation_;
  if (again && end_counted_[anchor]) return true;
  middle_full_[middle] = generation_;
  ++step_rows_[1];
  const graph::CsrGraph& g = view_.graph();
  if (over_budget(boost::out_degree(middle, g) + boost::in_degree(middle, g))) return false;
  // The common case, any edge to any node, skips the per-edge checks.
  const bool any_end = !last.node->label && last.node->properties.empty();
  return for_each_edge(middle, last.direction, *last.rel, [&](const graph::CsrEdge& second, graph::Vertex end) {
    if (end_counted_[end] || (again && end != anchor) || second == first) return true;
    if (!any_end && !node_fits(*last.node, end)) return true;
    end_counted_[end] = true;
    ++distinct_ends_;
    ++step_rows_[2];
    return true;
  }, !any_end);
}

// Counts `more` candidate bindings; false (with the error set) past the budget.
bool Matcher::over_budget(uint64_t more) {
  bindings_ += more;
  if (bindings_ <= options_.max_bindings) return false;
  stopped_ = Status::invalid_input(fmt::format("query stopped after trying {} bindings; name an entity or add a "
                                               "label to the pattern to narrow it",
                                               options_.max_bindings));
  return true;
}

// True when walking on from `middle` again can add no row.
bool Matcher::skip_middle(const Row& row, graph::Vertex middle) {
  if (middle_full_[middle] == generation_) return true;
  const graph::CsrGraph& g = view_.graph();
  const Step& last = plan_.steps[2];
  const graph::CsrEdge& first = std::get<RelRef>(row[plan_.steps[1].rel_slot].data).edge;
  const bool leaves = boost::source(first, g) == middle, enters = boost::target(first, g) == middle;
  const bool usable = rel_fits(*last.rel, first) && (last.direction == Direction::kBoth ||
                                                     (last.direction == Direction::kRight ? leaves : enters));
  if (usable && middle_once_[middle] != generation_) {
    middle_once_[middle] = generation_;
    return false;
  }
  middle_full_[middle] = generation_;
  const bool second = usable;
  return second && end_seen_[std::get<NodeRef>(row[plan_.steps[0].node_slot].data).vertex] == generation_;
}

// True when `end` was a row's last node already for this anchor.
bool Matcher::skip_end(graph::Vertex end) {
  if (end_seen_[end] == generation_) return true;
  end_seen_[end] = generation_;
  return false;
}

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

Status Matcher::run(const std::vector<Row>& in, const RowSink& sink) {
  sink_ = &sink;
  emitted_ = 0;  // a pattern predicate's matcher runs once per row
  stopped_ = Status::ok();
  step_rows_.assign(plan_.steps.size(), 0);
  for (const Row& input : in) {
    Row row = input;
    row.resize(plan_.slots.size());
    const uint64_t before = emitted_;
    bool inputs_fit = true;
    // A node carried in from an earlier clause that is null (an OPTIONAL
    // MATCH found nothing) matches nothing.
    for (const Step& s : plan_.steps) {
      for (int slot : {s.node_slot, s.from_slot}) {
        if (slot >= 0 && static_cast<size_t>(slot) < plan_.input_width && row[slot].is_null()) inputs_fit = false;
      }
    }
    for (const Expr* f : plan_.constant_filters) {
      if (inputs_fit && !is_true(eval_.eval(*f, row))) inputs_fit = false;
    }
    if (inputs_fit && !step(0, row)) {
      if (!stopped_) return stopped_;
      break;  // enough rows
    }
    if (plan_.optional && emitted_ == before) {
      Row nulls = input;
      nulls.resize(plan_.slots.size());
      if (!emit(nulls)) return stopped_;
    }
    if (enough_ && emitted_ >= *enough_) break;
  }
  return stopped_;
}

// Hands one complete row on; false stops the walk (enough rows, or the
// sink refused it).
bool Matcher::emit(const Row& row) {
  if (Status s = (*sink_)(row); !s) {
    stopped_ = std::move(s);
    return false;
  }
  ++emitted_;
  return !(enough_ && emitted_ >= *enough_);
}

void Matcher::bind_paths(Row& row) const {
  for (const PathBinding& p : plan_.paths) {
    const graph::CsrGraph& g = view_.graph();
    PathRef path{std::get<NodeRef>(row[p.first_node_slot].data).vertex, {}};
    graph::Vertex at = path.start;
    auto add = [&](const graph::CsrEdge& e) {
      path.edges.push_back(e);
      at = boost::source(e, g) == at ? boost::target(e, g) : boost::source(e, g);
    };
    for (int r : p.rel_slots) {
      if (const auto* one = std::get_if<RelRef>(&row[r].data)) {
        add(one->edge);
      } else if (const auto* many = std::get_if<std::vector<Value>>(&row[r].data); many && !many->empty()) {
        // A chain matched from its far end lists its variable-length edges
        // from that end: take them in walking order from the path's start.
        const graph::CsrEdge& first = std::get<RelRef>(many->front().data).edge;
        const bool in_order = boost::source(first, g) == at || boost::target(first, g) == at;
        for (size_t k = 0; k < many->size(); ++k) {
          add(std::get<RelRef>((*many)[in_order ? k : many->size() - 1 - k].data).edge);
        }
      }
    }
    row[p.slot].data = std::move(path);
  }
}

// False stops the whole walk (enough rows, or too many).
bool Matcher::step(size_t i, Row& row) {
  if (i == plan_.steps.size()) {
    if (plan_.paths.empty()) return emit(row);
    Row with_paths = row;
    bind_paths(with_paths);
    return emit(with_paths);
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
  if (prune_two_hops_ && i == 2 && end_seen_[v] == generation_) return true;  // a set holds it already
  if (over_budget(1)) return false;
  if (prune_two_hops_) {
    if (i == 0) ++generation_;  // a new anchor: what was walked is walked again
    else if (i == 1 && skip_middle(row, v)) return true;
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
  if (filters_hold(s, row) && !(prune_two_hops_ && i == 2 && skip_end(v))) {
    ++step_rows_[i];
    go_on = step(i + 1, row);
  }
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
bool Matcher::for_each_edge(graph::Vertex from, Direction d, const RelPattern& rel, Fn&& fn, bool reads_far_end) {
  const graph::CsrGraph& g = view_.graph();
  // Checked once, not per edge: most patterns take any edge, and most
  // walks have bound no relationship yet.
  const bool any = rel.types.empty() && rel.properties.empty();
  const bool fresh = used_.empty();
  auto fits = [&](const graph::CsrEdge& e) { return (any || rel_fits(rel, e)) && (fresh || !used(e)); };
  // The far ends' properties are what the next check reads, scattered over
  // the vertex array: asking for them a few edges early hides the misses
  // (out-edge iterators are random access; in-edge ones are not).
  const std::ptrdiff_t ahead = reads_far_end ? 8 : 0;
  if (d != Direction::kLeft) {
    for (auto [it, end] = boost::out_edges(from, g); it != end; ++it) {
      if (ahead && end - it > ahead) __builtin_prefetch(&g[boost::target(*(it + ahead), g)]);
      if (fits(*it) && !fn(*it, boost::target(*it, g))) return false;
    }
  }
  if (d != Direction::kRight) {
    for (auto [it, end] = boost::in_edges(from, g); it != end; ++it) {
      // An undirected walk meets a self-loop among the out-edges already.
      if (d == Direction::kBoth && boost::source(*it, g) == from) continue;
      if (fits(*it) && !fn(*it, boost::source(*it, g))) return false;
    }
  }
  return true;
}

bool Matcher::expand(size_t i, Row& row) {
  const Step& s = plan_.steps[i];
  const graph::Vertex from = std::get<NodeRef>(row[s.from_slot].data).vertex;
  if (s.shortest) return shortest(i, row, from);
  if (s.rel->variable_length) {
    std::vector<Value> path;
    return walk(i, row, from, 0, path);
  }
  if (count_ends_ && i == 1) {
    return for_each_edge(from, s.direction, *s.rel, [&](const graph::CsrEdge& e, graph::Vertex to) {
      return count_two_hop_ends(from, e, to);
    });
  }
  const bool last_of_two_hops = prune_two_hops_ && i == 2;
  auto bind = [&](const graph::CsrEdge& e, graph::Vertex to) {
    row[s.rel_slot].data = RelRef{e};
    used_.push_back(e);
    const bool go_on = reach(i, row, to);
    used_.pop_back();
    row[s.rel_slot] = Value{};
    return go_on;
  };
  // Both ends bound (a pattern predicate, a chain closing on a node bound
  // before): the edges between them are the same seen from either end, so
  // they are looked for from the end with fewer edges to walk; from a hub
  // to a leaf that is the leaf's few edges, not the hub's many. Each edge
  // walked that leads elsewhere is a binding tried, as reach() counts it.
  if (const auto* bound = std::get_if<NodeRef>(&row[s.node_slot].data); bound && !last_of_two_hops) {
    const graph::Vertex to = bound->vertex;
    const Direction back = reversed(s.direction);
    if (to != from && degree(to, back) < degree(from, s.direction)) {
      return for_each_edge(to, back, *s.rel, [&](const graph::CsrEdge& e, graph::Vertex far) {
        return far == from ? bind(e, to) : !over_budget(1);
      }, false);
    }
  }
  return for_each_edge(from, s.direction, *s.rel, [&](const graph::CsrEdge& e, graph::Vertex to) {
    if (last_of_two_hops && end_seen_[to] == generation_) return true;  // a set holds it already
    return bind(e, to);
  });
}

// The edges at `v` a walk in direction `d` goes over (before type checks).
size_t Matcher::degree(graph::Vertex v, Direction d) const {
  const graph::CsrGraph& g = view_.graph();
  return (d != Direction::kLeft ? boost::out_degree(v, g) : 0) + (d != Direction::kRight ? boost::in_degree(v, g) : 0);
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

// shortestPath: one fewest-hop path to the far node (to each node that
// fits when the far node is not bound yet), found by breadth-first search.
bool Matcher::shortest(size_t i, Row& row, graph::Vertex from) {
  const Step& s = plan_.steps[i];
  auto follow = [&](const graph::CsrEdge& e) { return rel_fits(*s.rel, e) && !used(e); };
  auto found = [&](graph::Vertex to, const std::vector<graph::CsrEdge>& edges) {
    if (static_cast<int>(edges.size()) < s.rel->min_hops) return true;
    std::vector<Value> rels;
    for (const graph::CsrEdge& e : edges) rels.push_back(Value{RelRef{e}});
    row[s.rel_slot].data = std::move(rels);
    const bool go_on = reach(i, row, to);
    row[s.rel_slot] = Value{};
    return go_on;
  };
  if (const auto* bound = std::get_if<NodeRef>(&row[s.node_slot].data)) {
    return shortest_paths(view_.graph(), from, bound->vertex, s.direction, s.rel->max_hops, follow, found);
  }
  // A far end given by name: one search per entity the name fits, each
  // stopping at its target (none when the name fits nobody).
  if (auto named = starts_.find(s.node); named != starts_.end()) {
    for (graph::Vertex target : named->second) {
      if (!shortest_paths(view_.graph(), from, target, s.direction, s.rel->max_hops, follow, found)) return false;
    }
    return true;
  }
  return shortest_paths(view_.graph(), from, std::nullopt, s.direction, s.rel->max_hops, follow, found);
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
  if (r.types.empty() && r.properties.empty()) return true;
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

// Rows beyond which the answer cannot change: SKIP + LIMIT of the RETURN
// right after the match, when it needs not every row (no ORDER BY,
// DISTINCT or aggregate).
std::optional<size_t> enough_rows(const Query& q, size_t clause) {
  if (clause + 1 != q.clauses.size() - 1) return std::nullopt;
  const Projection& r = q.returns();
  if (!r.limit || !r.order_by.empty() || r.distinct) return std::nullopt;
  for (const ReturnItem& item : r.items) {
    if (contains_aggregate(*item.expr)) return std::nullopt;
  }
  return static_cast<size_t>(*r.limit + r.skip.value_or(0));
}

// SKIP + LIMIT of a non-aggregating projection that orders its rows and
// keeps no more than the row cap of them (and so can be fed rows as a match
// finds them, TopRows); 0 when it cannot.
size_t kept_by_order(const Projection& p, size_t max_rows) {
  if (p.order_by.empty() || !p.limit || p.distinct) return 0;
  const size_t wanted = static_cast<size_t>(*p.limit + p.skip.value_or(0));
  return wanted > 0 && wanted <= max_rows ? wanted : 0;
}

// True when the projection's answer does not change if a row is repeated:
// each aggregate is DISTINCT, min or max.
bool reads_rows_as_set(const Projection& p) {
  std::vector<const Expr*> calls;
  for (const ReturnItem& item : p.items) aggregate_calls(*item.expr, calls);
  for (const Expr* e : calls) {
    const Call& c = std::get<Call>(e->node);
    if (!c.distinct && c.function != "min" && c.function != "max") return false;
  }
  return true;
}

// The slot of `n` when the projection is `count(DISTINCT n)` alone, n a
// node variable; else -1.
int counted_distinct_node(const Projection& p, const Plan& plan) {
  if (p.items.size() != 1) return -1;
  const auto* c = std::get_if<Call>(&p.items[0].expr->node);
  if (!c || c->function != "count" || !c->distinct || c->args.size() != 1) return -1;
  const auto* v = std::get_if<Variable>(&c->args[0]->node);
  auto it = v ? plan.slot_of.find(v->name) : plan.slot_of.end();
  return it == plan.slot_of.end() || plan.slots[it->second].kind != SlotKind::kNode ? -1 : it->second;
}

// One line of EXPLAIN per operator: a clause, or a step of a MATCH.
struct Operator {
  std::string name, detail;
  std::optional<uint64_t> rows;
  std::optional<double> ms;
};

std::string node_detail(const NodePattern& n) {
  std::string out = "(" + n.variable;
  if (n.label) out += ":" + *n.label;
  for (const auto& [key, value] : n.properties) out += fmt::format(" {{{}: {}}}", key, value->text);
  return out + ")";
}

void describe_steps(const Plan& plan, const std::vector<uint64_t>* rows, std::vector<Operator>& ops) {
  for (size_t i = 0; i < plan.steps.size(); ++i) {
    const Step& s = plan.steps[i];
    Operator op;
    if (!s.rel) {
      op.name = static_cast<size_t>(s.node_slot) < plan.input_width ? "Argument"
                : !s.node->properties.empty() && s.node->properties[0].first == "name" ? "NodeByName"
                : s.node->label ? "NodeByLabelScan"
                                : "AllNodesScan";
      op.detail = node_detail(*s.node);
    } else {
      op.name = s.shortest ? "ShortestPath" : s.rel->variable_length ? "VarLengthExpand" : "Expand";
      const std::string from = plan.slots[s.from_slot].name.empty() ? "()" : "(" + plan.slots[s.from_slot].name + ")";
      const std::string types = s.rel->types.empty() ? "" : ":" + fmt::format("{}", fmt::join(s.rel->types, "|"));
      const std::string hops = s.rel->variable_length ? fmt::format("*{}..{}", s.rel->min_hops, s.rel->max_hops) : "";
      op.detail = fmt::format("{}{}[{}{}{}]{}{}", from, s.direction == Direction::kLeft ? "<-" : "-", s.rel->variable,
                              types, hops, s.direction == Direction::kRight ? "->" : "-", node_detail(*s.node));
    }
    if (!s.filters.empty()) {
      std::vector<std::string> texts;
      for (const Expr* f : s.filters) texts.push_back(f->text);
      op.detail += fmt::format(" WHERE {}", fmt::join(texts, " AND "));
    }
    if (rows) op.rows = (*rows)[i];
    ops.push_back(std::move(op));
  }
}

std::string projection_detail(const Projection& p) {
  std::vector<std::string> items;
  for (const ReturnItem& item : p.items) items.push_back(item.name);
  std::string out = fmt::format("{}{}", p.distinct ? "DISTINCT " : "", fmt::join(items, ", "));
  if (!p.order_by.empty()) out += " ORDER BY";
  if (p.skip) out += fmt::format(" SKIP {}", *p.skip);
  if (p.limit) out += fmt::format(" LIMIT {}", *p.limit);
  if (p.where) out += " WHERE " + p.where->text;
  return out;
}

QueryResult plan_table(const std::vector<Operator>& ops, bool profiled) {
  Table table;
  table.key = "plan";
  table.columns = {"operator", "detail"};
  if (profiled) {
    table.columns.push_back("rows");
    table.columns.push_back("ms");
  }
  for (const Operator& op : ops) {
    std::vector<Cell> row{op.name, op.detail};
    if (profiled) {
      row.push_back(op.rows ? Cell{static_cast<int64_t>(*op.rows)} : Cell{std::monostate{}});
      row.push_back(op.ms ? Cell{std::round(*op.ms * 1000) / 1000} : Cell{std::monostate{}});
    }
    table.rows.push_back(std::move(row));
  }
  QueryResult result;
  result.tables.push_back(std::move(table));
  return result;
}

// Runs the clauses one after the other over a table of rows; with `ops`,
// records each operator (and, when `timed`, its rows and time).
class Pipeline : public PatternTester {
 public:
  Pipeline(const Query& query, store::Store& store, const graph::View& view, const RunOptions& options)
      : query_(query), store_(store), view_(view), options_(options) {
    scope_.parameters = options.parameters;
  }
  Result<std::vector<Row>> run(std::vector<Operator>* ops, bool execute);
  const Plan& scope() const { return scope_; }
  Value exists(const PatternChain& chain, const Plan& scope, const Row& row) const override;

 private:
  Status match(size_t c, std::vector<Row>& rows, std::vector<Operator>* ops, bool execute);
  Status unwind(const Clause& clause, std::vector<Row>& rows, bool execute);
  Status call(const Clause& clause, std::vector<Row>& rows, bool execute);
  Status projection(const Clause& clause, std::vector<Row>& rows, bool execute);

  const Query& query_;
  store::Store& store_;
  const graph::View& view_;
  const RunOptions& options_;
  Plan scope_;
  ProcedureCache cache_;
  // Set by a match whose rows went straight into the next clause's
  // aggregates: `rows` then hold that clause's groups.
  bool grouped_ = false;
  uint64_t matched_rows_ = 0;  // rows the last match found, for PROFILE
  // Pattern predicates, each planned and its names resolved on first use;
  // their binding budget is the statement's. The first error stops the
  // statement after the clause that met it.
  struct PatternCheck {
    MatchClause match;  // the plan's steps point into it
    Plan plan;
    std::unique_ptr<Evaluator> eval;
    std::unique_ptr<Matcher> matcher;
  };
  mutable std::map<const PatternChain*, PatternCheck> patterns_;
  mutable Status pattern_status_ = Status::ok();
};

Value Pipeline::exists(const PatternChain& chain, const Plan& scope, const Row& row) const {
  if (!pattern_status_) return Value{};
  auto it = patterns_.find(&chain);
  if (it == patterns_.end()) {
    PatternCheck& check = patterns_[&chain];
    check.match.patterns.push_back(chain);
    auto plan = plan_match(check.match, scope);
    if (!plan) {
      pattern_status_ = plan.status();
      return Value{};
    }
    check.plan = std::move(*plan);
    check.eval = std::make_unique<Evaluator>(check.plan, view_, this);
    check.matcher = std::make_unique<Matcher>(check.plan, *check.eval, options_, 1);
    if (Status s = check.matcher->prepare(store_); !s) pattern_status_ = s;
    it = patterns_.find(&chain);
  }
  if (!pattern_status_) return Value{};
  Row input = row;
  input.resize(scope.slots.size());
  const RowSink found = [](const Row&) { return Status::ok(); };
  if (Status s = it->second.matcher->run({input}, found); !s) {
    pattern_status_ = s;
    return Value{};
  }
  return Value{it->second.matcher->emitted() > 0};
}

Result<std::vector<Row>> Pipeline::run(std::vector<Operator>* ops, bool execute) {
  std::vector<Row> rows(1);  // one empty row: the first clause reads it once
  for (size_t c = 0; c < query_.clauses.size(); ++c) {
    const Clause& clause = query_.clauses[c];
    const auto started = std::chrono::steady_clock::now();
    Status s = Status::ok();
    const size_t first_op = ops ? ops->size() : 0;
    switch (clause.kind) {
      case Clause::Kind::kMatch: s = match(c, rows, ops, execute); break;
      case Clause::Kind::kUnwind: s = unwind(clause, rows, execute); break;
      case Clause::Kind::kCall: s = call(clause, rows, execute); break;
      default: s = projection(clause, rows, execute); break;
    }
    if (!s) return s;
    if (!pattern_status_) return pattern_status_;
    if (!ops) continue;
    Operator op;
    switch (clause.kind) {
      case Clause::Kind::kMatch: op.name = clause.match.optional ? "OptionalMatch" : "Match"; break;
      case Clause::Kind::kUnwind:
        op.name = "Unwind";
        op.detail = clause.unwind.list->text + " AS " + clause.unwind.alias;
        break;
      case Clause::Kind::kCall: op.name = "ProcedureCall"; op.detail = clause.call.procedure; break;
      case Clause::Kind::kWith: op.name = "With"; op.detail = projection_detail(clause.projection); break;
      case Clause::Kind::kReturn: op.name = "Return"; op.detail = projection_detail(clause.projection); break;
    }
    if (clause.kind == Clause::Kind::kMatch && clause.match.where) op.detail = "WHERE " + clause.match.where->text;
    if (execute) {
      op.rows = clause.kind == Clause::Kind::kMatch ? matched_rows_ : rows.size();
      op.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    }
    ops->insert(ops->begin() + static_cast<std::ptrdiff_t>(first_op), std::move(op));
  }
  return rows;
}

Status Pipeline::match(size_t c, std::vector<Row>& rows, std::vector<Operator>* ops, bool execute) {
  auto plan = plan_match(query_.clauses[c].match, scope_);
  if (!plan) return plan.status();
  std::vector<uint64_t> step_rows;
  if (execute) {
    Evaluator eval(*plan, view_, this);
    Matcher matcher(*plan, eval, options_, enough_rows(query_, c));
    if (Status s = matcher.prepare(store_); !s) return s;
    std::vector<Row> out;
    const Clause* after = c + 1 < query_.clauses.size() ? &query_.clauses[c + 1] : nullptr;
    const Projection* next =
        after && (after->kind == Clause::Kind::kWith || after->kind == Clause::Kind::kReturn) ? &after->projection
                                                                                             : nullptr;
    const auto grouped = next ? aggregates(*next) : Result<bool>(false);
    if (grouped.is_ok() && *grouped) {
      // The aggregate after the match counts rows as they come: the row cap
      // bounds the groups it keeps, the binding budget the work.
      Grouping grouping(*next, eval);
      if (const int end = counted_distinct_node(*next, *plan); end >= 0 && matcher.count_distinct_ends(end)) {
        if (Status s = matcher.run(rows, [](const Row&) { return Status::ok(); }); !s) return s;
        rows = {Row{Value{matcher.distinct_ends()}}};
        grouped_ = true;
        if (ops) describe_steps(*plan, &matcher.step_rows(), *ops);
        matched_rows_ = static_cast<uint64_t>(matcher.distinct_ends());
        scope_ = std::move(*plan);
        return Status::ok();
      }
      if (reads_rows_as_set(*next)) matcher.rows_read_as_set();
      RowSink sink = [&](const Row& row) {
        grouping.add(row);
        if (grouping.size() <= options_.max_rows) return Status::ok();
        return Status::invalid_input(fmt::format("query stopped after {} groups; add a WHERE or a name to the "
                                                 "pattern to narrow it",
                                                 options_.max_rows));
      };
      if (Status s = matcher.run(rows, sink); !s) return s;
      out = grouping.rows();
      grouped_ = true;
    } else if (const size_t wanted = next && grouped.is_ok() ? kept_by_order(*next, options_.max_rows) : 0; wanted > 0) {
      // ORDER BY ... LIMIT k right after the match: only the best k rows so
      // far are kept, however many the match finds; the binding budget
      // bounds the work.
      TopRows top(*next, eval, wanted);
      if (Status s = matcher.run(rows, [&](const Row& row) { top.add(row); return Status::ok(); }); !s) return s;
      out = top.rows();
    } else {
      RowSink sink = [&](const Row& row) {
        if (out.size() >= options_.max_rows) {
          return Status::invalid_input(fmt::format("query stopped after {} rows; add LIMIT, a WHERE or a name to "
                                                   "the pattern to narrow it",
                                                   options_.max_rows));
        }
        out.push_back(row);
        return Status::ok();
      };
      if (Status s = matcher.run(rows, sink); !s) return s;
    }
    rows = std::move(out);
    step_rows = matcher.step_rows();
    matched_rows_ = matcher.emitted();
  }
  if (ops) describe_steps(*plan, execute ? &step_rows : nullptr, *ops);
  scope_ = std::move(*plan);
  return Status::ok();
}

Status Pipeline::unwind(const Clause& clause, std::vector<Row>& rows, bool execute) {
  if (Status s = check_names(*clause.unwind.list, scope_, {}, false); !s) return s;
  auto next = scope_with(scope_, clause.unwind.alias, clause.where);
  if (!next) return next.status();
  if (execute) {
    Evaluator eval(scope_, view_, this);
    std::vector<Row> out;
    for (Row& row : rows) {
      Value v = eval.eval(*clause.unwind.list, row);
      if (v.is_null()) continue;  // UNWIND null is no rows
      std::vector<Value> items;
      if (auto* list = std::get_if<std::vector<Value>>(&v.data)) items = std::move(*list);
      else items.push_back(std::move(v));
      for (Value& item : items) {
        if (out.size() >= options_.max_rows) {
          return Status::invalid_input(fmt::format("query stopped after {} rows at UNWIND; add LIMIT or a WHERE to "
                                                   "narrow it",
                                                   options_.max_rows));
        }
        Row extended = row;
        extended.push_back(std::move(item));
        out.push_back(std::move(extended));
      }
    }
    rows = std::move(out);
  }
  scope_ = std::move(*next);
  return Status::ok();
}

Status Pipeline::call(const Clause& clause, std::vector<Row>& rows, bool execute) {
  const CallClause& call = clause.call;
  for (const ExprPtr& arg : call.args) {
    if (Status s = check_names(*arg, scope_, {}, false); !s) return s;
  }
  const auto& known = procedures();
  const ProcedureInfo& info =
      *std::find_if(known.begin(), known.end(), [&](const ProcedureInfo& p) { return p.name == call.procedure; });
  Plan next = scope_;
  std::vector<size_t> columns;  // the procedure column of each yielded variable
  for (const auto& [column, variable] : call.yields) {
    if (next.slot_of.count(variable)) {
      return error_at(clause.where, fmt::format("YIELD {}: variable '{}' is already defined; rename it with AS",
                                                column, variable));
    }
    columns.push_back(static_cast<size_t>(
        std::find(info.columns.begin(), info.columns.end(), column) - info.columns.begin()));
    next.slot_of[variable] = static_cast<int>(next.slots.size());
    next.slots.push_back({variable, column == "node" ? SlotKind::kNode : SlotKind::kValue});
  }
  if (call.where) {
    if (Status s = check_names(*call.where, next, {}, false); !s) return s;
  }
  if (execute) {
    Evaluator eval(scope_, view_, this);
    Evaluator after(next, view_, this);
    std::vector<Row> out;
    Status stopped = Status::ok();
    const size_t cap = std::max(options_.max_rows, view_.vertex_count());
    for (const Row& row : rows) {
      std::vector<Value> args;
      for (const ExprPtr& arg : call.args) args.push_back(eval.eval(*arg, row));
      Status s = call_procedure(call, args, clause.where, view_, store_, cache_, [&](std::vector<Value> record) {
        Row extended = row;
        for (size_t c : columns) extended.push_back(record[c]);
        if (call.where && !is_true(after.eval(*call.where, extended))) return true;
        // One record per node is what a whole-graph procedure is for
        // (PageRank's top 10 reads them all): the cap starts above that.
        if (out.size() >= cap) {
          stopped = Status::invalid_input(fmt::format("query stopped after {} rows at CALL; add a WHERE after YIELD "
                                                      "or a LIMIT",
                                                      cap));
          return false;
        }
        out.push_back(std::move(extended));
        return true;
      });
      if (!s) return s;
      if (!stopped) return stopped;
    }
    rows = std::move(out);
  }
  scope_ = std::move(next);
  return Status::ok();
}

Status Pipeline::projection(const Clause& clause, std::vector<Row>& rows, bool execute) {
  const Projection& p = clause.projection;
  std::set<std::string> aliases;
  for (const ReturnItem& item : p.items) {
    if (Status s = check_names(*item.expr, scope_, aliases, true); !s) return s;
  }
  for (const ReturnItem& item : p.items) aliases.insert(item.name);
  for (const SortItem& item : p.order_by) {
    if (Status s = check_names(*item.expr, scope_, aliases, true); !s) return s;
  }
  Plan next = scope_after(p, scope_);
  if (p.where) {
    if (Status s = check_names(*p.where, next, {}, false); !s) return s;
  }
  if (execute) {
    Evaluator eval(scope_, view_, this);
    if (grouped_) {
      rows = finish_projection(p, eval, std::move(rows), {});
      grouped_ = false;
    } else {
      auto projected = project(p, eval, rows);
      if (!projected) return projected.status();
      rows = std::move(*projected);
    }
    if (p.where) {
      Evaluator after(next, view_, this);
      std::erase_if(rows, [&](const Row& r) { return !is_true(after.eval(*p.where, r)); });
    }
  }
  scope_ = std::move(next);
  return Status::ok();
}

}  // namespace

Result<QueryResult> run(const Query& query, store::Store& store, const graph::View& view, const RunOptions& options) {
  Pipeline pipeline(query, store, view, options);
  const bool explain = query.mode == Query::Mode::kExplain;
  const bool profile = query.mode == Query::Mode::kProfile;
  // Every name is checked before any row is read: a typo in RETURN should
  // not wait for an expensive MATCH.
  if (auto checked = Pipeline(query, store, view, options).run(nullptr, false); !checked) return checked.status();
  std::vector<Operator> ops;
  auto rows = pipeline.run(explain || profile ? &ops : nullptr, !explain);
  if (!rows) return rows.status();
  if (explain) return plan_table(ops, false);
  QueryResult result;
  result.tables.push_back(to_table(query.returns(), *rows, view));
  if (profile) result.tables.push_back(std::move(plan_table(ops, true).tables[0]));
  return result;
}

}  // namespace kg::query::cypher

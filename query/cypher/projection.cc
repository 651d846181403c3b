// RETURN: rows of slot values become the result table. With an aggregate
// among the items, the other items are the grouping key (openCypher's
// implicit grouping); ORDER BY then sees only the returned columns.
#include <algorithm>
#include <unordered_set>
#include <fmt/format.h>

#include "query/cypher/engine.h"

namespace kg::query::cypher {
namespace {

using Row = std::vector<Value>;

// One aggregate of one group.
struct Accumulator {
  int64_t count = 0;
  Value best;  // min or max so far
  int64_t int_sum = 0;
  double real_sum = 0;
  bool all_ints = true;
  std::vector<Value> items;
  std::set<Row, ValueLess> seen;  // for DISTINCT
  std::unordered_set<graph::Vertex> seen_nodes;  // the same for nodes, the common case, without ordering
  std::vector<bool> seen_vertices;  // instead of seen_nodes when sized (one group: one bit per vertex)

  void add(const Call& c, const Value& v) {
    if (c.star) {
      ++count;
      return;
    }
    if (v.is_null()) return;
    if (c.distinct) {
      // A node never equals a value of another kind: the two sets are disjoint.
      const auto* node = std::get_if<NodeRef>(&v.data);
      if (node && !seen_vertices.empty()) {
        if (seen_vertices[node->vertex]) return;
        seen_vertices[node->vertex] = true;
      } else if (node ? !seen_nodes.insert(node->vertex).second : !seen.insert(Row{v}).second) {
        return;
      }
    }
    ++count;
    if (c.function == "min" && (best.is_null() || compare_values(v, best) < 0)) best = v;
    if (c.function == "max" && (best.is_null() || compare_values(v, best) > 0)) best = v;
    if (const auto* i = std::get_if<int64_t>(&v.data)) {
      int_sum += *i;
      real_sum += static_cast<double>(*i);
    } else if (const auto* d = std::get_if<double>(&v.data)) {
      all_ints = false;
      real_sum += *d;
    }
    if (c.function == "collect") items.push_back(v);
  }

  Value result(const Call& c) const {
    if (c.function == "count") return Value{count};
    if (c.function == "min" || c.function == "max") return best;
    if (c.function == "sum") return all_ints ? Value{int_sum} : Value{real_sum};
    if (c.function == "avg") return count == 0 ? Value{} : Value{real_sum / static_cast<double>(count)};
    return Value{items};
  }
};

// Which returned column an ORDER BY expression names (its alias or the
// same text), or -1.
int column_of(const Projection& q, const Expr& e) {
  for (size_t i = 0; i < q.items.size(); ++i) {
    const auto* v = std::get_if<Variable>(&e.node);
    if ((v && v->name == q.items[i].name) || e.text == q.items[i].expr->text) return static_cast<int>(i);
  }
  return -1;
}

// ORDER BY's order over rows given as (sort key, arrival index): ties keep
// the order the rows came in.
bool sorts_before(const Projection& q, const Row& a_key, size_t a_index, const Row& b_key, size_t b_index) {
  for (size_t k = 0; k < q.order_by.size(); ++k) {
    const int c = compare_values(a_key[k], b_key[k]);
    if (c != 0) return q.order_by[k].descending ? c > 0 : c < 0;
  }
  return a_index < b_index;
}

Status check_aggregates(const Projection& q, bool& aggregating) {
  aggregating = false;
  for (const ReturnItem& item : q.items) {
    if (contains_aggregate(*item.expr)) aggregating = true;
  }
  for (const SortItem& s : q.order_by) {
    if (column_of(q, *s.expr) < 0 && contains_aggregate(*s.expr)) {
      return error_at(s.expr->where, fmt::format("ORDER BY {}: an aggregate must also be a RETURN item", s.expr->text));
    }
  }
  if (aggregating || q.distinct) {
    for (const SortItem& s : q.order_by) {
      if (column_of(q, *s.expr) < 0) {
        return error_at(s.expr->where, fmt::format("ORDER BY {} after {}: order by a returned column or its alias",
                                                   s.expr->text, aggregating ? "an aggregate" : "DISTINCT"));
      }
    }
  }
  return Status::ok();
}

}  // namespace

// One group per distinct key, with one accumulator per aggregate call;
// the group's first row when an item computes with its aggregates.
struct Grouping::Groups {
  std::map<Row, size_t, ValueLess> group_of;
  std::vector<Row> key_values;
  std::vector<std::vector<Accumulator>> accumulators;
  std::vector<Row> first_rows;
};

Grouping::Grouping(const Projection& q, const Evaluator& eval)
    : q_(q), eval_(eval), groups_(std::make_unique<Groups>()) {
  for (size_t i = 0; i < q.items.size(); ++i) {
    const Expr& e = *q.items[i].expr;
    if (!contains_aggregate(e)) {
      keys_.push_back(i);
      continue;
    }
    aggregates_.push_back(i);
    aggregate_calls(e, calls_);
    if (calls_.back() != &e) keeps_rows_ = true;  // count(x) * 2 reads the group, not just count(x)
  }
}

Grouping::~Grouping() = default;

void Grouping::add(const Row& row) {
  Row key;
  for (size_t k : keys_) key.push_back(eval_.eval(*q_.items[k].expr, row));
  // Looked up before inserting: most rows join a group that exists (the
  // lone group of no keys always does after the first row).
  Groups& g = *groups_;
  size_t group = 0;
  auto it = keys_.empty() && !g.key_values.empty() ? g.group_of.begin() : g.group_of.find(key);
  if (it != g.group_of.end()) {
    group = it->second;
  } else {
    group = g.key_values.size();
    g.group_of.emplace(key, group);
    g.key_values.push_back(std::move(key));
    g.accumulators.emplace_back(calls_.size());
    if (keeps_rows_) g.first_rows.push_back(row);
    // A lone group can afford a bit per vertex for its DISTINCT nodes;
    // many groups could not.
    if (keys_.empty()) {
      for (Accumulator& a : g.accumulators.back()) a.seen_vertices.assign(eval_.view().vertex_count(), false);
    }
  }
  for (size_t a = 0; a < calls_.size(); ++a) {
    const Call& c = std::get<Call>(calls_[a]->node);
    g.accumulators[group][a].add(c, c.star ? Value{} : eval_.eval(*c.args[0], row));
  }
}

size_t Grouping::size() const { return groups_->key_values.size(); }

std::vector<Row> Grouping::rows() {
  Groups& g = *groups_;
  // Without grouping keys an aggregate over no rows is still one row (count 0).
  if (keys_.empty() && g.key_values.empty()) {
    g.key_values.emplace_back();
    g.accumulators.emplace_back(calls_.size());
    if (keeps_rows_) g.first_rows.emplace_back();
  }
  std::vector<Row> out;
  for (size_t i = 0; i < g.key_values.size(); ++i) {
    Row r(q_.items.size());
    for (size_t k = 0; k < keys_.size(); ++k) r[keys_[k]] = g.key_values[i][k];
    AggregateValues values;
    for (size_t a = 0; a < calls_.size(); ++a) {
      values[calls_[a]] = g.accumulators[i][a].result(std::get<Call>(calls_[a]->node));
    }
    const Evaluator with_values = eval_.with(values);
    for (size_t item : aggregates_) {
      const Expr& e = *q_.items[item].expr;
      r[item] = keeps_rows_ ? with_values.eval(e, g.first_rows[i]) : values.at(&e);
    }
    out.push_back(std::move(r));
  }
  return out;
}

Result<bool> aggregates(const Projection& q) {
  bool aggregating = false;
  if (Status s = check_aggregates(q, aggregating); !s) return s;
  return aggregating;
}

Result<std::vector<Row>> project(const Projection& q, const Evaluator& eval, const std::vector<Row>& rows) {
  auto aggregating = aggregates(q);
  if (!aggregating) return aggregating.status();
  if (*aggregating) {
    Grouping grouping(q, eval);
    for (const Row& row : rows) grouping.add(row);
    return finish_projection(q, eval, grouping.rows(), {});
  }
  // Each output row: the returned columns (ORDER BY may read the input rows).
  std::vector<Row> out;
  for (const Row& row : rows) {
    Row r;
    for (const ReturnItem& item : q.items) r.push_back(eval.eval(*item.expr, row));
    out.push_back(std::move(r));
  }
  return finish_projection(q, eval, std::move(out), rows);
}

std::vector<Row> finish_projection(const Projection& q, const Evaluator& eval, std::vector<Row> out,
                                   const std::vector<Row>& rows) {
  if (q.distinct) {
    std::set<Row, ValueLess> seen;
    std::erase_if(out, [&](const Row& r) { return !seen.insert(r).second; });
  }
  if (!q.order_by.empty()) {
    std::vector<std::pair<Row, size_t>> keyed;
    for (size_t i = 0; i < out.size(); ++i) {
      Row key;
      for (const SortItem& s : q.order_by) {
        const int col = column_of(q, *s.expr);
        key.push_back(col >= 0 ? out[i][col] : eval.eval(*s.expr, rows[i]));
      }
      keyed.emplace_back(std::move(key), i);
    }
    // Ties keep their input order (the row index decides last), so sorting
    // only the first SKIP + LIMIT rows gives what a stable sort of all would.
    auto before = [&](const auto& a, const auto& b) { return sorts_before(q, a.first, a.second, b.first, b.second); };
    const size_t wanted = q.limit ? std::min(keyed.size(), static_cast<size_t>(q.skip.value_or(0) + *q.limit))
                                  : keyed.size();
    if (wanted == keyed.size()) std::sort(keyed.begin(), keyed.end(), before);
    else std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(wanted), keyed.end(), before);
    keyed.resize(wanted);
    std::vector<Row> sorted;
    for (const auto& [key, i] : keyed) sorted.push_back(std::move(out[i]));
    out = std::move(sorted);
  }
  const size_t skip = std::min(out.size(), static_cast<size_t>(q.skip.value_or(0)));
  const size_t end = q.limit ? std::min(out.size(), skip + static_cast<size_t>(*q.limit)) : out.size();
  out.erase(out.begin() + static_cast<std::ptrdiff_t>(end), out.end());
  out.erase(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(skip));
  return out;
}

// A heap of (sort key, arrival index, row) whose top is the last kept
// row under the order: a new row replaces it when it sorts before it.
struct TopRows::Kept {
  struct Entry {
    Row key;
    size_t index;
    Row row;
  };
  std::vector<Entry> heap;
};

TopRows::TopRows(const Projection& q, const Evaluator& eval, size_t wanted)
    : q_(q), eval_(eval), wanted_(wanted), kept_(std::make_unique<Kept>()) {}
TopRows::~TopRows() = default;

void TopRows::add(const Row& row) {
  const size_t index = arrived_++;
  if (wanted_ == 0) return;
  Row key;
  for (const SortItem& s : q_.order_by) {
    const int col = column_of(q_, *s.expr);
    key.push_back(eval_.eval(col >= 0 ? *q_.items[col].expr : *s.expr, row));
  }
  auto later = [&](const Kept::Entry& a, const Kept::Entry& b) {
    return sorts_before(q_, a.key, a.index, b.key, b.index);
  };
  std::vector<Kept::Entry>& heap = kept_->heap;
  if (heap.size() == wanted_) {
    // Rows arrive in index order, so a tie with the last kept row loses.
    if (!sorts_before(q_, key, index, heap.front().key, heap.front().index)) return;
    std::pop_heap(heap.begin(), heap.end(), later);
    heap.pop_back();
  }
  heap.push_back({std::move(key), index, row});
  std::push_heap(heap.begin(), heap.end(), later);
}

std::vector<Row> TopRows::rows() {
  std::vector<Kept::Entry>& heap = kept_->heap;
  std::sort(heap.begin(), heap.end(), [](const Kept::Entry& a, const Kept::Entry& b) { return a.index < b.index; });
  std::vector<Row> out;
  for (Kept::Entry& e : heap) out.push_back(std::move(e.row));
  heap.clear();
  return out;
}

Table to_table(const Projection& q, const std::vector<Row>& rows, const graph::View& view) {
  Table table;
  table.key = "rows";
  for (const ReturnItem& item : q.items) table.columns.push_back(item.name);
  for (const Row& row : rows) {
    std::vector<Cell> cells;
    for (const Value& v : row) cells.push_back(to_cell(v, view));
    table.rows.push_back(std::move(cells));
  }
  return table;
}

}  // namespace kg::query::cypher

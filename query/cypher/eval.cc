// Expression values with openCypher's null rules: a comparison or
// arithmetic with null is null, AND/OR/XOR use three-valued logic, and a
// type mismatch (a name compared with a number) is null, never an error.
#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <regex>

#include "query/cypher/engine.h"

namespace kg::query::cypher {
namespace {

std::optional<double> number(const Value& v) {
  if (const auto* i = std::get_if<int64_t>(&v.data)) return static_cast<double>(*i);
  if (const auto* d = std::get_if<double>(&v.data)) return *d;
  return std::nullopt;
}

// Ranks kinds for the total order; int and real share a rank.
int kind_rank(const Value& v) {
  switch (v.data.index()) {
    case 0: return 9;  // null sorts last
    case 3: return 2;  // double with int64
    default: return static_cast<int>(v.data.index());
  }
}

std::optional<bool> truth(const Value& v) {
  if (const auto* b = std::get_if<bool>(&v.data)) return *b;
  return std::nullopt;
}

Value boolean(std::optional<bool> b) { return b ? Value{*b} : Value{}; }

std::string case_mapped(std::string s, bool to_upper) {
  for (char& c : s) {
    if (to_upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!to_upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

Value arithmetic(Op op, const Value& a, const Value& b) {
  const auto* ia = std::get_if<int64_t>(&a.data);
  const auto* ib = std::get_if<int64_t>(&b.data);
  if (op == Op::kAdd && std::holds_alternative<std::string>(a.data) && std::holds_alternative<std::string>(b.data)) {
    return Value{std::get<std::string>(a.data) + std::get<std::string>(b.data)};
  }
  if (ia && ib) {
    switch (op) {
      case Op::kAdd: return Value{*ia + *ib};
      case Op::kSub: return Value{*ia - *ib};
      case Op::kMul: return Value{*ia * *ib};
      case Op::kDiv: return *ib == 0 ? Value{} : Value{*ia / *ib};
      default: return *ib == 0 ? Value{} : Value{*ia % *ib};
    }
  }
  const auto x = number(a), y = number(b);
  if (!x || !y) return Value{};
  switch (op) {
    case Op::kAdd: return Value{*x + *y};
    case Op::kSub: return Value{*x - *y};
    case Op::kMul: return Value{*x * *y};
    case Op::kDiv: return Value{*x / *y};
    default: return Value{std::fmod(*x, *y)};
  }
}

}  // namespace

int compare_values(const Value& a, const Value& b) {
  const int ra = kind_rank(a), rb = kind_rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  if (auto x = number(a)) {
    const double y = *number(b);
    return *x < y ? -1 : *x > y ? 1 : 0;
  }
  return std::visit(
      [&](const auto& x) -> int {
        using T = std::decay_t<decltype(x)>;
        const T& y = std::get<T>(b.data);
        if constexpr (std::is_same_v<T, std::monostate>) {
          return 0;
        } else if constexpr (std::is_same_v<T, RelRef>) {
          const auto kx = std::pair(x.edge.src, x.edge.idx), ky = std::pair(y.edge.src, y.edge.idx);
          return kx < ky ? -1 : kx > ky ? 1 : 0;
        } else if constexpr (std::is_same_v<T, PathRef>) {
          if (x.start != y.start) return x.start < y.start ? -1 : 1;
          for (size_t i = 0; i < x.edges.size() && i < y.edges.size(); ++i) {
            const auto kx = std::pair(x.edges[i].src, x.edges[i].idx), ky = std::pair(y.edges[i].src, y.edges[i].idx);
            if (kx != ky) return kx < ky ? -1 : 1;
          }
          return x.edges.size() < y.edges.size() ? -1 : x.edges.size() > y.edges.size() ? 1 : 0;
        } else if constexpr (std::is_same_v<T, std::vector<Value>>) {
          for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
            if (int c = compare_values(x[i], y[i]); c != 0) return c;
          }
          return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
        } else {
          return x < y ? -1 : y < x ? 1 : 0;
        }
      },
      a.data);
}

bool ValueLess::operator()(const std::vector<Value>& a, const std::vector<Value>& b) const {
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (int c = compare_values(a[i], b[i]); c != 0) return c < 0;
  }
  return a.size() < b.size();
}

Value Evaluator::property(const Value& target, const std::string& name) const {
  // Compared as string_views: a length check settles most mismatches.
  const std::string_view key = name;
  if (const auto* n = std::get_if<NodeRef>(&target.data)) {
    const graph::VertexProps& p = view_.vertex(n->vertex);
    if (key == "mentions") return Value{int64_t{p.mentions}};
    if (key == "name") return Value{p.name};
    if (key == "type") return Value{std::string(store::entity_type_name(p.type))};
    if (key == "id") return Value{static_cast<int64_t>(p.entity)};
  } else if (const auto* r = std::get_if<RelRef>(&target.data)) {
    const graph::EdgeProps& p = view_.edge(r->edge);
    if (key == "relation") return Value{view_.relation_name(p.relation)};
    if (key == "canonical") {
      const std::string_view c = view_.canonical_name(r->edge);
      return c.empty() ? Value{} : Value{std::string(c)};
    }
    if (key == "count") return Value{static_cast<int64_t>(p.count)};
    // Stored as float: rounded so 0.9 reads 0.9, not 0.899999976.
    if (key == "confidence") return Value{std::round(static_cast<double>(p.confidence) * 1e4) / 1e4};
  }
  return Value{};
}

Value Evaluator::eval(const Expr& expr, const std::vector<Value>& row) const {
  return std::visit(
      [&](const auto& n) -> Value {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Literal>) {
          return std::visit([](const auto& v) { return Value{v}; }, n.value);
        } else if constexpr (std::is_same_v<T, Parameter>) {
          if (!plan_.parameters) return Value{};
          auto it = plan_.parameters->find(n.name);
          return it == plan_.parameters->end() ? Value{} : eval(*it->second, {});
        } else if constexpr (std::is_same_v<T, Variable>) {
          auto it = plan_.slot_of.find(n.name);
          return it != plan_.slot_of.end() && static_cast<size_t>(it->second) < row.size() ? row[it->second]
                                                                                           : Value{};
        } else if constexpr (std::is_same_v<T, Property>) {
          auto it = plan_.slot_of.find(n.variable);
          if (it == plan_.slot_of.end() || static_cast<size_t>(it->second) >= row.size()) return Value{};
          return property(row[it->second], n.key);
        } else if constexpr (std::is_same_v<T, ListExpr>) {
          std::vector<Value> items;
          for (const ExprPtr& i : n.items) items.push_back(eval(*i, row));
          return Value{std::move(items)};
        } else if constexpr (std::is_same_v<T, Unary>) {
          const Value v = eval(*n.operand, row);
          if (n.op == Op::kIsNull) return Value{v.is_null()};
          if (n.op == Op::kIsNotNull) return Value{!v.is_null()};
          if (n.op == Op::kNeg) return arithmetic(Op::kSub, Value{int64_t{0}}, v);
          const auto t = truth(v);
          return boolean(t ? std::optional<bool>(!*t) : std::nullopt);
        } else if constexpr (std::is_same_v<T, Binary>) {
          return binary(n, row);
        } else if constexpr (std::is_same_v<T, PatternPredicate>) {
          return patterns_ ? patterns_->exists(*n.chain, plan_, row) : Value{};
        } else {
          return call(n, expr, row);
        }
      },
      expr.node);
}

Value Evaluator::binary(const Binary& b, const std::vector<Value>& row) const {
  const Value l = eval(*b.left, row);
  if (b.op == Op::kAnd || b.op == Op::kOr || b.op == Op::kXor) {
    const auto x = truth(l);
    if (b.op == Op::kAnd && x == false) return Value{false};
    if (b.op == Op::kOr && x == true) return Value{true};
    const auto y = truth(eval(*b.right, row));
    if (b.op == Op::kAnd) return y == false ? Value{false} : boolean(x && y ? std::optional<bool>(true) : std::nullopt);
    if (b.op == Op::kOr) return y == true ? Value{true} : boolean(x && y ? std::optional<bool>(false) : std::nullopt);
    return x && y ? Value{*x != *y} : Value{};
  }
  const Value r = eval(*b.right, row);
  if (l.is_null() || r.is_null()) return Value{};
  switch (b.op) {
    case Op::kEq: case Op::kNe: case Op::kLt: case Op::kLe: case Op::kGt: case Op::kGe: {
      // Values of different kinds are unequal and unordered.
      if (kind_rank(l) != kind_rank(r)) return b.op == Op::kEq ? Value{false} : b.op == Op::kNe ? Value{true} : Value{};
      const int c = compare_values(l, r);
      switch (b.op) {
        case Op::kEq: return Value{c == 0};
        case Op::kNe: return Value{c != 0};
        case Op::kLt: return Value{c < 0};
        case Op::kLe: return Value{c <= 0};
        case Op::kGt: return Value{c > 0};
        default: return Value{c >= 0};
      }
    }
    case Op::kContains: case Op::kStartsWith: case Op::kEndsWith: case Op::kRegex: {
      const auto* s = std::get_if<std::string>(&l.data);
      const auto* t = std::get_if<std::string>(&r.data);
      if (!s || !t) return Value{};
      if (b.op == Op::kContains) return Value{s->find(*t) != std::string::npos};
      if (b.op == Op::kRegex) {
        const std::optional<bool> matched = regex_matches(*s, *t);
        return matched ? Value{*matched} : Value{};
      }
      if (b.op == Op::kStartsWith) return Value{s->starts_with(*t)};
      return Value{s->ends_with(*t)};
    }
    case Op::kIn: {
      const auto* list = std::get_if<std::vector<Value>>(&r.data);
      if (!list) return Value{};
      bool saw_null = false;
      for (const Value& item : *list) {
        if (item.is_null()) saw_null = true;
        else if (kind_rank(item) == kind_rank(l) && compare_values(item, l) == 0) return Value{true};
      }
      return saw_null ? Value{} : Value{false};
    }
    default: return arithmetic(b.op, l, r);
  }
}

std::vector<graph::Vertex> PathRef::nodes(const graph::CsrGraph& g) const {
  std::vector<graph::Vertex> out{start};
  for (const graph::CsrEdge& e : edges) {
    const graph::Vertex at = out.back();
    out.push_back(boost::source(e, g) == at ? boost::target(e, g) : boost::source(e, g));
  }
  return out;
}

// range(from, to[, step]): the integers from `from` to `to` inclusive.
static Value range_of(const std::vector<Value>& args) {
  std::vector<Value> out;
  const auto* from = std::get_if<int64_t>(&args[0].data);
  const auto* to = std::get_if<int64_t>(&args[1].data);
  const int64_t* step = args.size() > 2 ? std::get_if<int64_t>(&args[2].data) : nullptr;
  const int64_t by = step ? *step : 1;
  if (!from || !to || by == 0) return Value{};
  // Bounded like the match: a range is rows, and rows are capped.
  constexpr int64_t kMaxRange = 1'000'000;
  for (int64_t i = *from; (by > 0 ? i <= *to : i >= *to) && static_cast<int64_t>(out.size()) < kMaxRange; i += by) {
    out.push_back(Value{i});
  }
  return Value{std::move(out)};
}

Value Evaluator::call(const Call& c, const Expr& expr, const std::vector<Value>& row) const {
  if (is_aggregate(c.function)) {
    auto it = aggregates_ ? aggregates_->find(&expr) : AggregateValues::const_iterator{};
    return aggregates_ && it != aggregates_->end() ? it->second : Value{};
  }
  const Value arg = c.args.empty() ? Value{} : eval(*c.args[0], row);
  if (c.function == "range" || c.function == "coalesce") {
    std::vector<Value> args{arg};
    for (size_t i = 1; i < c.args.size(); ++i) args.push_back(eval(*c.args[i], row));
    if (c.function == "range") return range_of(args);
    for (Value& v : args) {
      if (!v.is_null()) return v;
    }
    return Value{};
  }
  if (const auto* path = std::get_if<PathRef>(&arg.data)) {
    if (c.function == "length") return Value{static_cast<int64_t>(path->edges.size())};
    std::vector<Value> items;
    if (c.function == "nodes") {
      for (graph::Vertex v : path->nodes(view_.graph())) items.push_back(Value{NodeRef{v}});
    } else if (c.function == "relationships") {
      for (const graph::CsrEdge& e : path->edges) items.push_back(Value{RelRef{e}});
    } else {
      return Value{};
    }
    return Value{std::move(items)};
  }
  if (c.function == "type") {
    const auto* r = std::get_if<RelRef>(&arg.data);
    return r ? Value{view_.relation_name(view_.edge(r->edge).relation)} : Value{};
  }
  if (c.function == "id") return property(arg, "id");
  if (c.function == "tolower" || c.function == "toupper") {
    const auto* s = std::get_if<std::string>(&arg.data);
    return s ? Value{case_mapped(*s, c.function == "toupper")} : Value{};
  }
  if (c.function == "size") {
    if (const auto* s = std::get_if<std::string>(&arg.data)) return Value{static_cast<int64_t>(s->size())};
    if (const auto* l = std::get_if<std::vector<Value>>(&arg.data)) return Value{static_cast<int64_t>(l->size())};
  }
  return Value{};
}

static std::string node_text(graph::Vertex v, const graph::View& view) {
  const graph::VertexProps& p = view.vertex(v);
  return fmt::format("(:{} {{name: \"{}\"}})", store::entity_type_name(p.type), p.name);
}

// (:PERSON {name: "A"})-[:speak with]->(:PERSON {name: "B"})<-[:mention]-(...)
static std::string path_text(const PathRef& path, const graph::View& view) {
  const std::vector<graph::Vertex> nodes = path.nodes(view.graph());
  std::string out = node_text(nodes[0], view);
  for (size_t i = 0; i < path.edges.size(); ++i) {
    const bool forward = boost::source(path.edges[i], view.graph()) == nodes[i];
    out += fmt::format("{}[:{}]{}{}", forward ? "-" : "<-", view.relation_name(view.edge(path.edges[i]).relation),
                       forward ? "->" : "-", node_text(nodes[i + 1], view));
  }
  return out;
}

Cell to_cell(const Value& v, const graph::View& view) {
  return std::visit(
      [&](const auto& x) -> Cell {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) return std::monostate{};
        else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, int64_t> || std::is_same_v<T, double> ||
                           std::is_same_v<T, std::string>) {
          return x;
        } else if constexpr (std::is_same_v<T, NodeRef>) {
          return node_text(x.vertex, view);
        } else if constexpr (std::is_same_v<T, RelRef>) {
          return fmt::format("[:{}]", view.relation_name(view.edge(x.edge).relation));
        } else if constexpr (std::is_same_v<T, PathRef>) {
          return path_text(x, view);
        } else {
          CellList items;
          for (const Value& item : x) items.push_back(to_cell(item, view));
          return items;
        }
      },
      v.data);
}

namespace {

// The end of the quantifier that starts at pattern[i] ('*', '+', '?', or a
// well-formed {n}, {n,}, {n,m}), one past it; 0 when none starts there.
size_t quantifier_end(std::string_view pattern, size_t i) {
  const char c = pattern[i];
  if (c == '*' || c == '+' || c == '?') return i + 1;
  if (c != '{') return 0;
  size_t j = i + 1;
  const auto digits = [&] {
    const size_t from = j;
    while (j < pattern.size() && pattern[j] >= '0' && pattern[j] <= '9') ++j;
    return j > from;
  };
  if (!digits()) return 0;
  if (j < pattern.size() && pattern[j] == ',') {
    ++j;
    digits();
  }
  return j < pattern.size() && pattern[j] == '}' ? j + 1 : 0;
}

// Whether a quantifier applies to a quantifier ("a**", "a+{2}", "a???").
// ECMAScript and RE2 (Kuzu's engine) refuse that ("nothing to repeat"), but
// libstdc++ accepts it as nested repeats, and its backtracking matcher then
// takes time exponential in their number, even on an empty text: 'O' with
// 14 stars took 15 s, the fuzzer's 60 stars never finished. One '?' after a
// quantifier makes it lazy and is allowed.
bool has_stacked_quantifier(std::string_view pattern) {
  bool in_class = false;       // inside [...], where quantifier characters are literal
  bool after_quantifier = false;
  bool lazy_allowed = false;   // the previous quantifier may still take its lazy '?'
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is literal
      after_quantifier = false;
      continue;
    }
    if (in_class) {
      in_class = c != ']';
      continue;
    }
    const size_t end = quantifier_end(pattern, i);
    if (end == 0) {
      in_class = c == '[';
      after_quantifier = false;
      continue;
    }
    if (after_quantifier) {
      if (c != '?' || !lazy_allowed) return true;
      lazy_allowed = false;
      continue;
    }
    after_quantifier = lazy_allowed = true;
    i = end - 1;
  }
  return false;
}

// `pattern` compiled, from a small per-thread cache; nullopt when it is not
// a regular expression =~ accepts.
const std::optional<std::regex>& compiled_regex(const std::string& pattern) {
  // A scan applies one pattern to every row: compile each pattern once per
  // thread (the cache is small; statements use a handful of patterns).
  thread_local std::map<std::string, std::optional<std::regex>> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) {
    if (compiled.size() >= 64) compiled.clear();
    std::optional<std::regex> re;
    const bool icase = pattern.starts_with("(?i)");
    const std::string body = icase ? pattern.substr(4) : pattern;
    try {
      if (!has_stacked_quantifier(body)) {
        re.emplace(body, icase ? std::regex::ECMAScript | std::regex::icase : std::regex::ECMAScript);
      }
    } catch (const std::regex_error&) {
    }
    it = compiled.emplace(pattern, std::move(re)).first;
  }
  return it->second;
}

}  // namespace

bool is_regex(const std::string& pattern) { return compiled_regex(pattern).has_value(); }

std::optional<bool> regex_matches(const std::string& text, const std::string& pattern) {
  const std::optional<std::regex>& re = compiled_regex(pattern);
  if (!re) return std::nullopt;
  return std::regex_match(text, *re);
}

}  // namespace kg::query::cypher

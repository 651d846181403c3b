// Names are checked and the match is ordered before any row is read: each
// chain starts at its most selective node (already bound, then named, then
// labelled) and walks outwards, and each WHERE conjunct runs as soon as its
// variables are bound, so a selective filter prunes early.
#include <algorithm>
#include <fmt/format.h>

#include "query/cypher/engine.h"
#include "graph/identity/identity.h"

namespace kg::query::cypher {
namespace {

constexpr std::string_view kNodeProperties[] = {"name", "type", "mentions", "id"};
constexpr std::string_view kRelProperties[] = {"relation", "canonical", "count", "confidence"};
// Each function with the number of arguments it takes (range: 2 or 3).
struct FunctionArity {
  std::string_view name;
  size_t min_args, max_args;
};
constexpr FunctionArity kFunctions[] = {
    {"type", 1, 1},  {"id", 1, 1},     {"tolower", 1, 1}, {"toupper", 1, 1},       {"size", 1, 1},
    {"length", 1, 1}, {"nodes", 1, 1}, {"relationships", 1, 1}, {"range", 2, 3}, {"coalesce", 1, 16},
    {"count", 1, 1}, {"min", 1, 1},    {"max", 1, 1},     {"sum", 1, 1},           {"avg", 1, 1},
    {"collect", 1, 1}};
constexpr std::string_view kFunctionList =
    "type, id, toLower, toUpper, size, length, nodes, relationships, range, coalesce, count, min, max, sum, avg, "
    "collect";

const FunctionArity* find_function(std::string_view name) {
  for (const FunctionArity& f : kFunctions) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// " (did you mean 'name'?)" for a near miss among `names`, else "".
template <size_t N>
std::string did_you_mean(const std::string_view (&names)[N], std::string_view typed) {
  std::string_view best;
  // At most one edit per three letters typed ('nme', 'cuont'), so 'age' is not taken for 'name'.
  size_t best_distance = std::max<size_t>(1, typed.size() / 3) + 1;
  for (std::string_view n : names) {
    const size_t d = identity::edit_distance(typed, n);
    if (d < best_distance) {
      best = n;
      best_distance = d;
    }
  }
  return best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best);
}

template <size_t N>
bool listed(const std::string_view (&names)[N], std::string_view key) {
  return std::find(std::begin(names), std::end(names), key) != std::end(names);
}

// Names every variable an expression reads, and checks properties and
// functions against the slots they apply to.
class NameCheck {
 public:
  NameCheck(const Plan& plan, const std::set<std::string>& aliases, bool aggregates_allowed)
      : plan_(plan), aliases_(aliases), aggregates_allowed_(aggregates_allowed) {}

  Status check(const Expr& e, std::set<int>* used) {
    return std::visit([&](const auto& n) { return visit(n, e, used); }, e.node);
  }

 private:
  Status visit(const Literal&, const Expr&, std::set<int>*) { return Status::ok(); }
  Status visit(const Parameter& p, const Expr& e, std::set<int>*) {
    if (plan_.parameters && plan_.parameters->count(p.name)) return Status::ok();
    return error_at(e.where, fmt::format("parameter ${} has no value; give it with --param {}=VALUE (kg query) or "
                                         ":param {} VALUE (kg repl)",
                                         p.name, p.name, p.name));
  }
  Status visit(const Variable& v, const Expr& e, std::set<int>* used) {
    auto it = plan_.slot_of.find(v.name);
    if (it != plan_.slot_of.end()) {
      if (used) used->insert(it->second);
      return Status::ok();
    }
    if (aliases_.count(v.name)) return Status::ok();
    return error_at(e.where, fmt::format("unknown variable '{}'; name it in the MATCH pattern, e.g. ({})", v.name,
                                         v.name));
  }
  Status visit(const Property& p, const Expr& e, std::set<int>* used) {
    auto it = plan_.slot_of.find(p.variable);
    if (it == plan_.slot_of.end()) {
      return error_at(e.where, fmt::format("unknown variable '{}' in {}.{}", p.variable, p.variable, p.key));
    }
    if (used) used->insert(it->second);
    const SlotKind kind = plan_.slots[it->second].kind;
    if (kind == SlotKind::kNode && !listed(kNodeProperties, p.key)) {
      return error_at(e.where, fmt::format("unknown property '{}' of node {}{}; nodes have name, type, mentions, id",
                                           p.key, p.variable, did_you_mean(kNodeProperties, p.key)));
    }
    if (kind == SlotKind::kRel && !listed(kRelProperties, p.key)) {
      return error_at(e.where,
                      fmt::format("unknown property '{}' of relationship {}{}; relationships have relation, "
                                  "canonical, count, confidence",
                                  p.key, p.variable, did_you_mean(kRelProperties, p.key)));
    }
    if (kind == SlotKind::kRelList) {
      return error_at(e.where, fmt::format("{} is a variable-length relationship (a list); it has no property '{}'",
                                           p.variable, p.key));
    }
    if (kind == SlotKind::kPath) {
      return error_at(e.where, fmt::format("{} is a path; it has no property '{}' (use length({}), nodes({}) or "
                                           "relationships({}))",
                                           p.variable, p.key, p.variable, p.variable, p.variable));
    }
    if (kind == SlotKind::kValue && !listed(kNodeProperties, p.key) && !listed(kRelProperties, p.key)) {
      return error_at(e.where, fmt::format("unknown property '{}' of {}; nodes have name, type, mentions, id and "
                                           "relationships relation, canonical, count, confidence",
                                           p.key, p.variable));
    }
    return Status::ok();
  }
  Status visit(const ListExpr& l, const Expr&, std::set<int>* used) {
    for (const ExprPtr& item : l.items) {
      if (Status s = check(*item, used); !s) return s;
    }
    return Status::ok();
  }
  Status visit(const Unary& u, const Expr&, std::set<int>* used) { return check(*u.operand, used); }
  Status visit(const Binary& b, const Expr&, std::set<int>* used) {
    if (Status s = check(*b.left, used); !s) return s;
    return check(*b.right, used);
  }
  Status visit(const Call& c, const Expr& e, std::set<int>* used) {
    const FunctionArity* f = find_function(c.function);
    if (!f) return error_at(e.where, fmt::format("unknown function '{}'; functions are {}", c.function, kFunctionList));
    const bool aggregate = is_aggregate(c.function);
    if (aggregate && !aggregates_allowed_) {
      return error_at(e.where, fmt::format("{}() is an aggregate; it belongs in RETURN or ORDER BY", c.function));
    }
    if (c.star && c.function != "count") return error_at(e.where, fmt::format("{}(*) is not allowed", c.function));
    if (!c.star && (c.args.size() < f->min_args || c.args.size() > f->max_args)) {
      const std::string takes = f->min_args == f->max_args && f->min_args == 1 ? "one argument"
                                : f->min_args == f->max_args ? fmt::format("{} arguments", f->min_args)
                                                             : fmt::format("{} to {} arguments", f->min_args,
                                                                           f->max_args);
      return error_at(e.where, fmt::format("{}() takes {}, got {}", c.function, takes, c.args.size()));
    }
    if (aggregate) {
      // Aggregates do not nest: count(count(*)) has no meaning.
      if (!c.star && contains_aggregate(*c.args[0])) {
        return error_at(e.where, fmt::format("an aggregate inside {}() is not allowed", c.function));
      }
    }
    for (const ExprPtr& a : c.args) {
      if (Status s = check(*a, used); !s) return s;
    }
    return Status::ok();
  }

  // Every variable the pattern names must be bound already (a pattern
  // predicate tests, it binds nothing); the rest is checked as a MATCH is.
  Status visit(const PatternPredicate& p, const Expr& e, std::set<int>* used) {
    auto named = [&](const std::string& variable) -> Status {
      if (variable.empty()) return Status::ok();
      auto it = plan_.slot_of.find(variable);
      if (it == plan_.slot_of.end()) {
        return error_at(e.where, fmt::format("unknown variable '{}' in the pattern {}; a pattern predicate may only "
                                             "name variables bound before it (leave the others anonymous)",
                                             variable, e.text));
      }
      if (used) used->insert(it->second);
      return Status::ok();
    };
    for (const NodePattern& n : p.chain->nodes) {
      if (Status s = named(n.variable); !s) return s;
    }
    for (const RelPattern& r : p.chain->rels) {
      if (Status s = named(r.variable); !s) return s;
    }
    MatchClause match;
    match.patterns.push_back(*p.chain);
    auto plan = plan_match(match, plan_);
    return plan ? Status::ok() : plan.status();
  }

  const Plan& plan_;
  const std::set<std::string>& aliases_;
  bool aggregates_allowed_;
};

// The slot of a pattern element, sharing the slot of a repeated name.
Result<int> slot_for(Plan& plan, const std::string& name, SlotKind kind, Where where) {
  if (!name.empty()) {
    auto it = plan.slot_of.find(name);
    if (it != plan.slot_of.end()) {
      if (plan.slots[it->second].kind == SlotKind::kValue) {
        return error_at(where, fmt::format("variable '{}' holds a value, not a node; it cannot stand in a pattern",
                                           name));
      }
      if (plan.slots[it->second].kind != kind || kind != SlotKind::kNode) {
        return error_at(where, fmt::format("variable '{}' is used twice; a relationship variable names one "
                                           "relationship and cannot also be a node",
                                           name));
      }
      return it->second;
    }
  }
  plan.slots.push_back({name, kind});
  const int slot = static_cast<int>(plan.slots.size()) - 1;
  if (!name.empty()) plan.slot_of.emplace(name, slot);
  return slot;
}

Status check_node(const NodePattern& n) {
  if (n.label && !store::parse_entity_type(*n.label)) {
    return error_at(n.label_where, fmt::format("unknown label '{}'; labels are PERSON, ORG, LOC, MISC, CONCEPT",
                                               *n.label));
  }
  for (const auto& [key, value] : n.properties) {
    if (!listed(kNodeProperties, key)) {
      return error_at(value->where, fmt::format("unknown property '{}' in a node pattern; nodes have name, type, "
                                                "mentions, id",
                                                key));
    }
  }
  return Status::ok();
}

Status check_rel(const RelPattern& r) {
  for (const auto& [key, value] : r.properties) {
    if (r.variable_length) {
      return error_at(value->where, "a variable-length relationship takes no property map; use WHERE");
    }
    if (!listed(kRelProperties, key)) {
      return error_at(value->where, fmt::format("unknown property '{}' in a relationship pattern; relationships "
                                                "have relation, canonical, count, confidence",
                                                key));
    }
  }
  return Status::ok();
}

// Where a chain starts: a node bound by an earlier chain, else one given by
// name, else one with a label, else the first.
size_t anchor_of(const PatternChain& chain, const Plan& plan, const std::set<int>& bound) {
  auto score = [&](const NodePattern& n) {
    if (!n.variable.empty() && bound.count(plan.slot_of.at(n.variable))) return 3;
    for (const auto& [key, value] : n.properties) {
      if (key == "name" || key == "id") return 2;
    }
    return n.label ? 1 : 0;
  };
  size_t best = 0;
  for (size_t i = 1; i < chain.nodes.size(); ++i) {
    if (score(chain.nodes[i]) > score(chain.nodes[best])) best = i;
  }
  return best;
}

// Steps for every chain, named-anchor chains first.
Status order_steps(const MatchClause& query, Plan& plan, std::vector<std::vector<int>>& node_slots,
                   std::vector<std::vector<int>>& rel_slots) {
  std::vector<size_t> order(query.patterns.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto named = [&](size_t c) {
    for (const NodePattern& n : query.patterns[c].nodes) {
      for (const auto& [key, value] : n.properties) {
        if (key == "name" || key == "id") return true;
      }
    }
    return false;
  };
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return named(a) && !named(b); });
  std::set<int> bound;
  for (size_t i = 0; i < plan.input_width; ++i) bound.insert(static_cast<int>(i));
  for (size_t c : order) {
    const PatternChain& chain = query.patterns[c];
    const size_t anchor = anchor_of(chain, plan, bound);
    Step scan;
    scan.node = &chain.nodes[anchor];
    scan.node_slot = node_slots[c][anchor];
    plan.steps.push_back(std::move(scan));
    bound.insert(node_slots[c][anchor]);
    for (size_t i = anchor; i + 1 < chain.nodes.size(); ++i) {
      Step s;
      s.node = &chain.nodes[i + 1];
      s.node_slot = node_slots[c][i + 1];
      s.rel = &chain.rels[i];
      s.rel_slot = rel_slots[c][i];
      s.from_slot = node_slots[c][i];
      s.direction = chain.rels[i].direction;
      s.shortest = chain.shortest;
      plan.steps.push_back(std::move(s));
    }
    for (size_t i = anchor; i > 0; --i) {
      Step s;
      s.node = &chain.nodes[i - 1];
      s.node_slot = node_slots[c][i - 1];
      s.rel = &chain.rels[i - 1];
      s.rel_slot = rel_slots[c][i - 1];
      s.from_slot = node_slots[c][i];
      s.direction = reversed(chain.rels[i - 1].direction);
      s.shortest = chain.shortest;
      plan.steps.push_back(std::move(s));
    }
    for (size_t i = 0; i < chain.nodes.size(); ++i) bound.insert(node_slots[c][i]);
  }
  return Status::ok();
}

void split_conjuncts(const ExprPtr& e, std::vector<const Expr*>& out) {
  if (const auto* b = std::get_if<Binary>(&e->node); b && b->op == Op::kAnd) {
    split_conjuncts(b->left, out);
    split_conjuncts(b->right, out);
    return;
  }
  out.push_back(e.get());
}

// Attaches each WHERE conjunct to the first step after which its slots are
// bound; one over input slots only is checked once per input row.
Status place_filters(const MatchClause& query, Plan& plan) {
  if (!query.where) return Status::ok();
  std::vector<const Expr*> conjuncts;
  split_conjuncts(query.where, conjuncts);
  const std::set<std::string> no_aliases;
  for (const Expr* c : conjuncts) {
    std::set<int> used;
    NameCheck check(plan, no_aliases, false);
    if (Status s = check.check(*c, &used); !s) return s;
    std::set<int> bound;
    for (size_t i = 0; i < plan.input_width; ++i) bound.insert(static_cast<int>(i));
    if (std::includes(bound.begin(), bound.end(), used.begin(), used.end())) {
      plan.constant_filters.push_back(c);
      continue;
    }
    for (Step& step : plan.steps) {
      bound.insert(step.node_slot);
      if (step.rel_slot >= 0) bound.insert(step.rel_slot);
      if (std::includes(bound.begin(), bound.end(), used.begin(), used.end())) {
        step.filters.push_back(c);
        break;
      }
    }
  }
  return Status::ok();
}

}  // namespace

bool is_aggregate(const std::string& function) {
  return function == "count" || function == "min" || function == "max" || function == "sum" ||
         function == "avg" || function == "collect";
}

void aggregate_calls(const Expr& expr, std::vector<const Expr*>& out) {
  if (const auto* c = std::get_if<Call>(&expr.node); c && is_aggregate(c->function)) {
    out.push_back(&expr);
    return;
  }
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, Call>) {
          for (const ExprPtr& a : n.args) aggregate_calls(*a, out);
        } else if constexpr (std::is_same_v<T, Unary>) {
          aggregate_calls(*n.operand, out);
        } else if constexpr (std::is_same_v<T, Binary>) {
          aggregate_calls(*n.left, out);
          aggregate_calls(*n.right, out);
        } else if constexpr (std::is_same_v<T, ListExpr>) {
          for (const ExprPtr& i : n.items) aggregate_calls(*i, out);
        }
      },
      expr.node);
}

bool contains_aggregate(const Expr& expr) {
  std::vector<const Expr*> calls;
  aggregate_calls(expr, calls);
  return !calls.empty();
}

std::vector<std::string_view> property_names(bool relationship) {
  if (relationship) return {std::begin(kRelProperties), std::end(kRelProperties)};
  return {std::begin(kNodeProperties), std::end(kNodeProperties)};
}

bool needs_all_entities(const Query& query) {
  for (const Clause& clause : query.clauses) {
    for (const PatternChain& chain : clause.match.patterns) {
      for (const NodePattern& n : chain.nodes) {
        if (n.label && store::parse_entity_type(*n.label) == store::EntityType::kConcept) return true;
      }
    }
  }
  return false;
}

// A property map in a pattern is read once, before the match: it takes
// literals and $parameters, not variables.
Status check_pattern_value(const Expr& value, const Plan& scope) {
  Plan none;
  none.parameters = scope.parameters;
  if (check_names(value, none, {}, false)) return Status::ok();
  if (Status s = check_names(value, scope, {}, false); !s) return s;
  return error_at(value.where, fmt::format("{} reads a variable; a pattern's {{...}} takes literals and "
                                           "$parameters (compare variables in WHERE)",
                                           value.text));
}

Result<Plan> plan_match(const MatchClause& query, const Plan& scope) {
  Plan plan;
  plan.slots = scope.slots;
  plan.slot_of = scope.slot_of;
  plan.input_width = scope.slots.size();
  plan.parameters = scope.parameters;
  plan.optional = query.optional;
  std::vector<std::vector<int>> node_slots(query.patterns.size()), rel_slots(query.patterns.size());
  for (size_t c = 0; c < query.patterns.size(); ++c) {
    const PatternChain& chain = query.patterns[c];
    for (size_t i = 0; i < chain.nodes.size(); ++i) {
      if (Status s = check_node(chain.nodes[i]); !s) return s;
      for (const auto& [key, value] : chain.nodes[i].properties) {
        if (Status s = check_pattern_value(*value, scope); !s) return s;
      }
      if (i < chain.rels.size()) {
        for (const auto& [key, value] : chain.rels[i].properties) {
          if (Status s = check_pattern_value(*value, scope); !s) return s;
        }
      }
      auto slot = slot_for(plan, chain.nodes[i].variable, SlotKind::kNode, chain.nodes[i].where);
      if (!slot) return slot.status();
      node_slots[c].push_back(*slot);
      if (i < chain.rels.size()) {
        const RelPattern& r = chain.rels[i];
        if (Status s = check_rel(r); !s) return s;
        auto rslot = slot_for(plan, r.variable, r.variable_length ? SlotKind::kRelList : SlotKind::kRel, r.where);
        if (!rslot) return rslot.status();
        rel_slots[c].push_back(*rslot);
      }
    }
    if (!chain.path_variable.empty()) {
      if (plan.slot_of.count(chain.path_variable)) {
        return error_at(chain.where, fmt::format("variable '{}' is used twice; a path variable names a new path",
                                                 chain.path_variable));
      }
      auto pslot = slot_for(plan, chain.path_variable, SlotKind::kPath, chain.where);
      if (!pslot) return pslot.status();
      plan.paths.push_back({*pslot, node_slots[c][0], rel_slots[c]});
    }
  }
  if (Status s = order_steps(query, plan, node_slots, rel_slots); !s) return s;
  if (Status s = place_filters(query, plan); !s) return s;
  return plan;
}

Status check_names(const Expr& expr, const Plan& scope, const std::set<std::string>& aliases,
                   bool aggregates_allowed) {
  NameCheck check(scope, aliases, aggregates_allowed);
  return check.check(expr, nullptr);
}

Plan scope_after(const Projection& projection, const Plan& scope) {
  Plan out;
  out.parameters = scope.parameters;
  for (const ReturnItem& item : projection.items) {
    SlotKind kind = SlotKind::kValue;
    if (const auto* v = std::get_if<Variable>(&item.expr->node)) {
      if (auto it = scope.slot_of.find(v->name); it != scope.slot_of.end()) kind = scope.slots[it->second].kind;
    }
    out.slot_of[item.name] = static_cast<int>(out.slots.size());
    out.slots.push_back({item.name, kind});
  }
  return out;
}

Result<Plan> scope_with(const Plan& scope, const std::string& alias, Where where) {
  if (scope.slot_of.count(alias)) {
    return error_at(where, fmt::format("variable '{}' is already defined; UNWIND ... AS needs a new name", alias));
  }
  Plan out;
  out.slots = scope.slots;
  out.slot_of = scope.slot_of;
  out.parameters = scope.parameters;
  out.slot_of[alias] = static_cast<int>(out.slots.size());
  out.slots.push_back({alias, SlotKind::kValue});
  return out;
}

}  // namespace kg::query::cypher

// Recursive descent over the tokens of one statement. Each parse_* function
// starts at the token its construct begins with and leaves `pos_` just past
// it; errors name what was expected and what was found, at its position.
#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <set>
#include <unordered_map>

#include "query/cypher/tokens.h"

namespace kg::query::cypher {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string describe(const Token& t) {
  switch (t.kind) {
    case Token::Kind::kEnd: return "end of query";
    case Token::Kind::kString: return fmt::format("'{}'", t.text);
    default: return fmt::format("'{}'", t.text);
  }
}

// Clauses that would change the store; named in the read-only refusal.
bool is_write_clause(std::string_view word) {
  static const std::set<std::string> kWrites = {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "REMOVE", "DROP",
                                                "LOAD"};
  return kWrites.count(upper(word)) > 0;
}

// Reading clauses of openCypher this subset does not have yet.
bool is_unsupported_clause(std::string_view word) {
  static const std::set<std::string> kLater = {"UNION", "FOREACH"};
  return kLater.count(upper(word)) > 0;
}

// Words that end an expression rather than name a variable, so that
// "WHERE a.name = RETURN" reports the missing value at RETURN.
bool is_reserved(std::string_view word) {
  static const std::set<std::string> kReserved = {
      "MATCH", "OPTIONAL", "WITH", "UNWIND", "CALL", "YIELD", "WHERE", "RETURN", "ORDER", "BY",  "SKIP", "LIMIT", "AND",
      "OR",    "XOR",      "IN",   "AS",     "DISTINCT", "CONTAINS", "STARTS", "ENDS", "IS", "ASC", "DESC"};
  return kReserved.count(upper(word)) > 0 || is_write_clause(word) || is_unsupported_clause(word);
}

class Parser {
 public:
  Parser(std::string_view text, std::vector<Token> tokens) : text_(text), tokens_(std::move(tokens)) {}
  Result<Query> statement();
  // One literal (number, string, boolean, null, list of literals) filling the whole text.
  Result<ExprPtr> literal_value();

 private:
  const Token& peek(size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& take() { return tokens_[std::min(pos_++, tokens_.size() - 1)]; }
  bool at_symbol(std::string_view s, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::kSymbol && peek(ahead).text == s;
  }
  bool at_keyword(std::string_view k, size_t ahead = 0) const {
    return peek(ahead).kind == Token::Kind::kIdent && upper(peek(ahead).text) == k;
  }
  bool accept_symbol(std::string_view s) {
    if (!at_symbol(s)) return false;
    ++pos_;
    return true;
  }
  bool accept_keyword(std::string_view k) {
    if (!at_keyword(k)) return false;
    ++pos_;
    return true;
  }
  Status expected(std::string_view what) const {
    return error_at(peek().where, fmt::format("expected {}, found {}", what, describe(peek())));
  }
  Status expect_symbol(std::string_view s, std::string_view context) {
    if (accept_symbol(s)) return Status::ok();
    return expected(fmt::format("'{}' {}", s, context));
  }
  Result<std::string> identifier(std::string_view what) {
    if (peek().kind != Token::Kind::kIdent) return expected(what);
    return take().text;
  }
  Status refuse_clause() const;

  Status clauses(Query& q);
  Status match_clause(Query& q, bool optional);
  Status unwind_clause(Query& q);
  Status call_clause(Query& q);
  Status optional_where(ExprPtr& into);
  Status projection_clause(Query& q, Clause::Kind kind);
  Result<PatternChain> pattern();
  Result<PatternChain> chain(std::vector<size_t>* node_starts = nullptr);
  Result<NodePattern> node();
  Result<RelPattern> relationship();
  Status relationship_detail(RelPattern& r);
  Status hop_range(RelPattern& r, int limit);
  Result<std::vector<std::pair<std::string, ExprPtr>>> property_map();
  Status projection_items(const Query& q, Projection& p);
  Status order_skip_limit(Projection& p);
  Result<int64_t> count_argument(std::string_view clause);

  // Expressions, loosest binding first.
  // Expressions nest (parentheses, lists, maps, NOT, unary minus) through
  // these three; the depth is capped so that no input can recurse the
  // parser's stack away (issue 21: a fuzzer's "((((((..." did).
  static constexpr int kMaxNesting = 100;
  struct NestingGuard {
    explicit NestingGuard(Parser& parser) : parser_(parser) {
      parser_.peak_depth_ = std::max(parser_.peak_depth_, ++parser_.depth_);
    }
    ~NestingGuard() { --parser_.depth_; }
    bool too_deep() const { return parser_.depth_ > kMaxNesting; }
    Parser& parser_;
  };
  Status too_deep() {
    return limit_reached(peek().where, fmt::format("expression nested deeper than {} levels", kMaxNesting));
  }
  Result<ExprPtr> expression() {
    const NestingGuard guard(*this);
    if (guard.too_deep()) return too_deep();
    return or_expr();
  }
  Result<ExprPtr> or_expr();
  Result<ExprPtr> xor_expr();
  Result<ExprPtr> and_expr();
  Result<ExprPtr> not_expr();
  Result<ExprPtr> comparison();
  Result<ExprPtr> additive();
  Result<ExprPtr> multiplicative();
  Result<ExprPtr> unary();
  Result<ExprPtr> atom();
  Result<ExprPtr> call(const Token& name);
  ExprPtr make(size_t first_token, decltype(Expr::node) node) const;
  Result<ExprPtr> binary_chain(Op op, std::string_view keyword, Result<ExprPtr> (Parser::*next)());

  // Chains (a OR b OR c, a + b - c, a = b = c) build left-deep trees: each
  // link is one level deeper for whoever walks the tree (evaluation,
  // planning, freeing it), and copying the source text of every partial
  // chain made a long one quadratic (issue 21: 8,000 ORs took 525 MB,
  // 16,000 crashed the stack). Links in progress are capped, counting the
  // chains an operand is inside; a partial chain keeps no text, the whole
  // chain gets it once (finish_chain).
  static constexpr int kMaxChainLinks = 1000;
  struct ChainGuard {
    explicit ChainGuard(int& links) : links_(links), saved_(links) {}
    ~ChainGuard() { links_ = saved_; }
    int& links_;
    int saved_;
  };
  Result<ExprPtr> link(size_t first_token, decltype(Expr::node) node);
  Result<ExprPtr> finish_chain(size_t first_token, Result<ExprPtr> chain) const;
  std::string source_text(size_t first_token) const;

  // A limit (nesting, chain links) ends the whole parse: no other reading of
  // a parenthesis is tried after one. Then every reading that finished
  // depends only on where it started, whether inside shortestPath, and the
  // nesting and links it needed on top of those it started under, which is
  // what lets the readings below be remembered.
  Status limit_reached(const Where& where, std::string message) {
    limit_reached_ = true;
    return error_at(where, std::move(message));
  }

  // "(...)" in an expression is a pattern or a parenthesised expression;
  // the parser tries the pattern, then the expression. Tried afresh each
  // time, a pattern whose property maps hold such parentheses again read
  // the text under both at every level: time exponential in the nesting
  // (issue 21: a fuzzer's 1,873 bytes ran for over a minute). Each atom
  // "(...)" and each failed pattern is therefore parsed once per starting
  // token; a failed pattern is also known to fail from every later node it
  // passed, as the same steps follow from there. A remembered reading is
  // reused when its needs fit under the current depth and links; otherwise
  // it is parsed again, which then ends in a limit error.
  struct Cost {
    size_t end = 0;  // pos_ after the reading, or where it failed
    int depth = 0;   // most nesting it added
    int links = 0;   // most chain links it added
  };
  struct FailedPattern {
    Status error;
    Cost cost;
  };
  struct ParsedAtom {
    Result<ExprPtr> result;
    Cost cost;
  };
  size_t memo_key(size_t token) const { return token * 2 + (shortest_ ? 1 : 0); }
  bool fits(const Cost& cost) const {
    return depth_ + cost.depth <= kMaxNesting && links_ + cost.links <= kMaxChainLinks;
  }
  template <class Parse>
  auto measured(Parse parse, Cost& cost) -> decltype(parse());
  Result<ExprPtr> parenthesised();
  Result<ExprPtr> pattern_or_expression();
  Result<PatternChain> pattern_attempt();

  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;  // expressions being parsed, one inside the other
  int links_ = 0;  // chain links built by the chains being parsed
  int peak_depth_ = 0, peak_links_ = 0;  // the most of each since the reading being measured began
  bool limit_reached_ = false;
  bool shortest_ = false;  // inside shortestPath(...): hop bounds up to kMaxShortestHops
  std::unordered_map<size_t, ParsedAtom> atoms_;               // by memo_key of the '('
  std::unordered_map<size_t, FailedPattern> failed_patterns_;  // by memo_key of a node's '('
};

std::string Parser::source_text(size_t first_token) const {
  const Token& first = tokens_[first_token];
  const size_t end = pos_ > 0 ? tokens_[pos_ - 1].end : first.end;
  return std::string(text_.substr(first.begin, end > first.begin ? end - first.begin : 0));
}

ExprPtr Parser::make(size_t first_token, decltype(Expr::node) node) const {
  auto e = std::make_shared<Expr>();
  e->node = std::move(node);
  e->where = tokens_[first_token].where;
  e->text = source_text(first_token);
  return e;
}

Result<ExprPtr> Parser::link(size_t first_token, decltype(Expr::node) node) {
  peak_links_ = std::max(peak_links_, ++links_);
  if (links_ > kMaxChainLinks) {
    return limit_reached(tokens_[pos_ - 1].where,
                         fmt::format("more than {} operators chained in one expression (for many alternatives write "
                                     "x IN [...])",
                                     kMaxChainLinks));
  }
  auto e = std::make_shared<Expr>();
  e->node = std::move(node);
  e->where = tokens_[first_token].where;
  return ExprPtr(std::move(e));
}

Result<ExprPtr> Parser::finish_chain(size_t first_token, Result<ExprPtr> chain) const {
  if (!chain || !(*chain)->text.empty()) return chain;
  auto whole = std::make_shared<Expr>(**chain);  // shares the operands
  whole->text = source_text(first_token);
  return ExprPtr(std::move(whole));
}

Status Parser::refuse_clause() const {
  const Token& t = peek();
  if (t.kind == Token::Kind::kIdent && is_write_clause(t.text)) {
    return error_at(t.where, fmt::format("kg query is read-only; {} would change the store (kg ingest and kg remove "
                                         "change it)",
                                         upper(t.text)));
  }
  if (t.kind == Token::Kind::kIdent && is_unsupported_clause(t.text)) {
    return error_at(t.where, fmt::format("{} is not supported yet; this subset has MATCH ... WHERE ... RETURN",
                                         upper(t.text)));
  }
  return Status::ok();
}

bool is_literal(const Expr& e) {
  if (std::holds_alternative<Literal>(e.node)) return true;
  if (const auto* neg = std::get_if<Unary>(&e.node); neg && neg->op == Op::kNeg) return is_literal(*neg->operand);
  if (const auto* list = std::get_if<ListExpr>(&e.node)) {
    return std::all_of(list->items.begin(), list->items.end(), [](const ExprPtr& i) { return is_literal(*i); });
  }
  return false;
}

Result<ExprPtr> Parser::literal_value() {
  auto e = expression();
  if (!e) return e;
  if (peek().kind != Token::Kind::kEnd || !is_literal(**e)) return expected("a literal");
  return e;
}

Result<Query> Parser::statement() {
  Query q;
  if (accept_keyword("EXPLAIN")) q.mode = Query::Mode::kExplain;
  else if (accept_keyword("PROFILE")) q.mode = Query::Mode::kProfile;
  if (Status s = clauses(q); !s) return s;
  accept_symbol(";");
  if (Status s = refuse_clause(); !s) return s;
  if (peek().kind != Token::Kind::kEnd) return expected("end of query");
  return q;
}

// Reading clauses and WITH in any order, then RETURN.
Status Parser::clauses(Query& q) {
  while (true) {
    if (Status s = refuse_clause(); !s) return s;
    const Where where = peek().where;
    Status s = Status::ok();
    if (at_keyword("MATCH")) {
      s = match_clause(q, false);
    } else if (at_keyword("OPTIONAL")) {
      ++pos_;
      if (!at_keyword("MATCH")) return expected("MATCH after OPTIONAL");
      s = match_clause(q, true);
    } else if (at_keyword("UNWIND")) {
      s = unwind_clause(q);
    } else if (at_keyword("CALL")) {
      s = call_clause(q);
    } else if (at_keyword("WITH")) {
      s = projection_clause(q, Clause::Kind::kWith);
    } else if (at_keyword("RETURN")) {
      s = projection_clause(q, Clause::Kind::kReturn);
    } else {
      return expected(q.clauses.empty() ? "MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH or RETURN"
                                        : "WHERE, MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH or RETURN");
    }
    if (!s) return s;
    q.clauses.back().where = where;
    if (q.clauses.back().kind == Clause::Kind::kReturn) return Status::ok();
    // A CALL alone (or last) returns what it yields, as in cypher-shell.
    if (q.clauses.back().kind == Clause::Kind::kCall && (at_symbol(";") || peek().kind == Token::Kind::kEnd)) {
      Clause ret;
      ret.kind = Clause::Kind::kReturn;
      ret.where = where;
      for (const auto& [column, variable] : q.clauses.back().call.yields) {
        auto e = std::make_shared<Expr>();
        e->node = Variable{variable};
        e->where = where;
        e->text = variable;
        ret.projection.items.push_back({e, variable});
      }
      q.clauses.push_back(std::move(ret));
      return Status::ok();
    }
  }
}

Status Parser::match_clause(Query& q, bool optional) {
  ++pos_;  // MATCH
  Clause clause;
  clause.kind = Clause::Kind::kMatch;
  clause.match.optional = optional;
  do {
    auto chain = pattern();
    if (!chain) return chain.status();
    clause.match.patterns.push_back(std::move(*chain));
  } while (accept_symbol(","));
  if (Status s = optional_where(clause.match.where); !s) return s;
  q.clauses.push_back(std::move(clause));
  return Status::ok();
}

// [WHERE expr]: `into` stays null without one.
Status Parser::optional_where(ExprPtr& into) {
  if (!accept_keyword("WHERE")) return Status::ok();
  auto w = expression();
  if (!w) return w.status();
  into = *w;
  return Status::ok();
}

Status Parser::unwind_clause(Query& q) {
  ++pos_;  // UNWIND
  Clause clause;
  clause.kind = Clause::Kind::kUnwind;
  auto list = expression();
  if (!list) return list.status();
  clause.unwind.list = *list;
  if (!accept_keyword("AS")) return expected("AS after the UNWIND list, e.g. UNWIND [1, 2] AS x");
  auto alias = identifier("a variable name after AS");
  if (!alias) return alias.status();
  clause.unwind.alias = *alias;
  q.clauses.push_back(std::move(clause));
  return Status::ok();
}

// CALL name.space(args) [YIELD column [AS variable], ... [WHERE expr]]
Status Parser::call_clause(Query& q) {
  ++pos_;  // CALL
  Clause clause;
  clause.kind = Clause::Kind::kCall;
  const Where name_at = peek().where;
  auto name = identifier("a procedure name such as kg.pagerank");
  if (!name) return name.status();
  std::string full = lower(*name);
  while (accept_symbol(".")) {
    auto part = identifier("a name after '.'");
    if (!part) return part.status();
    full += "." + lower(*part);
  }
  const auto& known = procedures();
  auto info = std::find_if(known.begin(), known.end(), [&](const ProcedureInfo& p) { return p.name == full; });
  if (info == known.end()) {
    std::vector<std::string> names;
    for (const ProcedureInfo& p : known) names.push_back(std::string(p.name));
    return error_at(name_at, fmt::format("unknown procedure '{}'; procedures are {}", full, fmt::join(names, ", ")));
  }
  clause.call.procedure = full;
  if (Status s = expect_symbol("(", fmt::format("after {}", full)); !s) return s;
  if (!at_symbol(")")) {
    do {
      auto arg = expression();
      if (!arg) return arg.status();
      clause.call.args.push_back(*arg);
    } while (accept_symbol(","));
  }
  if (Status s = expect_symbol(")", fmt::format("to close {}(", full)); !s) return s;
  const size_t given = clause.call.args.size(), most = info->args.size(), least = most - info->optional_args;
  if (given < least || given > most) {
    const std::string count = least == most ? fmt::format("{}", most) : fmt::format("{} to {}", least, most);
    return error_at(name_at, fmt::format("{}() takes {} argument{} ({}), got {}", full, count, count == "1" ? "" : "s",
                                         fmt::join(info->args, ", "), given));
  }
  if (accept_keyword("YIELD")) {
    do {
      const Where column_at = peek().where;
      auto column = identifier("a column to YIELD");
      if (!column) return column.status();
      if (std::find(info->columns.begin(), info->columns.end(), *column) == info->columns.end()) {
        return error_at(column_at, fmt::format("{} yields no column '{}'; it yields {}", full, *column,
                                               fmt::join(info->columns, ", ")));
      }
      std::string variable = *column;
      if (accept_keyword("AS")) {
        auto alias = identifier("a variable name after AS");
        if (!alias) return alias.status();
        variable = *alias;
      }
      clause.call.yields.emplace_back(*column, variable);
    } while (accept_symbol(","));
    if (Status s = optional_where(clause.call.where); !s) return s;
  } else {
    for (std::string_view column : info->columns) clause.call.yields.emplace_back(column, column);
  }
  q.clauses.push_back(std::move(clause));
  return Status::ok();
}

// WITH items [ORDER BY] [SKIP] [LIMIT] [WHERE], or RETURN items [ORDER BY] [SKIP] [LIMIT].
Status Parser::projection_clause(Query& q, Clause::Kind kind) {
  ++pos_;  // WITH or RETURN
  Clause clause;
  clause.kind = kind;
  if (Status s = projection_items(q, clause.projection); !s) return s;
  if (Status s = order_skip_limit(clause.projection); !s) return s;
  if (kind == Clause::Kind::kWith) {
    if (Status s = optional_where(clause.projection.where); !s) return s;
  }
  q.clauses.push_back(std::move(clause));
  return Status::ok();
}

// `p = (a)-->(b)`, `shortestPath((a)-[*..6]-(b))` or a plain chain.
Result<PatternChain> Parser::pattern() {
  const Where start = peek().where;
  std::string path_variable;
  if (peek().kind == Token::Kind::kIdent && at_symbol("=", 1)) {
    path_variable = take().text;
    ++pos_;  // '='
  }
  const bool shortest = at_keyword("SHORTESTPATH");
  if (shortest) {
    ++pos_;
    if (Status s = expect_symbol("(", "after shortestPath"); !s) return s;
  }
  shortest_ = shortest;
  auto result = chain();
  shortest_ = false;
  if (!result) return result.status();
  result->path_variable = std::move(path_variable);
  result->shortest = shortest;
  result->where = start;
  if (shortest) {
    if (result->rels.size() != 1) {
      return error_at(start,
                      "shortestPath takes one relationship between two nodes, e.g. shortestPath((a)-[*..6]-(b))");
    }
    if (Status s = expect_symbol(")", "to close shortestPath("); !s) return s;
  }
  return result;
}

// `node_starts` collects the first token of each node read.
Result<PatternChain> Parser::chain(std::vector<size_t>* node_starts) {
  PatternChain chain;
  if (node_starts) node_starts->push_back(pos_);
  auto first = node();
  if (!first) return first.status();
  chain.nodes.push_back(std::move(*first));
  while (at_symbol("-") || at_symbol("<-") || at_symbol("->")) {
    auto rel = relationship();
    if (!rel) return rel.status();
    chain.rels.push_back(std::move(*rel));
    if (node_starts) node_starts->push_back(pos_);
    auto next = node();
    if (!next) return next.status();
    chain.nodes.push_back(std::move(*next));
  }
  return chain;
}

Result<NodePattern> Parser::node() {
  NodePattern n;
  n.where = peek().where;
  if (Status s = expect_symbol("(", "to open a node pattern"); !s) return s;
  if (peek().kind == Token::Kind::kIdent) n.variable = take().text;
  if (accept_symbol(":")) {
    n.label_where = peek().where;
    auto label = identifier("a label (PERSON, ORG, LOC, MISC or CONCEPT) after ':'");
    if (!label) return label.status();
    n.label = *label;
  }
  if (at_symbol("{")) {
    auto props = property_map();
    if (!props) return props.status();
    n.properties = std::move(*props);
  }
  if (Status s = expect_symbol(")", "to close the node pattern"); !s) return s;
  return n;
}

// -[...]->, <-[...]-, -[...]-, and the short forms -->, <--, --.
Result<RelPattern> Parser::relationship() {
  RelPattern r;
  r.where = peek().where;
  bool left = false, right = false;
  if (accept_symbol("<-")) {
    left = true;
  } else if (accept_symbol("->")) {  // "(a)->(b)" is missing its dash
    return error_at(r.where, "expected '-' before '->' (write -[...]-> or -->)");
  } else {
    ++pos_;  // '-'
  }
  if (at_symbol("[")) {
    ++pos_;
    if (Status s = relationship_detail(r); !s) return s;
    if (Status s = expect_symbol("]", "to close the relationship pattern"); !s) return s;
  }
  if (accept_symbol("->")) {
    right = true;
  } else if (!accept_symbol("-")) {
    return expected("'-' or '->' to end the relationship pattern");
  }
  if (left && right) r.direction = Direction::kBoth;
  else if (left) r.direction = Direction::kLeft;
  else if (right) r.direction = Direction::kRight;
  else r.direction = Direction::kBoth;
  return r;
}

Status Parser::relationship_detail(RelPattern& r) {
  if (peek().kind == Token::Kind::kIdent) r.variable = take().text;
  if (accept_symbol(":")) {
    do {
      accept_symbol(":");  // [:a|:b] is allowed too
      auto type = identifier("a relationship type after ':' (e.g. meet or speak_with)");
      if (!type) return type.status();
      r.types.push_back(*type);
    } while (accept_symbol("|"));
  }
  if (at_symbol("*")) {
    if (Status s = hop_range(r, shortest_ ? kMaxShortestHops : kMaxHops); !s) return s;
  } else if (shortest_) {
    r.variable_length = true;  // shortestPath((a)-[:x]-(b)): any number of hops
    r.max_hops = kMaxShortestHops;
  }
  if (at_symbol("{")) {
    auto props = property_map();
    if (!props) return props.status();
    r.properties = std::move(*props);
  }
  return Status::ok();
}

// *, *N, *N.., *..M, *N..M: the upper bound is required and capped, so a
// pattern cannot walk the whole graph from a hub. A shortest path is one
// breadth-first search whatever the bound: there it defaults to `limit`.
Status Parser::hop_range(RelPattern& r, int limit) {
  const Where star = take().where;
  r.variable_length = true;
  std::optional<int64_t> low, high;
  auto number = [&]() -> std::optional<int64_t> {
    if (peek().kind != Token::Kind::kInt) return std::nullopt;
    int64_t v = 0;
    const std::string& t = take().text;
    auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc()) v = INT64_MAX;
    return v;
  };
  low = number();
  if (accept_symbol("..")) {
    high = number();
  } else {
    high = low;
  }
  if (!high && shortest_) high = limit;
  if (!high) {
    return error_at(star, fmt::format("variable-length relationship needs an upper bound of at most {} hops, "
                                      "e.g. -[*1..3]-",
                                      limit));
  }
  if (*high > limit) {
    return error_at(star, fmt::format("variable-length relationship of up to {} hops is over the limit of {}; "
                                      "use -[*1..{}]- or less",
                                      *high, limit, limit));
  }
  r.min_hops = static_cast<int>(low.value_or(1));
  r.max_hops = static_cast<int>(*high);
  if (r.min_hops > r.max_hops) {
    return error_at(star, fmt::format("variable-length relationship from {} to {} hops: the lower bound is above "
                                      "the upper",
                                      r.min_hops, r.max_hops));
  }
  return Status::ok();
}

Result<std::vector<std::pair<std::string, ExprPtr>>> Parser::property_map() {
  std::vector<std::pair<std::string, ExprPtr>> props;
  ++pos_;  // '{'
  if (accept_symbol("}")) return props;
  do {
    auto key = identifier("a property name such as name");
    if (!key) return key.status();
    if (Status s = expect_symbol(":", "after the property name"); !s) return s;
    auto value = expression();
    if (!value) return value.status();
    props.emplace_back(*key, *value);
  } while (accept_symbol(","));
  if (Status s = expect_symbol("}", "to close the property map"); !s) return s;
  return props;
}

// The variables RETURN * and WITH * mean: those of the clauses since the
// last WITH (and that WITH's own items), in order of first appearance.
std::vector<std::string> variables_in_scope(const Query& q) {
  std::vector<std::string> seen;
  auto add = [&](const std::string& v) {
    if (!v.empty() && std::find(seen.begin(), seen.end(), v) == seen.end()) seen.push_back(v);
  };
  size_t from = 0;
  for (size_t c = 0; c < q.clauses.size(); ++c) {
    if (q.clauses[c].kind == Clause::Kind::kWith) from = c;
  }
  for (size_t c = from; c < q.clauses.size(); ++c) {
    const Clause& clause = q.clauses[c];
    if (clause.kind == Clause::Kind::kWith) {
      for (const ReturnItem& item : clause.projection.items) add(item.name);
    } else if (clause.kind == Clause::Kind::kUnwind) {
      add(clause.unwind.alias);
    }
    for (const auto& [column, variable] : clause.call.yields) add(variable);
    for (const PatternChain& chain : clause.match.patterns) {
      add(chain.path_variable);
      for (size_t i = 0; i < chain.nodes.size(); ++i) {
        add(chain.nodes[i].variable);
        if (i < chain.rels.size()) add(chain.rels[i].variable);
      }
    }
  }
  return seen;
}

Status Parser::projection_items(const Query& q, Projection& p) {
  p.distinct = accept_keyword("DISTINCT");
  if (at_symbol("*")) {
    const Where star = take().where;
    const std::vector<std::string> seen = variables_in_scope(q);
    if (seen.empty()) return error_at(star, "* needs a named variable in the pattern, e.g. (a)");
    for (const std::string& v : seen) {
      auto e = std::make_shared<Expr>();
      e->node = Variable{v};
      e->where = star;
      e->text = v;
      p.items.push_back({e, v});
    }
    return Status::ok();
  }
  do {
    auto e = expression();
    if (!e) return e.status();
    ReturnItem item{*e, (*e)->text};
    if (accept_keyword("AS")) {
      auto alias = identifier("a column name after AS");
      if (!alias) return alias.status();
      item.name = *alias;
    }
    p.items.push_back(std::move(item));
  } while (accept_symbol(","));
  return Status::ok();
}

Result<int64_t> Parser::count_argument(std::string_view clause) {
  if (peek().kind != Token::Kind::kInt) return expected(fmt::format("a whole number after {}", clause));
  const std::string& t = take().text;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  if (ec != std::errc()) return error_at(tokens_[pos_ - 1].where, fmt::format("{} {} is too large", clause, t));
  return v;
}

Status Parser::order_skip_limit(Projection& q) {
  if (accept_keyword("ORDER")) {
    if (!accept_keyword("BY")) return expected("BY after ORDER");
    do {
      auto e = expression();
      if (!e) return e.status();
      SortItem item{*e, false};
      if (accept_keyword("DESC") || accept_keyword("DESCENDING")) item.descending = true;
      else if (!accept_keyword("ASC")) accept_keyword("ASCENDING");
      q.order_by.push_back(std::move(item));
    } while (accept_symbol(","));
  }
  if (accept_keyword("SKIP")) {
    auto n = count_argument("SKIP");
    if (!n) return n.status();
    q.skip = *n;
  }
  if (accept_keyword("LIMIT")) {
    auto n = count_argument("LIMIT");
    if (!n) return n.status();
    q.limit = *n;
  }
  return Status::ok();
}

Result<ExprPtr> Parser::binary_chain(Op op, std::string_view keyword, Result<ExprPtr> (Parser::*next)()) {
  const size_t first = pos_;
  const ChainGuard guard(links_);
  auto left = (this->*next)();
  if (!left) return left;
  while (accept_keyword(keyword)) {
    auto right = (this->*next)();
    if (!right) return right;
    left = link(first, Binary{op, *left, *right});
    if (!left) return left;
  }
  return finish_chain(first, std::move(left));
}

Result<ExprPtr> Parser::or_expr() { return binary_chain(Op::kOr, "OR", &Parser::xor_expr); }
Result<ExprPtr> Parser::xor_expr() { return binary_chain(Op::kXor, "XOR", &Parser::and_expr); }
Result<ExprPtr> Parser::and_expr() { return binary_chain(Op::kAnd, "AND", &Parser::not_expr); }

Result<ExprPtr> Parser::not_expr() {
  const size_t first = pos_;
  if (accept_keyword("NOT")) {
    const NestingGuard guard(*this);
    if (guard.too_deep()) return too_deep();
    auto operand = not_expr();
    if (!operand) return operand;
    return make(first, Unary{Op::kNot, *operand});
  }
  return comparison();
}

Result<ExprPtr> Parser::comparison() {
  const size_t first = pos_;
  const ChainGuard guard(links_);
  auto left = additive();
  if (!left) return left;
  while (true) {
    std::optional<Op> op;
    static const std::pair<std::string_view, Op> kSymbols[] = {{"=", Op::kEq}, {"<>", Op::kNe}, {"<", Op::kLt},
                                                               {"<=", Op::kLe}, {">", Op::kGt}, {">=", Op::kGe}};
    for (const auto& [sym, o] : kSymbols) {
      if (accept_symbol(sym)) {
        op = o;
        break;
      }
    }
    if (!op) {
      if (accept_symbol("=~")) op = Op::kRegex;
      else if (accept_keyword("CONTAINS")) op = Op::kContains;
      else if (accept_keyword("IN")) op = Op::kIn;
      else if (at_keyword("STARTS") || at_keyword("ENDS")) {
        op = upper(take().text) == "STARTS" ? Op::kStartsWith : Op::kEndsWith;
        if (!accept_keyword("WITH")) return expected("WITH after STARTS or ENDS");
      } else if (accept_keyword("IS")) {
        const bool negated = accept_keyword("NOT");
        if (!accept_keyword("NULL")) return expected(negated ? "NULL after IS NOT" : "NULL or NOT NULL after IS");
        left = link(first, Unary{negated ? Op::kIsNotNull : Op::kIsNull, *left});
        if (!left) return left;
        continue;
      }
    }
    if (!op) return finish_chain(first, std::move(left));
    const Where right_at = peek().where;
    auto right = additive();
    if (!right) return right;
    // A literal pattern is checked now, so a typo is an error with its
    // position rather than a silent null on every row.
    if (const auto* lit = std::get_if<Literal>(&(*right)->node); *op == Op::kRegex && lit) {
      const auto* pattern = std::get_if<std::string>(&lit->value);
      if (pattern && !is_regex(*pattern)) {
        return error_at(right_at, fmt::format("'{}' is not a regular expression", *pattern));
      }
    }
    left = link(first, Binary{*op, *left, *right});
    if (!left) return left;
  }
}

Result<ExprPtr> Parser::additive() {
  const size_t first = pos_;
  const ChainGuard guard(links_);
  auto left = multiplicative();
  if (!left) return left;
  while (at_symbol("+") || at_symbol("-")) {
    const Op op = take().text == "+" ? Op::kAdd : Op::kSub;
    auto right = multiplicative();
    if (!right) return right;
    left = link(first, Binary{op, *left, *right});
    if (!left) return left;
  }
  return finish_chain(first, std::move(left));
}

Result<ExprPtr> Parser::multiplicative() {
  const size_t first = pos_;
  const ChainGuard guard(links_);
  auto left = unary();
  if (!left) return left;
  while (at_symbol("*") || at_symbol("/") || at_symbol("%")) {
    const std::string sym = take().text;
    const Op op = sym == "*" ? Op::kMul : sym == "/" ? Op::kDiv : Op::kMod;
    auto right = unary();
    if (!right) return right;
    left = link(first, Binary{op, *left, *right});
    if (!left) return left;
  }
  return finish_chain(first, std::move(left));
}

Result<ExprPtr> Parser::unary() {
  const size_t first = pos_;
  if (accept_symbol("-")) {
    const NestingGuard guard(*this);
    if (guard.too_deep()) return too_deep();
    auto operand = unary();
    if (!operand) return operand;
    return make(first, Unary{Op::kNeg, *operand});
  }
  return atom();
}

Result<ExprPtr> Parser::atom() {
  const size_t first = pos_;
  const Token& t = peek();
  switch (t.kind) {
    case Token::Kind::kInt: {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
      if (ec != std::errc()) return error_at(t.where, fmt::format("number {} is too large", t.text));
      ++pos_;
      return make(first, Literal{v});
    }
    case Token::Kind::kFloat: {
      ++pos_;
      return make(first, Literal{std::stod(t.text)});
    }
    case Token::Kind::kString: {
      ++pos_;
      return make(first, Literal{t.text});
    }
    case Token::Kind::kEnd: return expected("an expression");
    case Token::Kind::kSymbol: break;
    case Token::Kind::kIdent: {
      const std::string word = upper(t.text);
      if (word == "TRUE" || word == "FALSE") {
        ++pos_;
        return make(first, Literal{word == "TRUE"});
      }
      if (word == "NULL") {
        ++pos_;
        return make(first, Literal{});
      }
      if (is_reserved(word)) return expected("an expression");
      const Token& name = take();
      if (at_symbol("(")) return call(name);
      if (accept_symbol(".")) {
        auto key = identifier(fmt::format("a property name after '{}.'", name.text));
        if (!key) return key.status();
        return make(first, Property{name.text, *key});
      }
      return make(first, Variable{name.text});
    }
  }
  if (accept_symbol("$")) {
    auto name = identifier("a parameter name after '$', e.g. $name");
    if (!name) return name.status();
    return make(first, Parameter{*name});
  }
  if (at_symbol("(")) return parenthesised();
  if (accept_symbol("[")) {
    ListExpr list;
    if (!at_symbol("]")) {
      do {
        auto item = expression();
        if (!item) return item;
        list.items.push_back(*item);
      } while (accept_symbol(","));
    }
    if (Status s = expect_symbol("]", "to close the list"); !s) return s;
    return make(first, std::move(list));
  }
  return expected("an expression");
}

// Runs `parse` from pos_ and measures what it needed in `cost`.
template <class Parse>
auto Parser::measured(Parse parse, Cost& cost) -> decltype(parse()) {
  const int outer_depth = peak_depth_, outer_links = peak_links_;
  peak_depth_ = depth_;
  peak_links_ = links_;
  auto result = parse();
  cost = Cost{pos_, peak_depth_ - depth_, peak_links_ - links_};
  peak_depth_ = std::max(peak_depth_, outer_depth);
  peak_links_ = std::max(peak_links_, outer_links);
  return result;
}

Result<ExprPtr> Parser::parenthesised() {
  const size_t key = memo_key(pos_);
  if (auto known = atoms_.find(key); known != atoms_.end() && fits(known->second.cost)) {
    pos_ = known->second.cost.end;
    return known->second.result;
  }
  Cost cost;
  auto result = measured([this] { return pattern_or_expression(); }, cost);
  if (!limit_reached_) atoms_.insert_or_assign(key, ParsedAtom{result, cost});
  return result;
}

// A chain with a relationship is a pattern predicate; anything else in
// parentheses is an expression, parsed again from the '('. When both fail,
// the error is the one that read further: (a)-[:x->(b) is a broken pattern,
// (a + ) a broken expression.
Result<ExprPtr> Parser::pattern_or_expression() {
  const size_t first = pos_;
  auto pattern = pattern_attempt();
  if (pattern && !pattern->rels.empty()) {
    pattern->where = tokens_[first].where;
    return make(first, PatternPredicate{std::make_shared<const PatternChain>(std::move(*pattern))});
  }
  if (limit_reached_) return pattern.status();
  const size_t pattern_reached = pos_;
  pos_ = first + 1;
  auto inner = expression();
  if (inner) {
    if (Status s = expect_symbol(")", "to close the parenthesis"); !s) inner = s;
  }
  if (!inner && !limit_reached_ && !pattern && pattern_reached > pos_) return pattern.status();
  return inner;
}

Result<PatternChain> Parser::pattern_attempt() {
  if (auto known = failed_patterns_.find(memo_key(pos_)); known != failed_patterns_.end() && fits(known->second.cost)) {
    pos_ = known->second.cost.end;
    return known->second.error;
  }
  std::vector<size_t> node_starts;
  Cost cost;
  auto pattern = measured([&] { return chain(&node_starts); }, cost);
  if (!pattern && !limit_reached_) {
    for (size_t node_start : node_starts) {
      failed_patterns_.insert_or_assign(memo_key(node_start), FailedPattern{pattern.status(), cost});
    }
  }
  return pattern;
}

Result<ExprPtr> Parser::call(const Token& name) {
  const size_t first = pos_ - 1;
  ++pos_;  // '('
  Call c;
  c.function = lower(name.text);
  if (accept_symbol("*")) {
    c.star = true;
  } else if (!at_symbol(")")) {
    c.distinct = accept_keyword("DISTINCT");
    do {
      auto arg = expression();
      if (!arg) return arg;
      c.args.push_back(*arg);
    } while (accept_symbol(","));
  }
  if (Status s = expect_symbol(")", fmt::format("to close {}(", name.text)); !s) return s;
  return make(first, std::move(c));
}

}  // namespace

Result<Query> parse(std::string_view text, int first_line) {
  auto tokens = tokenize(text, first_line);
  if (!tokens) return tokens.status();
  Parser parser(text, std::move(*tokens));
  return parser.statement();
}

// A literal through the expression parser ("RETURN <text>" would accept
// variables too); anything that is not one whole literal is a string.
Result<ExprPtr> parse_parameter_value(std::string_view text) {
  auto as_string = [&] {
    auto e = std::make_shared<Expr>();
    e->node = Literal{std::string(text)};
    e->text = std::string(text);
    return ExprPtr(e);
  };
  auto tokens = tokenize(text, 1);
  if (!tokens) return as_string();
  Parser parser(text, std::move(*tokens));
  auto value = parser.literal_value();
  if (!value) return as_string();
  return *value;
}

}  // namespace kg::query::cypher

// query/cypher: a read-only openCypher subset over the graph view.
//
// Text -> tokens (lexer.cc) -> a Query AST (parser.cc) -> a plan that fixes
// where each pattern starts and when each WHERE conjunct is checked
// (planner.cc) -> rows (executor.cc) -> a QueryResult table (projection.cc).
//
// Supported: a chain of clauses, each reading the rows the one before it
// made: MATCH and OPTIONAL MATCH of comma-separated pattern chains (node
// labels are entity types, `{name: ...}` matches any alias, relationship
// types match the stored phrase or the canonical relation, bounded variable
// length, `p = ...` path variables, shortestPath), each with its WHERE;
// UNWIND; WITH and RETURN [DISTINCT] with AS, aggregates, implicit grouping,
// ORDER BY, SKIP, LIMIT (WITH also WHERE); $parameters. Write clauses are
// refused: kg query is read-only.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "base/status.h"
#include "graph/store/store.h"
#include "graph/view.h"
#include "query/lexer.h"
#include "query/result.h"

namespace kg::query::cypher {

// The longest variable-length relationship accepted: beyond it a pattern on a
// hub enumerates more paths than any answer can use.
inline constexpr int kMaxHops = 6;
// shortestPath is one breadth-first search, linear in the graph whatever
// the bound, so it may reach further.
inline constexpr int kMaxShortestHops = 15;

// 1-based line and column, as in every "LINE:COLUMN: ..." error.
using Where = Position;

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;
struct PatternChain;

struct Literal {
  std::variant<std::monostate, bool, int64_t, double, std::string> value;
};
struct Variable { std::string name; };
struct Parameter { std::string name; };  // $name
struct Property { std::string variable; std::string key; };
struct ListExpr { std::vector<ExprPtr> items; };
enum class Op {
  kOr, kXor, kAnd, kNot, kEq, kNe, kLt, kLe, kGt, kGe,
  kContains, kStartsWith, kEndsWith, kRegex, kIn, kAdd, kSub, kMul, kDiv, kMod, kNeg, kIsNull, kIsNotNull
};
struct Unary { Op op; ExprPtr operand; };
struct Binary { Op op; ExprPtr left, right; };
// count(*) has `star`; function names are kept lower-case.
struct Call { std::string function; std::vector<ExprPtr> args; bool star = false; bool distinct = false; };
// A pattern as a predicate, `WHERE (a)-[:criticise]->(:ORG)`: true when it
// has a match with the row's variables bound. It names only variables bound
// before it (others stay anonymous), as in Neo4j and Kuzu.
struct PatternPredicate { std::shared_ptr<const PatternChain> chain; };

// `text =~ pattern`: the pattern must match the whole text (ECMAScript
// syntax; a leading (?i) makes it ignore case, as in Java's and Kuzu's).
// Returns nullopt when `pattern` is not a regular expression.
std::optional<bool> regex_matches(const std::string& text, const std::string& pattern);
// Whether `pattern` is a regular expression that =~ accepts (compiled, not
// run: matching even an empty text can be slow for a hostile pattern).
bool is_regex(const std::string& pattern);

struct Expr {
  std::variant<Literal, Variable, Parameter, Property, ListExpr, Unary, Binary, Call, PatternPredicate> node;
  Where where;
  std::string text;  // the source text, the default column name of a RETURN item
};

enum class Direction { kRight, kLeft, kBoth };  // -[]->, <-[]-, -[]-

struct NodePattern {
  std::string variable;  // "" when anonymous
  std::optional<std::string> label;
  Where label_where;
  std::vector<std::pair<std::string, ExprPtr>> properties;  // {name: 'X', ...}
  Where where;
};

struct RelPattern {
  std::string variable;
  std::vector<std::string> types;  // as typed; empty matches any
  Direction direction = Direction::kRight;
  bool variable_length = false;
  int min_hops = 1, max_hops = 1;
  std::vector<std::pair<std::string, ExprPtr>> properties;
  Where where;
};

// (n0)-[r0]-(n1)-[r1]-(n2)...: rels.size() == nodes.size() - 1.
// `p = (a)-[]-(b)` names the whole path; shortestPath((a)-[*..6]-(b)) is
// one variable-length relationship whose fewest-hop path is kept.
struct PatternChain {
  std::vector<NodePattern> nodes;
  std::vector<RelPattern> rels;
  std::string path_variable;  // "" when unnamed
  bool shortest = false;
  Where where;
};

struct ReturnItem {
  ExprPtr expr;
  std::string name;  // the alias, or the expression's text
};

struct SortItem {
  ExprPtr expr;
  bool descending = false;
};

struct MatchClause {
  bool optional = false;
  std::vector<PatternChain> patterns;
  ExprPtr where;  // null when absent
};

struct UnwindClause {
  ExprPtr list;
  std::string alias;
};

// WITH or RETURN: the rows the next clause (or the caller) sees.
struct Projection {
  bool distinct = false;
  std::vector<ReturnItem> items;
  std::vector<SortItem> order_by;
  std::optional<int64_t> skip, limit;
  ExprPtr where;  // WITH ... WHERE; null when absent
};

// CALL kg.pagerank() YIELD node, score [WHERE ...]: a procedure's records
// as new variables. Without YIELD every column is yielded.
struct CallClause {
  std::string procedure;  // lower-case, "kg.pagerank"
  std::vector<ExprPtr> args;
  std::vector<std::pair<std::string, std::string>> yields;  // column, variable
  ExprPtr where;
};

// The procedures over graph/algo: their arguments and the columns they yield.
struct ProcedureInfo {
  std::string_view name;
  std::vector<std::string_view> args;
  std::vector<std::string_view> columns;
  std::string_view summary;
  size_t optional_args = 0;  // the last ones of `args` may be left out
};

// kg.betweenness() refuses a graph of more nodes than this unless its
// argument raises the limit: Brandes' algorithm walks every edge once per
// node (the 159,209-node gen-kg graph would take hours).
inline constexpr int64_t kBetweennessMaxNodes = 20'000;
const std::vector<ProcedureInfo>& procedures();

struct Clause {
  enum class Kind { kMatch, kUnwind, kCall, kWith, kReturn };
  Kind kind = Kind::kMatch;
  Where where;
  MatchClause match;        // kMatch
  UnwindClause unwind;      // kUnwind
  CallClause call;          // kCall
  Projection projection;    // kWith, kReturn
};

// A statement: reading clauses, WITH between parts, RETURN last.
struct Query {
  enum class Mode { kRun, kExplain, kProfile };
  Mode mode = Mode::kRun;
  std::vector<Clause> clauses;
  const Projection& returns() const { return clauses.back().projection; }
};

// Parses one statement (it may span lines; a trailing ';' is allowed).
// Errors are kInvalidInput "LINE:COLUMN: ..." saying what was expected;
// `first_line` numbers the first line of `text`.
Result<Query> parse(std::string_view text, int first_line = 1);

// A parameter's value as typed after `--param name=` or `:param name`: a
// number, true/false/null, a quoted string or a list of these; any other
// text is taken as a string as it stands ("Tony Blair").
Result<ExprPtr> parse_parameter_value(std::string_view text);

// Parameter values by name, without the '$'.
using Parameters = std::map<std::string, ExprPtr, std::less<>>;

// The properties a node (or, with `relationship`, a relationship) has.
std::vector<std::string_view> property_names(bool relationship);

// True when a pattern names the CONCEPT label: such a query needs the view
// with every entity and relation (graph::ViewScope::kAll).
bool needs_all_entities(const Query& query);

struct RunOptions {
  // Matches kept in memory before the query stops with a one-line error.
  size_t max_rows = 100000;
  // Candidate bindings tried before the query stops: bounds a pattern whose
  // rows a WHERE rejects (a cartesian product that keeps nothing) in time.
  uint64_t max_bindings = 10'000'000;  // about 2 s on the project machine
  const Parameters* parameters = nullptr;  // $name values; null: none given
};

// Runs a parsed query on `view` (built from `store`, which supplies aliases
// and mention counts). Unknown labels and properties are kInvalidInput naming
// them; too many rows or bindings is kInvalidInput "query stopped after ...".
Result<QueryResult> run(const Query& query, store::Store& store, const graph::View& view,
                        const RunOptions& options = {});

}  // namespace kg::query::cypher

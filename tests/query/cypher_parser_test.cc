// The Cypher front end: the AST a statement parses to, and where malformed
// statements are reported (LINE:COLUMN counted by hand from the strings).
#include <gtest/gtest.h>

#include "query/cypher/cypher.h"

namespace kg::query::cypher {
namespace {

Query parsed(std::string_view text) {
  auto q = parse(text);
  EXPECT_TRUE(q.is_ok()) << text << ": " << q.status().message();
  return q.is_ok() ? *q : Query{};
}

// The first clause, a MATCH in these tests.
const MatchClause& first_match(const Query& q) {
  static const MatchClause kNone;
  return q.clauses.empty() ? kNone : q.clauses[0].match;
}

std::string error_of(std::string_view text) {
  auto q = parse(text);
  EXPECT_FALSE(q.is_ok()) << "expected an error for: " << text;
  return q.is_ok() ? "" : q.status().message();
}

TEST(CypherParserTest, NodeAndRelationshipPatterns) {
  const Query q = parsed("MATCH (a:PERSON {name: 'Tony Blair'})-[r:meets|speak_with]->(b) RETURN a.name, type(r), b.name");
  ASSERT_EQ(first_match(q).patterns.size(), 1u);
  const PatternChain& chain = first_match(q).patterns[0];
  ASSERT_EQ(chain.nodes.size(), 2u);
  ASSERT_EQ(chain.rels.size(), 1u);
  EXPECT_EQ(chain.nodes[0].variable, "a");
  EXPECT_EQ(chain.nodes[0].label, "PERSON");
  EXPECT_EQ(chain.nodes[0].label_where.column, 10);
  ASSERT_EQ(chain.nodes[0].properties.size(), 1u);
  EXPECT_EQ(chain.nodes[0].properties[0].first, "name");
  const auto* name = std::get_if<Literal>(&chain.nodes[0].properties[0].second->node);
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(std::get<std::string>(name->value), "Tony Blair");
  EXPECT_EQ(chain.rels[0].variable, "r");
  EXPECT_EQ(chain.rels[0].types, (std::vector<std::string>{"meets", "speak_with"}));
  EXPECT_EQ(chain.rels[0].direction, Direction::kRight);
  EXPECT_FALSE(chain.rels[0].variable_length);
  EXPECT_EQ(chain.nodes[1].variable, "b");
  EXPECT_FALSE(chain.nodes[1].label.has_value());
  ASSERT_EQ(q.returns().items.size(), 3u);
  EXPECT_EQ(q.returns().items[0].name, "a.name");
  EXPECT_EQ(q.returns().items[1].name, "type(r)");
  const auto* call = std::get_if<Call>(&q.returns().items[1].expr->node);
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->function, "type");
}

TEST(CypherParserTest, DirectionsChainsAndSeveralPatterns) {
  const Query q = parsed("match (a)<-[:x]-(b)-[]-(c)-->(d)<--(e)--(f), (g) return a");
  ASSERT_EQ(first_match(q).patterns.size(), 2u);
  const PatternChain& c = first_match(q).patterns[0];
  ASSERT_EQ(c.rels.size(), 5u);
  EXPECT_EQ(c.rels[0].direction, Direction::kLeft);
  EXPECT_EQ(c.rels[1].direction, Direction::kBoth);
  EXPECT_EQ(c.rels[2].direction, Direction::kRight);
  EXPECT_EQ(c.rels[3].direction, Direction::kLeft);
  EXPECT_EQ(c.rels[4].direction, Direction::kBoth);
  EXPECT_EQ(first_match(q).patterns[1].nodes[0].variable, "g");
}

TEST(CypherParserTest, VariableLengthBounds) {
  const Query q = parsed("MATCH (a)-[r*1..3]-(b), (c)-[*2]->(d), (e)-[*..4]-(f) RETURN a");
  const RelPattern& r = first_match(q).patterns[0].rels[0];
  EXPECT_TRUE(r.variable_length);
  EXPECT_EQ(r.min_hops, 1);
  EXPECT_EQ(r.max_hops, 3);
  EXPECT_EQ(first_match(q).patterns[1].rels[0].min_hops, 2);
  EXPECT_EQ(first_match(q).patterns[1].rels[0].max_hops, 2);
  EXPECT_EQ(first_match(q).patterns[2].rels[0].min_hops, 1);
  EXPECT_EQ(first_match(q).patterns[2].rels[0].max_hops, 4);
  EXPECT_EQ(error_of("MATCH (a)-[*]-(b) RETURN a"),
            "1:12: variable-length relationship needs an upper bound of at most 6 hops, e.g. -[*1..3]-");
  EXPECT_EQ(error_of("MATCH (a)-[*2..]-(b) RETURN a"),
            "1:12: variable-length relationship needs an upper bound of at most 6 hops, e.g. -[*1..3]-");
  EXPECT_EQ(error_of("MATCH (a)-[*1..9]-(b) RETURN a"),
            "1:12: variable-length relationship of up to 9 hops is over the limit of 6; use -[*1..6]- or less");
  EXPECT_EQ(error_of("MATCH (a)-[*3..2]-(b) RETURN a"),
            "1:12: variable-length relationship from 3 to 2 hops: the lower bound is above the upper");
}

TEST(CypherParserTest, WherePrecedence) {
  // NOT binds tighter than AND, AND tighter than OR.
  const Query q = parsed("MATCH (a) WHERE a.x = 1 OR NOT a.y < 2 AND a.z IN [1, 2] RETURN a");
  ASSERT_NE(first_match(q).where, nullptr);
  const auto* top = std::get_if<Binary>(&first_match(q).where->node);
  ASSERT_NE(top, nullptr);
  EXPECT_EQ(top->op, Op::kOr);
  const auto* right = std::get_if<Binary>(&top->right->node);
  ASSERT_NE(right, nullptr);
  EXPECT_EQ(right->op, Op::kAnd);
  const auto* negated = std::get_if<Unary>(&right->left->node);
  ASSERT_NE(negated, nullptr);
  EXPECT_EQ(negated->op, Op::kNot);
  const auto* in = std::get_if<Binary>(&right->right->node);
  ASSERT_NE(in, nullptr);
  EXPECT_EQ(in->op, Op::kIn);
  const auto* list = std::get_if<ListExpr>(&in->right->node);
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->items.size(), 2u);
  const Query s = parsed("MATCH (a) WHERE a.name STARTS WITH 'J' AND a.name ENDS WITH 'n' AND a.name CONTAINS 'o' RETURN a");
  const auto* outer = std::get_if<Binary>(&first_match(s).where->node);
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(std::get<Binary>(outer->right->node).op, Op::kContains);
}

TEST(CypherParserTest, ReturnClauseParts) {
  const Query q = parsed(
      "MATCH (a)-[r]->(b) RETURN DISTINCT a.name AS who, count(*) AS n ORDER BY n DESC, who SKIP 2 LIMIT 5;");
  EXPECT_TRUE(q.returns().distinct);
  ASSERT_EQ(q.returns().items.size(), 2u);
  EXPECT_EQ(q.returns().items[0].name, "who");
  EXPECT_EQ(q.returns().items[1].name, "n");
  EXPECT_TRUE(std::get<Call>(q.returns().items[1].expr->node).star);
  ASSERT_EQ(q.returns().order_by.size(), 2u);
  EXPECT_TRUE(q.returns().order_by[0].descending);
  EXPECT_FALSE(q.returns().order_by[1].descending);
  EXPECT_EQ(q.returns().skip, 2);
  EXPECT_EQ(q.returns().limit, 5);
  // The default column name is the expression as typed.
  EXPECT_EQ(parsed("MATCH (a) RETURN count( DISTINCT a.name )").returns().items[0].name, "count( DISTINCT a.name )");
}

TEST(CypherParserTest, ErrorsSayWhereAndWhatWasExpected) {
  EXPECT_EQ(error_of("MATCH (a:PERSON"), "1:16: expected ')' to close the node pattern, found end of query");
  EXPECT_EQ(error_of("MATCH (a)-[r:]->(b) RETURN a"),
            "1:14: expected a relationship type after ':' (e.g. meet or speak_with), found ']'");
  EXPECT_EQ(error_of("MATCH (a)\n  WHERE a.name = \n RETURN a"), "3:2: expected an expression, found 'RETURN'");
  EXPECT_EQ(error_of("MATCH (a) RETURN a LIMIT x"), "1:26: expected a whole number after LIMIT, found 'x'");
  EXPECT_EQ(error_of("MATCH (a) RETURN a.name = 'x"), "1:27: unterminated string: add the closing '");
  EXPECT_EQ(error_of("MATCH (a) RETURN a ?"), "1:20: unexpected character '?'");
  EXPECT_EQ(error_of("CALL db.labels()"),
            "1:6: unknown procedure 'db.labels'; procedures are kg.pagerank, kg.components, kg.degree, kg.khop, kg.betweenness");
  EXPECT_EQ(error_of("CALL kg.khop(1)"), "1:6: kg.khop() takes 2 arguments (start, depth), got 1");
  EXPECT_EQ(error_of("CALL kg.pagerank() YIELD rank RETURN rank"),
            "1:26: kg.pagerank yields no column 'rank'; it yields node, score");
  EXPECT_EQ(error_of("MATCH (a) RETURN a UNION MATCH (b) RETURN b"),
            "1:20: UNION is not supported yet; this subset has MATCH ... WHERE ... RETURN");
  EXPECT_EQ(error_of("OPTIONAL (a) RETURN a"), "1:10: expected MATCH after OPTIONAL, found '('");
  EXPECT_EQ(error_of("UNWIND [1, 2] x RETURN x"),
            "1:15: expected AS after the UNWIND list, e.g. UNWIND [1, 2] AS x, found 'x'");
  EXPECT_EQ(error_of("MATCH (a)\nWITH a\nLIMIT 3 ORDER BY a RETURN a"),
            "3:9: expected WHERE, MATCH, OPTIONAL MATCH, UNWIND, CALL, WITH or RETURN, found 'ORDER'");
  EXPECT_EQ(error_of("MATCH p = shortestPath((a)-->(b)-->(c)) RETURN p"),
            "1:7: shortestPath takes one relationship between two nodes, e.g. shortestPath((a)-[*..6]-(b))");
  EXPECT_EQ(error_of("MATCH p = shortestPath((a)-[*..20]-(b)) RETURN p"),
            "1:29: variable-length relationship of up to 20 hops is over the limit of 15; use -[*1..15]- or less");
  EXPECT_EQ(error_of("MATCH (a) WHERE a.name = $ 1 RETURN a"),
            "1:28: expected a parameter name after '$', e.g. $name, found '1'");
}

TEST(CypherParserTest, ClauseChains) {
  const Query q = parsed(
      "EXPLAIN MATCH (a:PERSON) OPTIONAL MATCH (a)-[r]->(b) WITH a, count(b) AS n ORDER BY n DESC LIMIT 3 "
      "WHERE n > 1 UNWIND [1, 2] AS x RETURN a.name, n, x");
  EXPECT_EQ(q.mode, Query::Mode::kExplain);
  ASSERT_EQ(q.clauses.size(), 5u);
  EXPECT_EQ(q.clauses[0].kind, Clause::Kind::kMatch);
  EXPECT_FALSE(q.clauses[0].match.optional);
  EXPECT_EQ(q.clauses[1].kind, Clause::Kind::kMatch);
  EXPECT_TRUE(q.clauses[1].match.optional);
  EXPECT_EQ(q.clauses[1].where.column, 26);
  ASSERT_EQ(q.clauses[2].kind, Clause::Kind::kWith);
  const Projection& with = q.clauses[2].projection;
  ASSERT_EQ(with.items.size(), 2u);
  EXPECT_EQ(with.items[1].name, "n");
  EXPECT_EQ(with.limit, 3);
  ASSERT_NE(with.where, nullptr);
  EXPECT_EQ(with.where->text, "n > 1");
  ASSERT_EQ(q.clauses[3].kind, Clause::Kind::kUnwind);
  EXPECT_EQ(q.clauses[3].unwind.alias, "x");
  EXPECT_EQ(q.clauses[3].unwind.list->text, "[1, 2]");
  EXPECT_EQ(q.clauses[4].kind, Clause::Kind::kReturn);
  EXPECT_EQ(parsed("PROFILE RETURN 1").mode, Query::Mode::kProfile);
  // WITH * and RETURN * name what is in scope after the last WITH.
  const Query star = parsed("MATCH (a)-[r]->(b) WITH a, b UNWIND [1] AS x RETURN *");
  std::vector<std::string> names;
  for (const ReturnItem& item : star.returns().items) names.push_back(item.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b", "x"}));
}

TEST(CypherParserTest, PathsShortestPathAndParameters) {
  const Query q = parsed("MATCH p = shortestPath((a {name: $from})-[:meets*..8]-(b)) RETURN p");
  const PatternChain& chain = first_match(q).patterns.at(0);
  EXPECT_EQ(chain.path_variable, "p");
  EXPECT_TRUE(chain.shortest);
  EXPECT_EQ(chain.rels.at(0).max_hops, 8);
  const auto* param = std::get_if<Parameter>(&chain.nodes.at(0).properties.at(0).second->node);
  ASSERT_NE(param, nullptr);
  EXPECT_EQ(param->name, "from");
  // Without a bound, a shortest path may take up to kMaxShortestHops.
  EXPECT_EQ(first_match(parsed("MATCH p = shortestPath((a)-[*]-(b)) RETURN p")).patterns.at(0).rels.at(0).max_hops,
            kMaxShortestHops);
  EXPECT_FALSE(first_match(parsed("MATCH p = (a)-->(b) RETURN p")).patterns.at(0).shortest);
}

TEST(CypherParserTest, ParameterValues) {
  auto literal = [](std::string_view text) -> Literal {
    auto v = parse_parameter_value(text);
    EXPECT_TRUE(v.is_ok());
    const auto* l = v.is_ok() ? std::get_if<Literal>(&(*v)->node) : nullptr;
    return l ? *l : Literal{};
  };
  EXPECT_EQ(std::get<int64_t>(literal("42").value), 42);
  EXPECT_EQ(std::get<double>(literal("0.5").value), 0.5);
  EXPECT_EQ(std::get<std::string>(literal("'Tony Blair'").value), "Tony Blair");
  EXPECT_EQ(std::get<std::string>(literal("Tony Blair").value), "Tony Blair");  // bare text is a string
  EXPECT_EQ(std::get<std::string>(literal("a.name").value), "a.name");          // not an expression
  EXPECT_EQ(std::get<bool>(literal("true").value), true);
  auto list = parse_parameter_value("['PERSON', 'ORG']");
  ASSERT_TRUE(list.is_ok());
  ASSERT_NE(std::get_if<ListExpr>(&(*list)->node), nullptr);
  EXPECT_EQ(std::get<ListExpr>((*list)->node).items.size(), 2u);
}

TEST(CypherParserTest, WriteClausesAreRefused) {
  for (const char* text : {"CREATE (a)", "MATCH (a) SET a.name = 'x' RETURN a", "MATCH (a) DETACH DELETE a",
                           "MERGE (a {name: 'x'})", "MATCH (a) REMOVE a.name", "MATCH (a) DELETE a"}) {
    const std::string e = error_of(text);
    EXPECT_NE(e.find(": kg query is read-only; "), std::string::npos) << e;
  }
  EXPECT_EQ(error_of("MATCH (a) RETURN a DELETE a"),
            "1:20: kg query is read-only; DELETE would change the store (kg ingest and kg remove change it)");
}

// A fuzzer found that "(((((..." recursed the parser's stack away; every
// way expressions nest now stops at a stated depth with a positioned error.
TEST(CypherParserTest, DeepNestingIsAnErrorNotAStackOverflow) {
  const std::string opens(100000, '(');
  EXPECT_NE(error_of("MATCH (a) WHERE " + opens).find("nested deeper than 100 levels"), std::string::npos);
  std::string nots;
  for (int i = 0; i < 100000; ++i) nots += "NOT ";
  EXPECT_NE(error_of("MATCH (a) WHERE " + nots + "true RETURN a").find("nested deeper"), std::string::npos);
  EXPECT_NE(error_of("MATCH (a) RETURN " + std::string(100000, '-') + "1").find("nested deeper"), std::string::npos);
  EXPECT_NE(error_of("MATCH (a) RETURN " + std::string(100000, '[')).find("nested deeper"), std::string::npos);
  // Fifty levels are fine.
  parsed("MATCH (a) WHERE " + std::string(50, '(') + "a.name = 'x'" + std::string(50, ')') + " RETURN a");
}

// A 1 MB WHERE of 70,000 ORs took 23 GB (each partial chain copied the text
// before it) and 16,000 crashed the stack (one tree level per link). Chains
// now stop at a stated number of links, counting the chains an operand sits
// in, and only the whole chain keeps its text.
TEST(CypherParserTest, LongOperatorChainsAreCappedAndKeepTheirText) {
  const auto chain = [](int operands, const std::string& op) {
    std::string text = "a.name = 'x'";
    for (int i = 1; i < operands; ++i) text += " " + op + " a.name = 'x'";
    return text;
  };
  parsed("MATCH (a) WHERE " + chain(1001, "OR") + " RETURN a");  // 1,000 links: fine
  for (const std::string op : {"OR", "AND", "XOR"}) {
    const std::string e = error_of("MATCH (a) WHERE " + chain(1002, op) + " RETURN a");
    EXPECT_NE(e.find("more than 1000 operators chained"), std::string::npos) << op << ": " << e;
  }
  std::string sum = "1";
  for (int i = 0; i < 70000; ++i) sum += " + 1";
  EXPECT_NE(error_of("MATCH (a) RETURN " + sum).find("more than 1000 operators chained"), std::string::npos);
  // Links of chains inside one another add up: 40 nested chains of 30 links.
  std::string deep = "1";
  for (int i = 0; i < 40; ++i) {
    std::string links;
    for (int j = 0; j < 30; ++j) links += " * 1";
    deep = "1" + links + " * (" + deep + ")";
  }
  EXPECT_NE(error_of("MATCH (a) RETURN " + deep).find("more than 1000 operators chained"), std::string::npos);
  // The column of a chained expression is its whole text.
  const Query q = parsed("MATCH (a) RETURN 1 + 2 * 3 - 4, a.name IS NULL, 1 < 2 = true");
  ASSERT_EQ(q.returns().items.size(), 3u);
  EXPECT_EQ(q.returns().items[0].name, "1 + 2 * 3 - 4");
  EXPECT_EQ(q.returns().items[1].name, "a.name IS NULL");
  EXPECT_EQ(q.returns().items[2].name, "1 < 2 = true");
}

// "(...)" in an expression is read as a pattern, then, when that fails, as
// a parenthesised expression. A fuzzer's 1,873 bytes took over a minute:
// with relationship property maps holding such parentheses again, each
// level read the levels inside it twice, 2^40 readings for the 40 levels
// below. The parser now reads each "(...)" and each failed pattern once.
TEST(CypherParserTest, PatternsInPropertyMapsAreNotReadAgainAtEveryLevel) {
  const auto nested = [](int levels) {
    // (p) reads on as a pattern through the map and fails at "-e"; read as
    // an expression, "(p) - [] - ()" reads the pattern from () again.
    std::string value = "1";
    for (int level = 0; level < levels; ++level) value = "(p)-[]-()-[r {k: x <> " + value + "}]-(q)-e";
    return "MATCH (a) WITH a, " + value + " AS y RETURN y";
  };
  const std::string text = nested(40);
  // The innermost pattern fails first, at the first "-e", and that error,
  // read furthest at each level, is the one reported.
  const size_t column = text.find("-e") + 2;
  EXPECT_EQ(error_of(text),
            "1:" + std::to_string(column) + ": expected '-' or '->' to end the relationship pattern, found 'e'");
  // The nesting limit still holds for readings the parser remembers.
  EXPECT_NE(error_of(nested(120)).find("nested deeper than 100 levels"), std::string::npos);
}

}  // namespace
}  // namespace kg::query::cypher

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

std::string error_of(std::string_view text) {
  auto q = parse(text);
  EXPECT_FALSE(q.is_ok()) << "expected an error for: " << text;
  return q.is_ok() ? "" : q.status().message();
}

TEST(CypherParserTest, NodeAndRelationshipPatterns) {
  const Query q = parsed("MATCH (a:PERSON {name: 'Tony Blair'})-[r:meets|speak_with]->(b) RETURN a.name, type(r), b.name");
  ASSERT_EQ(q.patterns.size(), 1u);
  const PatternChain& chain = q.patterns[0];
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
  ASSERT_EQ(q.returns.size(), 3u);
  EXPECT_EQ(q.returns[0].name, "a.name");
  EXPECT_EQ(q.returns[1].name, "type(r)");
  const auto* call = std::get_if<Call>(&q.returns[1].expr->node);
  ASSERT_NE(call, nullptr);
  EXPECT_EQ(call->function, "type");
}

TEST(CypherParserTest, DirectionsChainsAndSeveralPatterns) {
  const Query q = parsed("match (a)<-[:x]-(b)-[]-(c)-->(d)<--(e)--(f), (g) return a");
  ASSERT_EQ(q.patterns.size(), 2u);
  const PatternChain& c = q.patterns[0];
  ASSERT_EQ(c.rels.size(), 5u);
  EXPECT_EQ(c.rels[0].direction, Direction::kLeft);
  EXPECT_EQ(c.rels[1].direction, Direction::kBoth);
  EXPECT_EQ(c.rels[2].direction, Direction::kRight);
  EXPECT_EQ(c.rels[3].direction, Direction::kLeft);
  EXPECT_EQ(c.rels[4].direction, Direction::kBoth);
  EXPECT_EQ(q.patterns[1].nodes[0].variable, "g");
}

TEST(CypherParserTest, VariableLengthBounds) {
  const Query q = parsed("MATCH (a)-[r*1..3]-(b), (c)-[*2]->(d), (e)-[*..4]-(f) RETURN a");
  const RelPattern& r = q.patterns[0].rels[0];
  EXPECT_TRUE(r.variable_length);
  EXPECT_EQ(r.min_hops, 1);
  EXPECT_EQ(r.max_hops, 3);
  EXPECT_EQ(q.patterns[1].rels[0].min_hops, 2);
  EXPECT_EQ(q.patterns[1].rels[0].max_hops, 2);
  EXPECT_EQ(q.patterns[2].rels[0].min_hops, 1);
  EXPECT_EQ(q.patterns[2].rels[0].max_hops, 4);
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
  ASSERT_NE(q.where, nullptr);
  const auto* top = std::get_if<Binary>(&q.where->node);
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
  const auto* outer = std::get_if<Binary>(&s.where->node);
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(std::get<Binary>(outer->right->node).op, Op::kContains);
}

TEST(CypherParserTest, ReturnClauseParts) {
  const Query q = parsed(
      "MATCH (a)-[r]->(b) RETURN DISTINCT a.name AS who, count(*) AS n ORDER BY n DESC, who SKIP 2 LIMIT 5;");
  EXPECT_TRUE(q.distinct);
  ASSERT_EQ(q.returns.size(), 2u);
  EXPECT_EQ(q.returns[0].name, "who");
  EXPECT_EQ(q.returns[1].name, "n");
  EXPECT_TRUE(std::get<Call>(q.returns[1].expr->node).star);
  ASSERT_EQ(q.order_by.size(), 2u);
  EXPECT_TRUE(q.order_by[0].descending);
  EXPECT_FALSE(q.order_by[1].descending);
  EXPECT_EQ(q.skip, 2);
  EXPECT_EQ(q.limit, 5);
  // The default column name is the expression as typed.
  EXPECT_EQ(parsed("MATCH (a) RETURN count( DISTINCT a.name )").returns[0].name, "count( DISTINCT a.name )");
}

TEST(CypherParserTest, ErrorsSayWhereAndWhatWasExpected) {
  EXPECT_EQ(error_of("MATCH (a:PERSON"), "1:16: expected ')' to close the node pattern, found end of query");
  EXPECT_EQ(error_of("MATCH (a)-[r:]->(b) RETURN a"),
            "1:14: expected a relationship type after ':' (e.g. meet or speak_with), found ']'");
  EXPECT_EQ(error_of("MATCH (a)\n  WHERE a.name = \n RETURN a"), "3:2: expected an expression, found 'RETURN'");
  EXPECT_EQ(error_of("MATCH (a) RETURN a LIMIT x"), "1:26: expected a whole number after LIMIT, found 'x'");
  EXPECT_EQ(error_of("MATCH (a) RETURN a.name = 'x"), "1:27: unterminated string: add the closing '");
  EXPECT_EQ(error_of("MATCH (a) RETURN a ?"), "1:20: unexpected character '?'");
  EXPECT_EQ(error_of("MATCH (a) MATCH (b) RETURN a"),
            "1:11: only one MATCH clause is supported; separate its patterns with commas");
  EXPECT_EQ(error_of("OPTIONAL MATCH (a) RETURN a"),
            "1:1: OPTIONAL is not supported yet; this subset has MATCH ... WHERE ... RETURN");
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

}  // namespace
}  // namespace kg::query::cypher

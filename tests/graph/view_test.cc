// The CSR view and the algorithms on it, on small graphs whose answers are
// known by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "graph/algo/algo.h"
#include "graph/store/store.h"
#include "graph/view.h"

namespace kg::graph {
namespace {

namespace fs = std::filesystem;

class ViewTest : public ::testing::Test {
 protected:
  // a -knows-> b -knows-> c -knows-> d ;  e -likes-> a ;  a -likes-> b ;  x -knows-> y (separate)
  void SetUp() override {
    std::string tmpl = (fs::temp_directory_path() / "kg-view-test-XXXXXX").string();
    dir_ = mkdtemp(tmpl.data());
    const std::string tsv = dir_ + "/g.tsv";
    std::ofstream(tsv) << "A\tknows\tB\nB\tknows\tC\nC\tknows\tD\nE\tlikes\tA\nA\tlikes\tB\nA\tknows\tB\nX\tknows\tY\n";
    store::OpenOptions o;
    o.mode = store::OpenOptions::Mode::kReadWrite;
    auto st = store::Store::open(dir_ + "/kg.db", o);
    ASSERT_TRUE(st.is_ok()) << st.status().message();
    store_ = std::move(*st);
    ASSERT_TRUE(store_->load_triples(tsv).is_ok());
    Result<View> v = View::build(*store_);
    ASSERT_TRUE(v.is_ok()) << v.status().message();
    view_.emplace(std::move(*v));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  Vertex v(const char* name) {
    std::vector<Vertex> found = view_->find(name);
    EXPECT_EQ(found.size(), 1u) << name;
    return found.empty() ? 0 : found[0];
  }

  std::string dir_;
  std::unique_ptr<store::Store> store_;
  std::optional<View> view_;
};

TEST_F(ViewTest, HoldsEveryEntityAndEdgeWithProperties) {
  const View& g = *view_;
  EXPECT_EQ(g.vertex_count(), 7u);
  EXPECT_EQ(g.edge_count(), 6u);  // A knows B twice is one edge with count 2
  EXPECT_EQ(g.vertex(v("A")).name, "A");
  EXPECT_EQ(g.vertex(v("a")).entity, g.vertex(v("A")).entity);  // normalised lookup
  const std::vector<Neighbor> out = neighbors(g, v("A"), Direction::kOut);
  ASSERT_EQ(out.size(), 2u);
  uint32_t knows_count = 0;
  for (const Neighbor& n : out) {
    EXPECT_EQ(n.vertex, v("B"));
    EXPECT_TRUE(n.outgoing);
    if (g.relation_name(n.edge.relation) == "knows") knows_count = n.edge.count;
  }
  EXPECT_EQ(knows_count, 2u);
  const std::vector<Neighbor> in = neighbors(g, v("A"), Direction::kIn);
  ASSERT_EQ(in.size(), 1u);
  EXPECT_EQ(in[0].vertex, v("E"));
  EXPECT_FALSE(in[0].outgoing);
  EXPECT_EQ(degree(g, v("A")), 3u);
  EXPECT_EQ(degree(g, v("B"), Direction::kIn), 2u);
  EXPECT_EQ(g.vertex_of(g.vertex(v("C")).entity), v("C"));
  EXPECT_TRUE(g.find("Nobody").empty());
  // Each vertex carries its entity's mention count as the store reads it.
  for (Vertex x = 0; x < g.vertex_count(); ++x) {
    auto e = store_->entity(g.vertex(x).entity);
    ASSERT_TRUE(e.is_ok() && e->has_value());
    EXPECT_EQ(g.vertex(x).mentions, (*e)->mentions) << (*e)->name;
    EXPECT_GT(g.vertex(x).mentions, 0u) << (*e)->name;
  }
}

TEST_F(ViewTest, KHopFollowsDirection) {
  const View& g = *view_;
  EXPECT_EQ(k_hop_count(g, v("A"), 1, Direction::kOut), 1u);   // B
  EXPECT_EQ(k_hop_count(g, v("A"), 2, Direction::kOut), 2u);   // B, C
  EXPECT_EQ(k_hop_count(g, v("A"), 3, Direction::kOut), 3u);   // B, C, D
  EXPECT_EQ(k_hop_count(g, v("A"), 9, Direction::kBoth), 4u);  // B, C, D, E; never X, Y
  EXPECT_EQ(k_hop_count(g, v("D"), 2, Direction::kIn), 2u);    // C, B
  const std::vector<Reached> r = k_hop(g, v("A"), 2, Direction::kBoth);
  ASSERT_EQ(r.size(), 3u);
  for (const Reached& x : r) {
    if (x.vertex == v("C")) EXPECT_EQ(x.depth, 2u);
    else EXPECT_EQ(x.depth, 1u);
  }
}

TEST_F(ViewTest, ShortestPathByBidirectionalSearch) {
  const View& g = *view_;
  auto p = shortest_path(g, v("E"), v("D"), Direction::kOut);
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), 4u);  // E->A->B->C->D
  const std::vector<Vertex> expected = {v("E"), v("A"), v("B"), v("C"), v("D")};
  for (size_t i = 0; i < p->size(); ++i) {
    EXPECT_EQ((*p)[i].from, expected[i]);
    EXPECT_EQ((*p)[i].to, expected[i + 1]);
    EXPECT_TRUE((*p)[i].forward);
  }
  // Against the arrows: only undirected search finds D -> E.
  EXPECT_FALSE(shortest_path(g, v("D"), v("E"), Direction::kOut));
  auto back = shortest_path(g, v("D"), v("E"), Direction::kBoth);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->size(), 4u);
  for (const PathStep& s : *back) EXPECT_FALSE(s.forward);
  EXPECT_EQ(back->front().from, v("D"));
  EXPECT_EQ(back->back().to, v("E"));
  EXPECT_FALSE(shortest_path(g, v("A"), v("X")));
  EXPECT_TRUE(shortest_path(g, v("A"), v("A"))->empty());
  EXPECT_FALSE(shortest_path(g, v("E"), v("D"), Direction::kOut, 3));  // needs 4 hops
}

TEST_F(ViewTest, ComponentsPageRankBetweenness) {
  const View& g = *view_;
  const Components c = connected_components(g);
  EXPECT_EQ(c.count, 2u);
  EXPECT_EQ(c.component[v("A")], c.component[v("D")]);
  EXPECT_NE(c.component[v("A")], c.component[v("X")]);
  std::vector<uint32_t> sizes = c.sizes;
  std::sort(sizes.begin(), sizes.end());
  EXPECT_EQ(sizes, (std::vector<uint32_t>{2, 5}));

  const std::vector<double> rank = pagerank(g, 30);
  ASSERT_EQ(rank.size(), 7u);
  // D receives the chain's rank and keeps it; E and X receive nothing.
  EXPECT_GT(rank[v("D")], rank[v("C")]);
  EXPECT_GT(rank[v("B")], rank[v("E")]);
  EXPECT_NEAR(rank[v("E")], rank[v("X")], 1e-12);
  EXPECT_EQ(top_vertices(rank, 1).at(0), v("D"));
  EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-9);

  // Edges taken both ways: the chain's end holds least, its middle most;
  // the separate pair is symmetric.
  const std::vector<double> both = pagerank(g, 30, Direction::kBoth);
  ASSERT_EQ(both.size(), 7u);
  EXPECT_LT(both[v("D")], both[v("C")]);
  EXPECT_LT(both[v("C")], both[v("B")]);
  EXPECT_NEAR(both[v("X")], both[v("Y")], 1e-12);
  EXPECT_NE(top_vertices(both, 1).at(0), v("D"));
  EXPECT_NEAR(std::accumulate(both.begin(), both.end(), 0.0), 1.0, 1e-9);

  const std::vector<double> between = betweenness(g);
  EXPECT_GT(between[v("B")], between[v("D")]);  // B lies on every path through the chain
  EXPECT_EQ(between[v("E")], 0.0);
}

// The entity graph: named entities and their plain relations; statements
// (a concept end) and qualified relations stay out unless ViewScope::kAll.
TEST(EntityGraphView, LeavesOutConceptsAndQualifiedRelations) {
  std::string tmpl = (fs::temp_directory_path() / "kg-entity-view-XXXXXX").string();
  const std::string dir = mkdtemp(tmpl.data());
  {
    store::OpenOptions o;
    o.mode = store::OpenOptions::Mode::kReadWrite;
    auto st = store::Store::open(dir + "/kg.db", o);
    ASSERT_TRUE(st.is_ok()) << st.status().message();
    store::DocumentRecord doc;
    doc.id = "doc-1";
    doc.content_hash = "hash-1";
    doc.sentences = {"Ann Lee met Bo Ray.", "Ann Lee did not meet Acme.", "Ann Lee is the mayor."};
    doc.entities = {{"Ann Lee", store::EntityType::kPerson, {}, 1},
                    {"Bo Ray", store::EntityType::kPerson, {}, 1},
                    {"Acme", store::EntityType::kOrg, {}, 1},
                    {"mayor", store::EntityType::kConcept, {}, 1}};
    doc.facts = {{0, 1, "meet", 0, 0, 0, 0.9f, false, false, ""},
                 {0, 2, "not meet", 1, 0, 0, 0.9f, true, false, ""},
                 {0, 3, "be", 2, 0, 0, 0.8f, false, false, ""}};
    ASSERT_TRUE((*st)->put_document(doc).is_ok());
    Result<View> entity_graph = View::build(**st);
    ASSERT_TRUE(entity_graph.is_ok()) << entity_graph.status().message();
    EXPECT_EQ(entity_graph->vertex_count(), 3u);  // Ann Lee, Bo Ray, Acme; not "mayor"
    ASSERT_EQ(entity_graph->edge_count(), 1u);    // only the plain "meet"
    const auto [e, end] = boost::edges(entity_graph->graph());
    EXPECT_EQ(entity_graph->relation_name(entity_graph->edge(*e).relation), "meet");
    EXPECT_EQ(entity_graph->canonical_name(*e), "meets");
    EXPECT_TRUE(entity_graph->find("mayor").empty());
    Result<View> all = View::build(**st, ViewScope::kAll);
    ASSERT_TRUE(all.is_ok()) << all.status().message();
    EXPECT_EQ(all->vertex_count(), 4u);
    EXPECT_EQ(all->edge_count(), 3u);
  }
  fs::remove_all(dir);
}

TEST(EntityGraphView, QualifiedRelationsAreTheOnesWithAQualifierFirst) {
  for (const char* q : {"not meet", "could attack", "if attack", "almost take", "would like to play in"}) {
    EXPECT_TRUE(is_qualified_relation(q)) << q;
  }
  for (const char* plain : {"meet", "not", "notify", "take on", "canvass", "iffy word"}) {
    EXPECT_FALSE(is_qualified_relation(plain)) << plain;
  }
}

}  // namespace
}  // namespace kg::graph

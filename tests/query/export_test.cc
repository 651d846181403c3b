// graph/export on the sample store and on hand-made snapshots: each format
// is checked by a reader that is not kg (graphviz's dot, nlohmann-json,
// Boost.PropertyTree's XML parser, an N-Triples line grammar).
#include <gtest/gtest.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "graph/export/export.h"
#include "query/query.h"
#include "tests/query/sample_store.h"

namespace kg::graph {
namespace {

using kg::testing::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) lines.push_back(line);
  return lines;
}

class ExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    kg::testing::build_sample_store(dir_.file("kg.db"));
    store_ = kg::testing::open_read_only(dir_.file("kg.db"));
    ASSERT_NE(store_, nullptr);
  }

  GraphSnapshot snapshot(ExportScope scope = {}) {
    auto s = collect_snapshot(*store_, scope);
    EXPECT_TRUE(s.is_ok()) << s.status().message();
    return s.is_ok() ? *s : GraphSnapshot{};
  }

  store::EntityId id_of(const std::string& name) {
    auto e = query::find_entity(*store_, name);
    EXPECT_TRUE(e.is_ok()) << e.status().message();
    return e.is_ok() ? e->id : 0;
  }

  TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

// A snapshot with every character the formats must escape.
GraphSnapshot awkward_snapshot() {
  GraphSnapshot g;
  g.nodes.push_back({1, "Said \"the\" \\ Boss", store::EntityType::kPerson, {"line\nbreak", "tab\there"}, 2});
  g.nodes.push_back({2, "Café <Ünïcode> & co", store::EntityType::kOrg, {}, 1});
  g.edges.push_back({1, 2, "work for", 3, 0.75f, {{"a.txt", 1, "He said \"yes\"."}}});
  return g;
}

TEST_F(ExportTest, WholeGraphSnapshot) {
  const GraphSnapshot g = snapshot();
  EXPECT_EQ(g.nodes.size(), 7u);
  EXPECT_EQ(g.edges.size(), 6u);
}

TEST_F(ExportTest, FocusTakesTheNeighbourhoodOnly) {
  ExportScope scope;
  scope.focus = id_of("Nuland");
  scope.depth = 1;
  GraphSnapshot g = snapshot(scope);
  std::vector<std::string> names;
  for (const auto& n : g.nodes) names.push_back(n.name);
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"Joe Biden", "Senate Foreign Relations Committee", "Victoria Nuland"}));
  EXPECT_EQ(g.edges.size(), 2u);  // testify to, mention

  scope.focus = id_of("Ukraine");
  scope.depth = 2;
  g = snapshot(scope);
  EXPECT_EQ(g.nodes.size(), 4u);  // Ukraine, Biden; Putin, Nuland
  EXPECT_EQ(g.edges.size(), 4u);  // warn about, speak with, warn, mention
}

TEST_F(ExportTest, JsonFollowsTheContract) {
  std::ostringstream out;
  write_json(snapshot(), out);
  const auto doc = nlohmann::json::parse(out.str());
  ASSERT_TRUE(doc.contains("nodes"));
  ASSERT_TRUE(doc.contains("edges"));
  ASSERT_EQ(doc["nodes"].size(), 7u);
  ASSERT_EQ(doc["edges"].size(), 6u);
  for (const auto& n : doc["nodes"]) {
    for (const char* key : {"id", "name", "type", "aliases", "mentions"}) EXPECT_TRUE(n.contains(key)) << key;
    EXPECT_TRUE(n["aliases"].is_array());
  }
  bool found = false;
  for (const auto& e : doc["edges"]) {
    for (const char* key : {"source", "target", "relation", "count", "confidence", "evidence"}) {
      EXPECT_TRUE(e.contains(key)) << key;
    }
    if (e["relation"] == "speak with") {
      found = true;
      EXPECT_EQ(e["count"], 2);
      ASSERT_EQ(e["evidence"].size(), 2u);
      EXPECT_EQ(e["evidence"][0]["doc"], "call.txt");
      EXPECT_EQ(e["evidence"][0]["sentence"], 1);
      EXPECT_EQ(e["evidence"][0]["text"], "Joe Biden spoke with Vladimir Putin on Tuesday.");
      EXPECT_EQ(e["evidence"][1]["doc"], "hearing.txt");
      EXPECT_EQ(e["evidence"][1]["sentence"], 2);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(ExportTest, DotIsAcceptedByGraphviz) {
  const std::string dot_file = dir_.file("g.dot");
  {
    std::ofstream out(dot_file);
    write_dot(snapshot(), out);
  }
  const std::string text = slurp(dot_file);
  EXPECT_NE(text.find("label=\"speak with (2)\\nwarn (1)\""), std::string::npos);  // merged
  EXPECT_NE(text.find("shape=box"), std::string::npos);      // the ORG
  EXPECT_NE(text.find("shape=ellipse"), std::string::npos);  // the people
  if (!find_graphviz_dot()) GTEST_SKIP() << "graphviz's dot is not installed; the DOT was not rendered";
  const std::string svg = dir_.file("g.svg");
  const int rc = std::system(("dot -Tsvg -o '" + svg + "' '" + dot_file + "' 2>/dev/null").c_str());
  EXPECT_EQ(rc, 0);
  EXPECT_NE(slurp(svg).find("Joe Biden"), std::string::npos);
}

TEST_F(ExportTest, DotEscapesQuotesAndBackslashes) {
  std::ostringstream out;
  write_dot(awkward_snapshot(), out);
  EXPECT_NE(out.str().find(R"(label="Said \"the\" \\ Boss")"), std::string::npos) << out.str();
  if (!find_graphviz_dot()) GTEST_SKIP() << "graphviz's dot is not installed";
  const std::string svg = dir_.file("awkward.svg");
  ASSERT_TRUE(render_with_graphviz(out.str(), ExportFormat::kSvg, svg).is_ok());
  EXPECT_NE(slurp(svg).find("Café"), std::string::npos);
}

TEST_F(ExportTest, GraphmlIsWellFormedXml) {
  std::ostringstream out;
  write_graphml(snapshot(), out);
  std::istringstream in(out.str());
  boost::property_tree::ptree tree;
  ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree));
  const auto& graph = tree.get_child("graphml.graph");
  size_t nodes = 0, edges = 0;
  for (const auto& [name, child] : graph) {
    nodes += name == "node";
    edges += name == "edge";
  }
  EXPECT_EQ(nodes, 7u);
  EXPECT_EQ(edges, 6u);

  std::ostringstream awkward;
  write_graphml(awkward_snapshot(), awkward);
  std::istringstream in2(awkward.str());
  boost::property_tree::ptree tree2;
  EXPECT_NO_THROW(boost::property_tree::read_xml(in2, tree2));
}

// IRIREF, then a predicate IRI, then an IRI or a quoted literal with only
// the escapes N-Triples defines (optionally typed: ^^<IRI>), then " .".
const std::regex kTripleLine(
    R"re(^<[^<>"{}|^`\\ ]+> <[^<>"{}|^`\\ ]+> (<[^<>"{}|^`\\ ]+>|"([^"\\\n\r]|\\[tbnrf"'\\]|\\u[0-9A-F]{4})*"(\^\^<[^<>"{}|^`\\ ]+>)?) \.$)re");

TEST_F(ExportTest, NTriplesLinesAreWellFormed) {
  std::ostringstream out;
  write_ntriples(snapshot(), kDefaultBaseIri, out);
  const auto lines = lines_of(out.str());
  // 7 types + 7 labels + aliases (Biden, US President Joe Biden, Putin,
  // Nuland) + 6 edges + 6 relation labels, then the provenance: 6 reified
  // statements of 6 lines (type, subject, predicate, object, count,
  // confidence) and 7 evidence sentences of 4 lines (link, document,
  // sentence number, text).
  EXPECT_EQ(lines.size(), 7u + 7u + 4u + 6u + 6u + 6u * 6u + 7u * 4u);
  EXPECT_NE(out.str().find("<http://example.org/kg/vocab/count> \"2\"^^<http://www.w3.org/2001/XMLSchema#integer> ."),
            std::string::npos);  // speak with, stated twice
  EXPECT_NE(out.str().find("<http://example.org/kg/vocab/text> \"Acme Corp hired Jane Roe.\" ."), std::string::npos);
  for (const auto& line : lines) EXPECT_TRUE(std::regex_match(line, kTripleLine)) << line;
  EXPECT_NE(out.str().find("<http://example.org/kg/relation/speak%20with> <http://www.w3.org/2000/01/rdf-schema#label> "
                           "\"speak with\" ."),
            std::string::npos);

  std::ostringstream awkward;
  write_ntriples(awkward_snapshot(), "urn:x-test:", awkward);
  EXPECT_NE(awkward.str().find("<urn:x-test:entity/1> <http://www.w3.org/2004/02/skos/core#altLabel> \"tab\\there\" ."),
            std::string::npos) << awkward.str();
  for (const auto& line : lines_of(awkward.str())) EXPECT_TRUE(std::regex_match(line, kTripleLine)) << line;
  EXPECT_NE(awkward.str().find(R"("Said \"the\" \\ Boss")"), std::string::npos);
  EXPECT_NE(awkward.str().find(R"("line\nbreak")"), std::string::npos);
}

TEST_F(ExportTest, CsvForNeo4jAdminImport) {
  std::vector<std::string> written;
  ASSERT_TRUE(write_csv(snapshot(), dir_.file("neo4j"), &written).is_ok());  // created: no trailing slash needed
  EXPECT_EQ(written, (std::vector<std::string>{dir_.file("neo4j/nodes.csv"), dir_.file("neo4j/edges.csv")}));
  const auto nodes = lines_of(slurp(dir_.file("neo4j/nodes.csv")));
  const auto edges = lines_of(slurp(dir_.file("neo4j/edges.csv")));
  ASSERT_EQ(nodes.size(), 8u);
  ASSERT_EQ(edges.size(), 7u);
  EXPECT_EQ(nodes[0], "id:ID,name,:LABEL,type,aliases:string[],mentions:long");
  EXPECT_EQ(edges[0], ":START_ID,:END_ID,:TYPE,relation,count:long,confidence:double");
  bool speak = false;
  for (const auto& e : edges) speak |= e.find(",SPEAK_WITH,\"speak with\",2,0.900") != std::string::npos;
  EXPECT_TRUE(speak);
  // No aliases: an empty field, not "" (which Neo4j reads as [""]).
  bool acme = false;
  for (const auto& n : nodes) acme |= n.ends_with(",\"Acme Corp\",Entity;Organization,ORG,,1");
  EXPECT_TRUE(acme);
}

TEST_F(ExportTest, CsvCellsCannotBreakRowsOrRunAsFormulas) {
  GraphSnapshot g = awkward_snapshot();
  g.nodes.push_back({3, "=HYPERLINK(\"x\")", store::EntityType::kMisc, {"@alias"}, 1});
  g.edges.push_back({1, 3, "9.4bn by", 1, 0.5f, {}});
  g.edges.push_back({2, 3, "-- --", 1, 0.5f, {}});
  ASSERT_TRUE(write_csv(g, dir_.file("awkward"), nullptr).is_ok());
  const std::string nodes = slurp(dir_.file("awkward/nodes.csv"));
  EXPECT_NE(nodes.find(R"("Said ""the"" \ Boss")"), std::string::npos) << nodes;
  EXPECT_NE(nodes.find(R"x(3,"'=HYPERLINK(""x"")",Entity;Misc,MISC,"'@alias",1)x"), std::string::npos) << nodes;
  const std::string edges = slurp(dir_.file("awkward/edges.csv"));
  EXPECT_NE(edges.find(R"(1,3,R_9_4BN_BY,"9.4bn by",1,0.500)"), std::string::npos) << edges;
  EXPECT_NE(edges.find(R"(2,3,RELATED_TO,"'-- --",1,0.500)"), std::string::npos) << edges;

  // A file where the folder should be: a user error, nothing written.
  std::ofstream(dir_.file("plain")) << "keep";
  const Status s = write_csv(g, dir_.file("plain"), nullptr);
  EXPECT_EQ(s.code(), Status::Code::kInvalidInput);
  EXPECT_EQ(slurp(dir_.file("plain")), "keep");
}

TEST_F(ExportTest, FormatNamesAndDestinations) {
  EXPECT_EQ(parse_export_format("DOT"), ExportFormat::kDot);
  EXPECT_EQ(parse_export_format("ntriples"), ExportFormat::kNTriples);
  EXPECT_FALSE(parse_export_format("pdf").has_value());
  std::ostringstream sink;
  const Status csv = write_export(snapshot(), ExportFormat::kCsv, "", sink, nullptr);
  EXPECT_EQ(csv.code(), Status::Code::kInvalidInput);
  const Status png = write_export(snapshot(), ExportFormat::kPng, "", sink, nullptr);
  EXPECT_EQ(png.code(), Status::Code::kInvalidInput);
  WriteOptions relative;
  relative.base_iri = "kg/";
  const Status nt = write_export(snapshot(), ExportFormat::kNTriples, "", relative, sink, nullptr);
  EXPECT_EQ(nt.code(), Status::Code::kInvalidInput);
  EXPECT_TRUE(sink.str().empty());
  if (!find_graphviz_dot()) GTEST_SKIP() << "graphviz's dot is not installed; SVG on standard output not checked";
  ASSERT_TRUE(write_export(snapshot(), ExportFormat::kSvg, "", sink, nullptr).is_ok());
  EXPECT_NE(sink.str().find("<svg"), std::string::npos);
}

TEST_F(ExportTest, JsonRoundsConfidenceAndCapsEvidenceOnlyWhenAsked) {
  auto speak_with = [](const nlohmann::json& doc) {
    for (const auto& e : doc["edges"]) {
      if (e["relation"] == "speak with") return e;
    }
    return nlohmann::json();
  };
  std::ostringstream all;
  write_json(snapshot(), all);
  const auto every = speak_with(nlohmann::json::parse(all.str()));
  EXPECT_EQ(every["evidence"].size(), 2u);
  EXPECT_FALSE(every.contains("evidence_total"));
  EXPECT_NE(all.str().find("\"confidence\":0.9,"), std::string::npos) << all.str();  // not 0.8999999761581421

  ExportScope capped;
  capped.max_evidence_per_edge = 1;
  std::ostringstream one;
  write_json(snapshot(capped), one);
  const auto first = speak_with(nlohmann::json::parse(one.str()));
  EXPECT_EQ(first["evidence"].size(), 1u);
  EXPECT_EQ(first["evidence_total"], 2);
}

TEST_F(ExportTest, DiagramMergesParallelEdgesAndShowsALegend) {
  std::ostringstream out;
  ExportScope scope = diagram_scope();
  scope.focus = id_of("Joe Biden");
  write_dot(snapshot(scope), out);
  const std::string dot = out.str();
  // Biden -> Putin: "speak with" twice and "warn" once, one arrow.
  EXPECT_NE(dot.find(R"x(label="speak with (2)\nwarn (1)")x"), std::string::npos) << dot;
  size_t arrows = 0;
  for (size_t at = dot.find("->"); at != std::string::npos; at = dot.find("->", at + 2)) ++arrows;
  EXPECT_EQ(arrows, 3u);  // Biden->Putin, Biden->Ukraine, Nuland->Biden
  EXPECT_NE(dot.find("person (ellipse)"), std::string::npos);
  EXPECT_EQ(dot.find("organisation (box)"), std::string::npos) << "no organisation is drawn, so none in the legend";
  EXPECT_NE(dot.find("around Joe Biden"), std::string::npos);
  EXPECT_NE(dot.find("penwidth=3"), std::string::npos) << "the focus is outlined";
  EXPECT_NE(dot.find("layout=dot"), std::string::npos) << "four entities: layered layout";
  WriteOptions sfdp;
  sfdp.layout = Layout::kSfdp;
  std::ostringstream forced;
  write_dot(snapshot(scope), forced, sfdp);
  EXPECT_NE(forced.str().find("layout=sfdp"), std::string::npos);
  EXPECT_EQ(parse_layout("neato"), Layout::kNeato);
  EXPECT_FALSE(parse_layout("circo").has_value());
}

// A hub and its neighbours, a concept, an isolated organisation and a second
// piece, with support counts chosen so every selection rule gives a
// different answer:
//   Ann Hub -praise x3-> Bea Stone, -meet x2-> Cal Rivers, -meet-> Dan Moss,
//   -meet-> Eve Lake, -keep x4-> records (CONCEPT); Bea Stone -praise-> Cal Rivers;
//   Fay Hill -meet-> Gus Dale -visit-> Far Place; Lonely Org (no edge).
// Weighted degrees on the entity graph: Ann 7, Bea 4, Cal 3, Gus 2, others 1.
class DiagramTest : public ::testing::Test {
 protected:
  void SetUp() override {
    using kg::testing::fact;
    using kg::testing::person;
    using kg::testing::typed;
    {
      store::OpenOptions options;
      options.mode = store::OpenOptions::Mode::kReadWrite;
      auto opened = store::Store::open(dir_.file("kg.db"), options);
      ASSERT_TRUE(opened.is_ok()) << opened.status().message();
      store::DocumentRecord doc;
      doc.id = "hub.txt";
      doc.content_hash = "hash-hub";
      doc.sentences = {"One.", "Two.", "Three.", "Four."};
      doc.entities = {person("Ann Hub"),  person("Bea Stone"), person("Cal Rivers"),
                      person("Dan Moss"), person("Eve Lake"),  typed("records", store::EntityType::kConcept),
                      person("Fay Hill"), person("Gus Dale"),  typed("Far Place", store::EntityType::kLoc),
                      typed("Lonely Org", store::EntityType::kOrg)};
      for (uint32_t s = 0; s < 3; ++s) doc.facts.push_back(fact(0, "praise", 1, s, 0.9f));
      for (uint32_t s = 0; s < 2; ++s) doc.facts.push_back(fact(0, "meet", 2, s, 0.9f));
      for (uint32_t s = 0; s < 4; ++s) doc.facts.push_back(fact(0, "keep", 5, s, 0.9f));
      doc.facts.push_back(fact(0, "meet", 3, 0, 0.9f));
      doc.facts.push_back(fact(0, "meet", 4, 0, 0.9f));
      doc.facts.push_back(fact(1, "praise", 2, 1, 0.9f));
      doc.facts.push_back(fact(6, "meet", 7, 2, 0.9f));
      doc.facts.push_back(fact(7, "visit", 8, 3, 0.9f));
      ASSERT_TRUE((*opened)->put_document(doc).is_ok());
    }
    store_ = kg::testing::open_read_only(dir_.file("kg.db"));
    ASSERT_NE(store_, nullptr);
  }

  store::EntityId id_of(const std::string& name) {
    auto e = query::find_entity(*store_, name);
    EXPECT_TRUE(e.is_ok()) << e.status().message();
    return e.is_ok() ? e->id : 0;
  }

  GraphSnapshot snapshot(const ExportScope& scope) {
    auto s = collect_snapshot(*store_, scope);
    EXPECT_TRUE(s.is_ok()) << s.status().message();
    return s.is_ok() ? *s : GraphSnapshot{};
  }

  static std::vector<std::string> names(const GraphSnapshot& g) {
    std::vector<std::string> out;
    for (const ExportNode& n : g.nodes) out.push_back(n.name);
    std::sort(out.begin(), out.end());
    return out;
  }

  kg::testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
};

TEST_F(DiagramTest, DefaultDiagramIsTheEntityGraphWithoutIsolatedEntities) {
  EXPECT_EQ(names(snapshot(ExportScope{})).size(), 10u) << "data formats keep everything";
  const GraphSnapshot g = snapshot(diagram_scope());
  EXPECT_EQ(names(g), (std::vector<std::string>{"Ann Hub", "Bea Stone", "Cal Rivers", "Dan Moss", "Eve Lake",
                                                "Far Place", "Fay Hill", "Gus Dale"}));
  EXPECT_EQ(g.edges.size(), 7u);
  EXPECT_EQ(g.left_out.nodes, 0u);
}

TEST_F(DiagramTest, MaxNodesKeepsTheHeaviestAndSaysWhatWasLeftOut) {
  ExportScope scope = diagram_scope();
  scope.max_nodes = 3;
  const GraphSnapshot g = snapshot(scope);
  EXPECT_EQ(names(g), (std::vector<std::string>{"Ann Hub", "Bea Stone", "Cal Rivers"}));
  EXPECT_EQ(g.edges.size(), 3u);
  EXPECT_EQ(g.left_out.nodes, 5u);
  EXPECT_EQ(g.left_out.edges, 4u);
  ASSERT_FALSE(g.left_out.most_connected.empty());
  EXPECT_EQ(g.left_out.most_connected.front(), "Gus Dale");
}

TEST_F(DiagramTest, MaxNodesWithAFocusGrowsFromIt) {
  ExportScope scope = diagram_scope();
  scope.focus = id_of("Dan Moss");
  scope.depth = 2;
  scope.max_nodes = 3;
  const GraphSnapshot g = snapshot(scope);
  // Dan (the focus), Ann (his only neighbour), then Bea, heavier than Cal;
  // "the three heaviest plus the focus" would have taken Cal too.
  EXPECT_EQ(names(g), (std::vector<std::string>{"Ann Hub", "Bea Stone", "Dan Moss"}));
  EXPECT_EQ(g.focus, (std::vector<store::EntityId>{id_of("Dan Moss")}));
  EXPECT_EQ(g.left_out.nodes, 2u);  // Cal, Eve
}

TEST_F(DiagramTest, FiltersByRelationSupportTypeAndSeveralFoci) {
  ExportScope praise = diagram_scope();
  praise.relations = {"praise"};
  EXPECT_EQ(names(snapshot(praise)), (std::vector<std::string>{"Ann Hub", "Bea Stone", "Cal Rivers"}));

  ExportScope strong;
  strong.min_count = 2;
  const GraphSnapshot s = snapshot(strong);
  EXPECT_EQ(s.edges.size(), 3u);  // praise x3, meet x2, keep x4
  for (const ExportEdge& e : s.edges) EXPECT_GE(e.count, 2u);

  ExportScope places;
  places.types = {store::EntityType::kLoc};
  places.focus = id_of("Gus Dale");
  EXPECT_EQ(names(snapshot(places)), (std::vector<std::string>{"Far Place", "Gus Dale"}));

  ExportScope two;
  two.focus = id_of("Dan Moss");
  two.more_focus = {id_of("Fay Hill")};
  EXPECT_EQ(names(snapshot(two)), (std::vector<std::string>{"Ann Hub", "Dan Moss", "Fay Hill", "Gus Dale"}));

  ExportScope unknown;
  unknown.relations = {"teleport to"};
  auto bad = collect_snapshot(*store_, unknown);
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(bad.status().message().find("no relation \"teleport to\""), std::string::npos);
}

}  // namespace
}  // namespace kg::graph

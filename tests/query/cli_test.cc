// kg query, kg repl (commands piped in) and kg export, run as the real
// binary (KG_BINARY) on the hand-built sample store.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>

#include "graph/export/export.h"
#include "tests/query/sample_store.h"

namespace kg {
namespace {

using kg::testing::TempDir;

struct KgRun {
  int exit_code = -1;
  std::string out, err;
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Single-quotes an argument for /bin/sh.
std::string sh_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override { kg::testing::build_sample_store(db()); }
  std::string db() const { return dir_.file(db_name_); }

  // Runs kg with `args` (already quoted), `input` on stdin, no history file.
  KgRun kg(const std::string& args, const std::string& input = "", const std::string& env = "") {
    const std::string in = dir_.file("stdin.txt"), out = dir_.file("stdout.txt"), err = dir_.file("stderr.txt");
    std::ofstream(in, std::ios::binary) << input;
    const std::string cmd = "env KG_HISTORY= " + env + " " + sh_quote(KG_BINARY) + " --db " + sh_quote(db()) + " " +
                            args + " <" + sh_quote(in) + " >" + sh_quote(out) + " 2>" + sh_quote(err);
    const int status = std::system(cmd.c_str());
    KgRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = slurp(out);
    r.err = slurp(err);
    return r;
  }

  TempDir dir_;
  std::string db_name_ = "kg.db";
};

TEST_F(CliTest, QueryNeighborsAsJson) {
  const KgRun r = kg("query ':neighbors \"Joe Biden\" depth 2' --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc["neighbors"].size(), 4u);
  EXPECT_EQ(doc["neighbors"][3]["name"], "Senate Foreign Relations Committee");
  EXPECT_EQ(doc["neighbors"][3]["depth"], 2);
  EXPECT_EQ(doc["neighbors"][3]["via"], "Victoria Nuland");
}

TEST_F(CliTest, QueryTableAndTsv) {
  const KgRun table = kg("query ':sources Biden speak_with Putin'");
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("Joe Biden -[speak with]-> Vladimir Putin: 2 sentences"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("call.txt"), std::string::npos);
  const KgRun tsv = kg("query ':top 1 by degree' --format tsv");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out, "rank\tname\ttype\tdegree\n1\tJoe Biden\tPERSON\t4\n");
}

TEST_F(CliTest, QueryErrorsExitOneWithPosition) {
  const KgRun bad = kg("query ':neighbors Biden depth x'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "kg: error: 1:24: expected a number after 'depth', found 'x' (usage: :neighbors NAME [depth N])\n");
  EXPECT_EQ(bad.out, "");
  const KgRun unknown = kg("query ':entity Nobody Atall'");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no entity named \"Nobody Atall\""), std::string::npos) << unknown.err;
  const KgRun format = kg("query ':stats' --format xml");
  EXPECT_EQ(format.exit_code, 1);
}

TEST_F(CliTest, ReplReadsPipedCommandsWithoutPrompts) {
  const KgRun r = kg("repl", "# a comment line\n:neighbors Biden\n\n:path Ukraine Nuland\n:quit\n:stats\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("kg>"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Neighbours of Joe Biden within 1 hop: 3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Path from Ukraine to Victoria Nuland: 2 hops"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("documents"), std::string::npos) << "commands after :quit must not run";
}

TEST_F(CliTest, ReplReportsErrorsWithTheirLineAndGoesOn) {
  const KgRun r = kg("repl", ":stats\n:neighbors Biden depth x\n:entity Putin\n");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "error: 2:24: expected a number after 'depth', found 'x' (usage: :neighbors NAME [depth N])\n");
  EXPECT_NE(r.out.find("Vladimir Putin (PERSON)"), std::string::npos) << r.out;
}

TEST_F(CliTest, ExportDotJsonAndFocus) {
  const KgRun dot = kg("export --format dot -o " + sh_quote(dir_.file("g.dot")));
  ASSERT_EQ(dot.exit_code, 0) << dot.err;
  EXPECT_EQ(slurp(dir_.file("g.dot")).rfind("digraph", 0), 0u);
  const KgRun json = kg("export --format json --focus Nuland --depth 1");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto doc = nlohmann::json::parse(json.out);
  EXPECT_EQ(doc["nodes"].size(), 3u);
  EXPECT_EQ(doc["edges"].size(), 2u);
  const KgRun unknown = kg("export --format json --focus Nobodyatall");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("no entity named \"Nobodyatall\""), std::string::npos) << unknown.err;
  const KgRun bad = kg("export --format pdf");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.err.find("unknown export format 'pdf'"), std::string::npos) << bad.err;
}

TEST_F(CliTest, ExportSvgWithAndWithoutGraphviz) {
  const KgRun missing = kg("export --format svg -o " + sh_quote(dir_.file("g.svg")), "", "PATH=/nonexistent");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("apt-get install graphviz"), std::string::npos) << missing.err;
  EXPECT_NE(missing.err.find("--format dot"), std::string::npos) << missing.err;
  if (!graph::find_graphviz_dot()) GTEST_SKIP() << "graphviz's dot is not installed";
  const KgRun svg = kg("export --format svg -o " + sh_quote(dir_.file("g.svg")));
  ASSERT_EQ(svg.exit_code, 0) << svg.err;
  EXPECT_NE(slurp(dir_.file("g.svg")).find("<svg"), std::string::npos);
}

TEST_F(CliTest, ExportBadArgumentsAreOneLineUserErrors) {
  const KgRun base = kg("export --format nt --base 'not an iri'");
  EXPECT_EQ(base.exit_code, 1);
  EXPECT_EQ(base.err, "kg: error: --base 'not an iri' is not an absolute IRI; give one such as http://example.org/kg/\n");
  EXPECT_TRUE(base.out.empty());
  std::ofstream(dir_.file("taken")) << "keep";
  const KgRun csv = kg("export --format csv -o " + sh_quote(dir_.file("taken")));
  EXPECT_EQ(csv.exit_code, 1);
  EXPECT_NE(csv.err.find("exists and is not a folder"), std::string::npos) << csv.err;
  EXPECT_EQ(slurp(dir_.file("taken")), "keep");
  const KgRun png = kg("export --format png");
  EXPECT_EQ(png.exit_code, 1);
  EXPECT_NE(png.err.find("png is binary: give a file with -o"), std::string::npos) << png.err;
  const KgRun relation = kg("export --format dot --relations 'teleport to'");
  EXPECT_EQ(relation.exit_code, 1);
  EXPECT_EQ(relation.err, "kg: error: no relation \"teleport to\" in the store (see kg stats)\n");
  const KgRun type = kg("export --format dot --types PERSON,PLANET");
  EXPECT_EQ(type.exit_code, 1);
  EXPECT_NE(type.err.find("--types: unknown type 'PLANET'"), std::string::npos) << type.err;
}

TEST_F(CliTest, ExportDiagramSaysWhatMaxNodesLeftOut) {
  const KgRun capped = kg("export --format dot --max-nodes 2 --focus Biden");
  ASSERT_EQ(capped.exit_code, 0) << capped.err;
  EXPECT_NE(capped.err.find("kg: kept 2 entities by --max-nodes 2"), std::string::npos) << capped.err;
  EXPECT_NE(capped.err.find("left out 2 entities"), std::string::npos) << capped.err;  // of Biden's 3 neighbours
  const KgRun all = kg("export --format dot --all");
  ASSERT_EQ(all.exit_code, 0) << all.err;
  EXPECT_TRUE(all.err.empty()) << all.err;
  EXPECT_NE(all.out.find("Acme Corp"), std::string::npos);
}

TEST_F(CliTest, MissingStoreIsAUserError) {
  db_name_ = "nowhere.db";
  const KgRun r = kg("query ':stats'");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("kg: error: no store at"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(db())) << "a reader must not create a store";
}

TEST_F(CliTest, CypherQueryPrintsRowsInEachFormat) {
  const std::string q = "MATCH (a {name: 'Nuland'})-[r]->(b)\nRETURN b.name, type(r) AS relation\nORDER BY b.name";
  const KgRun tsv = kg("query " + sh_quote(q) + " --format tsv");
  ASSERT_EQ(tsv.exit_code, 0) << tsv.err;
  EXPECT_EQ(tsv.out, "b.name\trelation\nJoe Biden\tmention\nSenate Foreign Relations Committee\ttestify to\n");
  EXPECT_EQ(tsv.err, "");
  const KgRun json = kg("query " + sh_quote("MATCH (a:ORG)-[r:appoints]->(b) RETURN a.name, r.count") + " --format json");
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const auto parsed = nlohmann::json::parse(json.out);
  ASSERT_EQ(parsed["rows"].size(), 1u) << json.out;
  EXPECT_EQ(parsed["rows"][0]["a.name"], "Acme Corp");
  EXPECT_EQ(parsed["rows"][0]["r.count"], 1);
}

TEST_F(CliTest, CypherErrorsAreOneLineAndExitOne) {
  const KgRun malformed = kg("query " + sh_quote("MATCH (a)-[r]->(b RETURN a"));
  EXPECT_EQ(malformed.exit_code, 1);
  EXPECT_EQ(malformed.err, "kg: error: 1:19: expected ')' to close the node pattern, found 'RETURN'\n");
  EXPECT_EQ(malformed.out, "");
  const KgRun second_line = kg("query " + sh_quote("MATCH (a)\nRETURN a.age"));
  EXPECT_EQ(second_line.exit_code, 1);
  EXPECT_EQ(second_line.err, "kg: error: 2:8: unknown property 'age' of node a; nodes have name, type, mentions, id\n");
  const KgRun create = kg("query " + sh_quote("CREATE (n:PERSON {name: 'X'})"));
  EXPECT_EQ(create.exit_code, 1);
  EXPECT_EQ(create.err.rfind("kg: error: 1:1: kg query is read-only; CREATE would change the store", 0), 0u)
      << create.err;
  EXPECT_EQ(std::count(create.err.begin(), create.err.end(), '\n'), 1);
  // The store is unchanged: the entity was not created.
  const KgRun after = kg("query " + sh_quote("MATCH (n) WHERE n.name = 'X' RETURN count(*) AS n") + " --format tsv");
  EXPECT_EQ(after.out, "n\n0\n");
}

// The statement can come from a file (-f) or from a piped stdin; errors
// about where it comes from are one line with exit 1.
TEST_F(CliTest, QueryReadsAFileOrStandardInput) {
  const std::string statement = "MATCH (a {name: 'Nuland'})-[r]->(b)\nRETURN b.name\nORDER BY b.name;\n";
  const std::string expected = "b.name\nJoe Biden\nSenate Foreign Relations Committee\n";
  const KgRun piped = kg("query --format tsv", statement);
  ASSERT_EQ(piped.exit_code, 0) << piped.err;
  EXPECT_EQ(piped.out, expected);
  const std::string file = dir_.file("q.cypher");
  std::ofstream(file, std::ios::binary) << statement;
  const KgRun from_file = kg("query -f " + sh_quote(file) + " --format tsv");
  ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
  EXPECT_EQ(from_file.out, expected);
  const KgRun dash = kg("query -f - --format tsv", statement);
  EXPECT_EQ(dash.out, expected);
  // Colon commands, one a line, work the same way.
  const KgRun colon = kg("query --format tsv", ":entity Nuland\n");
  ASSERT_EQ(colon.exit_code, 0) << colon.err;
  EXPECT_NE(colon.out.find("Victoria Nuland"), std::string::npos) << colon.out;
  // An error in the file points at its line.
  std::ofstream(file, std::ios::binary) << "MATCH (a)\nRETURN a.age";
  const KgRun bad = kg("query -f " + sh_quote(file));
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "kg: error: 2:8: unknown property 'age' of node a; nodes have name, type, mentions, id\n");
  const KgRun missing = kg("query -f " + sh_quote(dir_.file("absent.cypher")));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "kg: error: -f " + dir_.file("absent.cypher") + ": cannot read it: No such file or directory\n");
  const KgRun both = kg("query -f " + sh_quote(file) + " " + sh_quote("MATCH (n) RETURN n"));
  EXPECT_EQ(both.exit_code, 1);
  EXPECT_EQ(both.err, "kg: error: kg query takes a statement or -f FILE, not both\n");
  const KgRun empty = kg("query", "");
  EXPECT_EQ(empty.exit_code, 1);
  EXPECT_EQ(empty.err, "kg: error: 1:1: empty query: type a colon command such as :help\n");
}

TEST_F(CliTest, ReplRunsCypherLines) {
  const KgRun r = kg("repl --format tsv", "MATCH (a:ORG) RETURN a.name ORDER BY a.name;\nMATCH (a:PLANET) RETURN a\n");
  EXPECT_EQ(r.exit_code, 1);  // piped input with a failed statement
  EXPECT_EQ(r.out, "a.name\nAcme Corp\nSenate Foreign Relations Committee\n");
  EXPECT_NE(r.err.find("2:10: unknown label 'PLANET'"), std::string::npos) << r.err;
}

TEST_F(CliTest, QueryTakesParametersAndEveryFormat) {
  const std::string q = "MATCH (a {name: $who})-[r]->(b) RETURN b.name ORDER BY b.name";
  const KgRun csv = kg("query " + sh_quote(q) + " --param who=Nuland --format csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out, "b.name\nJoe Biden\nSenate Foreign Relations Committee\n");
  // A quoted value and a list; CSV quotes what needs it.
  const KgRun quoted = kg("query " + sh_quote("UNWIND $names AS x RETURN x, $sep AS s") +
                          " --param " + sh_quote("names=['a,b', 'say \"hi\"']") + " --param " + sh_quote("sep=' '") +
                          " --format csv");
  ASSERT_EQ(quoted.exit_code, 0) << quoted.err;
  EXPECT_EQ(quoted.out, "x,s\n\"a,b\", \n\"say \"\"hi\"\"\", \n");
  const KgRun jsonl = kg("query " + sh_quote("MATCH (n:ORG) RETURN n.name, n.mentions ORDER BY n.name") +
                         " --format jsonl");
  ASSERT_EQ(jsonl.exit_code, 0) << jsonl.err;
  std::istringstream lines(jsonl.out);
  std::vector<std::string> names;
  for (std::string line; std::getline(lines, line);) names.push_back(nlohmann::json::parse(line)["n.name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"Acme Corp", "Senate Foreign Relations Committee"}));
  const KgRun no_value = kg("query " + sh_quote(q) + " --param who");
  EXPECT_EQ(no_value.exit_code, 1);
  EXPECT_EQ(no_value.err, "kg: error: --param needs NAME=VALUE, got 'who'\n");
  const KgRun unset = kg("query " + sh_quote(q));
  EXPECT_EQ(unset.exit_code, 1);
  EXPECT_EQ(unset.err, "kg: error: 1:17: parameter $who has no value; give it with --param who=VALUE (kg query) or "
                       ":param who VALUE (kg repl)\n");
}

TEST_F(CliTest, QueryChainsClausesAndShortestPaths) {
  const KgRun with = kg("query " + sh_quote("MATCH (a:PERSON)\nOPTIONAL MATCH (a)-[r]->()\nWITH a, count(r) AS out\n"
                                            "WHERE out > 0\nUNWIND [1, 2] AS copy\nRETURN a.name, out, copy\n"
                                            "ORDER BY out DESC, copy") +
                        " --format tsv");
  ASSERT_EQ(with.exit_code, 0) << with.err;
  EXPECT_EQ(with.out, "a.name\tout\tcopy\nJoe Biden\t3\t1\nJoe Biden\t3\t2\nVictoria Nuland\t2\t1\n"
                      "Victoria Nuland\t2\t2\n");
  const KgRun path = kg("query " + sh_quote("MATCH p = shortestPath((a {name: 'Putin'})-[*..4]-(b {name: 'Nuland'}))\n"
                                            "RETURN length(p) AS hops, [x IN [1] | x]"));
  EXPECT_EQ(path.exit_code, 1);  // list comprehensions are not in the subset: a positioned error
  EXPECT_EQ(path.err, "kg: error: 2:37: expected ']' to close the list, found '|'\n");
  const KgRun hops = kg("query " + sh_quote("MATCH p = shortestPath((a {name: 'Putin'})-[*..4]-(b {name: 'Nuland'}))\n"
                                            "RETURN length(p) AS hops, size(relationships(p)) AS rels") + " --format tsv");
  ASSERT_EQ(hops.exit_code, 0) << hops.err;
  EXPECT_EQ(hops.out, "hops\trels\n2\t2\n");
  const KgRun degree = kg("query " + sh_quote("CALL kg.degree() YIELD node, degree RETURN node.name, degree "
                                              "ORDER BY degree DESC, node.name LIMIT 2") + " --format tsv");
  ASSERT_EQ(degree.exit_code, 0) << degree.err;
  // Nuland (2 out) and Putin (2 in) tie; the name breaks it.
  EXPECT_EQ(degree.out, "node.name\tdegree\nJoe Biden\t4\nVictoria Nuland\t2\n");
}

TEST_F(CliTest, ReplStatementsSpanLinesAndShellCommands) {
  const std::string script =
      ":param who 'Biden'\n"
      ":mode csv\n"
      "MATCH (a {name: $who})-[r]->(b)\n"
      "RETURN b.name, type(r) AS rel\n"
      "ORDER BY rel;\n"
      ":timer on\n"
      "MATCH (n:LOC) RETURN n.name;\n"
      ":timer off\n"
      ":schema;\n";
  const KgRun r = kg("repl", script);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string expected_start =
      "b.name,rel\nVladimir Putin,speak with\nVladimir Putin,warn\nUkraine,warn about\nn.name\nUkraine\nRun Time: ";
  EXPECT_EQ(r.out.substr(0, expected_start.size()), expected_start) << r.out;
  const std::string expected_schema =
      "label,nodes\nLOC,1\nORG,2\nPERSON,4\n\n"
      "relation,edges,facts\nhire,1,1\nmention,1,1\nspeak with,1,2\ntestify to,1,1\nwarn,1,1\nwarn about,1,1\n\n"
      "of,property\nnode,name\nnode,type\nnode,mentions\nnode,id\n"
      "relationship,relation\nrelationship,canonical\nrelationship,count\nrelationship,confidence\n";
  ASSERT_GE(r.out.size(), expected_schema.size());
  EXPECT_EQ(r.out.substr(r.out.size() - expected_schema.size()), expected_schema) << r.out;
  // ':quit;' quits (a ';' after a colon command is allowed): the bad statement after it never runs.
  const KgRun quit = kg("repl", ":quit;\nMATCH (a:PLANET) RETURN a;\n");
  EXPECT_EQ(quit.exit_code, 0) << quit.err;
  EXPECT_EQ(quit.err, "");
  const KgRun bad = kg("repl", ":mode xml\n:timer maybe\n:param\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: 1:7: :mode takes table, csv, tsv, json or jsonl, not 'xml'\n"
                     "error: 1:8: :timer takes on or off, not 'maybe'\n"
                     "error: 1:8: :param takes a name and a value, e.g. :param who 'Tony Blair'\n");
}

TEST_F(CliTest, QueryBoundsCanBeRaisedButNotRemoved) {
  const std::string all = sh_quote("MATCH (n) RETURN n.name");
  const KgRun capped = kg("query " + all + " --max-rows 2");
  EXPECT_EQ(capped.exit_code, 1);
  EXPECT_EQ(capped.err, "kg: error: query stopped after 2 rows; add LIMIT, a WHERE or a name to the pattern to "
                        "narrow it\n");
  const KgRun raised = kg("query " + all + " --max-rows 1000 --max-bindings 1000 --format tsv");
  EXPECT_EQ(raised.exit_code, 0) << raised.err;
  EXPECT_EQ(std::count(raised.out.begin(), raised.out.end(), '\n'), 8);  // the header and the sample store's 7 nodes
  const KgRun zero = kg("query " + all + " --max-bindings 0");
  EXPECT_EQ(zero.exit_code, 1);
  EXPECT_EQ(zero.err, "kg: error: --max-bindings takes a number above 0, not 0\n");
}

TEST_F(CliTest, ReplOutputGoesToAFileUntilTurnedBack) {
  const std::string file = dir_.file("answers.csv");
  const std::string script = ":mode csv\n:output " + file + "\nMATCH (n:LOC) RETURN n.name;\n:output\n"
                             "MATCH (n:ORG) RETURN count(*) AS orgs;\n";
  const KgRun r = kg("repl", script);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "orgs\n2\n");  // only what came after ':output' alone
  std::ifstream in(file);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written, "n.name\nUkraine\n");
  // A file that cannot be made is a one-line error; the results stay on standard output.
  const KgRun bad = kg("repl", ":output " + dir_.file("no/such/dir/x.csv") + "\n:mode csv\nMATCH (n:LOC) RETURN n.name;\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err, "error: 1:9: cannot open '" + dir_.file("no/such/dir/x.csv") +
                         "' for writing: No such file or directory\n");
  EXPECT_EQ(bad.out, "n.name\nUkraine\n");
}

}  // namespace
}  // namespace kg

// kg ingest with the trained models (nlp -> extract -> resolve), end to end:
// one entity per person whatever the article calls them ("Mr Putin", "he",
// "the Russian leader"), facts stored against that entity, titles as
// "have title" facts. Read back through `kg export --format json --all` (statements included).
//
// Skips when the shipped models are absent (kg then runs the baseline); the
// reference-article test also skips without ../shared.
#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const std::string kModelDir = std::string(KG_SOURCE_DIR) + "/ingest/models";

// The temporary folder of the article named `name`.
fs::path article_dir(const std::string& name) {
  return fs::temp_directory_path() / ("kg_parsed_input_" + name + "_" + std::to_string(::getpid()));
}

// One article written to "<name>.txt" in a temporary folder of its own
// (the caller removes the folder once the article is ingested).
std::string write_article(const std::string& name, const char* text) {
  const fs::path dir = article_dir(name);
  fs::create_directories(dir);
  const std::string path = (dir / (name + ".txt")).string();
  std::ofstream(path) << text;
  return path;
}

// The text of one article written here, for IngestedGraph to write and ingest.
struct Article {
  const char* text;
};

// A store built by one `kg ingest` of `input`, read back as the JSON export.
class IngestedGraph {
 public:
  IngestedGraph(const std::string& name, const std::string& input) : IngestedGraph(name, std::vector<std::string>{input}) {}
  // One article, written to a file of its own, ingested, and the file removed.
  IngestedGraph(const std::string& name, Article article) : IngestedGraph(name, write_article(name, article.text)) {
    fs::remove_all(article_dir(name));
  }
  // One `kg ingest` per input, in this order, into one store.
  IngestedGraph(const std::string& name, const std::vector<std::string>& inputs) {
    root_ = fs::temp_directory_path() / ("kg_parsed_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
    const std::string db = (root_ / "db").string();
    // KG_MODELS pins the shipped models whatever the caller's environment says.
    for (const std::string& input : inputs) {
      ingest_out_ += run("KG_MODELS='" + kModelDir + "' '" KG_BINARY "' --db '" + db + "' ingest --quiet '" + input + "'");
    }
    graph_ = nlohmann::json::parse(run("'" KG_BINARY "' --db '" + db + "' export --format json --all"));
  }
  ~IngestedGraph() { fs::remove_all(root_); }

  const std::string& ingest_output() const { return ingest_out_; }

  // Nodes with this exact name (any type).
  std::vector<nlohmann::json> nodes_named(const std::string& name) const {
    std::vector<nlohmann::json> out;
    for (const nlohmann::json& n : graph_["nodes"]) {
      if (n["name"] == name) out.push_back(n);
    }
    return out;
  }

  // Names of the CONCEPT nodes no edge touches (a statement's phrase is a
  // node only while a statement holds it).
  std::vector<std::string> unused_concepts() const {
    std::set<int64_t> used;
    for (const nlohmann::json& e : graph_["edges"]) {
      used.insert(e["source"].get<int64_t>());
      used.insert(e["target"].get<int64_t>());
    }
    std::vector<std::string> out;
    for (const nlohmann::json& n : graph_["nodes"]) {
      if (n["type"] == "CONCEPT" && !used.contains(n["id"].get<int64_t>())) out.push_back(n["name"]);
    }
    return out;
  }

  // "name (TYPE) mentions" of every node that is no CONCEPT, sorted: what
  // entities the store holds, whatever ids they were given.
  std::vector<std::string> named_entities() const {
    std::vector<std::string> out;
    for (const nlohmann::json& n : graph_["nodes"]) {
      if (n["type"] == "CONCEPT") continue;
      out.push_back(n["name"].get<std::string>() + " (" + n["type"].get<std::string>() + ") " +
                    std::to_string(n["mentions"].get<int>()));
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // The one PERSON node named `name`, or null when there is not exactly one.
  nlohmann::json person(const std::string& name) const {
    nlohmann::json found;
    int count = 0;
    for (const nlohmann::json& n : nodes_named(name)) {
      if (n["type"] == "PERSON") {
        found = n;
        ++count;
      }
    }
    return count == 1 ? found : nlohmann::json();
  }

  // Edges subject · relation · object by node names; "" matches any relation
  // (or any subject).
  std::vector<nlohmann::json> edges(const std::string& subject, const std::string& relation,
                                    const std::string& object) const {
    std::vector<nlohmann::json> out;
    for (const nlohmann::json& e : graph_["edges"]) {
      if ((subject.empty() || name_of(e["source"]) == subject) && name_of(e["target"]) == object &&
          (relation.empty() || e["relation"] == relation)) {
        out.push_back(e);
      }
    }
    return out;
  }
  bool has_edge(const std::string& s, const std::string& r, const std::string& o) const { return !edges(s, r, o).empty(); }

  // Evidence sentences of every edge touching the node named `name`.
  std::vector<std::string> evidence_of(const std::string& name) const {
    std::vector<std::string> out;
    for (const nlohmann::json& e : graph_["edges"]) {
      if (name_of(e["source"]) != name && name_of(e["target"]) != name) continue;
      for (const nlohmann::json& x : e["evidence"]) out.push_back(x["text"].get<std::string>());
    }
    return out;
  }

  std::string dump() const { return graph_.dump(1); }

 private:
  std::string name_of(const nlohmann::json& id) const {
    for (const nlohmann::json& n : graph_["nodes"]) {
      if (n["id"] == id) return n["name"].get<std::string>();
    }
    return "";
  }

  // Runs a shell command; its stdout, with a failed exit recorded as a test failure.
  std::string run(const std::string& cmd) {
    const fs::path out = root_ / "out";
    const fs::path err = root_ / "err";
    const int status = std::system((cmd + " > '" + out.string() + "' 2> '" + err.string() + "'").c_str());
    std::ifstream o(out), e(err);
    std::stringstream so, se;
    so << o.rdbuf();
    se << e.rdbuf();
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd << "\n" << se.str();
    return so.str();
  }

  fs::path root_;
  std::string ingest_out_;
  nlohmann::json graph_;
};

bool models_present() { return fs::exists(kModelDir + "/parser.kgm") && fs::exists(kModelDir + "/ner.kgm"); }

bool has_alias(const nlohmann::json& node, const std::string& alias) {
  for (const nlohmann::json& a : node["aliases"]) {
    if (a == alias) return true;
  }
  return false;
}

bool any_contains(const std::vector<std::string>& texts, const std::string& needle) {
  for (const std::string& t : texts) {
    if (t.find(needle) != std::string::npos) return true;
  }
  return false;
}

// Our own article: two leaders under full names, honorific short forms, a
// pronoun and a description, and titles written before the names.
constexpr const char* kSummitArticle =
    "Leaders meet in Geneva\n"
    "\n"
    "Canadian Prime Minister Helen Marsh and Brazilian President Rafael Duarte met in Geneva on Monday.\n"
    "\n"
    "Ms Marsh praised the trade agreement. Mr Duarte signed the agreement after the talks.\n"
    "\n"
    "He later told reporters that Brazil would open its ports to Canadian ships.\n"
    "\n"
    "Marsh thanked the Brazilian president for his support.\n";

TEST(ParsedIngest, OwnArticleGivesOneEntityPerPersonWithFactsAndTitles) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("summit", Article{kSummitArticle});

  EXPECT_NE(g.ingest_output().find("(parser extractor)"), std::string::npos) << g.ingest_output();

  const nlohmann::json marsh = g.person("Helen Marsh");
  const nlohmann::json duarte = g.person("Rafael Duarte");
  ASSERT_FALSE(marsh.is_null()) << g.dump();
  ASSERT_FALSE(duarte.is_null()) << g.dump();
  EXPECT_TRUE(has_alias(marsh, "Marsh") || has_alias(marsh, "Ms Marsh")) << marsh.dump();
  EXPECT_TRUE(has_alias(duarte, "Duarte") || has_alias(duarte, "Mr Duarte")) << duarte.dump();
  for (const char* short_form : {"Marsh", "Ms Marsh", "Duarte", "Mr Duarte", "He", "he", "Brazilian president"}) {
    EXPECT_TRUE(g.nodes_named(short_form).empty()) << "a node named '" << short_form << "'";
  }

  EXPECT_TRUE(g.has_edge("Helen Marsh", "meet with", "Rafael Duarte") || g.has_edge("Helen Marsh", "meet", "Rafael Duarte") ||
              g.has_edge("Rafael Duarte", "meet with", "Helen Marsh"))
      << g.dump();
  EXPECT_TRUE(g.has_edge("Helen Marsh", "praise", "trade agreement")) << g.dump();
  EXPECT_TRUE(g.has_edge("Rafael Duarte", "sign", "agreement")) << g.dump();
  // "He later told reporters": the pronoun's fact is Rafael Duarte's.
  EXPECT_TRUE(g.has_edge("Rafael Duarte", "tell", "reporters")) << g.dump();
  // "the Brazilian president" is Rafael Duarte too.
  EXPECT_TRUE(g.has_edge("Helen Marsh", "thank", "Rafael Duarte")) << g.dump();

  EXPECT_TRUE(g.has_edge("Helen Marsh", "have title", "Canadian Prime Minister") ||
              g.has_edge("Helen Marsh", "have title", "Prime Minister"))
      << g.dump();
  EXPECT_TRUE(g.has_edge("Rafael Duarte", "have title", "Brazilian President") ||
              g.has_edge("Rafael Duarte", "have title", "President"))
      << g.dump();
}

// Our own business and politics article for the relations between names
// that news states without a plain verb: roles in apposition and before a
// name, party membership, an organisation written as common nouns at a
// sentence start, a share owned, a ditransitive, an object-control verb.
constexpr const char* kMergerArticle =
    "Harbour Foods agrees deal with Kestrel\n"
    "\n"
    "Food group Harbour Foods has agreed to buy the frozen foods maker Kestrel for \xc2\xa3"
    "420m.\n"
    "\n"
    "Harbour Foods owns 12% of Kestrel. HarbourFoods shares fell 2% on Monday.\n"
    "\n"
    "\"This is a good day for both firms,\" said Maria Okonkwo, chief executive of Harbour Foods. Kestrel chairman "
    "Tomas Brandt urged Harbour Foods to raise its offer. Ms Okonkwo offered Mr Brandt a seat on the board.\n"
    "\n"
    "Labour MP Gareth Pryce praised the deal. Conservative shadow business secretary Alan Whitcombe criticised Ms "
    "Okonkwo.\n"
    "\n"
    "Mr Pryce told the Commons on Tuesday that jobs were safe. Liberal Democrat treasury spokesman Anna Kerr "
    "questioned the price. Former Labour leader Rhys Morgan welcomed the deal.\n";

TEST(ParsedIngest, OwnArticleGivesRolesMembershipAndDealsBetweenNames) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("merger", Article{kMergerArticle});

  // "HarbourFoods" is the same company, written without its space.
  ASSERT_EQ(g.nodes_named("HarbourFoods").size(), 0u) << g.dump();
  EXPECT_TRUE(g.has_edge("Harbour Foods", "agree to buy", "Kestrel")) << g.dump();
  EXPECT_TRUE(g.has_edge("Harbour Foods", "own stake in", "Kestrel")) << g.dump();
  EXPECT_TRUE(g.has_edge("Maria Okonkwo", "chief executive of", "Harbour Foods")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas Brandt", "chairman of", "Kestrel")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas Brandt", "urge", "Harbour Foods")) << g.dump();
  EXPECT_TRUE(g.has_edge("Maria Okonkwo", "offer seat to", "Tomas Brandt")) << g.dump();
  EXPECT_TRUE(g.has_edge("Gareth Pryce", "member of", "Labour")) << g.dump();
  EXPECT_TRUE(g.has_edge("Alan Whitcombe", "member of", "Conservatives")) << g.dump();
  EXPECT_TRUE(g.has_edge("Alan Whitcombe", "criticise", "Maria Okonkwo")) << g.dump();
  // A party's own office is held in it, "former" kept.
  EXPECT_TRUE(g.has_edge("Anna Kerr", "treasury spokesman for", "Liberal Democrats")) << g.dump();
  EXPECT_TRUE(g.has_edge("Rhys Morgan", "former leader of", "Labour")) << g.dump();
  EXPECT_TRUE(g.edges("Rhys Morgan", "leader of", "Labour").empty()) << g.dump();
  // The party is no role holder: no "secretary of" anything.
  EXPECT_TRUE(g.edges("Alan Whitcombe", "secretary of", "Conservatives").empty()) << g.dump();
  // "the Commons" is the House of Commons, an organisation.
  EXPECT_TRUE(g.has_edge("Gareth Pryce", "tell", "House of Commons")) << g.dump();
  EXPECT_TRUE(g.nodes_named("Commons").empty()) << g.dump();
}

// Our own match report, with parser misreadings the entity graph refuses:
// a particle read as an adverb ("came on for"), a speaker after the quote
// read as the object ("explains Ivan Petrov"), a country modifying a noun
// read as the object ("bought US rival Kestel Rangers"), and a direct
// object with its own preposition ("recorded his in Lisbon"), and more.
constexpr const char* kMatchArticle =
    "Ardmore reach the final\n"
    "\n"
    "Ardmore beat Kelso Rovers 2-0 on Saturday to reach the Northern Cup final.\n"
    "\n"
    "Striker Marco Vellini came on for Dario Conti after 60 minutes and scored twice. \"That was just Marco,\" "
    "explains Ivan Petrov, the Ardmore manager.\n"
    "\n"
    "But Ivan Petrov insists Ardmore are in the right frame of mind for the final against Brunel Athletic.\n"
    "\n"
    "Brunel Athletic bought US rival Kestel Rangers, creating the biggest club in the league. The Ardmore Film "
    "Society hailed Nora Lind's biblical epic and Tom Avery's political documentary as inspiring debate.\n"
    "\n"
    "Vellini's agent recorded his interview in Madrid, while Petrov has recorded his in Lisbon.\n"
    "\n"
    "Ardmore chairman Leo Brandt has called for Kelso Rovers to apologise for the behaviour of their fans. Brunel "
    "Athletic began brightly with Marco Vellini and Dario Conti seeing plenty of the ball.\n"
    "\n"
    "Leo Brandt will most likely end up with Brunel Athletic.\n"
    "\n"
    "\"We deserved it,\" said Nadia Okoro, Kelso Rovers' chief executive. BBC Scotland's sports editor Ruth Dale "
    "agreed.\n"
    "\n"
    "Former Kelso Rovers manager Sam Kerr watched from the stand. It was not surprising that Kerr had chosen to leave "
    "Ardmore, his brother said.\n"
    "\n"
    "\"The fans were magnificent,\" Leo Brandt told GMTV's Sunday programme. Ian Ferris, of the Kelso Supporters "
    "Trust, said the fans were sorry.\n"
    "\n"
    "Halden Freight sponsors Kelso Rovers. Halden Freight chief executive Nils Berg called the result fair. \"It was "
    "a fair result,\" Nils Berg told the BBC Sport website.\n";

TEST(ParsedIngest, OwnArticleKeepsParticlesAndRefusesMisreadArguments) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("match", Article{kMatchArticle});

  EXPECT_TRUE(g.has_edge("Marco Vellini", "come on for", "Dario Conti")) << g.dump();
  EXPECT_FALSE(g.has_edge("Marco Vellini", "come for", "Dario Conti")) << g.dump();
  EXPECT_TRUE(g.edges("Marco Vellini", "explain", "Ivan Petrov").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Ivan Petrov", "insist", "Ardmore").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Brunel Athletic", "buy", "United States").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Ardmore Film Society", "hail", "Nora Lind").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Ivan Petrov", "record", "Lisbon").empty()) << g.dump();
  // "for X to do" is a clause; "with X seeing ..." is one too; a forecast is hedged.
  EXPECT_TRUE(g.edges("Leo Brandt", "call for", "Kelso Rovers").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Brunel Athletic", "begin with", "Marco Vellini").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Brunel Athletic", "begin with", "Dario Conti").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Leo Brandt", "end up with", "Brunel Athletic").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Leo Brandt", "may end up with", "Brunel Athletic")) << g.dump();
  // A role after the name, its holder first ("Kelso Rovers' chief executive").
  EXPECT_TRUE(g.has_edge("Nadia Okoro", "chief executive of", "Kelso Rovers")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ruth Dale", "sports editor of", "BBC Scotland")) << g.dump();
  // "Former" is when the office was held, not part of the holder's name: the
  // relation says it; a "not" of someone else's judgement does not negate the fact.
  EXPECT_TRUE(g.has_edge("Sam Kerr", "former manager of", "Kelso Rovers")) << g.dump();
  EXPECT_TRUE(g.edges("Sam Kerr", "manager of", "Kelso Rovers").empty()) << g.dump();
  EXPECT_TRUE(g.nodes_named("Former Kelso Rovers").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Sam Kerr", "not choose to leave", "Ardmore").empty()) << g.dump();
  // Told a broadcaster's programme: told the broadcaster; "X, of Y," works for Y.
  EXPECT_TRUE(g.has_edge("Leo Brandt", "tell", "GMTV")) << g.dump();
  // Told an outlet named before its kind: told the outlet.
  EXPECT_TRUE(g.has_edge("Nils Berg", "tell", "BBC Sport")) << g.dump();
  // A company's name read as common words at the start of a sentence, before
  // a title, is the company the article names ("Kelso Rovers" elsewhere).
  EXPECT_TRUE(g.has_edge("Nils Berg", "chief executive of", "Halden Freight")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ian Ferris", "work for", "Kelso Supporters Trust")) << g.dump();
}

// Our own story of speakers: named with their organisation and no commas,
// after a quotation, and where one made a speech.
constexpr const char* kSpeakersArticle =
    "Port charges to rise\n"
    "\n"
    "Harbour fees in Gdansk will rise by 8% next year, the port authority said on Monday.\n"
    "\n"
    "\"Shippers will pass the cost on to their customers,\" said Maria Kowalczyk of the Baltic Shipping Council. "
    "Tomas Reyes of the Harland Institute said the rise was modest. \"It is fair,\" said Ewa Nowak from Baltic "
    "Freight Holdings.\n"
    "\n"
    "The port film is up against Restless Sunshine of the Golden Mind Studio, which has 11 nominations.\n"
    "\n"
    "Karen Holt said the fees were too high. \"The scope for errors is enormous,\" she told Baltic Radio.\n"
    "\n"
    "Ms Holt made a speech at the Baltic Ports Conference in Riga last year.\n";

TEST(ParsedIngest, SpeakersTheirOrganisationsAndWhereTheySpoke) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("speakers", Article{kSpeakersArticle});
  EXPECT_TRUE(g.has_edge("Maria Kowalczyk", "work for", "Baltic Shipping Council")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas Reyes", "work for", "Harland Institute")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ewa Nowak", "work for", "Baltic Freight Holdings")) << g.dump();
  // The speaker after a quotation goes on from the sentence before.
  EXPECT_TRUE(g.has_edge("Karen Holt", "tell", "Baltic Radio")) << g.dump();
  // A speech carries where it was made.
  EXPECT_TRUE(g.has_edge("Karen Holt", "make speech at", "Baltic Ports Conference")) << g.dump();
  // Not a speaker: a film's title read as a person "of" an organisation.
  EXPECT_TRUE(g.edges("", "work for", "Golden Mind Studio").empty()) << g.dump();
}

// Our own transfer story: a move, talks, a quarrel and a lawsuit carry the
// relation to the name after their preposition; a "move for" names the
// player wanted, not the clubs before his name, and a plain noun ("a bus
// to Leeds") carries none.
constexpr const char* kTransferArticle =
    "Keane rejects Kelso\n"
    "\n"
    "Danny Keane rejected a move to Kelso Athletic on Monday. Kelso Athletic had held talks with Harbour Rovers "
    "earlier. Manager Piotr Walsh has reopened his dispute with Danny Keane. Harbour Rovers are taking action "
    "against Kelso Athletic.\n"
    "\n"
    "Piotr Walsh is lining up a summer move for Kelso Athletic striker Tomasz Brennan. Tomasz Brennan took a bus "
    "to Harbour Rovers.\n";

TEST(ParsedIngest, MovesTalksAndDisputesCarryTheirRelation) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("transfer", Article{kTransferArticle});
  EXPECT_TRUE(g.has_edge("Danny Keane", "reject move to", "Kelso Athletic")) << g.dump();
  EXPECT_TRUE(g.has_edge("Piotr Walsh", "reopen dispute with", "Danny Keane")) << g.dump();
  EXPECT_TRUE(g.has_edge("Harbour Rovers", "take action against", "Kelso Athletic")) << g.dump();
  EXPECT_TRUE(g.edges("Piotr Walsh", "", "Kelso Athletic").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Tomasz Brennan", "", "Harbour Rovers").empty()) << g.dump();
  // So do business nouns: "agreed a draft proposal with the IMF".
  const IngestedGraph h("proposal", Article{"Business news\n\nNorway has agreed a draft proposal with the "
                                            "International Monetary Fund to borrow $5bn.\n"});
  EXPECT_TRUE(h.has_edge("Norway", "agree proposal with", "International Monetary Fund")) << h.dump();
  // Where a player who joined a club came from: "joined Arsenal from Juventus".
  const IngestedGraph j("joined_from", Article{"Football\n\nThierry Henry, who joined Arsenal from Juventus in "
                                               "1999, scored twice.\n"});
  EXPECT_TRUE(j.has_edge("Thierry Henry", "join", "Arsenal")) << j.dump();
  EXPECT_TRUE(j.has_edge("Thierry Henry", "join from", "Juventus")) << j.dump();
}

// Our own festival story: "the festival" is the festival named before, and
// a date ("until 20 February") is no statement's object.
TEST(ParsedIngest, TheFestivalIsTheFestivalNamedBeforeAndADateNoObject) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("festival",
                        Article{"Festival opens\n\nThe Gdansk Film Festival opened on Thursday. It runs until "
                                "20 February. Director Anna Kowalska will attend the festival.\n"});
  EXPECT_TRUE(g.has_edge("Anna Kowalska", "will attend", "Gdansk Film Festival")) << g.dump();
  EXPECT_TRUE(g.edges("", "", "20").empty()) << g.dump();
  EXPECT_TRUE(g.edges("", "run until", "20").empty()) << g.dump();
}

// "X said ... and she accused Y": the pronoun of a conjoined clause is the
// subject named before it, unless another person is named between them.
TEST(ParsedIngest, AConjoinedClausesPronounIsTheNamedSubjectBeforeIt) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("conjoined",
                        Article{"Port row\n\nMayor Anna Berg said the plan was wrong and she accused Kelso "
                                "Shipping of greed. Danny Keane passed to Tomasz Brennan and he beat Piotr "
                                "Walsh.\n"});
  EXPECT_TRUE(g.has_edge("Anna Berg", "accuse", "Kelso Shipping")) << g.dump();
  EXPECT_TRUE(g.edges("Danny Keane", "beat", "Piotr Walsh").empty()) << g.dump();
}

// "the 17 April race": a date the recognizer took for a name is no
// entity to stand in a relation.
TEST(ParsedIngest, ADateIsNoEntity) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("dates", Article{"Race\n\nAnna Berg won the Gdansk Marathon in 2002. Anna Berg will seek a "
                                         "third title in the 17 April race. Piotr Walsh had targeted the 27 "
                                         "February match for his comeback.\n"});
  EXPECT_TRUE(g.has_edge("Anna Berg", "win", "Gdansk Marathon")) << g.dump();
  EXPECT_TRUE(g.edges("", "", "17 April").empty()) << g.dump();
  EXPECT_TRUE(g.edges("", "", "27 February").empty()) << g.dump();
}

// Sums and shares keep their numbers and signs: "a $140m deal" is no "$
// deal", and the £1bn one article spent is not the $1bn of another (the
// name key once dropped the signs, making them one node).
TEST(ParsedIngest, SumsKeepTheirNumbersAndSigns) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const std::string pounds = write_article("pounds",
                                           "Harbour deal\n\nKelso Shipping spent \xC2\xA3"
                                           "1bn on ships.\n");
  const std::string dollars = write_article("dollars",
                                            "Rovers deal\n\nHarbour Rovers spent $1bn on players. Harbour Rovers "
                                            "reached a $140m deal with its bankers.\n");
  const IngestedGraph g("sums", std::vector<std::string>{pounds, dollars});
  fs::remove_all(fs::path(pounds).parent_path());
  fs::remove_all(fs::path(dollars).parent_path());
  EXPECT_TRUE(g.has_edge("Kelso Shipping", "spend", "\xC2\xA3 1bn")) << g.dump();
  EXPECT_TRUE(g.has_edge("Harbour Rovers", "spend", "$ 1bn")) << g.dump();
  EXPECT_TRUE(g.has_edge("Harbour Rovers", "reach", "$ 140m deal")) << g.dump();
}

// "plays Maria Luisa Ortega or Ewa Nowak next": one of two opponents is
// no opponent yet, wherever the parser hangs the second one; one opponent is.
TEST(ParsedIngest, OneOfTwoAlternativesIsNoRelation) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const std::string either =
      write_article("either", "Open draw\n\nAnna Berg plays Maria Luisa Ortega or Ewa Nowak next.\n");
  const std::string one = write_article("one", "Open draw\n\nTomas Reyes plays Maria Luisa Ortega next.\n");
  const IngestedGraph g("alternatives", std::vector<std::string>{either, one});
  fs::remove_all(fs::path(either).parent_path());
  fs::remove_all(fs::path(one).parent_path());
  EXPECT_TRUE(g.edges("Anna Berg", "play", "Maria Luisa Ortega").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Anna Berg", "play", "Ewa Nowak").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas Reyes", "play", "Maria Luisa Ortega")) << g.dump();
}

// An event's name before "contest" is the event, even read as a place; a
// passive verb conjoined to the subject's verb shares its subject; the
// middle one of "A, B or C" is an alternative too.
TEST(ParsedIngest, AContestNamedByItsEventAPassiveConjunctAndAListOfAlternatives) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "contest",
      Article{"Athletics\n\nAnna Berg won the Boston race in April and was narrowly beaten in a thrilling Chicago "
              "Marathon contest in October.\n\nFreddie Ljungberg will be "
              "partnered by either Arturo Lupoli, Quincy Owusu-Abeyie or Jeremie Aliadiere.\n"});
  EXPECT_TRUE(g.has_edge("Anna Berg", "be beaten in", "Chicago Marathon")) << g.dump();
  EXPECT_TRUE(g.edges("Quincy Owusu-Abeyie", "will partner", "Freddie Ljungberg").empty()) << g.dump();
}

// Who does anything at or in a named event takes part in it, unless a
// fuller relation of the two says so already ("won a medal at").
TEST(ParsedIngest, WhoActsAtANamedEventTakesPartInIt) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "events",
      Article{"Tennis and athletics\n\nAt the Dubai Open, Lena Varga reached the final.\n\nMarta Kowal won a bronze "
              "medal at the Boston Marathon.\n\nPiet Hendriks ran 6.60 seconds at the Glasgow Grand Prix in "
              "February.\n\nAnna Holt believes she can win a medal at the Chicago Marathon.\n"});
  EXPECT_TRUE(g.has_edge("Lena Varga", "take part in", "Dubai Open")) << g.dump();
  EXPECT_TRUE(g.edges("Anna Holt", "reportedly can take part in", "Chicago Marathon").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Piet Hendriks", "take part in", "Glasgow Grand Prix")) << g.dump();
  EXPECT_TRUE(g.has_edge("Marta Kowal", "win medal at", "Boston Marathon")) << g.dump();
  EXPECT_TRUE(g.edges("Marta Kowal", "take part in", "Boston Marathon").empty()) << g.dump();
}

// A quoted "we" is the organisation its named speaker holds a post in,
// for relations between names only; a speaker with no post speaks for no one.
TEST(ParsedIngest, AQuotedWeIsTheSpeakersOrganisation) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "spoken_for",
      Article{"Transfer row\n\nLiverpool chief executive Rick Parry rejected the bid on Monday. \"We had told Chelsea "
              "that he was not for sale,\" said Rick Parry. \"We have plenty of money.\"\n\n\"We beat Fulham twice "
              "last season,\" said Tom Kerr, who manages a pub in Leeds.\n"});
  EXPECT_TRUE(g.has_edge("Liverpool", "tell", "Chelsea")) << g.dump();
  for (const std::string& text : g.evidence_of("Liverpool")) {
    EXPECT_EQ(text.find("plenty of money"), std::string::npos) << text;  // no statement
  }
  EXPECT_TRUE(g.evidence_of("Fulham").empty()) << g.dump();
  EXPECT_TRUE(g.unused_concepts().empty()) << ::testing::PrintToString(g.unused_concepts());
}

// A name set off before "COUNTRY's biggest bank" is an organisation based
// in that country, whatever the recognizer typed it or the country.
TEST(ParsedIngest, AFirmDescribedAsACountrysLargestIsBasedThere) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "countrys_largest",
      Article{"Banks\n\nSumitomo, Japan's third-largest bank, said profits rose.\n\nWipro, India's third-biggest "
              "software firm, said so.\n\nSamsung, South Korea's biggest company by sales, said profits fell.\n"});
  EXPECT_TRUE(g.has_edge("Sumitomo", "be based in", "Japan")) << g.dump();
  EXPECT_TRUE(g.has_edge("Wipro", "be based in", "India")) << g.dump();
  EXPECT_TRUE(g.has_edge("Samsung", "be based in", "South Korea")) << g.dump();
  const std::vector<nlohmann::json> sumitomo = g.nodes_named("Sumitomo");
  ASSERT_EQ(sumitomo.size(), 1u) << g.dump();
  EXPECT_EQ(sumitomo[0]["type"], "ORG") << g.dump();
}

// "United" after "Manchester United" is the club (a place's name before the
// last word), even tagged a verb; "Firefox" after "Spread Firefox" is no
// short form. Lines of dashes are a list, read as no clause.
TEST(ParsedIngest, AClubsLastWordAfterItsPlaceAndALineOfDashes) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "short_forms",
      Article{"Football and software\n\nMalcolm Glazer wants to buy Manchester United. United's chief executive David "
              "Gill said in December that talks would not resume.\n\nThe Mozilla Foundation created Spread Firefox. "
              "Firefox blocks pop-ups.\n\nThe winners:\n\n"
              "- Best sound design - The Silver Lake designed by Tom Reed at the Palace\n"
              "- Best new opera - Lady Grey of Mtsensk at the Royal Opera House\n"
              "- Outstanding achievement in opera - Anna Vale and the Royal Opera House for the premiere of The Storm\n"
              "- Best costume design - All's Well That Ends Well designed by Mary Cole at the Gielgud\n"
              "- Best Revival - Hamlet by William Shakespeare at The Old Vic\n"
              "- Best set design - His Dark Rooms designed by Sam Cadle at the Olivier\n"
              "- Outstanding musical production - Grand Hotel at the Donmar Warehouse\n"
              "- Best actor - Ralph Griffin for The History Girls at the Lyttelton\n"});
  EXPECT_TRUE(g.has_edge("David Gill", "chief executive of", "Manchester United")) << g.dump();
  EXPECT_TRUE(g.edges("Spread Firefox", "block", "pop-ups").empty()) << g.dump();
  for (const std::string& text : g.evidence_of("Storm")) ADD_FAILURE() << text;
}

// Named examples after "such as" are the examples of the verb's object, not
// an oblique of the verb; a plural organisation noun refers to no one named
// before ("sued four companies" is a statement of its own).
TEST(ParsedIngest, ExamplesAfterSuchAsAndPluralFirms) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "such_as", Article{"Deals\n\nWPP in recent years has also bought firms such as Ogilvy & Mather and Cordiant "
                         "Communications.\n\nKestrel Foods has sued four companies over the deal.\n"});
  EXPECT_TRUE(g.has_edge("WPP", "buy", "Ogilvy & Mather")) << g.dump();
  EXPECT_TRUE(g.has_edge("WPP", "buy", "Cordiant Communications")) << g.dump();
  EXPECT_TRUE(g.has_edge("Kestrel Foods", "sue", "four companies")) << g.dump();
}

// "wants the festival to encompass viewpoints", "saw shares rise": the
// object of a verb that does not act on it is the subject of the
// complement, no object of the chain ("want to encompass" · festival); one
// that acts on it keeps it ("urged Congress to take action").
TEST(ParsedIngest, TheSubjectOfAComplementIsNoObjectOfTheChain) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "complements",
      Article{"Film and money\n\nTomas Reyes wants the festival to encompass viewpoints the media fails to reflect."
              "\n\nKestrel Foods saw annual profits fall by 5%.\n\nAnna Berg urged Congress to take action.\n"});
  for (const std::string& text : g.evidence_of("Tomas Reyes")) ADD_FAILURE() << text;
  for (const std::string& text : g.evidence_of("Kestrel Foods")) ADD_FAILURE() << text;
  EXPECT_TRUE(g.has_edge("Anna Berg", "urge", "Congress")) << g.dump();
}

// "scored twice as Chelsea beat Newcastle", "a day after Chelsea beat
// Portsmouth": a name after "as" or "after" that the verb after it lacks as
// its subject is that subject.
TEST(ParsedIngest, ANameAfterAsIsTheSubjectOfTheVerbAfterIt) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("as_clause", Article{"Football\n\nChelsea striker Didier Drogba scored twice as Chelsea beat "
                                             "Newcastle 4-0.\n\nArsenal will play Newcastle a day after Chelsea beat "
                                             "Portsmouth.\n"});
  EXPECT_TRUE(g.has_edge("Chelsea", "beat", "Newcastle")) << g.dump();
  EXPECT_TRUE(g.has_edge("Chelsea", "beat", "Portsmouth")) << g.dump();  // so after "after"
}

// "Wenger's side beat Chelsea 2-1": a person's side is the team the article
// gives the person a post in, and a score after a name is no part of it.
TEST(ParsedIngest, APersonsSideIsTheirTeamAndAScoreNoPartOfAName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("sides", Article{"Football\n\nArsenal boss Arsene Wenger was happy. Wenger's side beat Chelsea "
                                         "2-1 at Highbury.\n"});
  EXPECT_TRUE(g.has_edge("Arsenal", "beat", "Chelsea")) << g.dump();
  EXPECT_TRUE(g.nodes_named("Chelsea 2").empty()) << g.dump();
}

// "It appears that ...": what only appears so is qualified; a person who
// appeared on a stage did appear there.
TEST(ParsedIngest, WhatOnlyAppearsSoIsQualified) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("appears", Article{"Economy\n\n\"It appears that the UK is in a two-tier economy again,\" said "
                                           "economist Lena Komileva.\n\nMatthew Perry, who played Chandler, has "
                                           "appeared on the West End stage.\n"});
  EXPECT_TRUE(g.edges("United Kingdom", "be in", "two-tier economy").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("United Kingdom", "reportedly be in", "two-tier economy")) << g.dump();
  EXPECT_TRUE(g.has_edge("Matthew Perry", "play", "Chandler")) << g.dump();
}

// "England scored first through Martin Corry": the player scored for the
// side, not the side through the player.
TEST(ParsedIngest, ASideScoringThroughAPlayerIsThePlayerScoringForIt) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("scored_through", Article{"Rugby\n\nEngland scored first through Martin Corry but had two "
                                                  "tries disallowed.\n"});
  EXPECT_TRUE(g.has_edge("Martin Corry", "score for", "England")) << g.dump();
  EXPECT_TRUE(g.edges("England", "score through", "Martin Corry").empty()) << g.dump();
}

// "Van Nistelrooy" after "Ruud van Nistelrooy" is him (a surname with its
// particle); "Van Morrison", with no such full name, is a name of its own.
TEST(ParsedIngest, ASurnameWithItsParticleIsTheFullName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("particles", Article{"Football\n\nRuud van Nistelrooy is fit again. Van Nistelrooy scored "
                                             "twice against Fulham on Sunday.\n\nVan Morrison played in Belfast.\n"});
  EXPECT_TRUE(g.has_edge("Ruud van Nistelrooy", "score against", "Fulham")) << g.dump();
  EXPECT_TRUE(g.nodes_named("Van Nistelrooy").empty()) << g.dump();
  EXPECT_FALSE(g.nodes_named("Van Morrison").empty()) << g.dump();
}

// "Tory Piotr Walsh": a party's adjective alone before a name makes a
// member, as "Labour MP" does.
TEST(ParsedIngest, APartysAdjectiveAloneMakesAMember) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("tory", Article{"Port plan row\n\nThe council backed the harbour plan on Monday, but Tory "
                                        "Piotr Walsh said the plan was too costly.\n\nStudents can decide the fate of "
                                        "MPs, Liberal Democrat leader Tomas Reyes has claimed.\n"});
  EXPECT_TRUE(g.has_edge("Piotr Walsh", "member of", "Conservatives")) << g.dump();
  // ("Liberal Democrat" is the party's name too, filed as the Liberal Democrats.)
  EXPECT_TRUE(g.has_edge("Tomas Reyes", "leader of", "Liberal Democrats")) << g.dump();
  EXPECT_TRUE(g.nodes_named("Liberal Democrat").empty()) << g.dump();
}

// "Harbour Ghost, starring Anna Berg and Tomas Reyes": each actor stars in
// the work, and the work does not "star" them.
TEST(ParsedIngest, ActorsNamedAfterStarringStarInTheWork) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("starring", Article{"Film news\n\nThe new film Harbour Ghost, starring Anna Berg and Tomas "
                                            "Reyes, opens in Gdansk on Friday. Critics liked Harbour Ghost.\n"});
  EXPECT_TRUE(g.has_edge("Anna Berg", "star in", "Harbour Ghost")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas Reyes", "star in", "Harbour Ghost")) << g.dump();
  EXPECT_TRUE(g.edges("Harbour Ghost", "star", "Anna Berg").empty()) << g.dump();
}

// Our own results story: a company named throughout, its chief executive
// quoted under a bare title, and an analyst of another firm.
constexpr const char* kResultsArticle =
    "Kestrel Group profits rise\n"
    "\n"
    "Kestrel Group said on Tuesday that its profits rose by 12% last year.\n"
    "\n"
    "Kestrel Group sold more frozen meals in Europe and Asia. \"We had a strong year,\" chief executive Maria Okonkwo "
    "said.\n"
    "\n"
    "Kestrel Group will open a new plant in Leeds next spring. Shares in Kestrel Group rose 3% in London, and analyst "
    "Tom Reyes of Brook Capital called the results solid.\n"
    "\n"
    "Germany's Halder Bank and the London-based Marsh Capital both raised price targets.\n";

TEST(ParsedIngest, ABareCompanyTitleBelongsToTheCompanyTheArticleIsAbout) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("results", Article{kResultsArticle});
  EXPECT_TRUE(g.has_edge("Maria Okonkwo", "chief executive of", "Kestrel Group")) << g.dump();
  // An analyst holds no office of the company.
  EXPECT_TRUE(g.edges("Tom Reyes", "analyst of", "Kestrel Group").empty()) << g.dump();
  // Where an organisation is: "Germany's Halder Bank", "the London-based Marsh Capital".
  EXPECT_TRUE(g.has_edge("Halder Bank", "be based in", "Germany")) << g.dump();
  EXPECT_TRUE(g.has_edge("Marsh Capital", "be based in", "London")) << g.dump();
}

// Our own business and politics story: names inside noun phrases, and
// passives with their agents.
constexpr const char* kDealArticle =
    "Kestrel deal agreed\n"
    "\n"
    "Kestrel Group has bought a stake in Harbour Foods, the frozen foods maker, for £40m.\n"
    "\n"
    "Finance minister Anna Berg backed Peter Mills' budget plan on Monday. Opposition leader John Clarke criticised "
    "Ms Berg's plan. He also criticised Ms Berg's handling of the economy.\n"
    "\n"
    "Marta Keane was appointed by Brook Capital in May.\n"
    "\n"
    "Ulster had led with tries from Paul Steinmetz and Bryn Cunningham. The aid agency Marlowe welcomed the deal, "
    "and broadcasting watchdog Ofdex said nothing.\n"
    "\n"
    "Anna Berg spoke at Edinburgh's Napier University on Friday, and all four of England's Premiership sides "
    "praised her.\n"
    "\n"
    "Paul Ward also coached former number one Ivan Novak and Pat Milner to Grand Slam victories and has worked with "
    "Australia's Tom Reyes.\n";

TEST(ParsedIngest, NamesInsideANounPhraseAndPassivesGiveRelations) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("deal", Article{kDealArticle});
  // A name inside the object: the noun joins the relation.
  EXPECT_TRUE(g.has_edge("Kestrel Group", "buy stake in", "Harbour Foods")) << g.dump();
  EXPECT_TRUE(g.edges("Kestrel Group", "buy", "Harbour Foods").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Berg", "back plan of", "Peter Mills")) << g.dump();
  EXPECT_TRUE(g.has_edge("John Clarke", "criticise plan of", "Anna Berg")) << g.dump();
  EXPECT_TRUE(g.edges("John Clarke", "criticise", "Anna Berg").empty()) << g.dump();
  // Not an act with an object of its own ("handling of the economy").
  EXPECT_TRUE(g.edges("John Clarke", "criticise handling of", "Anna Berg").empty()) << g.dump();
  // A passive with its agent is stored in the active voice.
  EXPECT_TRUE(g.has_edge("Brook Capital", "appoint", "Marta Keane")) << g.dump();
  EXPECT_TRUE(g.edges("Marta Keane", "be appointed by", "Brook Capital").empty()) << g.dump();
  // A name inside an oblique's own modifier is its circumstance, not the verb's.
  EXPECT_TRUE(g.edges("Ulster", "lead with try from", "Paul Steinmetz").empty()) << g.dump();
  // A city's possessive places the organisation after it (its name is no
  // fragment of "Edinburgh's Napier University"), not the noun after a name.
  EXPECT_TRUE(g.has_edge("Napier University", "be based in", "Edinburgh")) << g.dump();
  EXPECT_TRUE(g.edges("Premiership", "", "England").empty()) << g.dump();
  // A passive needs its "be": "has worked with" is no passive of another clause's names.
  EXPECT_TRUE(g.edges("Ivan Novak", "", "Tom Reyes").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Pat Milner", "", "Tom Reyes").empty()) << g.dump();
  // A name introduced by an organisation noun is an organisation's.
  for (const std::string name : {"Marlowe", "Ofdex"}) {
    const std::vector<nlohmann::json> nodes = g.nodes_named(name);
    ASSERT_EQ(nodes.size(), 1u) << name << "\n" << g.dump();
    EXPECT_EQ(nodes[0]["type"], "ORG") << name << "\n" << g.dump();
  }
}

// Our own sports story: where events and places are, clauses of time that
// share the sentence's subject, a second place in a race, and a range
// "from ... to".
constexpr const char* kMeetingArticle =
    "Lindqvist eyes Madrid medal\n"
    "\n"
    "British hurdler Maja Lindqvist will run at next month's European Indoor Championships in Madrid.\n"
    "\n"
    "Since moving from Colchester to London, Lindqvist has trained with coach Tom Ferris. The 27-year-old has "
    "finished second to Anna Kovac in two races. Lindqvist won the national title in 2004.\n"
    "\n"
    "Experts are gathered in Cannes, France, for a trade fair. After the draw in Paris, Ireland face Italy in "
    "Dublin.\n"
    "\n"
    "After beating Jane Holt, Mary Dunn, Lucy Vance and Kate Marsh to the prize, Lindqvist said she was happy.\n"
    "\n"
    "Ardmore keeper Jon Pike made two saves. Former Kelso striker Ian Moss watched from the stand. South African "
    "flanker Piet Botha was injured.\n"
    "\n"
    "Sam Kerr was appointed manager of Blackburn Rovers in September. Arsenal drew 1-1 with Bolton at Highbury. "
    "Ian Moss has been appointed as the new coach of Kelso.\n"
    "\n"
    "Arsenal boss Ken Dorn has said he is happy. Chelsea boss Tom Vale said his side were tired. Bolton reduced "
    "Chelsea's Premiership lead to two points.\n"
    "\n"
    "Captain Tom Reid was speaking before Scotland face Wales. Singer Tom Meighan grew up in Leicester with "
    "guitarist Sergio Pizzorno and bassist Chris Edwards. Piet Botha was ruled out for the Six Nations on Monday.\n"
    "\n"
    "Lindqvist held off Sweden's Karin Holm in the final. The cup was presented by Arsenal's Tom Hale. Labour's MPs "
    "voted against it.\n"
    "\n"
    "Kenyan Paul Kiprono finished third. Italy coach John Reed was pleased. Welsh Health Minister Jane Rowe said "
    "so.\n"
    "\n"
    "Piet Botha will snub Dublin and skip the tour if the union fails to pay him.\n"
    "\n"
    "Manchester United were held at home. United goalkeeper Roy Dunn made two saves.\n"
    "\n"
    "Glasgow-born singer Sharleen Spiteri released an album. Mrs Rowe spoke at the Conservative Party Conference in "
    "Blackpool last October.\n";

TEST(ParsedIngest, PlacesOfEventsAndClausesOfTime) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("meeting", Article{kMeetingArticle});
  // An event's name "in" a place, and a place with its country after a comma.
  EXPECT_TRUE(g.has_edge("European Indoor Championships", "be held in", "Madrid")) << g.dump();
  // (Also in a place the gazetteer does not list, when it is an event's.)
  EXPECT_TRUE(g.has_edge("Conservative Party Conference", "be held in", "Blackpool")) << g.dump();
  EXPECT_TRUE(g.has_edge("Cannes", "be located in", "France")) << g.dump();
  // "Glasgow-born singer X": where the person was born.
  EXPECT_TRUE(g.has_edge("Sharleen Spiteri", "be born in", "Glasgow")) << g.dump();
  // An event's name is no person's, whatever the recognizer said.
  EXPECT_TRUE(g.person("European Indoor Championships").is_null()) << g.dump();
  // A country after a comma that begins the next clause is in no place.
  EXPECT_TRUE(g.edges("Paris", "", "Ireland").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Italy", "be located in", "Dublin").empty()) << g.dump();
  // "Since moving from Colchester to London, Lindqvist ...": both ends of the range.
  EXPECT_TRUE(g.has_edge("Maja Lindqvist", "move from", "Colchester")) << g.dump();
  EXPECT_TRUE(g.has_edge("Maja Lindqvist", "move to", "London")) << g.dump();
  // "The 27-year-old" is the person the article names most; her place in the race stays in the relation.
  EXPECT_TRUE(g.has_edge("Maja Lindqvist", "finish second to", "Anna Kovac")) << g.dump();
  EXPECT_TRUE(g.edges("Maja Lindqvist", "finish to", "Anna Kovac").empty()) << g.dump();
  // A position between a team's name and the holder's is a post at the team,
  // held once after "former"; a nationality holds no post.
  EXPECT_TRUE(g.has_edge("Jon Pike", "keeper of", "Ardmore")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ian Moss", "former striker of", "Kelso")) << g.dump();
  EXPECT_TRUE(g.edges("Piet Botha", "flanker of", "South African").empty()) << g.dump();
  // The post one was appointed to, whatever the relation folded; a score is
  // no object ("drew 1-1 with Bolton").
  EXPECT_TRUE(g.has_edge("Sam Kerr", "manager of", "Blackburn Rovers")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ian Moss", "coach of", "Kelso")) << g.dump();
  // A team's short name before a position, read as an adjective, is the
  // team the article names in full.
  EXPECT_TRUE(g.has_edge("Roy Dunn", "goalkeeper of", "Manchester United")) << g.dump();
  // A town where a striker plays and a coach coaches is a club; a country's
  // coach leaves the country a place.
  ASSERT_EQ(g.nodes_named("Kelso").size(), 1u) << g.dump();
  EXPECT_EQ(g.nodes_named("Kelso")[0]["type"], "ORG") << g.dump();
  ASSERT_EQ(g.nodes_named("Italy").size(), 1u) << g.dump();
  EXPECT_EQ(g.nodes_named("Italy")[0]["type"], "LOC") << g.dump();
  // A club the gazetteer knows, before a position, whatever the tagger made
  // of the word ("Arsenal" read as an adjective, "Chelsea" as a given name);
  // a one-word name after a club's "'s" is no member of it.
  EXPECT_TRUE(g.has_edge("Ken Dorn", "boss of", "Arsenal")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tom Vale", "boss of", "Chelsea")) << g.dump();
  EXPECT_TRUE(g.edges("Premiership", "member of", "Chelsea").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Arsenal", "draw with", "Bolton")) << g.dump();
  // A time is no relation, an occupation is no verb, and a passive keeps its particle.
  EXPECT_TRUE(g.edges("Tom Reid", "speak before", "Scotland").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Tom Meighan", "bassist", "Chris Edwards").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Piet Botha", "be ruled out for", "Six Nations")) << g.dump();
  // A person after a country's "'s" is from there, after a team's a member
  // of it; a group is no person.
  EXPECT_TRUE(g.has_edge("Karin Holm", "come from", "Sweden")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tom Hale", "member of", "Arsenal")) << g.dump();
  EXPECT_TRUE(g.edges("MPs", "member of", "Labour").empty()) << g.dump();
  // A demonym before a name says where the person is from; a country's
  // team before "coach" does not.
  EXPECT_TRUE(g.has_edge("Paul Kiprono", "come from", "Kenya")) << g.dump();
  EXPECT_TRUE(g.has_edge("John Reed", "coach of", "Italy")) << g.dump();
  EXPECT_TRUE(g.edges("John Reed", "come from", "Italy").empty()) << g.dump();
  // An office after the demonym is the country's government's, not where its holder is from.
  EXPECT_TRUE(g.has_edge("Jane Rowe", "health minister of", "Wales")) << g.dump();
  EXPECT_TRUE(g.edges("Jane Rowe", "come from", "Wales").empty()) << g.dump();
  // A condition after a coordination holds for every conjunct.
  EXPECT_TRUE(g.has_edge("Piet Botha", "if snub", "Dublin")) << g.dump();
  EXPECT_TRUE(g.edges("Piet Botha", "snub", "Dublin").empty()) << g.dump();
  // A list read as the subject of "said" beats nobody.
  for (const std::string name : {"Jane Holt", "Mary Dunn", "Lucy Vance", "Kate Marsh"}) {
    for (const std::string other : {"Jane Holt", "Mary Dunn", "Lucy Vance", "Kate Marsh"}) {
      EXPECT_TRUE(g.edges(name, "beat", other).empty()) << name << " · beat · " << other << "\n" << g.dump();
    }
  }
}

// Our own business story: an owner's word for its organisation, speeches
// and participles that open a sentence, a birthplace beside a birth name,
// an office someone became.
constexpr const char* kOwnersArticle =
    "Halder profits rise\n"
    "\n"
    "Halder Group said on Friday that profits rose. But its own internet business, Kestrel Online, had mixed "
    "fortunes. Halder Group also owns Marsh Studios.\n"
    "\n"
    "Speaking to the Senate Budget Committee, Anna Berg urged Congress to act. In a speech at Napier University, "
    "Ms Berg said the plan was sound.\n"
    "\n"
    "The plan was praised by President Juan Ortega of Argentina. Peter Lang was born Peter Langer in London in 1950. "
    "Lang became director of research at the Vienna State "
    "Opera. He later worked as an adviser to Halder Group.\n"
    "\n"
    "Nordic Sports Management, Lang's management company, said he was well.\n"
    "\n"
    "A documentary which takes a candid look at the life of chart-topping singer Amy Lund will be shown at this "
    "year's Berlin Film Festival.\n";

constexpr const char* kLeisureArticle =
    "Brinton to sell unit\n"
    "\n"
    "Leisure group Brinton could sell its media business. Brinton now aims to concentrate on its hotels. Brinton "
    "also owns 34 Grosvenor casinos, the Mecca Bingo chain and 40 Lucky Star cafes in 12 countries. It will have to "
    "wait for the next South Korean bank to "
    "be sold. The move "
    "left the group with three core divisions: gaming, Hard Rock and Deluxe Films.\n"
    "\n"
    "Brinton has disposed of a number of businesses, including the Odeon cinema chain and the Pinewood studios. "
    "Analysts value Kestrel "
    "shares at A$7.17, against Brinton's bid of A$6.35 a share.\n";

TEST(ParsedIngest, OwnersWordsSpeechesAndOfficesBecome) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("owners", Article{kOwnersArticle});
  // "its own internet business, Kestrel Online": "its" is the company the article is about.
  EXPECT_TRUE(g.has_edge("Halder Group", "own", "Kestrel Online")) << g.dump();
  // A noun phrase hung on a name as its descriptor from far away, with a
  // clause of its own, is the argument, not the name: the documentary is shown.
  EXPECT_TRUE(g.edges("Amy Lund", "be shown at", "Berlin Film Festival").empty()) << g.dump();
  // "X, Lang's management company,": X manages Lang.
  EXPECT_TRUE(g.has_edge("Nordic Sports Management", "manage", "Peter Lang")) << g.dump();
  // A participle opening the sentence, and a speech, are the subject's.
  EXPECT_TRUE(g.has_edge("Anna Berg", "speak to", "Senate Budget Committee")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Berg", "speak at", "Napier University")) << g.dump();
  // Where one was born, beside the name one was born with.
  EXPECT_TRUE(g.has_edge("Peter Lang", "be born in", "London")) << g.dump();
  // An office one became, at its organisation.
  EXPECT_TRUE(g.has_edge("Peter Lang", "director at", "Vienna State Opera")) << g.dump();
  // "President Juan Ortega of Argentina": the office is the country's (a
  // person's name takes "of" a country as no part of it).
  EXPECT_TRUE(g.has_edge("Juan Ortega", "president of", "Argentina")) << g.dump();
  // The post one worked "as", with its organisation.
  EXPECT_TRUE(g.has_edge("Peter Lang", "work as adviser to", "Halder Group")) << g.dump();
}

TEST(ParsedIngest, AnOrganisationIntroducedByItsKindKeepsItsName) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("leisure", Article{kLeisureArticle});
  // "leisure group Brinton" names an organisation, and a sentence's first
  // "Brinton", read as a common noun, is still that organisation.
  EXPECT_TRUE(g.has_edge("Brinton", "could sell", "media business")) << g.dump();
  EXPECT_TRUE(g.has_edge("Brinton", "aim to concentrate on", "hotels")) << g.dump();
  // A list after a colon is no identity.
  EXPECT_TRUE(g.edges("three core divisions", "be", "Hard Rock").empty()) << g.dump();
  // Examples of what a quantity counts, though the parser hangs them on the
  // verb, and a quantity is no act ("number" is no numbering).
  EXPECT_TRUE(g.has_edge("Brinton", "dispose of", "Odeon")) << g.dump();
  // (A proper noun the recognizer left untagged is still a name.)
  EXPECT_TRUE(g.has_edge("Brinton", "dispose of", "Pinewood")) << g.dump();
  EXPECT_TRUE(g.edges("Brinton", "dispose including", "Odeon cinema chain").empty()) << g.dump();
  // A name before the kind of thing it is stands for the thing, though the
  // parser makes the kind the object ("the Mecca Bingo chain") or the name
  // part of a counted phrase ("34 Grosvenor casinos"); a nationality does
  // not ("the next South Korean bank").
  EXPECT_TRUE(g.has_edge("Brinton", "own", "Mecca Bingo")) << g.dump();
  EXPECT_TRUE(g.has_edge("Brinton", "own", "Grosvenor")) << g.dump();
  EXPECT_TRUE(g.edges("Brinton", "", "South Korean").empty()) << g.dump();
  EXPECT_EQ(g.dump().find("\"number\""), std::string::npos) << g.dump();
  // A sum is a value: no relation joins it, whatever the recognizer tagged.
  for (const nlohmann::json& e : g.edges("Brinton", "", "A$6.35")) ADD_FAILURE() << e.dump();
}

// Our own obituary: a person's company named after "his", in a sentence
// about someone else.
constexpr const char* kObituaryArticle =
    "Singer Anna Varga dies at 90\n"
    "\n"
    "The soprano Anna Varga has died at the age of 90.\n"
    "\n"
    "Varga was born in Leeds in 1914. She was discovered by the Danish impresario, Lars Holm, who wanted her to sing "
    "for his company, Opera Nova.\n";

TEST(ParsedIngest, APersonsCompanyAfterTheOnlyManNamedBefore) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("obituary", Article{kObituaryArticle});
  // "his" is Lars Holm's, the only person named before it in its sentence
  // (Varga is "she"), though the article is about Varga; and "his company,
  // Opera Nova" is an organisation, whatever the recognizer tagged.
  EXPECT_TRUE(g.has_edge("Lars Holm", "run", "Opera Nova")) << g.dump();
  EXPECT_TRUE(g.edges("Anna Varga", "", "Opera Nova").empty()) << g.dump();
}

// Our own farewell report: a player's words about someone else.
constexpr const char* kFarewellArticle =
    "Reid to retire\n"
    "\n"
    "England captain Tom Reid will retire at the end of the season. Reid became the first player to captain the side "
    "in three World Cups. Reid is developing a coaching course that will start in May. His final game will be "
    "against a side captained "
    "by Jon Lamu. Lamu said he was proud to be part of the farewell. \"We hold him in such high esteem,\" said Lamu. "
    "\"He is such a great leader and I am just honoured to be on the same pitch.\"\n"
    "\n"
    "The Six Nations resumes on Saturday. England, who have lost three Six Nations games in a row, wasted a 17-6 "
    "half-time lead in their defeat to France.\n";

TEST(ParsedIngest, AQuotedHeARankedNounAndCountedGamesSayNoMore) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("farewell", Article{kFarewellArticle});
  // "'...,' said Lamu. 'He is such a great leader'": Lamu speaks of Reid,
  // though Lamu is the person the article names most.
  EXPECT_TRUE(g.edges("Jon Lamu", "be", "great leader").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Tom Reid", "captain of", "England")) << g.dump();
  // "the first player to captain the side in three World Cups" is no first
  // player without its clause; "a coaching course that will start" is a
  // course.
  EXPECT_TRUE(g.edges("Tom Reid", "become", "first player").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Tom Reid", "develop", "coaching course")) << g.dump();
  // "lost three Six Nations games": games lost, not the Six Nations.
  EXPECT_TRUE(g.edges("England", "lose", "Six Nations").empty()) << g.dump();
}

// Our own politics report: a secretary of state and the department the
// article names.
constexpr const char* kDepartmentArticle =
    "Review of laws\n"
    "\n"
    "Home Secretary Anna Kerr has apologised to MPs after the Home Office announced a review early. Shadow Home "
    "Secretary Tom Vale said the Home Office had blundered.\n";

TEST(ParsedIngest, ASecretaryOfTheDepartmentTheArticleNames) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("department", Article{kDepartmentArticle});
  EXPECT_TRUE(g.has_edge("Anna Kerr", "home secretary of", "Home Office")) << g.dump();
  // A shadow secretary runs no department.
  EXPECT_TRUE(g.edges("Tom Vale", "", "Home Office").empty()) << g.dump();
}

// Our own awards report: a verb that acts on its object before an
// infinitive, and a conjoined clause with a subject of its own after a
// passive.
constexpr const char* kAwardsArticle =
    "Awards night\n"
    "\n"
    "Tom Holt and Anna Varga were there. In 2003, Acme Systems chose Zentek to run its network.\n"
    "\n"
    "The film was named best picture and Tom Holt beat Anna Varga to the prize.\n"
    "\n"
    "Among the favourites are Scottish actor Dougal Reid and Oscar nominee Clive Morgan. Morgan won an Oscar in "
    "2001.\n"
    "\n"
    "South Korea has earmarked 24 trillion won for film subsidies. Wales won the Grand Slam for the first time "
    "since 1978.\n";

TEST(ParsedIngest, AChoiceAConjoinedClausesOwnVoiceAnAwardAndACountry) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("awards", Article{kAwardsArticle});
  // "chose Zentek to run its network": the choice is of Zentek.
  EXPECT_TRUE(g.has_edge("Acme Systems", "choose", "Zentek")) << g.dump();
  // "was named ... and Tom Holt beat": the second clause borrows no "was"
  // (no passive "be beat").
  EXPECT_TRUE(g.has_edge("Tom Holt", "beat", "Anna Varga")) << g.dump();
  // "Oscar nominee Clive Morgan": what he was nominated for; the award is no
  // person, though "Oscar" is a given name.
  EXPECT_TRUE(g.has_edge("Clive Morgan", "be nominated for", "Oscar")) << g.dump();
  EXPECT_TRUE(g.person("Oscar").is_null()) << g.dump();
  // A country is a place, though the recognizer read an organisation.
  const std::vector<nlohmann::json> korea = g.nodes_named("South Korea");
  ASSERT_EQ(korea.size(), 1u) << g.dump();
  EXPECT_EQ(korea[0]["type"], "LOC") << g.dump();
  // An honour known by its name is no place.
  const std::vector<nlohmann::json> slam = g.nodes_named("Grand Slam");
  ASSERT_EQ(slam.size(), 1u) << g.dump();
  EXPECT_EQ(slam[0]["type"], "MISC") << g.dump();
}

// Our own rugby report: results written as nouns, and relative clauses after
// a comma that the parser tends to hang on the main verb.
constexpr const char* kRugbyArticle =
    "Leicester edge past Bath\n"
    "\n"
    "Leicester's 21-18 win over Bath on Saturday lifted them to second in the league.\n"
    "\n"
    "Bath were indebted to skipper Conor Walsh, who set up tries for Liam Doyle and Eoin Byrne. Walsh said "
    "Gloucester's 30-10 defeat to Leicester last month had been a warning.\n"
    "\n"
    "Leicester reached the final by beating Wasps. Leicester will face Saracens in the final.\n"
    "\n"
    "Exeter recorded a 20-10 win over Rotherham. Bath are ninth in the Premiership table following defeats by Sale and "
    "Wasps.\n";

TEST(ParsedIngest, ResultsWrittenAsNounsAndRelativeClausesAfterAComma) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("rugby", Article{kRugbyArticle});
  // "Leicester's win over Bath": Leicester beat Bath (canonical beats).
  EXPECT_TRUE(g.has_edge("Leicester", "win over", "Bath")) << g.dump();
  EXPECT_TRUE(g.edges("Bath", "win over", "Leicester").empty()) << g.dump();
  // "Gloucester's defeat to Leicester": Gloucester lost to Leicester.
  EXPECT_TRUE(g.has_edge("Gloucester", "lose to", "Leicester")) << g.dump();
  // "reached the final by beating Wasps": the subject beat them.
  EXPECT_TRUE(g.has_edge("Leicester", "beat", "Wasps")) << g.dump();
  // A match to come is shown as one: no plain "face".
  EXPECT_TRUE(g.has_edge("Leicester", "will face", "Saracens")) << g.dump();
  EXPECT_TRUE(g.edges("Leicester", "face", "Saracens").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Saracens", "face", "Leicester").empty()) << g.dump();
  // A result named by its noun folds into the relation; "following" as a
  // preposition of time is no act of the table's.
  EXPECT_TRUE(g.has_edge("Exeter", "record win over", "Rotherham")) << g.dump();
  for (const char* side : {"Sale", "Wasps"}) {
    for (const nlohmann::json& e : g.edges("", "follow defeat by", side)) ADD_FAILURE() << e.dump();
  }
  // "skipper Conor Walsh, who set up tries for Liam Doyle and Eoin Byrne":
  // Walsh set them up, for each scorer (the preposition is the names', not
  // the head of their phrase).
  EXPECT_TRUE(g.has_edge("Conor Walsh", "set up try for", "Liam Doyle")) << g.dump();
  EXPECT_TRUE(g.has_edge("Conor Walsh", "set up try for", "Eoin Byrne")) << g.dump();
}

// Our own technology story: products named after their maker's "'s", and
// rivals named as examples.
constexpr const char* kGadgetArticle =
    "Handheld rivals line up\n"
    "\n"
    "Gamers will be able to buy Sony's PlayStation Portable from March, and Microsoft's Internet Explorer faces "
    "a new rival.\n"
    "\n"
    "Engineers at Nasa's Ames Research Center tested the machines, and farmers criticised the European Union's "
    "Common Agricultural Policy.\n"
    "\n"
    "Microsoft is trailing behind rivals like Google and AOL in the blogging market.\n";

TEST(ParsedIngest, AFirmsProductsAndNamedExamples) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("gadgets", Article{kGadgetArticle});
  EXPECT_TRUE(g.has_edge("Sony", "make", "PlayStation Portable")) << g.dump();
  EXPECT_TRUE(g.has_edge("Microsoft", "make", "Internet Explorer")) << g.dump();
  // A part of an organisation and its policy are not its products.
  EXPECT_TRUE(g.edges("Nasa", "make", "Ames Research Center").empty()) << g.dump();
  EXPECT_TRUE(g.edges("European Union", "make", "Common Agricultural Policy").empty()) << g.dump();
  // Named examples of a plural noun stand for it, each of them.
  EXPECT_TRUE(g.has_edge("Microsoft", "trail behind", "Google")) << g.dump();
  EXPECT_TRUE(g.has_edge("Microsoft", "trail behind", "AOL")) << g.dump();
}

// Our own business story: posts written as an organisation's name before the
// role noun, after the holder's name.
constexpr const char* kStaffArticle =
    "Regulator warns banks\n"
    "\n"
    "\"This should save investors money,\" Rob McIvor, FSA spokesman, told BBC News.\n"
    "\n"
    "Peter Mandelson, a former Labour communications director, said the rules were fair. Anna Kerr, the UK's first "
    "female banking minister, agreed.\n"
    "\n"
    "It is bad news for Tesco, the UK's biggest retailer, which faces new rules. \"Costs will rise,\" said Jonathan "
    "Loynes, chief economist at Capital Economics.\n"
    "\n"
    "\"Prices will fall,\" said Ken Kutaragi, chief operating officer of Sony.\n"
    "\n"
    "Sony's latest film Boogeyman topped the chart. Diageo, which makes Guinness, reported higher profits.\n";

TEST(ParsedIngest, APostWrittenAsOrganisationAndRoleNounAfterAName) {
  if (!models_present())
    GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("staff", Article{kStaffArticle});
  EXPECT_TRUE(g.has_edge("Rob McIvor", "spokesman for", "FSA")) << g.dump();
  // A post held once says so.
  EXPECT_TRUE(g.has_edge("Peter Mandelson", "former communications director of", "Labour")) << g.dump();
  EXPECT_TRUE(g.edges("Peter Mandelson", "communications director of", "Labour").empty()) << g.dump();
  // An ordinal describes; it names no office of the country.
  EXPECT_TRUE(g.edges("Anna Kerr", "", "United Kingdom").empty()) << g.dump();
  // "Tesco, the UK's biggest retailer,": where the firm is.
  EXPECT_TRUE(g.has_edge("Tesco", "be based in", "United Kingdom")) << g.dump();
  // An officer's post ("chief operating officer", with "operating" no verb).
  EXPECT_TRUE(g.has_edge("Ken Kutaragi", "chief operating officer of", "Sony")) << g.dump();
  // "which" stands for no person.
  for (const nlohmann::json& n : g.nodes_named("Diageo")) EXPECT_EQ(n["type"], "ORG") << g.dump();
  EXPECT_FALSE(g.nodes_named("Diageo").empty()) << g.dump();
  // A name introduced as a film is a work.
  for (const nlohmann::json& n : g.nodes_named("Boogeyman")) EXPECT_EQ(n["type"], "MISC") << g.dump();
  EXPECT_FALSE(g.nodes_named("Boogeyman").empty()) << g.dump();
  // Where a firm's post is held is a firm, whatever the recognizer said.
  EXPECT_TRUE(g.has_edge("Jonathan Loynes", "chief economist at", "Capital Economics")) << g.dump();
  for (const nlohmann::json& n : g.nodes_named("Capital Economics")) EXPECT_EQ(n["type"], "ORG") << g.dump();
}

// Our own story of a family: relatives named with the person they are
// relatives of, by a name's "'s", by "his" and by "and his". A wife named by
// her given name bears her husband's surname, and "Mrs Keller" and "her
// husband" follow from it.
constexpr const char* kFamilyArticle =
    "Mayor to retire\n"
    "\n"
    "Martin Keller's wife, Anna, will run for mayor in his place.\n"
    "\n"
    "Mr Keller said his son Tomas would join the campaign. The party thanked Piotr Nowak, a former mayor, and his "
    "daughter Eva for their work. Mrs Keller has often praised her husband.\n";

TEST(ParsedIngest, RelativesNamedWithTheirFamily) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("family", Article{kFamilyArticle});
  EXPECT_TRUE(g.has_edge("Anna Keller", "wife of", "Martin Keller")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Keller", "praise", "Martin Keller")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tomas", "son of", "Martin Keller")) << g.dump();
  EXPECT_TRUE(g.has_edge("Eva Nowak", "daughter of", "Piotr Nowak")) << g.dump();
  EXPECT_TRUE(g.edges("Eva Nowak", "daughter of", "Martin Keller").empty()) << g.dump();
}

// "Rotherham were beaten": a town with a plural verb is its club; a country
// A relative named by a given name after "his" bears the surname of the
// person "his" stands for; a father named only as "Mr Keller" is still hers.
TEST(ParsedIngest, RelativesAfterAPronounAndOfAnHonorificsSurname) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("family2",
                        Article{"Prize for Kelso\n\nPiotr Walsh opened the new harbour on Monday. He thanked "
                                "his wife Sandra for her support.\n\nAnna Keller won the poetry prize. Mr "
                                "Keller's daughter Anna thanked the jury.\n"});
  EXPECT_TRUE(g.has_edge("Sandra Walsh", "wife of", "Piotr Walsh")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Keller", "daughter of", "Keller")) << g.dump();
}

// with one is its side, which news names as the place.
TEST(ParsedIngest, ATownWithAPluralVerbIsItsClub) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "clubs", Article{"Cup shock\n\nRotherham were beaten by Millwall on Saturday. France were beaten too.\n"});
  ASSERT_FALSE(g.nodes_named("Rotherham").empty()) << g.dump();
  for (const nlohmann::json& n : g.nodes_named("Rotherham")) EXPECT_EQ(n["type"], "ORG") << g.dump();
  for (const nlohmann::json& n : g.nodes_named("France")) EXPECT_EQ(n["type"], "LOC") << g.dump();
}

// "The pair joined Kelso Athletic": each of the two people named together
// before did; a pair nobody named together is no one.
TEST(ParsedIngest, APairIsBothPeopleNamedTogetherBefore) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("pair", Article{"Sprint news\n\nAnna Kovac and Maja Lindqvist missed two tests last "
                                        "year.\n\nThe pair joined Kelso Athletic on Monday.\n"});
  EXPECT_TRUE(g.has_edge("Anna Kovac", "join", "Kelso Athletic")) << g.dump();
  EXPECT_TRUE(g.has_edge("Maja Lindqvist", "join", "Kelso Athletic")) << g.dump();
  const IngestedGraph h(
      "no_pair",
      Article{"Sprint news\n\nIan Ross missed two tests last year.\n\nThe pair joined Kelso Athletic on Monday.\n"});
  EXPECT_TRUE(h.edges("", "join", "Kelso Athletic").empty()) << h.dump();
}

// "Ola Brandt, a retired engineer living in Gdansk": the participle's
// subject is the person the noun is set in apposition to.
TEST(ParsedIngest, AParticipleOnAnAppositionIsSaidOfTheName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("apposed", Article{"Radio news\n\nPolice found Ola Brandt, a retired engineer living "
                                           "in Gdansk, on Tuesday. Ola Brandt had been missing for a week.\n"});
  EXPECT_TRUE(g.has_edge("Ola Brandt", "live in", "Gdansk")) << g.dump();
  EXPECT_TRUE(g.edges("retired engineer", "live in", "Gdansk").empty()) << g.dump();
}

// "Its chief executive, Maria Okonkwo,": a title set off by commas before
// a name is the person's, as if written straight before it; a relative is
// no title.
TEST(ParsedIngest, ATitleSetOffByCommasBeforeANameIsTheirs) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "comma_title",
      Article{"Kestrel Group results\n\nKestrel Group said profits rose. Its chief executive, Maria Okonkwo, "
              "said the year was strong. Norway's finance minister, Anna Berg, said no. Anna Berg's uncle, "
              "Tom Reyes, agreed.\n"});
  EXPECT_TRUE(g.has_edge("Maria Okonkwo", "chief executive of", "Kestrel Group")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Berg", "finance minister of", "Norway")) << g.dump();
  EXPECT_TRUE(g.edges("Tom Reyes", "have title", "uncle").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Tom Reyes", "have title", "Uncle").empty()) << g.dump();
}

// "the Olympics" beside "the Sydney Olympics" is a name of its own, not
// the longer one cut short.
TEST(ParsedIngest, TheOlympicsBesideOneOfItsEditionsIsAName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("olympics", Article{"Sprint news\n\nAnna Kovac won gold at the Sydney Olympics in 2000. Last "
                                            "summer Anna Kovac withdrew from the Olympics after a crash.\n"});
  EXPECT_TRUE(g.has_edge("Anna Kovac", "withdraw from", "Olympics")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Kovac", "win gold at", "Sydney Olympics")) << g.dump();
}

// "Ola Brandt, who is chairman of Kestrel Group,": the relative clause's
// copula is no part of the role.
TEST(ParsedIngest, ARoleInARelativeClauseAfterANameIsTheRoleAlone) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("who_is", Article{"Kestrel Group results\n\nKestrel Group profits rose. Ola Brandt, who is "
                                          "chairman of Kestrel Group, said costs fell.\n"});
  EXPECT_TRUE(g.has_edge("Ola Brandt", "chairman of", "Kestrel Group")) << g.dump();
  EXPECT_FALSE(g.has_edge("Ola Brandt", "who is chairman of", "Kestrel Group")) << g.dump();
}

// "won the 200m title at the 2000 Sydney Games and Lindqvist, 30, who
// won ...": the name after the event's is another subject, not where the
// title was won.
TEST(ParsedIngest, ANameConjoinedToAnEventIsNoSecondPlace) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("event_conj",
                        Article{"Sprint news\n\nKovac, 31, who won the 200m title at the 2000 Sydney Games "
                                "and Lindqvist, 30, who won the 100m silver medal in Sydney, face a ban. "
                                "Anna Kovac and Maja Lindqvist deny it.\n"});
  EXPECT_TRUE(g.has_edge("Anna Kovac", "win title at", "2000 Sydney Games")) << g.dump();
  EXPECT_FALSE(g.has_edge("Anna Kovac", "win title at", "Maja Lindqvist")) << g.dump();
}

// "KDA spokeswoman Maria Okonkwo" before "the Kelso Design Academy": an
// acronym is the one organisation whose initials it spells, named before
// or after it.
TEST(ParsedIngest, AnAcronymIsTheOrganisationItSpellsNamedLater) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("acronym", Article{"Postcard sale\n\n\"The sale went well,\" said KDA spokeswoman Maria "
                                           "Okonkwo. The Kelso Design Academy sold 300 postcards on Friday.\n"});
  EXPECT_TRUE(g.has_edge("Maria Okonkwo", "spokeswoman for", "Kelso Design Academy")) << g.dump();
  EXPECT_FALSE(g.has_edge("Maria Okonkwo", "spokeswoman for", "KDA")) << g.dump();
}

// "Andy Roddick of the USA": where a person named in full is from; not
// after a title ("President Ola Brandt of Norway" holds an office).
TEST(ParsedIngest, APersonOfACountryComesFromIt) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("person_of", Article{"Tennis news\n\nSpain's Rafael Nadal beat Andy Roddick of the USA in "
                                             "Seville. President Ola Brandt of Norway watched.\n"});
  EXPECT_TRUE(g.has_edge("Andy Roddick", "come from", "United States")) << g.dump();
  EXPECT_FALSE(g.has_edge("Ola Brandt", "come from", "Norway")) << g.dump();
}

// "Leicester scrum-half Harry Ellis": a hyphenated position before a name
// is a title like "flanker", and names the team.
TEST(ParsedIngest, AHyphenatedPositionIsATitle) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("scrum_half",
                        Article{"Rugby news\n\nLeicester scrum-half Harry Ellis has been promoted. Sale "
                                "Sharks fly-half Charlie Hodgson starts on Saturday. Leicester wing Austin "
                                "Healey hopes to play. Bath prop Duncan Bell is injured. Gloucester centre "
                                "Henry Paul starts. Ola Brandt, director of the Kelso Design Centre, "
                                "agreed.\n"});
  EXPECT_TRUE(g.has_edge("Harry Ellis", "scrum-half of", "Leicester")) << g.dump();
  EXPECT_TRUE(g.has_edge("Charlie Hodgson", "fly-half of", "Sale Sharks")) << g.dump();
  EXPECT_TRUE(g.has_edge("Harry Ellis", "have title", "scrum-half")) << g.dump();
  // ("wing", read as a verb, has the lemma "w"; a one-letter verb is no relation.)
  EXPECT_TRUE(g.has_edge("Austin Healey", "wing of", "Leicester")) << g.dump();
  EXPECT_TRUE(g.edges("Leicester", "w", "Austin Healey").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Duncan Bell", "prop of", "Bath")) << g.dump();
  EXPECT_TRUE(g.has_edge("Henry Paul", "centre of", "Gloucester")) << g.dump();
  // ("Centre" capitalised ends a body's name, no position.)
  EXPECT_TRUE(g.has_edge("Ola Brandt", "director of", "Kelso Design Centre")) << g.dump();
  // After the name too, written as the text writes it.
  const IngestedGraph h("vice_chairman", Article{"Kestrel Group results\n\nKestrel Group profits rose. "
                                                 "Tom Reyes, vice-chairman of Kestrel Group, said costs "
                                                 "fell.\n"});
  EXPECT_TRUE(h.has_edge("Tom Reyes", "vice-chairman of", "Kestrel Group")) << h.dump();
}

// "Halder Media, the publishing company controlled by Norwegian
// billionaire Ola Brandt,": the agent of a participle on an apposition
// acts on the name.
TEST(ParsedIngest, TheAgentOfAParticipleOnAnAppositionActsOnTheName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("agent", Article{"Media news\n\nHalder Media, the publishing company controlled by "
                                         "Norwegian billionaire Ola Brandt, is eyeing a move into the video "
                                         "games market.\n"});
  EXPECT_TRUE(g.has_edge("Ola Brandt", "control", "Halder Media")) << g.dump();
}

// "Ola Brandt, an analyst at research firm Halder Capital", "Tom Reyes is
// chief executive of software maker Brook Systems": what the organisation
// is may stand between the role and its name.
TEST(ParsedIngest, ARolesOrganisationMayBeDescribedBeforeItsName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("described_holder",
                        Article{"Market news\n\n\"Prices will rise,\" said Ola Brandt, an analyst at "
                                "research firm Halder Capital. Anna Berg, spokeswoman for anti-virus firm "
                                "Kestrel Security, agreed. Tom Reyes is chief executive of software maker "
                                "Brook Systems.\n"});
  EXPECT_TRUE(g.has_edge("Ola Brandt", "analyst at", "Halder Capital")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Berg", "spokeswoman for", "Kestrel Security")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tom Reyes", "chief executive of", "Brook Systems")) << g.dump();
}

// "Tom Reyes, a striker for Kelso Athletic": a post's holder is taken
// whatever type the recognizer gave it in the sentence, but never a person
// the article gives a gender.
TEST(ParsedIngest, APostIsHeldInAClubTaggedAsAPersonButNotInAPerson) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("holder_person",
                        Article{"Club news\n\nTom Reyes, a striker for Kelso Athletic, insisted the team was "
                                "good. Anna Berg, spokeswoman for Mr Ola Brandt, declined to comment.\n"});
  EXPECT_TRUE(g.has_edge("Tom Reyes", "striker for", "Kelso Athletic")) << g.dump();
  EXPECT_FALSE(g.has_edge("Anna Berg", "spokeswoman for", "Ola Brandt")) << g.dump();
}

// "Halder Pictures, owned by Kestrel Group,": a participle with its agent
// on a name says the agent's deed in the active voice.
TEST(ParsedIngest, AParticipleWithItsAgentOnANameIsTheAgentsDeed) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("owned_by",
                        Article{"Film news\n\nHalder Pictures, owned by Kestrel Group, released the film on "
                                "Friday.\n"});
  EXPECT_TRUE(g.has_edge("Kestrel Group", "own", "Halder Pictures")) << g.dump();
  EXPECT_FALSE(g.has_edge("Halder Pictures", "own by", "Kestrel Group")) << g.dump();
}

// "Anna Kovac plays Maja Lindqvist in the second round on Wednesday": a
// present tense with a day is a fixture, an event to come.
TEST(ParsedIngest, APresentTenseWithADayIsAnEventToCome) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("fixture", Article{"Tennis news\n\nAnna Kovac plays Maja Lindqvist in the second round on "
                                           "Wednesday.\n"});
  EXPECT_TRUE(g.has_edge("Anna Kovac", "will play", "Maja Lindqvist")) << g.dump();
  EXPECT_FALSE(g.has_edge("Anna Kovac", "play", "Maja Lindqvist")) << g.dump();
}

// "the 24-year-old Swiss", "the Welshman": a nationality describes
// someone; it is no name to hang a relation on.
TEST(ParsedIngest, ANationalityIsNoName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("nationality", Article{"Tennis news\n\nRoger Federer won again. Speaking to Le Matin, the "
                                               "24-year-old Swiss added: \"I am tired.\"\n"});
  EXPECT_TRUE(g.edges("Swiss", "", "Le Matin").empty()) << g.dump();
}

// "Reyes' sister Maja" after "his parents, Ola and Anna Reyes": a bare
// surname is the person the article has called by it before, not the
// nearest full name with it.
TEST(ParsedIngest, ABareSurnameIsWhomTheArticleCallsSo) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("bare_surname",
                        Article{"Music news\n\nSinger Tom Reyes vanished in 1995. Fans said Reyes wrote most "
                                "of the lyrics. His parents, Ola and Anna Reyes, made an appeal in 1996. "
                                "Reyes' sister Maja made a TV appeal in 2000.\n"});
  EXPECT_TRUE(g.has_edge("Maja", "sister of", "Tom Reyes")) << g.dump();
  EXPECT_FALSE(g.has_edge("Maja", "sister of", "Anna Reyes")) << g.dump();
}

// A team sheet: "D Peel (Wales), J Yapp (Wales), ...": each player plays
// for the side in brackets; a referee's county is no side.
TEST(ParsedIngest, ATeamSheetSaysWhomEachPlayerPlaysFor) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("team_sheet",
                        Article{"Lions squad\n\nThe squad named on Monday includes: D Peel (Wales), J Yapp "
                                "(Wales), D Traille (France), M Bortolami (Italy).\n\nReferee: M Riley (W "
                                "Yorkshire).\n"});
  EXPECT_TRUE(g.has_edge("D Peel", "play for", "Wales")) << g.dump();
  EXPECT_TRUE(g.has_edge("M Bortolami", "play for", "Italy")) << g.dump();
  EXPECT_TRUE(g.edges("M Riley", "play for", "W Yorkshire").empty()) << g.dump();
}

// "Ola Brandt, 34, from Leeds,": where a person is from; "said Anna Berg,
// from Kestrel Group.": whom a speaker works for.
TEST(ParsedIngest, FromAPlaceOrAFirmAfterAName) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("from_place", Article{"News\n\nPolice arrested Ola Brandt, 34, from Leeds, on Monday. \"It "
                                              "works,\" said Anna Berg, from Kestrel Group.\n"});
  EXPECT_TRUE(g.has_edge("Ola Brandt", "come from", "Leeds")) << g.dump();
  EXPECT_TRUE(g.has_edge("Anna Berg", "work for", "Kestrel Group")) << g.dump();
}

// Posts with words between the organisation and the title, papers whose
// names open with a weekday, leaving a club, a show's host, and a club's
// first word standing for the club.
TEST(ParsedIngest, ModifiedPostsLeavingAndAClubsFirstWord) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "posts",
      Article{
          "Club news\n\nBBC political editor Andrew Marr said the deal was done. The book, by Sunday "
          "Telegraph journalist Robert Peston, was published on Monday. \"It is fine,\" said Morgan Stanley "
          "equity strategist Naoki Kamiyama. Anne Thompson of the Hollywood Reporter said the film was good.\n\nFive "
          "years ago Bernardo Gandulla left Boca Juniors and "
          "headed for Brazil. Boca re-signed Martin Palermo last year. A late tackle left Heinze on the "
          "ground.\n\nRob Cole has been hosting The Jack Dee Show since May.\n"});
  EXPECT_TRUE(g.has_edge("Andrew Marr", "political editor of", "BBC")) << g.dump();
  EXPECT_TRUE(g.has_edge("Robert Peston", "journalist of", "Sunday Telegraph")) << g.dump();
  EXPECT_TRUE(g.has_edge("Naoki Kamiyama", "equity strategist of", "Morgan Stanley")) << g.dump();
  // ("Reporter" is a post now, and still the last word of a paper's name.)
  EXPECT_TRUE(g.has_edge("Anne Thompson", "work for", "Hollywood Reporter")) << g.dump();
  EXPECT_TRUE(g.has_edge("Bernardo Gandulla", "leave", "Boca Juniors")) << g.dump();
  EXPECT_TRUE(g.has_edge("Boca Juniors", "re-sign", "Martin Palermo")) << g.dump();
  EXPECT_TRUE(g.nodes_named("Boca").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Rob Cole", "host", "Jack Dee Show")) << g.dump();
}

// An occupation the recognizer tagged alone, or a given name it left out,
// does not cut the name after it short; a position tagged a proper noun
// ends the club's name before it.
TEST(ParsedIngest, NamesAfterOccupationsStayWhole) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "occupations",
      Article{"Band news\n\nColdplay frontman Chris Martin said so on Monday.\n\nEx-E17 singer Brian Harvey "
              "left the show.\n\nThe coach wants to try players like Middlesbrough winger Stewart Downing or "
              "Crystal Palace striker Andy Johnson.\n\nRangers had rarely threatened until Celtic goalkeeper Rab "
              "Douglas let "
              "the drive slip. Bolton boss Sam Allardyce has signed Roma defender Vincent Candela on a loan.\n"});
  EXPECT_FALSE(g.person("Chris Martin").is_null()) << g.dump();
  EXPECT_FALSE(g.person("Brian Harvey").is_null()) << g.dump();
  EXPECT_TRUE(g.nodes_named("Chris").empty()) << g.dump();
  EXPECT_TRUE(g.nodes_named("Brian").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Stewart Downing", "winger of", "Middlesbrough")) << g.dump();
  EXPECT_TRUE(g.has_edge("Rab Douglas", "goalkeeper of", "Celtic")) << g.dump();
  EXPECT_TRUE(g.has_edge("Vincent Candela", "defender of", "Roma")) << g.dump();
}

// "Wales" read as the plural of "wale" is still the country; a score says
// the match was played, though "beat" on Saturday could be a fixture.
TEST(ParsedIngest, ACountryReadAsACommonNounAndAPlayedMatch) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("wales",
                        Article{"Six Nations\n\nWales beat England 11-9 in Cardiff on Saturday.\n\nWales face Italy in "
                                "Rome on Sunday. England, fourth in the table, play Ireland in Dublin on 27 February. "
                                "Kenteris quit the Olympics on 18 August.\n"});
  EXPECT_TRUE(g.has_edge("Wales", "beat", "England")) << g.dump();
  EXPECT_TRUE(g.edges("Wales", "will beat", "England").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Wales", "will face", "Italy")) << g.dump();
  // A day of a month is a date to come too; "quit" is past as well.
  EXPECT_TRUE(g.has_edge("England", "will play", "Ireland")) << g.dump();
  EXPECT_TRUE(g.has_edge("Kenteris", "quit", "Olympics")) << g.dump();
}

// Misreadings the judged sample 20261248 found: a game read as a member of
// its maker, a programme's name cut at "for", a participle hung on the name
// inside "a tribute to ...", and the person called for to do something.
TEST(ParsedIngest, ProductsProgrammesTributesAndCallsForAreReadRight) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "judged45",
      Article{"Games and shows\n\nThe launch titles include games from developers such as Ubisoft's Rayman DS.\n\n"
              "Speaking on BBC Radio 4's Thought for the Day slot, the bishop criticised the war.\n\nThere will "
              "also be a tribute to Ray Charles featuring Bonnie Raitt and Billy Preston.\n\nThe Lib Dems called "
              "for Commons leader Peter Hain to make a statement.\n"});
  EXPECT_TRUE(g.edges("Rayman DS", "member of", "Ubisoft").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Ubisoft", "make", "Rayman DS")) << g.dump();
  EXPECT_TRUE(g.edges("BBC Radio 4", "make", "Thought").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Ray Charles", "feature", "Bonnie Raitt").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Liberal Democrats", "call for", "Peter Hain").empty()) << g.dump();
}

// A university, a college or a theatre "in" a place stands there; the place
// may be written in several words of which the gazetteer knows one.
TEST(ParsedIngest, AnInstitutionInAPlaceIsLocatedThere) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("institution", Article{"Space weather\n\nHe studied at Cornell University in New "
                                               "York State last year, and then at Long Road Sixth Form "
                                               "College in Cambridge.\n"});
  EXPECT_TRUE(g.has_edge("Cornell University", "be located in", "New York State")) << g.dump();
}

// "Keith Poulton, a business adviser from Swansea,": where the person is from.
TEST(ParsedIngest, AnAppositionFromAPlaceSaysWhereThePersonIsFrom) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("origin", Article{"Film fund\n\nKeith Poulton, a business adviser from Swansea, has "
                                          "already put money into the project.\n"});
  EXPECT_TRUE(g.has_edge("Keith Poulton", "come from", "Swansea")) << g.dump();
}

// A statement is said of its entity: a common-noun phrase read as the
// subject of a name ("The chief inspector of schools, David Bell,") states
// nothing about it.
TEST(ParsedIngest, AStatementHasItsEntityAsItsSubject) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "statement_subject",
      Article{
          "Schools\n\nThe chief inspector of schools, David Bell, also said recently that GCSEs should go.\n\nThe "
          "spokesman set out the view after the top Catholic in England and Wales backed Michael Howard's stance on "
          "abortions. The League Against Cruel Sports and the RSPCA say they will assist police.\n"});
  EXPECT_TRUE(g.edges("chief inspector", "be", "David Bell").empty()) << g.dump();
  // "in England and Wales backed" parsed with Wales the subject: the
  // coordination is inside the noun's modifier; one inside a name is not.
  EXPECT_TRUE(g.edges("Wales", "back stance of", "Michael Howard").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Wales", "back", "stance").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("RSPCA", "will assist", "police")) << g.dump();
}

// Trips, tours, shows and nominations carry their relation with the
// oblique; a rival named after "with" does not share the nomination.
TEST(ParsedIngest, TripsShowsAndNominationsCarryTheirRelation) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "trips",
      Article{
          "Week in review\n\nTony Blair made a surprise trip to Iraq this week.\n\nThe Republic of Ireland have "
          "arranged friendlies against China and Italy.\n\nUS actor Jamie Foxx has been given two nominations "
          "for Golden Globe awards, with Meryl Streep also up for prizes.\n\nThe 29-year-old Anna Berg took part in "
          "the "
          "2003 London Marathon. Celtic brushed aside Clyde to secure their place in the Scottish Cup semi-final.\n"});
  EXPECT_TRUE(g.has_edge("Anna Berg", "take part in", "2003 London Marathon") ||
              g.has_edge("Anna Berg", "take part in", "London Marathon"))
      << g.dump();
  EXPECT_TRUE(g.edges("Clyde", "secure place in", "Scottish Cup").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Tony Blair", "make trip to", "Iraq")) << g.dump();
  EXPECT_TRUE(g.has_edge("Republic of Ireland", "arrange friendly against", "China")) << g.dump();
  EXPECT_TRUE(g.edges("Jamie Foxx", "be given nomination with", "Meryl Streep").empty()) << g.dump();
}

// A hyphenated name stays a name ("Kilroy-Silk"), a name ends before a
// comma the recognizer took into it, and two lists paired "respectively"
// give no relation between their items.
TEST(ParsedIngest, HyphenatedNamesAndListsPairedRespectively) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "hyphens",
      Article{"Politics and business\n\nEx-chat show host Robert Kilroy-Silk has quit the UK Independence "
              "Party.\n\nLast year, GE bought Vivendi Universal, merging it with NBC.\n\nFrench writer Anne Morel "
              "and Korean writer Park Chan-Wook shared the best screenplay award for Les Choristes and Old Boy "
              "respectively.\n"});
  EXPECT_TRUE(g.has_edge("Robert Kilroy-Silk", "quit", "UKIP")) << g.dump();
  EXPECT_TRUE(g.has_edge("GE", "buy", "Vivendi Universal") ||
              g.has_edge("General Electric", "buy", "Vivendi Universal"))
      << g.dump();
  EXPECT_TRUE(g.edges("Park Chan-Wook", "share award for", "Les Choristes").empty()) << g.dump();
}

// Misreadings the judged sample 20261252 found: "he" in a quotation is not
// its speaker, a denied name that says something is no one denied, and a
// noun that is the subject of a reported clause is no deal conceded.
TEST(ParsedIngest, QuotedPronounsAndReportedSubjectsAreNoObjects) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "judged52",
      Article{"Politics and football\n\nTony Blair met Michael Howard and Tim Yeo on Monday. \"It is "
              "significant, in my view, that he is coming to Europe as his first foreign visit,\" said Mr "
              "Blair.\n\nBut Mr Howard denied Mr Yeo, his transport and "
              "environment spokesman, said the plans \"stink\".\n\nJohn Williams conceded any deal for Barry "
              "Ferguson was looking \"unlikely\" before the close of the window.\n\nScotland were beaten. Like "
              "us, Scotland did well in France and were unlucky not to get a win.\n"});
  EXPECT_TRUE(g.edges("Tony Blair", "come to", "Europe").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Michael Howard", "deny", "Tim Yeo").empty()) << g.dump();
  EXPECT_TRUE(g.edges("John Williams", "concede deal for", "Barry Ferguson").empty()) << g.dump();
  // ("did well in France": "do" says nothing without its adverb.)
  EXPECT_TRUE(g.edges("Scotland", "do in", "France").empty()) << g.dump();
}

// A name set off after an organisation noun or a noun for works is of that
// kind ("his new party, Veritas,"; "her latest film, Vera Drake.").
TEST(ParsedIngest, ANameAfterItsKindAndACommaIsOfThatKind) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "kinds",
      Article{"New party\n\nMr Kilroy-Silk announced his plans a day after launching his new party, Veritas, the "
              "Latin for truth. Veritas would avoid the old parties.\n"});
  const std::vector<nlohmann::json> veritas = g.nodes_named("Veritas");
  ASSERT_EQ(veritas.size(), 1u) << g.dump();
  EXPECT_EQ(veritas[0]["type"], "ORG") << g.dump();
}

// A name right after an occupation is a person's ("Australian singer Delta
// Goodrem", tagged MISC by the recognizer).
TEST(ParsedIngest, ANameAfterAnOccupationIsAPerson) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("singer", Article{"Music\n\nAustralian singer Delta Goodrem topped the chart.\n"});
  EXPECT_FALSE(g.person("Delta Goodrem").is_null()) << g.dump();
}

// "Jack Harlow, played by Tom Bright,": the actor plays the character.
TEST(ParsedIngest, AnActorPlaysTheCharacterPlayedByHim) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("soap", Article{"Soap returns\n\nViewers will see Jack Harlow, played by Tom Bright, "
                                        "return to the show in March.\n"});
  EXPECT_TRUE(g.has_edge("Tom Bright", "play", "Jack Harlow")) << g.dump();
  EXPECT_TRUE(g.edges("Jack Harlow", "play", "Tom Bright").empty()) << g.dump();
}

// Our own politics story: offices written as descriptions ("the chancellor",
// "his chancellor") stand for the one person who holds them in the article.
constexpr const char* kOfficesArticle =
    "Budget row deepens\n"
    "\n"
    "Chancellor Gordon Brown and Conservative shadow chancellor Oliver Letwin clashed over the budget on Monday.\n"
    "\n"
    "Former welfare minister Frank Field said the prime minister should sack Mr Brown. Mr Letwin accused the "
    "chancellor of using fancy statistics.\n"
    "\n"
    "Prime Minister Tony Blair later praised his chancellor for his role in creating stability. Anna Reid, for the "
    "Liberal Democrats, said the budget was weak.\n"
    "\n"
    "Tory co-chairman Alan Pike said the figures were wrong. Ruth Gale, another co-chairman of the Kelso Trust, "
    "agreed.\n"
    "\n"
    "The Scottish Green Party's Holyrood leader Robin Harper wrote to the minister on Tuesday.\n";

TEST(ParsedIngest, AnOfficeWrittenAsADescriptionIsItsHolder) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("offices", Article{kOfficesArticle});
  // "the chancellor" is not the shadow chancellor; "his chancellor" of Blair is Brown.
  EXPECT_TRUE(g.has_edge("Oliver Letwin", "accuse", "Gordon Brown")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tony Blair", "praise", "Gordon Brown")) << g.dump();
  // "the prime minister" is no welfare minister (and no one named before it).
  EXPECT_TRUE(g.edges("Frank Field", "", "Gordon Brown").empty()) << g.dump();
  // "X, for a party," speaks for it.
  EXPECT_TRUE(g.has_edge("Anna Reid", "speak for", "Liberal Democrats")) << g.dump();
  // A party's co-chairman, and one of several ("another").
  EXPECT_TRUE(g.has_edge("Alan Pike", "co-chairman of", "Conservatives")) << g.dump();
  EXPECT_TRUE(g.has_edge("Ruth Gale", "co-chairman of", "Kelso Trust")) << g.dump();
  // The party's leader at Holyrood leads no parliament.
  EXPECT_TRUE(g.edges("Robin Harper", "leader of", "Holyrood").empty()) << g.dump();
}

// Our own obituary: "she" in a sentence whose subject came after another
// subject is read as the person the article is about.
constexpr const char* kProfileArticle =
    "Dancer dies at 90\n"
    "\n"
    "Dame Clara Voss, the ballerina who has died aged 90, was one of the great dancers of her age.\n"
    "\n"
    "Clara Voss trained in London with the teacher Mira Holt and danced for the Northern Ballet.\n"
    "\n"
    "In 1950 the Paris critics praised her new Giselle. She joined the Paris Opera Ballet that year.\n"
    "\n"
    "Clara Voss retired in 1970 and taught in Vienna.\n";

TEST(ParsedIngest, HeOrSheOfThePersonAnArticleIsAboutIsThatPerson) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train'); kg ingest runs the baseline";
  const IngestedGraph g("profile", Article{kProfileArticle});
  EXPECT_TRUE(g.has_edge("Clara Voss", "join", "Paris Opera Ballet")) << g.dump();
  EXPECT_TRUE(g.has_edge("Clara Voss", "teach in", "Vienna")) << g.dump();
}

// Our own short articles for the across-article cases of issue 8: a full
// name with its short forms, two people sharing a surname, and articles that
// use only a bare surname.
struct ShortArticle {
  const char* file;
  const char* text;
};
constexpr ShortArticle kSurnameArticles[] = {
    {"blair-full.txt",
     "School visit\n\nPrime Minister Tony Blair visited a school in Leeds on Monday.\n\n"
     "Mr Blair praised the teachers. Blair later opened a new library.\n"},
    {"blair-bare.txt", "Pension plans\n\nMr Blair defended the pension plans on Friday. Blair criticised the unions.\n"},
    {"browns.txt",
     "Budget talks\n\nChancellor Gordon Brown met the farming minister Nick Brown in London on Tuesday.\n\n"
     "Gordon Brown promised more money. Nick Brown welcomed the promise.\n"},
    {"brown-bare.txt", "Election date\n\nMr Brown refused to name the date on Wednesday.\n"},
};

class SurnameArticles : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
    dir_ = fs::temp_directory_path() / ("kg_surname_inputs_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const ShortArticle& a : kSurnameArticles) std::ofstream(dir_ / a.file) << a.text;
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> paths(std::initializer_list<size_t> order) const {
    std::vector<std::string> out;
    for (size_t i : order) out.push_back((dir_ / kSurnameArticles[i].file).string());
    return out;
  }

  fs::path dir_;
};

TEST_F(SurnameArticles, FullNameShortFormsAndSharedSurnames) {
  const IngestedGraph g("surnames", paths({0, 1, 2, 3}));
  const nlohmann::json blair = g.person("Tony Blair");
  ASSERT_FALSE(blair.is_null()) << g.dump();
  EXPECT_TRUE(has_alias(blair, "Mr Blair")) << blair.dump();
  EXPECT_TRUE(has_alias(blair, "Blair")) << blair.dump();
  EXPECT_TRUE(g.nodes_named("Mr Blair").empty()) << g.dump();
  // Two people sharing a surname stay two.
  EXPECT_FALSE(g.person("Gordon Brown").is_null()) << g.dump();
  EXPECT_FALSE(g.person("Nick Brown").is_null()) << g.dump();
  // A bare "Brown" fits both: it is not guessed, it stays an entity of its own.
  EXPECT_FALSE(g.person("Brown").is_null()) << g.dump();
  // An article that only says "Blair" reads as the only Blair with a full name.
  EXPECT_TRUE(g.person("Blair").is_null()) << g.dump();
  EXPECT_TRUE(g.has_edge("Tony Blair", "praise", "teachers")) << g.dump();
  EXPECT_TRUE(g.has_edge("Tony Blair", "criticise", "unions")) << g.dump();
  EXPECT_TRUE(g.has_edge("Gordon Brown", "meet", "Nick Brown") || g.has_edge("Gordon Brown", "meet", "farming minister"))
      << g.dump();
}

TEST_F(SurnameArticles, IngestOrderDoesNotChangeTheEntities) {
  const IngestedGraph forward("surnames_fwd", paths({0, 1, 2, 3}));
  const IngestedGraph backward("surnames_bwd", paths({3, 2, 1, 0}));
  const IngestedGraph shuffled("surnames_mix", paths({1, 3, 0, 2}));
  EXPECT_FALSE(forward.named_entities().empty());
  EXPECT_EQ(forward.named_entities(), backward.named_entities());
  EXPECT_EQ(forward.named_entities(), shuffled.named_entities());
}

// Runs `kg ingest` of our article with KG_MODELS=`model_dir`; (exit code, stdout, stderr).
struct IngestRun {
  int exit_code = -1;
  std::string out, err;
};
IngestRun ingest_with_models(const fs::path& dir, const std::string& model_dir) {
  const std::string article = (dir / "summit.txt").string();
  std::ofstream(article) << kSummitArticle;
  const std::string cmd = "KG_MODELS='" + model_dir + "' '" KG_BINARY "' --db '" + (dir / "db").string() +
                          "' ingest --quiet '" + article + "' > '" + (dir / "out").string() + "' 2> '" +
                          (dir / "err").string() + "'";
  const int status = std::system(cmd.c_str());
  IngestRun r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::stringstream o, e;
  o << std::ifstream(dir / "out").rdbuf();
  e << std::ifstream(dir / "err").rdbuf();
  r.out = o.str();
  r.err = e.str();
  return r;
}

// Misreadings found in judged samples of the BBC graph, each refused: a
// noun the tagger took for a verb ("the Dreamworks hit Shrek 2"), a
// possessor taken for the object ("won the Guild's award"), the subject of
// a reported clause taken for the object ("revealed Gallas will start"), a
// place before an event taken for the event ("the Leeds festival"), a city
// run into a show's name and a firm's ("Show in Las Vegas Microsoft"), and
// a club read as an adjective before an office the article's main
// organisation would otherwise take ("Wigan chairman"), and a verb of
// naming without what it names its object as ("described Africa as a scar"),
// and "following" as a preposition of time ("a probe by the SEC following
// its listing").
TEST(ParsedIngest, JudgedMisreadingsGiveNoRelation) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const std::string stars = write_article(
      "stars",
      "Stars line up for summer\n\n"
      "The Pixies and Iron Maiden will headline this summer's Leeds and Reading festivals. The best-selling video "
      "of the year was the Dreamworks hit Shrek 2. Director Morgan Spurlock has won the Writers Guild of America's "
      "award for documentary writing. But Jose Mourinho has revealed defender Willian Gallas and striker Didier "
      "Drogba will be in the starting line-up. At the Consumer Electronics Show in Las Vegas Microsoft boss Bill "
      "Gates spoke about games. Tony Blair has described Africa as a scar on the conscience of the world.\n"
      "\n"
      "Another high profile financial firm, China Life, is facing shareholder lawsuits and a probe by the US "
      "Securities and Exchange Commission following its 2004 New York listing over its failure to disclose "
      "accounting irregularities at its parent company.\n"
      "\n"
      "Roy Disney left the board last year. The SEC also found that Disney did not disclose that a subsidiary "
      "employed the wife of current Disney director John Bryson.\n"
      "\n"
      "The Liberal Democrat leader will visit the Shri Swaminarayan Mandir Temple in Neasden. CENTR, the Council of "
      "European National Top Level Domain Registries, agrees. Amitai Etzioni names Russia as the \"failing state\" "
      "of gravest concern. Former England captain Martin Johnson has announced he is to retire. He won the 1998 "
      "World Cup and 2000 European Championship with France.\n"
      "\n"
      "Unlike many other film-makers, Passion of the Christ director Mel Gibson has vowed not to campaign for an "
      "Oscar.\n"
      "\n"
      "Agent Gilmar Rinaldi said he has had no contact with Chelsea over the striker. Film director Ken Loach designed "
      "a postcard.\n"
      "\n"
      "That game is the day after England play Italy in the Six Nations.\n"
      "\n"
      "\"A literate and qualified population,\" insisted Mr Sener, \"will make a positive impact.\"\n"
      "\n"
      "Turkey's Everasia is reported by Reuters to have won a contract to develop the Khurmala Dome field.\n"
      "\n"
      "Tom Rees damaged his shoulder and joins flanker Colin Ward (foot injury) on the sidelines.\n");
  const std::string rugby = write_article(
      "rugby",
      "Union chase Farrell\n\n"
      "Wigan chairman Maurice Lindsay says he expects no quick decision on Andy Farrell. The Rugby Football Union "
      "wants to sign Farrell. The Rugby Football Union has held talks with Leicester. The Rugby Football Union said "
      "a deal was close. The Rugby Football Union will meet on Monday.\n");
  const IngestedGraph g("misreadings", std::vector<std::string>{stars, rugby});
  fs::remove_all(fs::path(stars).parent_path());
  fs::remove_all(fs::path(rugby).parent_path());
  EXPECT_TRUE(g.edges("Iron Maiden", "headline", "Leeds").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Dreamworks", "hit", "Shrek").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Morgan Spurlock", "win", "Writers Guild of America").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Jose Mourinho", "reveal", "Willian Gallas").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Maurice Lindsay", "chairman of", "Rugby Football Union").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Tony Blair", "describe", "Africa").empty()) << g.dump();
  EXPECT_TRUE(g.edges("US Securities and Exchange Commission", "follow", "2004 New York").empty()) << g.dump();
  // A surname that is also a firm's name holds no post as the person; a
  // party before "leader" is no visitor; an apposition read as a list
  // agrees with no one; naming needs what is named; the head of an event's
  // name alone is no name; "Former" holds.
  EXPECT_TRUE(g.edges("John Bryson", "director of", "Roy Disney").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Liberal Democrat", "visit", "Shri Swaminarayan Mandir Temple").empty()) << g.dump();
  EXPECT_TRUE(g.edges("CENTR", "agree with", "Council of European National Top Level Domain Registries").empty())
      << g.dump();
  EXPECT_TRUE(g.edges("Amitai Etzioni", "name", "Russia").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Martin Johnson", "win", "Championship").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Mel Gibson", "director of", "Christ").empty()) << g.dump();
  EXPECT_TRUE(g.edges("Ken Loach", "director of", "Film").empty()) << g.dump();
  // "had no contact": the act is denied, not stated.
  EXPECT_TRUE(g.edges("Gilmar Rinaldi", "have", "contact").empty()) << g.dump();
  EXPECT_TRUE(g.has_edge("Gilmar Rinaldi", "not have", "contact")) << g.dump();
  EXPECT_TRUE(g.has_edge("Martin Johnson", "former captain of", "England")) << g.dump();
  EXPECT_TRUE(g.edges("Martin Johnson", "captain of", "England").empty()) << g.dump();
  EXPECT_TRUE(g.nodes_named("Consumer Electronics Show in Las Vegas Microsoft").empty()) << g.dump();
  // After a quotation the speaker follows the verb of saying; the quote's words did not insist.
  for (const nlohmann::json& e : g.edges("", "insist", "Sener")) ADD_FAILURE() << e.dump();
  // What a passive verb of reporting reports is its clause, not its subject.
  EXPECT_TRUE(g.edges("Reuters", "report", "Everasia").empty()) << g.dump();
  // Joining someone on the sidelines is being injured too, not joining him.
  EXPECT_TRUE(g.edges("Tom Rees", "join", "Colin Ward").empty()) << g.dump();
  // What the sentences do say stays.
  EXPECT_TRUE(g.has_edge("Bill Gates", "speak at", "Consumer Electronics Show")) << g.dump();
  EXPECT_TRUE(g.has_edge("Leicester", "hold talk with", "Rugby Football Union")) << g.dump();
  // A clause with a subject of its own on a noun with a copula is a clause.
  EXPECT_TRUE(g.has_edge("England", "play", "Italy")) << g.dump();
}

// Posts held at a university and a side's skipper are posts like any other.
TEST(ParsedIngest, AcademicPostsAndSkippersAreRoles) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "campus",
      Article{
          "Campus and pitch\n\n"
          "\"It is a setback,\" said Hannah Okafor, a law lecturer at the University of Kent. Tomas Berg, professor of "
          "economics at Uppsala University, agreed.\n\n"
          "Wales skipper Rhodri Vaughan scored twice.\n\n"
          "Ingrid Holm danced. For some years she was full-time Professor of Ballet and Performing Arts in the "
          "University of Bergen. \"It went well,\" said Lars Dahl, head of corporate responsibility at Kestrel "
          "Media.\n"});
  EXPECT_TRUE(g.has_edge("Hannah Okafor", "law lecturer at", "University of Kent")) << g.dump();
  // (The field after "of" is no organisation: the post is at the university.)
  EXPECT_TRUE(g.has_edge("Tomas Berg", "professor at", "Uppsala University")) << g.dump();
  EXPECT_TRUE(g.has_edge("Rhodri Vaughan", "skipper of", "Wales")) << g.dump();
  // The organisation hung on the post's field is still where the post is.
  EXPECT_TRUE(g.has_edge("Ingrid Holm", "professor at", "University of Bergen")) << g.dump();
  EXPECT_TRUE(g.has_edge("Lars Dahl", "head at", "Kestrel Media")) << g.dump();
}

// "Wimbledon champion Maria Sharapova": a title of a result says what its
// holder won; an adjective ("Olympic champion") names no contest and a
// nationality ("European champion") none either.
TEST(ParsedIngest, ATitleOfAResultBeforeANameIsAWin) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "titles_of_results",
      Article{"Seeds through in Doha\n\n"
              "Lena Varga beat Dubai Open champion Carla Ruiz in straight sets. Olympic champion Tom Hale and "
              "European champion Mats Berglund also won.\n\n"
              "Anna Holt made an impressive start to the year, only faltering against Maria Lenz in the final.\n\n"
              "The federation has banned three-time Boston Marathon runner-up Ruth Wanjiru for a year.\n"});
  EXPECT_TRUE(g.has_edge("Carla Ruiz", "win", "Dubai Open")) << g.dump();
  // A runner-up finished second, in an event's name the recognizer may read as a person's.
  EXPECT_TRUE(g.has_edge("Ruth Wanjiru", "finish second in", "Boston Marathon")) << g.dump();
  EXPECT_TRUE(g.has_edge("Lena Varga", "beat", "Carla Ruiz")) << g.dump();
  for (const nlohmann::json& e : g.edges("Tom Hale", "win", "")) ADD_FAILURE() << e.dump();
  for (const nlohmann::json& e : g.edges("Mats Berglund", "win", "")) ADD_FAILURE() << e.dump();
  // A participle closing the sentence after a comma is its subject's doing.
  EXPECT_TRUE(g.has_edge("Anna Holt", "falter against", "Maria Lenz")) << g.dump();
}

// "the Scotland-born athlete": an occupation after "the" is the person the
// article is about, found as "she" would be, but only that person.
TEST(ParsedIngest, AnOccupationAfterTheIsThePersonTheArticleIsAbout) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g(
      "occupation",
      Article{
          "Moray eyes indoor medal\n\n"
          "British hurdler Fiona Moray is confident of a medal in Madrid. Moray won the national title in February. "
          "Moray has trained in Leeds for three years, and Moray says she is ready.\n\n"
          "At the Birmingham meeting, the Scotland-born athlete beat Olga Petrova. Moray then flew home.\n\n"
          "Kate Vane failed to complete the Olympic marathon and later dropped out of the Dublin 10,000m.\n"});
  EXPECT_TRUE(g.has_edge("Fiona Moray", "beat", "Olga Petrova")) << g.dump();
  EXPECT_TRUE(g.has_edge("Fiona Moray", "be born in", "Scotland")) << g.dump();
  // What one failed to do did not happen; what one did after it did.
  EXPECT_TRUE(g.has_edge("Kate Vane", "drop out of", "Dublin 10,000m")) << g.dump();
  EXPECT_TRUE(g.edges("Kate Vane", "not drop out of", "Dublin 10,000m").empty()) << g.dump();
  // Where no one person is what the article is about, the description stands for nobody.
  const IngestedGraph h("occupations",
                        Article{"Two hurdlers\n\n"
                                "Fiona Moray and Kate Lowe trained in Leeds. Moray and Lowe both ran in Madrid.\n\n"
                                "The Scotland-born athlete beat Olga Petrova.\n"});
  for (const char* person : {"Fiona Moray", "Kate Lowe"}) {
    EXPECT_TRUE(h.edges(person, "beat", "Olga Petrova").empty()) << h.dump();
    EXPECT_TRUE(h.edges(person, "be born in", "Scotland").empty()) << h.dump();
  }
}

// What a person is, written before the name at a sentence start, is the
// title, not part of the name: "Singer Pete Doherty" is Pete Doherty.
TEST(ParsedIngest, OccupationsAndNationalitiesBeforeANameAreTitles) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const fs::path dir = fs::temp_directory_path() / ("kg_parsed_descriptor_input_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string path = (dir / "descriptors.txt").string();
  std::ofstream(path) << "Band news\n\nSinger Pete Doherty left the band on Monday.\n\n"
                         "Swede Joachim Johansson won the final in Memphis.\n\n"
                         "Former union leader Tom Price backed the band.\n\n"
                         "His former coach Ian Walsh was pleased.\n\n"
                         "Halden Boys drummer Ian Meller left the band on Monday.\n";
  const IngestedGraph g("descriptors", path);
  fs::remove_all(dir);
  EXPECT_FALSE(g.person("Pete Doherty").is_null()) << g.dump();
  EXPECT_FALSE(g.person("Joachim Johansson").is_null()) << g.dump();
  for (const char* run_on : {"Singer Pete Doherty", "Swede Joachim Johansson"}) {
    EXPECT_TRUE(g.nodes_named(run_on).empty()) << run_on << "\n" << g.dump();
  }
  EXPECT_TRUE(g.has_edge("Pete Doherty", "have title", "Singer")) << g.dump();
  // A title held once says so: Tom Price leads no union now.
  EXPECT_TRUE(g.has_edge("Tom Price", "have title", "former leader")) << g.dump();
  EXPECT_TRUE(g.edges("Tom Price", "have title", "leader").empty()) << g.dump();
  // (Once: the title's own "former" is the one it keeps.)
  EXPECT_TRUE(g.has_edge("Ian Walsh", "have title", "former coach")) << g.dump();
  EXPECT_TRUE(g.edges("Ian Walsh", "have title", "former former coach").empty()) << g.dump();
  // A band's player is a member of the band.
  EXPECT_TRUE(g.has_edge("Ian Meller", "drummer of", "Halden Boys")) << g.dump();
}

TEST(ParsedIngest, WithoutAParserModelTheBaselineRuns) {
  const fs::path dir = fs::temp_directory_path() / ("kg_parsed_nomodels_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "models");
  const IngestRun r = ingest_with_models(dir, (dir / "models").string());
  fs::remove_all(dir);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(baseline extractor)"), std::string::npos) << r.out;
}

TEST(ParsedIngest, AnUnreadableParserModelIsAnErrorNotAFallback) {
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir;
  const fs::path dir = fs::temp_directory_path() / ("kg_parsed_badmodel_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "models");
  for (const fs::directory_entry& f : fs::directory_iterator(kModelDir)) {
    fs::copy_file(f.path(), dir / "models" / f.path().filename());
  }
  std::ofstream(dir / "models" / "parser.kgm", std::ios::trunc) << "not a model\n";
  const IngestRun r = ingest_with_models(dir, (dir / "models").string());
  fs::remove_all(dir);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("parser.kgm"), std::string::npos) << r.err;
}

TEST(ParsedIngest, ReferenceArticleGivesTheIssueFactsAndEntities) {
  const std::string article = std::string(KG_SHARED_DATA) + "/articles/biden-putin-call.txt";
  if (!fs::exists(article)) GTEST_SKIP() << article << " is absent (../shared/data not mounted)";
  if (!models_present()) GTEST_SKIP() << "no trained models in " << kModelDir << " (run 'kg train')";
  const IngestedGraph g("reference", article);

  EXPECT_NE(g.ingest_output().find("(parser extractor)"), std::string::npos) << g.ingest_output();

  // Exactly one PERSON node each, carrying the short forms as aliases.
  const nlohmann::json biden = g.person("Joe Biden");
  const nlohmann::json putin = g.person("Vladimir Putin");
  const nlohmann::json sullivan = g.person("Jake Sullivan");
  const nlohmann::json nuland = g.person("Victoria Nuland");
  ASSERT_FALSE(biden.is_null()) << g.dump();
  ASSERT_FALSE(putin.is_null()) << g.dump();
  ASSERT_FALSE(sullivan.is_null()) << g.dump();
  ASSERT_FALSE(nuland.is_null()) << g.dump();
  EXPECT_TRUE(has_alias(biden, "Mr Biden") || has_alias(biden, "Biden")) << biden.dump();
  EXPECT_TRUE(has_alias(putin, "Mr Putin") || has_alias(putin, "Putin")) << putin.dump();
  EXPECT_TRUE(has_alias(sullivan, "Mr Sullivan") || has_alias(sullivan, "Sullivan")) << sullivan.dump();
  for (const char* short_form : {"Mr Biden", "Biden", "Mr Putin", "Putin", "the Russian leader", "Russian leader",
                                 "Mr Sullivan", "Sullivan", "he", "He"}) {
    EXPECT_TRUE(g.nodes_named(short_form).empty()) << "a node named '" << short_form << "'";
  }

  EXPECT_TRUE(g.has_edge("Joe Biden", "speak with", "Vladimir Putin")) << g.dump();
  EXPECT_TRUE(g.has_edge("Victoria Nuland", "testify to", "Senate Foreign Relations Committee")) << g.dump();
  EXPECT_TRUE(g.has_edge("Vladimir Putin", "demand", "legal guarantees")) << g.dump();
  EXPECT_TRUE(g.has_edge("Joe Biden", "have title", "US President")) << g.dump();
  // The title as written before the name ("US National Security Adviser"), or without the country.
  EXPECT_TRUE(g.has_edge("Jake Sullivan", "have title", "National Security Adviser") ||
              g.has_edge("Jake Sullivan", "have title", "US National Security Adviser"))
      << g.dump();

  // Photo credits are boilerplate: no node of theirs.
  for (const char* credit : {"REUTERS", "AFP"}) EXPECT_TRUE(g.nodes_named(credit).empty()) << credit;

  // Facts stated about "Mr Putin" and "the Russian leader" attach to him.
  const std::vector<std::string> putin_evidence = g.evidence_of("Vladimir Putin");
  EXPECT_TRUE(any_contains(putin_evidence, "Mr Putin blamed the tensions")) << g.dump();

  // Roles read off the titles: the person holds a position in the country.
  EXPECT_TRUE(g.has_edge("Joe Biden", "president of", "United States")) << g.dump();
  EXPECT_TRUE(g.has_edge("Vladimir Putin", "president of", "Russia")) << g.dump();
  // Conditions and questions are never plain facts: "if Mr Putin attacked
  // Ukraine" keeps its qualifier, and "Whether ... will deter the Russian
  // leader from invading Ukraine is unclear" states no invasion at all.
  EXPECT_TRUE(g.has_edge("Vladimir Putin", "if attack", "Ukraine")) << g.dump();
  EXPECT_FALSE(g.has_edge("Vladimir Putin", "attack", "Ukraine")) << g.dump();
  EXPECT_FALSE(g.has_edge("Vladimir Putin", "invade", "Ukraine")) << g.dump();
  EXPECT_FALSE(any_contains(putin_evidence, "Whether Mr Biden's threats")) << g.dump();
}

}  // namespace

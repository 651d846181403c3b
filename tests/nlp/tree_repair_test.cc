// The parser's tree repairs on hand-built parses of the misreadings they
// exist for, and on correct parses they must leave alone. Each case gives
// the parse as (form, UPOS, head, label) with 1-based heads as in CoNLL-U
// (0 = root) and the heads and labels expected after the repair.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/nlp/tree_repair.h"

namespace kg::nlp {
namespace {

const std::vector<std::string> kLabels = {
    "root",      "nsubj",     "nsubj:pass", "conj",  "cc",   "compound", "nmod:desc", "advcl", "mark",  "obj",
    "acl:relcl", "parataxis", "appos",      "det",   "flat", "amod",     "obl",       "case",  "punct", "advmod",
    "acl",       "nummod",    "nmod:poss",  "ccomp", "iobj", "aux",      "nmod",      "fixed", "xcomp", "compound:prt"};

struct Row {
  const char* form;
  UPos upos;
  int head;  // 1-based, 0 = root
  const char* label;
  const char* feats = "";
};

int label_of(const std::string& name) {
  for (size_t i = 0; i < kLabels.size(); ++i) {
    if (kLabels[i] == name) return static_cast<int>(i);
  }
  ADD_FAILURE() << "unknown label " << name;
  return 0;
}

// Repairs `parse` and returns it as "head:label" per word (1-based heads).
std::vector<std::string> repaired(const std::vector<Row>& parse, const std::vector<std::string>& xpos = {}) {
  std::vector<Word> words(parse.size());
  std::vector<int> heads, labels;
  for (size_t i = 0; i < parse.size(); ++i) {
    if (i < xpos.size()) words[i].xpos = xpos[i];
    words[i].form = parse[i].form;
    words[i].upos = parse[i].upos;
    words[i].feats = parse[i].feats;
    heads.push_back(parse[i].head - 1);
    labels.push_back(label_of(parse[i].label));
  }
  TreeRepair(kLabels).repair(words, &heads, &labels);
  std::vector<std::string> out;
  for (size_t i = 0; i < parse.size(); ++i) out.push_back(std::to_string(heads[i] + 1) + ":" + kLabels[labels[i]]);
  return out;
}

std::vector<std::string> unchanged(const std::vector<Row>& parse) {
  std::vector<std::string> out;
  for (const Row& r : parse) out.push_back(std::to_string(r.head) + ":" + r.label);
  return out;
}

constexpr UPos P = UPos::PROPN, N = UPos::NOUN, V = UPos::VERB, C = UPos::CCONJ, A = UPos::ADJ, D = UPos::DET,
               S = UPos::SCONJ, T = UPos::PUNCT, R = UPos::ADP;

TEST(TreeRepair, ATitleReadAsASecondSubjectModifiesTheName) {
  // German Chancellor Martin Keller spoke
  const std::vector<Row> parse = {{"German", A, 2, "amod"},  {"Chancellor", P, 5, "nsubj"}, {"Martin", P, 5, "nsubj"},
                                  {"Keller", P, 3, "flat"}, {"spoke", V, 0, "root"}};
  EXPECT_EQ(repaired(parse),
            (std::vector<std::string>{"2:amod", "3:nmod:desc", "5:nsubj", "3:flat", "0:root"}));
}

TEST(TreeRepair, AConjunctThatStartsTheSecondSubjectsNameMakesOneCoordination) {
  // Joe Biden and Russia President Vladimir Putin spoke
  const std::vector<Row> parse = {{"Joe", P, 8, "nsubj"},       {"Biden", P, 1, "flat"},
                                  {"and", C, 4, "cc"},          {"Russia", P, 1, "conj"},
                                  {"President", P, 6, "nmod:desc"}, {"Vladimir", P, 8, "nsubj"},
                                  {"Putin", P, 6, "flat"},      {"spoke", V, 0, "root"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"8:nsubj", "1:flat", "6:cc", "6:compound", "6:nmod:desc",
                                                        "1:conj", "6:flat", "0:root"}));
}

TEST(TreeRepair, ANameModifierBeforeAnAndIsTheFirstConjunct) {
  // Helen Marsh and Brazilian President Rafael Duarte met
  const std::vector<Row> parse = {{"Helen", P, 6, "nmod:desc"}, {"Marsh", P, 1, "flat"},
                                  {"and", C, 4, "cc"},          {"Brazilian", P, 2, "conj"},
                                  {"President", P, 6, "nmod:desc"}, {"Rafael", P, 8, "nsubj"},
                                  {"Duarte", P, 6, "flat"},     {"met", V, 0, "root"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"8:nsubj", "1:flat", "6:cc", "6:compound", "6:nmod:desc",
                                                        "1:conj", "6:flat", "0:root"}));
}

TEST(TreeRepair, AClauseOnANounWithThatAndASubjectIsARelativeClause) {
  // a project that the government supports
  const std::vector<Row> parse = {{"a", D, 2, "det"},           {"project", N, 0, "root"}, {"that", S, 6, "mark"},
                                  {"the", D, 5, "det"},         {"government", N, 6, "nsubj"},
                                  {"supports", V, 2, "advcl"}};
  EXPECT_EQ(repaired(parse),
            (std::vector<std::string>{"2:det", "0:root", "6:obj", "5:det", "6:nsubj", "2:acl:relcl"}));
}

TEST(TreeRepair, ANounPhraseAfterACommaIsAnAppositionNotAParataxis) {
  // built the Pipe , a project
  const std::vector<Row> parse = {{"built", V, 0, "root"}, {"the", D, 3, "det"}, {"Pipe", P, 1, "obj"},
                                  {",", T, 6, "punct"},    {"a", D, 6, "det"},   {"project", N, 1, "parataxis"}};
  EXPECT_EQ(repaired(parse),
            (std::vector<std::string>{"0:root", "3:det", "1:obj", "6:punct", "6:det", "3:appos"}));
}

constexpr const char* kFinite = "Tense=Past|VerbForm=Fin";

TEST(TreeRepair, AFiniteVerbAfterARelativeClauseIsThePredicateOfItsNoun) {
  // The firm , which makes phones , reported sales .
  const std::vector<Row> parse = {
      {"The", D, 2, "det"},       {"firm", N, 0, "root"},  {",", T, 5, "punct"},
      {"which", UPos::PRON, 5, "nsubj"}, {"makes", V, 2, "acl:relcl", kFinite}, {"phones", N, 5, "obj"},
      {",", T, 8, "punct"},       {"reported", V, 5, "conj", kFinite}, {"sales", N, 8, "obj"},
      {".", T, 2, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"2:det", "8:nsubj", "5:punct", "5:nsubj", "2:acl:relcl",
                                                       "5:obj", "5:punct", "0:root", "8:obj", "8:punct"}));
}

TEST(TreeRepair, ADescriptionOfAgeReadAsTheRootIsTheSubjectOfTheVerbAfterIt) {
  // The 29 - year - old finished second to Radcliffe , and edged out Kiplagat .
  const std::vector<Row> parse = {{"The", D, 6, "det"},
                                  {"29", UPos::NUM, 4, "nummod"},
                                  {"-", T, 2, "punct"},
                                  {"year", N, 6, "compound"},
                                  {"-", T, 4, "punct"},
                                  {"old", A, 0, "root"},
                                  {"finished", V, 6, "acl", kFinite},
                                  {"second", UPos::ADV, 7, "advmod"},
                                  {"to", R, 10, "case"},
                                  {"Radcliffe", P, 7, "obl"},
                                  {",", T, 13, "punct"},
                                  {"and", C, 13, "cc"},
                                  {"edged", V, 6, "conj", kFinite},
                                  {"Kiplagat", P, 13, "obj"},
                                  {".", T, 6, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"6:det", "4:nummod", "2:punct", "6:compound", "4:punct",
                                                       "7:nsubj", "0:root", "7:advmod", "10:case", "7:obl", "13:punct",
                                                       "13:cc", "7:conj", "13:obj", "7:punct"}));
}

TEST(TreeRepair, AClauseOpenedByWhoseReadAsAnAppositionIsARelativeClause) {
  // said Mourinho , whose team meet Barcelona .
  const std::vector<Row> parse = {{"said", V, 0, "root", kFinite},
                                  {"Mourinho", P, 6, "nsubj"},
                                  {",", T, 5, "punct"},
                                  {"whose", UPos::PRON, 5, "nmod:poss"},
                                  {"team", N, 2, "appos"},
                                  {"meet", V, 1, "ccomp", kFinite},
                                  {"Barcelona", P, 6, "obj"},
                                  {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "1:nsubj", "5:punct", "5:nmod:poss", "6:nsubj",
                                                       "2:acl:relcl", "6:obj", "1:punct"}));
}

TEST(TreeRepair, ARelativeClauseAfterACommaReadAsAParataxisHangsOnItsNoun) {
  // thanked skipper Brian O'Driscoll , who set up tries .
  const std::vector<Row> parse = {
      {"thanked", V, 0, "root", kFinite},  {"skipper", N, 1, "obj"}, {"Brian", P, 2, "appos"},
      {"O'Driscoll", P, 3, "flat"},        {",", T, 7, "punct"},     {"who", UPos::PRON, 7, "nsubj"},
      {"set", V, 1, "parataxis", kFinite}, {"tries", N, 7, "obj"},   {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "1:obj", "2:appos", "3:flat", "7:punct", "7:nsubj",
                                                       "3:acl:relcl", "7:obj", "1:punct"}));
  // "Talks failed , which surprised nobody": no noun before the comma.
  const std::vector<Row> sentential = {
      {"Talks", N, 2, "nsubj"},          {"failed", V, 0, "root", kFinite},         {",", T, 5, "punct"},
      {"which", UPos::PRON, 5, "nsubj"}, {"surprised", V, 2, "parataxis", kFinite}, {"nobody", N, 5, "obj"}};
  EXPECT_EQ(repaired(sentential), unchanged(sentential));
}

TEST(TreeRepair, ANameSetOffByCommasReadAsTheRootIsTheSubjectOfTheVerbAfterThem) {
  // Cable , for Democrats , called on Brown .
  const std::vector<Row> parse = {
      {"Cable", P, 0, "root"},      {",", T, 4, "punct"},   {"for", R, 4, "case"},
      {"Democrats", P, 1, "appos"}, {",", T, 6, "punct"},   {"called", V, 4, "acl", kFinite},
      {"on", R, 8, "case"},         {"Brown", P, 6, "obl"}, {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"6:nsubj", "4:punct", "4:case", "1:appos", "6:punct", "0:root",
                                                       "8:case", "6:obl", "1:punct"}));
}

TEST(TreeRepair, APrepositionOnTheDescriptorOfANameReadAsAnObjectIsTheNames) {
  // play alongside debutant Sherwood .
  const std::vector<Row> parse = {{"play", V, 0, "root", kFinite},
                                  {"alongside", R, 3, "case"},
                                  {"debutant", N, 4, "nmod:desc"},
                                  {"Sherwood", P, 1, "obj"},
                                  {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "4:case", "4:nmod:desc", "1:obl", "1:punct"}));
}

TEST(TreeRepair, ANameReadAsTheObjectOfTheTitleBeforeItHeadsThePhrase) {
  // beating champion Gaudio .
  const std::vector<Row> parse = {
      {"beating", V, 0, "root"}, {"champion", N, 1, "obj"}, {"Gaudio", P, 2, "obj"}, {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "3:nmod:desc", "1:obj", "1:punct"}));
}

TEST(TreeRepair, AClauseOfMeansHungOnANounIsTheVerbs) {
  // reached the final by beating Wasps .
  const std::vector<Row> parse = {
      {"reached", V, 0, "root", kFinite},       {"the", D, 3, "det"},   {"final", N, 1, "obj"}, {"by", S, 5, "mark"},
      {"beating", V, 3, "acl", "VerbForm=Ger"}, {"Wasps", P, 5, "obj"}, {".", T, 1, "punct"}};
  std::vector<std::string> want = {"0:root", "3:det", "1:obj", "5:mark", "1:advcl", "5:obj", "1:punct"};
  EXPECT_EQ(repaired(parse), want);
}

TEST(TreeRepair, TwoNounsModifyingAThirdTogetherAreNoCoordinationOfObjects) {
  // chairs the science and technology committee .
  const std::vector<Row> parse = {
      {"chairs", V, 0, "root", kFinite}, {"the", D, 3, "det"},        {"science", N, 1, "obj"}, {"and", C, 6, "cc"},
      {"technology", N, 6, "compound"},  {"committee", N, 3, "conj"}, {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse),
            (std::vector<std::string>{"0:root", "6:det", "6:compound", "5:cc", "3:conj", "1:obj", "1:punct"}));
  // "the bank and the insurance firm": a determiner of its own makes two objects.
  const std::vector<Row> two = {{"chairs", V, 0, "root", kFinite},
                                {"the", D, 3, "det"},
                                {"bank", N, 1, "obj"},
                                {"and", C, 7, "cc"},
                                {"the", D, 7, "det"},
                                {"insurance", N, 7, "compound"},
                                {"firm", N, 3, "conj"}};
  EXPECT_EQ(repaired(two), unchanged(two));
}

TEST(TreeRepair, ANameBeforeAReportedClauseWithoutSubjectIsItsSubject) {
  // told the website Ford did not deserve credit .
  const std::vector<Row> parse = {
      {"told", V, 0, "root", kFinite}, {"the", D, 3, "det"},         {"website", N, 1, "iobj"},
      {"Ford", P, 3, "appos"},         {"did", UPos::AUX, 7, "aux"}, {"not", UPos::PART, 7, "advmod"},
      {"deserve", V, 1, "ccomp"},      {"credit", N, 7, "obj"},      {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "3:det", "1:iobj", "7:nsubj", "7:aux", "7:advmod",
                                                       "1:ccomp", "7:obj", "1:punct"}));
}

TEST(TreeRepair, APrepositionReadAsTheHeadOfItsPhraseIsTheNamesCase) {
  // set up tries for Geordan Murphy and Peter Stringer .
  const std::vector<Row> parse = {
      {"set", V, 0, "root", kFinite}, {"up", R, 1, "compound"}, {"tries", N, 1, "obj"}, {"for", R, 3, "nmod"},
      {"Geordan", P, 4, "compound"},  {"Murphy", P, 5, "flat"}, {"and", C, 8, "cc"},    {"Peter", P, 5, "conj"},
      {"Stringer", P, 8, "flat"},     {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "1:compound", "1:obj", "5:case", "3:nmod", "5:flat",
                                                       "8:cc", "5:conj", "8:flat", "1:punct"}));
  // A preposition with a clause ("after seeing ...") heads no noun.
  const std::vector<Row> clause = {{"left", V, 0, "root", kFinite}, {"after", R, 1, "obl"}, {"seeing", V, 2, "obj"}};
  EXPECT_EQ(repaired(clause), unchanged(clause));
}

TEST(TreeRepair, ExamplesHungOnTheVerbAreThoseOfTheNounTheQuantityCounts) {
  // sold a number of firms , including the Odeon chain .
  const std::vector<Row> parse = {
      {"sold", V, 0, "root", kFinite}, {"a", D, 3, "det"},     {"number", N, 1, "obj"},      {"of", R, 5, "case"},
      {"firms", N, 3, "nmod"},         {",", T, 10, "punct"},  {"including", V, 10, "case"}, {"the", D, 10, "det"},
      {"Odeon", P, 10, "compound"},    {"chain", N, 1, "obl"}, {".", T, 1, "punct"}};
  std::vector<std::string> want = unchanged(parse);
  want[9] = "5:nmod";
  EXPECT_EQ(repaired(parse), want);
  // Without a noun before them, examples stay the verb's ("attend, including ...").
  const std::vector<Row> alone = {
      {"attended", V, 0, "root", kFinite}, {"including", V, 3, "case"}, {"Chirac", P, 1, "obl"}};
  EXPECT_EQ(repaired(alone), unchanged(alone));
}

TEST(TreeRepair, ANameAfterTheObjectReadAsAnObliqueIsTheObject) {
  // bought Brazilian brewer Ambev .
  const std::vector<Row> parse = {{"bought", V, 0, "root", kFinite},
                                  {"Brazilian", A, 3, "amod"},
                                  {"brewer", N, 1, "obj"},
                                  {"Ambev", P, 1, "obl"},
                                  {".", T, 1, "punct"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "3:amod", "4:nmod:desc", "1:obj", "1:punct"}));
  // An oblique with its own preposition is one: "bought the firm from Acme".
  const std::vector<Row> from = {
      {"bought", V, 0, "root", kFinite}, {"firm", N, 1, "obj"}, {"from", R, 4, "case"}, {"Acme", P, 1, "obl"}};
  EXPECT_EQ(repaired(from), unchanged(from));
}

TEST(TreeRepair, ATitleReadAsTheRootBeforeTheNameIsTheNamesDescriptor) {
  // oil firm Yukos has sued companies .
  const std::vector<Row> parse = {{"oil", N, 2, "compound"},
                                  {"firm", N, 0, "root"},
                                  {"Yukos", P, 5, "nsubj"},
                                  {"has", UPos::AUX, 5, "aux"},
                                  {"sued", V, 2, "acl:relcl", kFinite},
                                  {"companies", N, 5, "obj"},
                                  {".", T, 2, "punct"}};
  EXPECT_EQ(repaired(parse),
            (std::vector<std::string>{"2:compound", "3:nmod:desc", "5:nsubj", "5:aux", "0:root", "5:obj", "5:punct"}));
  // A relative clause with its own relative word is one: "the firm which Yukos sued".
  const std::vector<Row> relative = {{"firm", N, 0, "root"},
                                     {"which", UPos::PRON, 4, "obj"},
                                     {"Yukos", P, 4, "nsubj"},
                                     {"sued", V, 1, "acl:relcl", kFinite}};
  EXPECT_EQ(repaired(relative), unchanged(relative));
}

TEST(TreeRepair, AFiniteVerbIsNoConjunctOfAnInfinitive) {
  // she failed to finish and dropped out .
  std::vector<Row> parse = {{"she", UPos::PRON, 2, "nsubj"},
                            {"failed", V, 0, "root", kFinite},
                            {"to", UPos::PART, 4, "mark"},
                            {"finish", V, 2, "xcomp", "VerbForm=Inf"},
                            {"and", C, 6, "cc"},
                            {"dropped", V, 4, "conj", kFinite},
                            {"out", UPos::ADP, 6, "compound:prt"},
                            {".", T, 2, "punct"}};
  std::vector<std::string> want = unchanged(parse);
  want[5] = "2:conj";
  EXPECT_EQ(repaired(parse, {"VBD", "VBD", "TO", "VB", "CC", "VBD", "RP", "."}), want);
  // "to revive the programme and maintain discipline": two infinitives.
  EXPECT_EQ(repaired(parse, {"VBD", "VBD", "TO", "VB", "CC", "VB", "RP", "."}), unchanged(parse));
}

TEST(TreeRepair, AListsMiddleItemReadAsAnAppositionIsAConjunct) {
  // owns casinos , the chain and cafes .
  const std::vector<Row> parse = {
      {"owns", V, 0, "root", kFinite}, {"casinos", N, 1, "obj"}, {",", T, 5, "punct"},    {"the", D, 5, "det"},
      {"chain", N, 2, "appos"},        {"and", C, 7, "cc"},      {"cafes", N, 5, "conj"}, {".", T, 1, "punct"}};
  std::vector<std::string> want = unchanged(parse);
  want[4] = "2:conj";
  want[6] = "2:conj";
  EXPECT_EQ(repaired(parse), want);
  // A name's apposition describes it: "Robert Benmosche, Metlife's chairman and chief executive".
  const std::vector<Row> post = {{"Benmosche", P, 0, "root"},
                                 {",", T, 3, "punct"},
                                 {"chairman", N, 1, "appos"},
                                 {"and", C, 5, "cc"},
                                 {"executive", N, 3, "conj"}};
  EXPECT_EQ(repaired(post), unchanged(post));
}

TEST(TreeRepair, ANamedEventHungOnTheRaceIsTheVerbs) {
  // won gold in the 200m at the Sydney Olympics
  const std::vector<Row> parse = {
      {"won", V, 0, "root", kFinite}, {"gold", N, 1, "obj"},        {"in", R, 5, "case"},
      {"the", D, 5, "det"},           {"200m", N, 1, "obl"},        {"at", R, 9, "case"},
      {"the", D, 9, "det"},           {"Sydney", P, 9, "compound"}, {"Olympics", P, 5, "nmod"}};
  EXPECT_EQ(repaired(parse), (std::vector<std::string>{"0:root", "1:obj", "5:case", "5:det", "1:obl", "9:case", "9:det",
                                                       "9:compound", "1:obl"}));
  // A place that is no event stays on its noun: "won the race in the Sydney suburbs".
  const std::vector<Row> place = {{"won", V, 0, "root", kFinite},
                                  {"race", N, 1, "obj"},
                                  {"in", R, 5, "case"},
                                  {"the", D, 5, "det"},
                                  {"Suburbs", P, 2, "nmod"}};
  EXPECT_EQ(repaired(place), unchanged(place));
}

TEST(TreeRepair, CorrectParsesAreLeftAlone) {
  // "The 29-year-old athlete finished": "old" modifies a noun, which is the subject.
  const std::vector<Row> modifier = {{"The", D, 5, "det"},       {"29", UPos::NUM, 3, "nummod"},
                                     {"year", N, 4, "compound"}, {"old", A, 5, "amod"},
                                     {"athlete", N, 6, "nsubj"}, {"finished", V, 0, "root", kFinite}};
  EXPECT_EQ(repaired(modifier), unchanged(modifier));
  // "The 29-year-old from Kenya": no verb after the description.
  const std::vector<Row> verbless = {{"The", D, 4, "det"},  {"29", UPos::NUM, 3, "nummod"}, {"year", N, 4, "compound"},
                                     {"old", A, 0, "root"}, {"from", R, 6, "case"},         {"Kenya", P, 4, "obl"}};
  EXPECT_EQ(repaired(verbless), unchanged(verbless));
  // Joe Biden and Vladimir Putin spoke with Mr Sullivan
  const std::vector<Row> coordination = {{"Joe", P, 6, "nsubj"},     {"Biden", P, 1, "flat"}, {"and", C, 4, "cc"},
                                         {"Vladimir", P, 1, "conj"}, {"Putin", P, 4, "flat"}, {"spoke", V, 0, "root"},
                                         {"with", R, 8, "case"},     {"Sullivan", P, 6, "obl"}};
  EXPECT_EQ(repaired(coordination), unchanged(coordination));
  // the claim that he left: a complement clause (no subject-less verb with
  // "that" as object) stays; here the verb already has its object.
  const std::vector<Row> complement = {{"the", D, 2, "det"},     {"claim", N, 0, "root"},  {"that", S, 5, "mark"},
                                       {"Keller", P, 5, "nsubj"}, {"signed", V, 2, "advcl"}, {"it", UPos::PRON, 5, "obj"}};
  EXPECT_EQ(repaired(complement), unchanged(complement));
  // "Talks went well, officials said": a clause after a comma, not a noun phrase.
  const std::vector<Row> clause = {{"Talks", N, 2, "nsubj"}, {"went", V, 0, "root"},     {"well", UPos::ADV, 2, "advmod"},
                                   {",", T, 5, "punct"},     {"officials", N, 6, "nsubj"}, {"said", V, 2, "parataxis"}};
  EXPECT_EQ(repaired(clause), unchanged(clause));
  // "the firm, which makes phones, sells tablets and builds cars": a list of
  // verbs inside the relative clause (two conjuncts) is not the predicate.
  const std::vector<Row> list = {
      {"the", D, 2, "det"},   {"firm", N, 0, "root"},   {",", T, 5, "punct"},
      {"which", UPos::PRON, 5, "nsubj"}, {"makes", V, 2, "acl:relcl", kFinite}, {"phones", N, 5, "obj"},
      {",", T, 8, "punct"},   {"sells", V, 5, "conj", kFinite}, {"tablets", N, 8, "obj"},
      {"and", C, 11, "cc"},   {"builds", V, 5, "conj", kFinite}, {"cars", N, 11, "obj"}};
  EXPECT_EQ(repaired(list), unchanged(list));
}

}  // namespace
}  // namespace kg::nlp

// One table per construction: hand-annotated UD trees of sentences written
// for these tests, and the facts the extractor must (and must not) draw.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/extract/trees.h"

namespace kg::extract {
namespace {

using ::testing::Contains;
using ::testing::Not;
using testing::carb_tuples;
using testing::graph_facts;
using testing::parse_rows;

struct Case {
  const char* name;
  std::vector<std::string> rows;
  std::vector<std::string> facts;      // graph facts that must be found
  std::vector<std::string> absent;     // graph facts that must not be
  std::vector<std::string> carb = {};  // CaRB tuples (coordinations kept whole) that must be found
};

void check(const std::vector<Case>& cases, const Derivations* derivations = nullptr) {
  const Extractor graph(ExtractOptions{}, derivations);
  const Extractor carb(ExtractOptions{.split_conjuncts = false, .noun_relations = false}, derivations);
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    const nlp::Document doc = parse_rows(c.rows);
    const std::vector<std::string> got = graph_facts(doc, graph);
    for (const std::string& f : c.facts) EXPECT_THAT(got, Contains(f));
    for (const std::string& f : c.absent) EXPECT_THAT(got, Not(Contains(f)));
    const std::vector<std::string> tuples = carb_tuples(doc, carb);
    for (const std::string& f : c.carb) EXPECT_THAT(tuples, Contains(f));
  }
}

TEST(Constructions, VerbsWithObjectsAndObliques) {
  check({
      {"oblique folded with a plain object",
       {"Putin Putin PROPN NNP 2 nsubj U-PERSON", "blamed blame VERB VBD 0 root", "the the DET DT 4 det",
        "tensions tension NOUN NNS 2 obj", "on on ADP IN 7 case", "the the DET DT 7 det",
        "West West PROPN NNP 2 obl U-LOC", ". . PUNCT . 2 punct"},
       {"Putin · blame tension on · West"},
       {"Putin · blame · tensions"},
       {"blamed | Putin | the tensions | on the West"}},
      {"direct object",
       {"Putin Putin PROPN NNP 2 nsubj U-PERSON", "demanded demand VERB VBD 0 root", "legal legal ADJ JJ 4 amod",
        "guarantees guarantee NOUN NNS 2 obj", ". . PUNCT . 2 punct"},
       {"Putin · demand · legal guarantees"},
       {},
       {"demanded | Putin | legal guarantees"}},
  });
}

TEST(Constructions, Passives) {
  check({
      {"agent, modal",
       {"The the DET DT 2 det", "pipeline pipeline NOUN NN 5 nsubj:pass", "could could AUX MD 5 aux",
        "be be AUX VB 5 aux:pass", "suspended suspend VERB VBN 0 root", "by by ADP IN 7 case",
        "Berlin Berlin PROPN NNP 5 obl:agent U-LOC", ". . PUNCT . 5 punct"},
       {"pipeline · be suspended by · Berlin [modal]"},
       {"pipeline · be suspended by · Berlin"},
       {"could be suspended | The pipeline | by Berlin"}},
  });
  // A list inside a noun's modifier splits the phrase, each part keeping the
  // modifier's own preposition ("views from fishermen and processors").
  check({
      {"split modifier keeps its preposition",
       {"Ministers minister NOUN NNS 2 nsubj O", "sought seek VERB VBD 0 root", "views view NOUN NNS 2 obj",
        "from from ADP IN 5 case", "fishermen fisherman NOUN NNS 3 nmod O", "and and CCONJ CC 7 cc",
        "processors processor NOUN NNS 5 conj O", ". . PUNCT . 2 punct"},
       {"ministers · seek · views from fishermen", "ministers · seek · views from processors"},
       {"ministers · seek · views of fishermen"},
       {}},
  });
  // Coordinated modifiers stay in the phrase, with their conjunction.
  check({
      {"coordinated modifiers",
       {"Gibson Gibson PROPN NNP 2 nsubj U-PERSON", "chairs chair VERB VBZ 0 root", "the the DET DT 7 det",
        "science science NOUN NN 7 compound O", "and and CCONJ CC 6 cc", "technology technology NOUN NN 4 conj O",
        "committee committee NOUN NN 2 obj O", ". . PUNCT . 2 punct"},
       {"Gibson · chair · science and technology committee"},
       {"Gibson · chair · science committee"},
       {}},
  });
  // An act a noun of intention names is meant, not done ("made a bid to buy").
  check({
      {"noun of intention",
       {"Yukos Yukos PROPN NNP 2 nsubj U-ORG", "made make VERB VBD 0 root", "a a DET DT 4 det", "bid bid NOUN NN 2 obj",
        "to to PART TO 6 mark", "buy buy VERB VB 2 advcl", "Acme Acme PROPN NNP 6 obj U-ORG", ". . PUNCT . 2 punct"},
       {"Yukos · buy · Acme [modal]"},
       {"Yukos · buy · Acme"},
       {}},
  });
  // "will" is an event to come, flagged as a modal is (a reader must not take
  // it for one that happened); no agent leaves no graph object but a CaRB tuple.
  const nlp::Document doc = parse_rows({"The the DET DT 2 det", "pipeline pipeline NOUN NN 5 nsubj:pass",
                                        "will will AUX MD 5 aux", "be be AUX VB 5 aux:pass",
                                        "suspended suspend VERB VBN 0 root", ". . PUNCT . 5 punct"});
  const std::vector<Proposition> props = Extractor().extract(doc, 0);
  ASSERT_EQ(props.size(), 1u);
  EXPECT_EQ(props[0].construction, Construction::kPassive);
  EXPECT_EQ(props[0].relation_text, "will be suspended");
  EXPECT_EQ(props[0].subject.text, "The pipeline");
  EXPECT_TRUE(props[0].modal);
  EXPECT_FALSE(graph_triple(props[0]).has_value());
}

TEST(Constructions, CopulasAndAppositions) {
  check({
      {"copula",
       {"Nuland Nuland PROPN NNP 5 nsubj U-PERSON", "is be AUX VBZ 5 cop", "a a DET DT 5 det",
        "senior senior ADJ JJ 5 amod", "official official NOUN NN 0 root", ". . PUNCT . 5 punct"},
       {"Nuland · be · senior official"},
       {},
       {"is | Nuland | a senior official"}},
      {"negated adjectival predicate",
       {"Putin Putin PROPN NNP 4 nsubj U-PERSON", "was be AUX VBD 4 cop", "not not PART RB 4 advmod",
        "conciliatory conciliatory ADJ JJ 0 root", ". . PUNCT . 4 punct"},
       {"Putin · be · conciliatory [neg]"},
       {"Putin · be · conciliatory"},
       {"was not | Putin | conciliatory"}},
      {"apposition",
       {"Victoria Victoria PROPN NNP 8 nsubj B-PERSON", "Nuland Nuland PROPN NNP 1 flat L-PERSON",
        ", , PUNCT , 6 punct", "a a DET DT 6 det", "top top ADJ JJ 6 amod", "diplomat diplomat NOUN NN 1 appos",
        ", , PUNCT , 6 punct", "testified testify VERB VBD 0 root", ". . PUNCT . 8 punct"},
       {"Victoria Nuland · be · top diplomat"},
       {},
       {"is | Victoria Nuland | a top diplomat", "testified | Victoria Nuland"}},
  });
}

TEST(Constructions, XcompChains) {
  check({
      {"seek to divide",
       {"Putin Putin PROPN NNP 3 nsubj U-PERSON", "has have AUX VBZ 3 aux", "sought seek VERB VBN 0 root",
        "to to PART TO 5 mark", "divide divide VERB VB 3 xcomp", "America America PROPN NNP 5 obj U-LOC",
        "and and CCONJ CC 9 cc", "its its PRON PRP$ 9 nmod:poss", "allies ally NOUN NNS 6 conj", ". . PUNCT . 3 punct"},
       {"Putin · seek to divide · America", "Putin · seek to divide · allies"},
       {"Putin · seek · America"},
       {"has sought to divide | Putin | America and its allies"}},
      // The parser reads the object's infinitive as a clause of purpose: the
      // object still does it, not the subject.
      {"allow an object to act, read as advcl",
       {"Halden Halden PROPN NNP 2 nsubj U-ORG", "allows allow VERB VBZ 0 root", "fans fan NOUN NNS 2 obj",
        "to to PART TO 5 mark", "hear hear VERB VB 2 advcl", "Lindqvist Lindqvist PROPN NNP 5 obj U-PERSON",
        ". . PUNCT . 2 punct"},
       {"fans · hear · Lindqvist"},
       {"Halden · hear · Lindqvist"}},
  });
}

TEST(Constructions, ReportedSpeechNegationModality) {
  check({
      {"attribution kept",
       {"Sullivan Sullivan PROPN NNP 2 nsubj U-PERSON", "said say VERB VBD 0 root", "that that SCONJ IN 5 mark",
        "Biden Biden PROPN NNP 5 nsubj U-PERSON", "warned warn VERB VBD 2 ccomp",
        "Putin Putin PROPN NNP 5 obj U-PERSON", ". . PUNCT . 2 punct"},
       {"Biden · warn · Putin [by Sullivan]"},
       {"Biden · warn · Putin"},
       {"said that | Sullivan | Biden warned Putin", "warned | Biden | Putin"}},
      {"negation",
       {"Biden Biden PROPN NNP 4 nsubj U-PERSON", "did do AUX VBD 4 aux", "not not PART RB 4 advmod",
        "threaten threaten VERB VB 0 root", "Moscow Moscow PROPN NNP 4 obj U-LOC", ". . PUNCT . 4 punct"},
       {"Biden · threaten · Moscow [neg]"},
       {"Biden · threaten · Moscow"},
       {"did not threaten | Biden | Moscow"}},
      {"modality",
       {"Russia Russia PROPN NNP 3 nsubj U-LOC", "may may AUX MD 3 aux", "invade invade VERB VB 0 root",
        "Ukraine Ukraine PROPN NNP 3 obj U-LOC", ". . PUNCT . 3 punct"},
       {"Russia · invade · Ukraine [modal]"},
       {"Russia · invade · Ukraine"},
       {"may invade | Russia | Ukraine"}},
  });
}

TEST(Constructions, ConjunctsDistributed) {
  check({
      {"conjoined possessors of a role noun",
       {"Biden Biden PROPN NNP 2 nsubj U-PERSON", "called call VERB VBD 0 root", "the the DET DT 4 det",
        "leaders leader NOUN NNS 2 obj", "of of ADP IN 6 case", "France France PROPN NNP 4 nmod U-LOC",
        ", , PUNCT , 8 punct", "Germany Germany PROPN NNP 6 conj U-LOC", "and and CCONJ CC 10 cc",
        "Italy Italy PROPN NNP 6 conj U-LOC", ". . PUNCT . 2 punct"},
       {"Biden · call · leaders of France", "Biden · call · leaders of Germany", "Biden · call · leaders of Italy"},
       {},
       {"called | Biden | the leaders of France , Germany and Italy"}},
      {"conjoined subjects",
       {"Paris Paris PROPN NNP 4 nsubj U-LOC", "and and CCONJ CC 3 cc", "Berlin Berlin PROPN NNP 1 conj U-LOC",
        "rejected reject VERB VBD 0 root", "the the DET DT 6 det", "plan plan NOUN NN 4 obj",
        ". . PUNCT . 4 punct"},
       {"Paris · reject · plan", "Berlin · reject · plan"},
       {},
       {"rejected | Paris and Berlin | the plan"}},
      {"conjoined verbs share the subject",
       {"Moscow Moscow PROPN NNP 2 nsubj U-LOC", "denied deny VERB VBD 0 root", "the the DET DT 4 det",
        "report report NOUN NN 2 obj", "and and CCONJ CC 6 cc", "blamed blame VERB VBD 2 conj",
        "Kyiv Kyiv PROPN NNP 6 obj U-LOC", ". . PUNCT . 2 punct"},
       {"Moscow · deny · report", "Moscow · blame · Kyiv"},
       {},
       {"denied | Moscow | the report", "blamed | Moscow | Kyiv"}},
  });
}

TEST(Constructions, RelativeClauses) {
  check({
      {"object gap",
       {"Washington Washington PROPN NNP 2 nsubj U-LOC", "opposes oppose VERB VBZ 0 root", "a a DET DT 4 det",
        "project project NOUN NN 2 obj", "that that PRON WDT 7 obj _ PronType=Rel",
        "Berlin Berlin PROPN NNP 7 nsubj U-LOC", "supports support VERB VBZ 4 acl:relcl", ". . PUNCT . 2 punct"},
       {"Berlin · support · project", "Washington · oppose · project"},
       {"Berlin · support · that"},
       {"supports | Berlin | a project", "opposes | Washington | a project"}},
      {"subject gap",
       {"The the DET DT 2 det", "firm firm NOUN NN 7 nsubj", "that that PRON WDT 4 nsubj _ PronType=Rel",
        "built build VERB VBD 2 acl:relcl", "the the DET DT 6 det", "pipeline pipeline NOUN NN 4 obj",
        "collapsed collapse VERB VBD 0 root", ". . PUNCT . 7 punct"},
       {"firm · build · pipeline"},
       {"that · build · pipeline"},
       {"built | The firm | the pipeline", "collapsed | The firm"}},
      // "which" hung on a person is the firm named under him just before it.
      {"which after a person's apposition",
       {"Nils Nils PROPN NNP 0 root B-PERSON", "Berg Berg PROPN NNP 1 flat L-PERSON", ", , PUNCT , 4 punct",
        "director director NOUN NN 1 appos", "of of ADP IN 6 case", "Tarnco Tarnco PROPN NNP 4 nmod U-ORG",
        ", , PUNCT , 9 punct", "which which PRON WDT 9 nsubj _ PronType=Rel", "entered enter VERB VBD 1 acl:relcl",
        "Norway Norway PROPN NNP 9 obj U-LOC"},
       {"Tarnco · enter · Norway"},
       {"Nils Berg · enter · Norway"}},
      // Right after the name, the name is what "which" means, whatever its tag.
      {"which right after a name tagged as a person's",
       {"Umbra Umbra PROPN NNP 6 nsubj U-PERSON", ", , PUNCT , 1 punct", "which which PRON WDT 4 nsubj _ PronType=Rel",
        "lost lose VERB VBD 1 acl:relcl", "Celtic Celtic PROPN NNP 4 obj U-ORG", "signed sign VERB VBD 0 root",
        "Rangers Rangers PROPN NNP 6 obj U-ORG"},
       {"Umbra · lose · Celtic"},
       {}},
  });
}

TEST(Constructions, ReciprocalCoordination) {
  check({
      {"coordinated subjects of a reciprocal verb",
       {"Biden Biden PROPN NNP 4 nsubj U-PERSON", "and and CCONJ CC 3 cc", "Putin Putin PROPN NNP 1 conj U-PERSON",
        "talked talk VERB VBD 0 root", "for for ADP IN 7 case", "an a DET DT 7 det", "hour hour NOUN NN 4 obl",
        ". . PUNCT . 4 punct"},
       {"Biden · talk with · Putin"},
       {"Biden · talk for · hour", "Putin · talk for · hour"},
       {"talked | Biden and Putin | for an hour"}},
      {"a verb that is not reciprocal is distributed",
       {"Biden Biden PROPN NNP 4 nsubj U-PERSON", "and and CCONJ CC 3 cc", "Putin Putin PROPN NNP 1 conj U-PERSON",
        "visited visit VERB VBD 0 root", "Geneva Geneva PROPN NNP 4 obj U-LOC", ". . PUNCT . 4 punct"},
       {"Biden · visit · Geneva", "Putin · visit · Geneva"},
       {"Biden · visit with · Putin"}},
  });
}

TEST(Constructions, Nominalizations) {
  Derivations d;
  d.add("testimony", "testify");
  check({{"testimony to X during a clause whose subject testifies",
          {"During during ADP IN 2 case", "testimony testimony NOUN NN 8 obl", "to to ADP IN 5 case",
           "the the DET DT 5 det", "committee committee NOUN NN 2 nmod", ", , PUNCT , 8 punct",
           "Nuland Nuland PROPN NNP 8 nsubj U-PERSON", "warned warn VERB VBD 0 root",
           "senators senator NOUN NNS 8 obj", ". . PUNCT . 8 punct"},
          {"Nuland · testify to · committee", "Nuland · warn · senators"},
          {}}},
        &d);
  // A bare noun of means is no event: "by phone with X" is the verb's phrase.
  d.add("phone", "phonate");
  check({{"a bare means noun takes no nominalization",
          {"Erdogan Erdogan PROPN NNP 2 nsubj U-PERSON", "spoke speak VERB VBD 0 root", "by by ADP IN 4 case",
           "phone phone NOUN NN 2 obl", "with with ADP IN 6 case", "Macron Macron PROPN NNP 4 nmod U-PERSON",
           ". . PUNCT . 2 punct"},
          {"Erdogan · speak with · Macron"},
          {"Erdogan · phonate with · Macron"}}},
        &d);
  // A noun WordNet pairs with a verb made from it names no act ("valued
  // its unit at X" is no unifying); a noun that names the act still does.
  d.add("unit", "unify");
  d.add("apology", "apologise");
  check({{"a noun a verb was made from takes no nominalization",
          {"Advisers adviser NOUN NNS 2 nsubj", "valued value VERB VBD 0 root", "its its PRON PRP$ 4 nmod:poss",
           "unit unit NOUN NN 2 obj", "at at ADP IN 6 case", "Deluxe Deluxe PROPN NNP 4 nmod U-ORG",
           ". . PUNCT . 2 punct"},
          {"advisers · value unit at · Deluxe"},
          {"advisers · unify at · Deluxe"}},
         {"an apology is still the act of apologising",
          {"In in ADP IN 3 case", "his his PRON PRP$ 3 nmod:poss", "apology apology NOUN NN 8 obl",
           "to to ADP IN 5 case", "Brown Brown PROPN NNP 3 nmod U-PERSON", ", , PUNCT , 8 punct",
           "Blair Blair PROPN NNP 8 nsubj U-PERSON", "spoke speak VERB VBD 0 root", ". . PUNCT . 8 punct"},
          {"Blair · apologise to · Brown"},
          {}}},
        &d);
  // A role names a person, not an act: a vice president presides over nothing.
  d.add("president", "preside");
  check({{"a role noun takes no nominalization",
          {"VH1 VH1 PROPN NNP 3 nmod:poss U-ORG", "'s 's PART POS 1 case", "president president NOUN NN 6 nsubj",
           "of of ADP IN 5 case", "music music NOUN NN 3 nmod", "spoke speak VERB VBD 0 root", ". . PUNCT . 6 punct"},
          {},
          {"VH1 · preside · music"}}},
        &d);
  // Without the derivations model the rule is off.
  const nlp::Document doc = parse_rows({"During during ADP IN 2 case", "testimony testimony NOUN NN 5 obl",
                                        "Nuland Nuland PROPN NNP 5 nsubj U-PERSON", ", , PUNCT , 5 punct",
                                        "warned warn VERB VBD 0 root", ". . PUNCT . 5 punct"});
  for (const Proposition& p : Extractor().extract(doc, 0)) EXPECT_NE(p.construction, Construction::kNominalization);
}

TEST(Constructions, PossessivesAndNounModifiers) {
  check({
      {"possessive",
       {"Putin Putin PROPN NNP 3 nmod:poss U-PERSON", "'s 's PART POS 1 case", "adviser adviser NOUN NN 4 nsubj",
        "spoke speak VERB VBD 0 root", ". . PUNCT . 4 punct"},
       {"Putin · have · adviser"},
       {}},
      {"demonym adjective",
       {"Russian Russian ADJ JJ 2 amod U-MISC", "companies company NOUN NNS 3 nsubj", "built build VERB VBD 0 root",
        "the the DET DT 5 det", "pipeline pipeline NOUN NN 3 obj", ". . PUNCT . 3 punct"},
       {"company · be · Russian", "Russian companies · build · pipeline"},
       {}},
  });
  // The CaRB view leaves noun relations out (CaRB's gold rarely states them).
  const nlp::Document doc = parse_rows({"Putin Putin PROPN NNP 3 nmod:poss U-PERSON", "'s 's PART POS 1 case",
                                        "adviser adviser NOUN NN 4 nsubj", "spoke speak VERB VBD 0 root",
                                        ". . PUNCT . 4 punct"});
  EXPECT_THAT(carb_tuples(doc, Extractor(ExtractOptions{.split_conjuncts = false, .noun_relations = false})),
              ::testing::ElementsAre("spoke | Putin 's adviser"));
}

TEST(Constructions, DatelineWordsAreNoArguments) {
  check({{"dateline with source",
          {"MOSCOW Moscow PROPN NNP 7 dep U-LOC", "( ( PUNCT -LRB- 3 punct", "AFP AFP PROPN NNP 1 appos U-ORG",
           ") ) PUNCT -RRB- 3 punct", "- - PUNCT HYPH 1 punct", "Putin Putin PROPN NNP 7 nsubj U-PERSON",
           "met meet VERB VBD 0 root", "Biden Biden PROPN NNP 7 obj U-PERSON", ". . PUNCT . 7 punct"},
          {"Putin · meet · Biden"},
          {"Moscow · be · AFP", "MOSCOW · be · AFP"}}});
  const nlp::Document doc = parse_rows({"MOSCOW Moscow PROPN NNP 7 dep U-LOC", "( ( PUNCT -LRB- 3 punct",
                                        "AFP AFP PROPN NNP 1 appos U-ORG", ") ) PUNCT -RRB- 3 punct",
                                        "- - PUNCT HYPH 1 punct", "Putin Putin PROPN NNP 7 nsubj U-PERSON",
                                        "met meet VERB VBD 0 root", "Biden Biden PROPN NNP 7 obj U-PERSON",
                                        ". . PUNCT . 7 punct"});
  for (const Proposition& p : Extractor().extract(doc, 0)) {
    EXPECT_GE(p.span.begin, 5u) << p.relation;
  }
}

// Trees as the shipped parser gets them wrong (the reference article's
// sentences, in our own words): the facts survive the misparse.
TEST(Constructions, CommonParserErrors) {
  check({
      {"a clause of time hung on a noun says nothing of the noun",
       {"Lee Lee PROPN NNP 2 nsubj U-PERSON", "praised praise VERB VBD 0 root", "striker striker NOUN NN 2 obj",
        "Jon Jon PROPN NNP 3 appos B-PERSON", "Moss Moss PROPN NNP 4 flat L-PERSON", "after after SCONJ IN 7 mark",
        "beating beat VERB VBG 3 acl", "Kelso Kelso PROPN NNP 7 obj U-ORG"},
       {},
       {"Jon Moss · beat · Kelso", "striker · beat · Kelso"}},
      {"a bare conjunct, no conjunction nor comma of its own, inherits no subject",
       {"Lee Lee PROPN NNP 2 nsubj U-PERSON", "praised praise VERB VBD 0 root", "a a DET DT 4 det",
        "deal deal NOUN NN 2 obj", "like like ADP IN 6 case", "that that PRON DT 4 nmod", "signed sign VERB VBN 2 conj",
        "by by ADP IN 9 case", "Alcor Alcor PROPN NNP 7 obl U-ORG"},
       {"Lee · praise · deal"},
       {"Lee · sign by · Alcor", "Lee · sign · Alcor"}},
      {"a conjunct with its conjunction shares the subject",
       {"Lee Lee PROPN NNP 2 nsubj U-PERSON", "praised praise VERB VBD 0 root", "the the DET DT 4 det",
        "deal deal NOUN NN 2 obj", "and and CCONJ CC 6 cc", "thanked thank VERB VBD 2 conj",
        "Alcor Alcor PROPN NNP 6 obj U-ORG"},
       {"Lee · thank · Alcor"},
       {}},
      {"an adverbial clause labelled ccomp is no object: the relative clause keeps its gap",
       {"They they PRON PRP 2 nsubj", "built build VERB VBD 0 root", "the the DET DT 5 det",
        "Baltic Baltic PROPN NNP 5 compound B-MISC", "Pipe Pipe PROPN NNP 2 obj L-MISC", ", , PUNCT , 8 punct",
        "a a DET DT 8 det", "project project NOUN NN 2 obl", "that that SCONJ IN 12 mark",
        "Denmark Denmark PROPN NNP 12 nsubj U-LOC", "strongly strongly ADV RB 12 advmod",
        "supports support VERB VBZ 8 acl _ VerbForm=Fin", ", , PUNCT , 16 punct", "because because SCONJ IN 16 mark",
        "it it PRON PRP 16 nsubj", "helps help VERB VBZ 12 ccomp _ VerbForm=Fin", "farmers farmer NOUN NNS 16 obj",
        ". . PUNCT . 2 punct"},
       {"Denmark · support · Baltic Pipe"},
       {}},
      {"a subject hung on the noun before it",
       {"After after SCONJ IN 2 mark", "ending end VERB VBG 0 root", "his his PRON PRP$ 4 nmod:poss",
        "talk talk NOUN NN 2 obj", "with with ADP IN 6 case", "Scholz Scholz PROPN NNP 4 nmod U-PERSON",
        ", , PUNCT , 8 punct", "Erdogan Erdogan PROPN NNP 6 nmod:unmarked U-PERSON",
        "phoned phone VERB VBD 2 parataxis", "Macron Macron PROPN NNP 9 obj U-PERSON", ". . PUNCT . 2 punct"},
       {"Erdogan · phone · Macron"},
       {}},
      {"... also when the verb is a conjunct without a conjunction",
       {"After after SCONJ IN 2 mark", "ending end VERB VBG 0 root", "his his PRON PRP$ 4 nmod:poss",
        "talk talk NOUN NN 2 obj", "with with ADP IN 6 case", "Scholz Scholz PROPN NNP 4 nmod U-PERSON",
        ", , PUNCT , 8 punct", "Erdogan Erdogan PROPN NNP 6 nmod:unmarked U-PERSON", "phoned phone VERB VBD 2 conj",
        "Macron Macron PROPN NNP 9 obj U-PERSON", ". . PUNCT . 2 punct"},
       {"Erdogan · phone · Macron"},
       {}},
      {"a name tagged NOUN after a preposition still folds the object into the relation",
       {"Putin Putin PROPN NNP 2 nsubj U-PERSON", "blamed blame VERB VBD 0 root", "the the DET DT 4 det",
        "tensions tension NOUN NNS 2 obj", "on on ADP IN 7 case", "the the DET DT 7 det", "West west NOUN NN 4 nmod",
        ". . PUNCT . 2 punct"},
       {"Putin · blame tension on · West"},
       {}},
      {"a phrase after a bare means noun belongs to the verb",
       {"Erdogan Erdogan PROPN NNP 2 nsubj U-PERSON", "spoke speak VERB VBD 0 root", "by by ADP IN 4 case",
        "phone phone NOUN NN 2 obl", "with with ADP IN 6 case", "Macron Macron PROPN NNP 4 nmod U-PERSON",
        ". . PUNCT . 2 punct"},
       {"Erdogan · speak with · Macron"},
       {"Erdogan · speak by · phone"}},
      {"a subject right after a preposition is that preposition's object, not a second subject",
       {"After after SCONJ IN 2 mark", "meeting meet VERB VBG 7 advcl", "with with ADP IN 7 mark",
        "Scholz Scholz PROPN NNP 7 nsubj U-PERSON", ", , PUNCT , 7 punct", "Erdogan Erdogan PROPN NNP 7 nsubj U-PERSON",
        "spoke speak VERB VBD 0 root", "with with ADP IN 9 case", "Macron Macron PROPN NNP 7 obl U-PERSON",
        ". . PUNCT . 7 punct"},
       {"Erdogan · speak with · Macron"},
       {"Scholz · speak with · Erdogan", "Scholz · speak with · Macron"},
       {"spoke | Erdogan | with Macron"}},
      {"two prepositional phrases read as a nominal clause marked by the first preposition",
       {"Scholz Scholz PROPN NNP 2 nsubj U-PERSON", "spoke speak VERB VBD 0 root", "with with ADP IN 8 mark",
        "Macron Macron PROPN NNP 8 nsubj U-PERSON", "about about ADP IN 8 case", "the the DET DT 8 det",
        "gas gas NOUN NN 8 compound", "deal deal NOUN NN 2 ccomp", ". . PUNCT . 2 punct"},
       {"Scholz · speak with · Macron"},
       {},
       {"spoke | Scholz | with Macron | about the gas deal"}},
      {"... but a subordinator does open a clause with a subject",
       {"Scholz Scholz PROPN NNP 2 nsubj U-PERSON", "left leave VERB VBD 0 root", "after after ADP IN 5 mark",
        "Macron Macron PROPN NNP 5 nsubj U-PERSON", "spoke speak VERB VBD 2 advcl", ". . PUNCT . 2 punct"},
       {},
       {},
       {"spoke | Macron"}},
      {"a relative pronoun the parser left without an antecedent names nothing",
       {"whose whose PRON WP$ 2 nsubj _ Poss=Yes|PronType=Rel", "support support VERB VB 0 root",
        "officials official NOUN NNS 2 obj", "say say VERB VBP 2 parataxis", ". . PUNCT . 2 punct"},
       {},
       {"whose · support · officials"}},
      {"a title word made head or conjunct stands for the name after it",
       {"Turkish Turkish PROPN NNP 10 nsubj", "President President PROPN NNP 3 nmod:desc",
        "Recep Recep PROPN NNP 1 appos B-PERSON", "Erdogan Erdogan PROPN NNP 3 flat L-PERSON", "and and CCONJ CC 6 cc",
        "German German PROPN NNP 3 conj", "Chancellor Chancellor PROPN NNP 8 nmod:desc",
        "Olaf Olaf PROPN NNP 6 flat B-PERSON", "Scholz Scholz PROPN NNP 8 flat L-PERSON", "talked talk VERB VBD 0 root",
        ". . PUNCT . 10 punct"},
       {"Recep Erdogan · talk with · Olaf Scholz"},
       {"Turkish · be · Recep Erdogan"}},
  });
}

TEST(Constructions, ConfidenceIsInRangeAndRanksConstructions) {
  const nlp::Document doc = parse_rows(
      {"Putin Putin PROPN NNP 3 nmod:poss U-PERSON", "'s 's PART POS 1 case", "adviser adviser NOUN NN 4 nsubj",
       "met meet VERB VBD 0 root", "Biden Biden PROPN NNP 4 obj U-PERSON", ". . PUNCT . 4 punct"});
  const std::vector<Proposition> props = Extractor().extract(doc, 0);
  ASSERT_EQ(props.size(), 2u);
  float verb = -1, possessive = -1;
  for (const Proposition& p : props) {
    EXPECT_GE(p.confidence, 0.0f);
    EXPECT_LE(p.confidence, 1.0f);
    if (p.construction == Construction::kVerb) verb = p.confidence;
    if (p.construction == Construction::kPossessive) possessive = p.confidence;
  }
  EXPECT_GT(verb, possessive);
}

TEST(CarbFormat, OneTabSeparatedLinePerTuple) {
  const nlp::Document doc = parse_rows({"Putin Putin PROPN NNP 2 nsubj U-PERSON", "blamed blame VERB VBD 0 root",
                                        "the the DET DT 4 det", "tensions tension NOUN NNS 2 obj",
                                        "on on ADP IN 7 case", "the the DET DT 7 det",
                                        "West West PROPN NNP 2 obl U-LOC", ". . PUNCT . 2 punct"});
  const Extractor x(ExtractOptions{.split_conjuncts = false, .noun_relations = false});
  const std::string out = format_carb("Putin blamed the tensions on the West .", x.extract(doc, 0));
  EXPECT_EQ(out, "Putin blamed the tensions on the West .\t0.900\tblamed\tPutin\tthe tensions\ton the West\n");
}

}  // namespace
}  // namespace kg::extract

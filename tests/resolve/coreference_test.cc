// Within-article coreference on hand-annotated sentences (annotated_text.h).
#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/resolve/resolve.h"
#include "tests/resolve/annotated_text.h"

namespace kg::resolve {
namespace {

using testing::annotated;

const Cluster* find_cluster(const DocumentEntities& e, std::string_view name) {
  for (const Cluster& c : e.clusters) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

uint32_t alias_count(const Cluster& c, std::string_view alias) {
  for (const auto& [a, n] : c.aliases) {
    if (a == alias) return n;
  }
  return 0;
}

// The cluster name of word `w` of sentence `s`, "" when none.
std::string name_at(const DocumentEntities& e, uint32_t s, uint32_t w) {
  const int32_t c = e.cluster_at(s, w);
  return c < 0 ? std::string() : e.clusters[c].name;
}

TEST(Coreference, SurnameAndHonorificJoinTheFullName) {
  const nlp::Document doc = annotated({
      "Tony/PROPN/B-PERSON/nsubj/3 Blair/PROPN/L-PERSON/flat/1 spoke/VERB/_/root/0 ./PUNCT/_/punct/3",
      "Mr/PROPN/_/compound/2 Blair/PROPN/U-PERSON/nsubj/3 smiled/VERB/_/root/0",
      "Later/ADV/_/advmod/3 Blair/PROPN/U-PERSON/nsubj/3 left/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 1u);
  const Cluster& blair = e.clusters[0];
  EXPECT_EQ(blair.name, "Tony Blair");
  EXPECT_EQ(blair.type, nlp::EntityType::kPerson);
  EXPECT_EQ(alias_count(blair, "Tony Blair"), 1u);
  EXPECT_EQ(alias_count(blair, "Mr Blair"), 1u);
  EXPECT_EQ(alias_count(blair, "Blair"), 1u);
  EXPECT_EQ(blair.gender, Gender::kMale);
  EXPECT_EQ(blair.name_mentions, 3u);
  const store::EntityRecord record = entity_record(blair);
  EXPECT_EQ(record.name, "Tony Blair");
  EXPECT_EQ(record.type, store::EntityType::kPerson);
  EXPECT_EQ(record.mentions, 3u);
  EXPECT_EQ(record.aliases.size(), 3u);
  EXPECT_TRUE(e.titles.empty()) << "an honorific alone is not a title";
}

TEST(Coreference, TwoFullNamesSharingASurnameStayTwo) {
  const nlp::Document doc = annotated({
      "Gordon/PROPN/B-PERSON/nsubj/3 Brown/PROPN/L-PERSON/flat/1 met/VERB/_/root/0 Nick/PROPN/B-PERSON/obj/3 "
      "Brown/PROPN/L-PERSON/flat/4",
      "Mr/PROPN/_/compound/2 Brown/PROPN/U-PERSON/nsubj/3 agreed/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 2u);
  EXPECT_EQ(e.clusters[0].name, "Gordon Brown");
  EXPECT_EQ(e.clusters[1].name, "Nick Brown");
  // The nearest full name before the short form wins.
  EXPECT_EQ(name_at(e, 1, 1), "Nick Brown");
}

// A mention by first name ("Sir Ian") keeps its person near, but not for
// the surname: "Mr Blair" is the last person named with it.
TEST(Coreference, ASurnameGoesToTheLastPersonNamedWithIt) {
  const nlp::Document doc = annotated({
      "Sir/PROPN/_/compound/2 Ian/PROPN/B-PERSON/nsubj/4 Blair/PROPN/L-PERSON/flat/2 spoke/VERB/_/root/0",
      "Tony/PROPN/B-PERSON/nsubj/3 Blair/PROPN/L-PERSON/flat/1 replied/VERB/_/root/0",
      "Sir/PROPN/_/compound/2 Ian/PROPN/U-PERSON/nsubj/3 smiled/VERB/_/root/0",
      "Mr/PROPN/_/compound/2 Blair/PROPN/U-PERSON/nsubj/3 left/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_NE(find_cluster(e, "Ian Blair"), nullptr);
  ASSERT_NE(find_cluster(e, "Tony Blair"), nullptr);
  EXPECT_EQ(name_at(e, 2, 1), "Ian Blair");
  EXPECT_EQ(name_at(e, 3, 1), "Tony Blair");
}

TEST(Coreference, HeadlineSurnameJoinsTheFullNameBelowIt) {
  const nlp::Document doc = annotated({
      "Blair/PROPN/U-PERSON/nsubj/2 defends/VERB/_/root/0 plan/NOUN/_/obj/2",
      "Prime/PROPN/_/compound/2 Minister/PROPN/_/compound/4 Tony/PROPN/B-PERSON/nsubj/5 Blair/PROPN/L-PERSON/flat/3 "
      "spoke/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 1u);
  EXPECT_EQ(e.clusters[0].name, "Tony Blair");
  ASSERT_EQ(e.titles.size(), 1u);
  EXPECT_EQ(e.titles[0].title, "Prime Minister");
  EXPECT_EQ(e.titles[0].begin, 0u);
  EXPECT_EQ(e.titles[0].end, 2u);
  EXPECT_EQ(name_at(e, 1, 0), "Tony Blair") << "title words map to the person";
}

TEST(Coreference, GenderFromHonorificsKeepsShortFormsApart) {
  const nlp::Document doc = annotated({
      "Ms/PROPN/_/compound/2 Ann/PROPN/B-PERSON/nsubj/4 Smith/PROPN/L-PERSON/flat/2 met/VERB/_/root/0 "
      "John/PROPN/B-PERSON/obj/4 Smith/PROPN/L-PERSON/flat/5",
      "Mr/PROPN/_/compound/2 Smith/PROPN/U-PERSON/nsubj/3 spoke/VERB/_/root/0 first/ADV/_/advmod/3",
      "Ms/PROPN/_/compound/2 Smith/PROPN/U-PERSON/nsubj/3 agreed/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 2u);
  EXPECT_EQ(name_at(e, 1, 1), "John Smith");
  EXPECT_EQ(name_at(e, 2, 1), "Ann Smith") << "Ms never joins the man, though he was named last";
}

// A full name's given name states a gender: "Mrs Howard" is not Michael
// Howard, though "Mr Howard" joined him first, and "she" is not him.
TEST(Coreference, GenderFromGivenNamesKeepsShortFormsAndPronounsApart) {
  const nlp::Document doc = annotated({
      "Michael/PROPN/B-PERSON/nsubj/3 Howard/PROPN/L-PERSON/flat/1 spoke/VERB/_/root/0",
      "Mr/PROPN/_/compound/2 Howard/PROPN/U-PERSON/nsubj/3 smiled/VERB/_/root/0",
      "Mrs/PROPN/_/compound/2 Howard/PROPN/U-PERSON/nsubj/3 waved/VERB/_/root/0",
      "Later/ADV/_/advmod/3 she/PRON/_/nsubj/3 left/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 2u);
  EXPECT_EQ(e.clusters[0].gender, Gender::kMale);
  EXPECT_EQ(name_at(e, 1, 1), "Michael Howard");
  EXPECT_EQ(name_at(e, 2, 1), "Howard") << "Mrs never joins the man";
  EXPECT_EQ(name_at(e, 3, 1), "Howard");
  // With no honorific at all, the given name alone keeps "she" off him.
  const nlp::Document alone = annotated({
      "Michael/PROPN/B-PERSON/nsubj/3 Howard/PROPN/L-PERSON/flat/1 spoke/VERB/_/root/0",
      "Later/ADV/_/advmod/3 she/PRON/_/nsubj/3 left/VERB/_/root/0",
  });
  const DocumentEntities a = resolve_document(alone);
  ASSERT_EQ(a.clusters.size(), 1u);
  EXPECT_EQ(a.clusters[0].gender, Gender::kMale);
  EXPECT_EQ(name_at(a, 1, 1), "");
}

// "Michael Howard's wife, Sandra": she is Sandra Howard, whom "Mrs
// Howard" names later, and who is "her husband"'s wife. A given name the
// lexicon does not know as a woman's, or a possessor named by a pronoun,
// completes nothing.
TEST(Coreference, AWifeNamedByHerGivenNameBearsHerHusbandsSurname) {
  const nlp::Document doc = annotated({
      "Michael/PROPN/B-PERSON/nmod:poss/4 Howard/PROPN/L-PERSON/flat/1 's/PART/_/case/1 wife/NOUN/_/nsubj/7 "
      ",/PUNCT/_/punct/6 Sandra/PROPN/U-PERSON/appos/4 spoke/VERB/_/root/0",
      "Mr/PROPN/_/compound/2 Howard/PROPN/U-PERSON/nsubj/3 smiled/VERB/_/root/0",
      "Mrs/PROPN/_/compound/2 Howard/PROPN/U-PERSON/nsubj/3 praised/VERB/_/root/0 her/PRON/_/nmod:poss/5 "
      "husband/NOUN/_/obj/3",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 0, 5), "Sandra Howard");
  EXPECT_EQ(name_at(e, 1, 1), "Michael Howard") << "Mr Howard is the husband, though she was named last";
  EXPECT_EQ(name_at(e, 2, 1), "Sandra Howard") << "Mrs Howard is the wife";
  EXPECT_EQ(name_at(e, 2, 4), "Michael Howard") << "her husband";
  const nlp::Document unknown = annotated({
      "Michael/PROPN/B-PERSON/nmod:poss/4 Howard/PROPN/L-PERSON/flat/1 's/PART/_/case/1 wife/NOUN/_/nsubj/7 "
      ",/PUNCT/_/punct/6 Kiri/PROPN/U-PERSON/appos/4 spoke/VERB/_/root/0",
      "She/PRON/_/nsubj/2 praised/VERB/_/root/0 his/PRON/_/nmod:poss/4 brother/NOUN/_/obj/2",
  });
  const DocumentEntities u = resolve_document(unknown);
  EXPECT_EQ(name_at(u, 0, 5), "Kiri") << "a given name of unknown gender";
  const nlp::Document pronoun = annotated({
      "Michael/PROPN/B-PERSON/nsubj/3 Howard/PROPN/L-PERSON/flat/1 spoke/VERB/_/root/0",
      "His/PRON/_/nmod:poss/2 wife/NOUN/_/nsubj/5 ,/PUNCT/_/punct/4 Sandra/PROPN/U-PERSON/appos/2 "
      "smiled/VERB/_/root/0",
  });
  const DocumentEntities p = resolve_document(pronoun);
  EXPECT_EQ(name_at(p, 1, 3), "Sandra") << "a pronoun possessor is not resolved before names are";
}

// "the festival" is the festival named before; "the tournament" any event
// named before; "the event" none (in athletics it is as often a race inside
// a named meeting).
TEST(Coreference, AnEventDescriptionIsTheEventNamedBefore) {
  const nlp::Document doc = annotated({
      "Kowalski/PROPN/U-PERSON/nsubj/2 visited/VERB/_/root/0 the/DET/_/det/6 Gdansk/PROPN/B-MISC/compound/6 "
      "Film/PROPN/I-MISC/compound/6 Festival/PROPN/L-MISC/obj/2",
      "The/DET/_/det/2 festival/NOUN/_/nsubj/3 ended/VERB/_/root/0",
      "She/PRON/_/nsubj/2 won/VERB/_/root/0 the/DET/_/det/6 Harbour/PROPN/B-MISC/compound/5 "
      "Open/PROPN/L-MISC/obj/2",
      "The/DET/_/det/2 tournament/NOUN/_/nsubj/3 ended/VERB/_/root/0 and/CCONJ/_/cc/7 the/DET/_/det/6 "
      "event/NOUN/_/nsubj/7 closed/VERB/_/conj/3",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 1, 1), "Gdansk Film Festival");
  EXPECT_EQ(name_at(e, 3, 1), "Harbour Open");
  EXPECT_EQ(name_at(e, 3, 5), "") << "'the event' stands for no named event";
}

TEST(Coreference, PronounsTakeTheMostSalientCompatibleEntity) {
  const nlp::Document doc = annotated({
      "Ms/PROPN/_/compound/2 Merkel/PROPN/U-PERSON/nsubj/3 met/VERB/_/root/0 Joe/PROPN/B-PERSON/obj/3 "
      "Biden/PROPN/L-PERSON/flat/4 ./PUNCT/_/punct/3",
      "She/PRON/_/nsubj/2 praised/VERB/_/root/0 him/PRON/_/obj/2 and/CCONJ/_/cc/5 his/PRON/_/nmod:poss/6 "
      "plan/NOUN/_/conj/3",
      "It/PRON/_/expl/2 is/AUX/_/root/0 unclear/ADJ/_/xcomp/2",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 2u);
  EXPECT_EQ(name_at(e, 1, 0), "Merkel");
  EXPECT_EQ(name_at(e, 1, 2), "Joe Biden") << "an object pronoun is not its own verb's subject";
  EXPECT_EQ(name_at(e, 1, 4), "Joe Biden") << "his: the only masculine candidate";
  EXPECT_EQ(name_at(e, 2, 0), "") << "no organization or place for 'it'";
  EXPECT_EQ(e.clusters[1].gender, Gender::kMale) << "learnt from the pronouns";
}

// "they" of people named together is neither of them, and no organisation.
TEST(Coreference, APluralPronounAfterPeopleNamedTogetherStaysUnresolved) {
  const nlp::Document doc = annotated({
      "The/DET/_/det/2 IAAF/PROPN/U-ORG/nsubj/3 held/VERB/_/root/0 talks/NOUN/_/obj/3",
      "Kenteris/PROPN/U-PERSON/nsubj/4 and/CCONJ/_/cc/3 Thanou/PROPN/U-PERSON/conj/1 missed/VERB/_/root/0 "
      "tests/NOUN/_/obj/4",
      "Their/PRON/_/nmod:poss/2 coach/NOUN/_/nsubj/3 faces/VERB/_/root/0 charges/NOUN/_/obj/3",
      "The/DET/_/det/2 IAAF/PROPN/U-ORG/nsubj/3 met/VERB/_/root/0 ./PUNCT/_/punct/3",
      "They/PRON/_/nsubj/2 agreed/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 2, 0), "");
  EXPECT_EQ(name_at(e, 4, 0), "IAAF") << "an organisation alone is still 'they'";
}

// A country named with a plural verb is its team, which "they" may be; a
// broadcaster only listened to is not.
TEST(Coreference, APlaceWithAPluralVerbIsATeamThatTheyMayStandFor) {
  const nlp::Document doc = annotated({
      "Radio/PROPN/B-ORG/compound/2 4/NUM/L-ORG/nsubj/3 covers/VERB/_/root/0 it/PRON/_/obj/3",
      "England/PROPN/U-LOC/nsubj/3 were/AUX/_/cop/3 sloppy/ADJ/_/root/0",
      "They/PRON/_/nsubj/2 lost/VERB/_/root/0",
      "France/PROPN/U-LOC/nsubj/2 is/AUX/_/root/0 far/ADV/_/advmod/2",
      "They/PRON/_/nsubj/2 won/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 2, 0), "England");
  EXPECT_NE(name_at(e, 4, 0), "France") << "a country with a singular verb is the country";
  // The plural in a passive's auxiliary ("Wales were beaten").
  const nlp::Document passive = annotated({
      "Wales/PROPN/U-LOC/nsubj:pass/3 were/AUX/_/aux:pass/3 beaten/VERB/_/root/0",
      "They/PRON/_/nsubj/2 lost/VERB/_/root/0",
  });
  EXPECT_EQ(name_at(resolve_document(passive), 1, 0), "Wales");
}

// A possessive belongs to the subject of its own clause before the sentence's.
TEST(Coreference, APossessiveTakesItsOwnClausesSubject) {
  const nlp::Document doc = annotated({
      "Deutsche/PROPN/B-ORG/compound/2 Bank/PROPN/L-ORG/nsubj/3 argues/VERB/_/root/0 that/SCONJ/_/mark/6 "
      "Yukos/PROPN/U-ORG/nsubj/6 sold/VERB/_/ccomp/3 its/PRON/_/nmod:poss/8 unit/NOUN/_/obj/6",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 0, 6), "Yukos");
}

TEST(Coreference, SubjectOutranksObject) {
  const nlp::Document doc = annotated({
      "Joe/PROPN/B-PERSON/nsubj/3 Biden/PROPN/L-PERSON/flat/1 called/VERB/_/root/0 Vladimir/PROPN/B-PERSON/obj/3 "
      "Putin/PROPN/L-PERSON/flat/4",
      "He/PRON/_/nsubj/2 warned/VERB/_/root/0 of/ADP/_/case/4 sanctions/NOUN/_/obl/2",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 1, 0), "Joe Biden");
}

TEST(Coreference, DescriptionsMatchTitlesAndNationality) {
  const nlp::Document doc = annotated({
      "US/PROPN/U-LOC/compound/3 President/PROPN/_/compound/4 Joe/PROPN/B-PERSON/nsubj/10 Biden/PROPN/L-PERSON/flat/3 "
      "and/CCONJ/_/cc/8 Russian/ADJ/_/amod/7 President/PROPN/_/compound/8 Vladimir/PROPN/B-PERSON/conj/3 "
      "Putin/PROPN/L-PERSON/flat/8 spoke/VERB/_/root/0",
      "Threats/NOUN/_/nsubj/2 may/AUX/_/root/0 deter/VERB/_/xcomp/2 the/DET/_/det/6 Russian/ADJ/_/amod/6 "
      "leader/NOUN/_/obj/3",
      "The/DET/_/det/3 American/ADJ/_/amod/3 president/NOUN/_/nsubj/4 waved/VERB/_/root/0 to/ADP/_/case/8 "
      "his/PRON/_/nmod:poss/8 Russian/ADJ/_/amod/8 counterpart/NOUN/_/obl/4",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* biden = find_cluster(e, "Joe Biden");
  const Cluster* putin = find_cluster(e, "Vladimir Putin");
  ASSERT_NE(biden, nullptr);
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(biden->nationality, "American");
  EXPECT_EQ(putin->nationality, "Russian");
  EXPECT_EQ(biden->titles, std::vector<std::string>{"US President"});
  EXPECT_EQ(putin->titles, std::vector<std::string>{"Russian President"});
  EXPECT_EQ(name_at(e, 1, 5), "Vladimir Putin");  // the Russian leader
  EXPECT_EQ(name_at(e, 2, 2), "Joe Biden");       // the American president
  EXPECT_EQ(name_at(e, 2, 5), "Joe Biden");       // his
  EXPECT_EQ(name_at(e, 2, 7), "Vladimir Putin");  // his Russian counterpart
  // Descriptions are not aliases: no entity is called "the Russian leader".
  for (const Cluster& c : e.clusters) {
    for (const auto& [alias, n] : c.aliases) EXPECT_EQ(alias.find("leader"), std::string::npos) << alias;
  }
  ASSERT_EQ(e.titles.size(), 2u);
  EXPECT_EQ(e.clusters[e.titles[0].cluster].name, "Joe Biden");
  EXPECT_EQ(e.titles[0].title, "US President");
}

TEST(Coreference, DescriptionWithoutAFittingPersonStaysUnresolved) {
  const nlp::Document doc = annotated({
      "Joe/PROPN/B-PERSON/nsubj/3 Biden/PROPN/L-PERSON/flat/1 spoke/VERB/_/root/0",
      "The/DET/_/det/3 Russian/ADJ/_/amod/3 leader/NOUN/_/nsubj/4 listened/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 1, 2), "");
  ASSERT_EQ(e.clusters.size(), 1u);
}

TEST(Coreference, AcronymsAndCountryNamesJoin) {
  const nlp::Document doc = annotated({
      "the/DET/_/det/5 North/PROPN/B-ORG/compound/5 Atlantic/PROPN/I-ORG/compound/5 Treaty/PROPN/I-ORG/compound/5 "
      "Organisation/PROPN/L-ORG/nsubj/10 (/PUNCT/_/punct/7 Nato/PROPN/U-ORG/appos/5 )/PUNCT/_/punct/7 "
      "will/AUX/_/aux/10 expand/VERB/_/root/0",
      "Nato/PROPN/U-ORG/nsubj/2 met/VERB/_/root/0 in/ADP/_/case/5 the/DET/_/det/5 United/PROPN/B-LOC/obl/2 "
      "States/PROPN/L-LOC/flat/5",
      "US/PROPN/U-LOC/nsubj/2 thanked/VERB/_/root/0 its/PRON/_/nmod:poss/4 allies/NOUN/_/obj/2",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.clusters.size(), 2u);
  const Cluster* nato = find_cluster(e, "North Atlantic Treaty Organisation");
  const Cluster* us = find_cluster(e, "United States");
  ASSERT_NE(nato, nullptr);
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(alias_count(*nato, "Nato"), 2u);
  EXPECT_EQ(alias_count(*us, "US"), 1u);
  EXPECT_EQ(name_at(e, 2, 2), "United States") << "its: the most salient place or organization";
}

// The headline's "IAAF" comes before the article spells it out.
TEST(Coreference, AnAcronymSpelledOutLaterIsItsNameFromTheStart) {
  const nlp::Document doc = annotated({
      "IAAF/PROPN/U-MISC/nsubj/2 rules/VERB/_/root/0",
      "The/DET/_/det/5 International/ADJ/B-ORG/amod/3 Association/PROPN/I-ORG/compound/5 of/ADP/I-ORG/case/5 "
      "Athletics/PROPN/I-ORG/compound/6 Federations/NOUN/L-ORG/nsubj/10 (/PUNCT/_/punct/8 IAAF/PROPN/U-MISC/appos/6 "
      ")/PUNCT/_/punct/8 met/VERB/_/root/0",
      "The/DET/_/det/2 IAAF/PROPN/U-MISC/nsubj/3 agreed/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* iaaf = find_cluster(e, "International Association of Athletics Federations");
  ASSERT_NE(iaaf, nullptr);
  EXPECT_EQ(alias_count(*iaaf, "IAAF"), 3u);
  EXPECT_EQ(name_at(e, 0, 0), "International Association of Athletics Federations");
  EXPECT_EQ(find_cluster(e, "IAAF"), nullptr);
}

// "the commission" is the Law Commission named before; "the party" with no
// party named in full is nobody.
TEST(Coreference, TheLastWordOfAnInstitutionsNameStandsForIt) {
  const nlp::Document doc = annotated({
      "The/DET/_/det/3 Law/PROPN/B-ORG/compound/3 Commission/PROPN/L-ORG/nsubj/4 reported/VERB/_/root/0",
      "Mr/PROPN/_/compound/2 Blunkett/PROPN/U-PERSON/nsubj/3 spoke/VERB/_/root/0",
      "The/DET/_/det/2 commission/NOUN/_/nsubj/3 found/VERB/_/root/0 support/NOUN/_/obj/3",
      "The/DET/_/det/2 party/NOUN/_/nsubj/3 agreed/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 2, 1), "Law Commission");
  EXPECT_EQ(name_at(e, 3, 1), "");
}

TEST(Coreference, AnAcronymInParenthesesMakesItsNameAnOrganisation) {
  // The recognizer took "Lakeland Rowing" for a person; "(LR)" spells its
  // initials, so the name is an organisation's and "LR" is its alias.
  const nlp::Document doc = annotated({
      "Lakeland/PROPN/B-PERSON/nsubj/5 Rowing/PROPN/L-PERSON/flat/1 (/PUNCT/_/punct/4 LR/PROPN/U-ORG/appos/1 "
      ")/PUNCT/_/punct/4 banned/VERB/_/root/0 her/PRON/_/obj/5",
      "LR/PROPN/U-ORG/nsubj/2 declined/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* lakeland = find_cluster(e, "Lakeland Rowing");
  ASSERT_NE(lakeland, nullptr);
  EXPECT_EQ(lakeland->type, nlp::EntityType::kOrg);
  EXPECT_EQ(alias_count(*lakeland, "LR"), 2u);
  EXPECT_EQ(name_at(e, 1, 0), "Lakeland Rowing");
}

TEST(Coreference, ANationalityBeforeAPersonsNameIsNoPartOfIt) {
  // The recognizer ran "Croatian" into the name; "Christian" stays a given name.
  const nlp::Document doc = annotated({
      "Croatian/PROPN/B-PERSON/nsubj/4 Ivan/PROPN/I-PERSON/flat/1 Ljubicic/PROPN/L-PERSON/flat/1 beat/VERB/_/root/0 "
      "Christian/PROPN/B-PERSON/obj/4 Slater/PROPN/L-PERSON/flat/5",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_NE(find_cluster(e, "Ivan Ljubicic"), nullptr);
  EXPECT_EQ(find_cluster(e, "Croatian Ivan Ljubicic"), nullptr);
  EXPECT_NE(find_cluster(e, "Christian Slater"), nullptr);
}

TEST(Coreference, ProperNounsWithoutRecognizerTagsAreTypedByTheGazetteer) {
  const nlp::Document doc = annotated({
      "Mr/PROPN/_/compound/2 Okafor/PROPN/_/nsubj/3 visited/VERB/_/root/0 Paris/PROPN/_/obj/3 on/ADP/_/case/6 "
      "Tuesday/PROPN/_/obl/3",
      "He/PRON/_/nsubj/2 left/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* okafor = find_cluster(e, "Okafor");
  const Cluster* paris = find_cluster(e, "Paris");
  ASSERT_NE(okafor, nullptr);
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(okafor->type, nlp::EntityType::kPerson);
  EXPECT_EQ(paris->type, nlp::EntityType::kLoc);
  EXPECT_EQ(find_cluster(e, "Tuesday"), nullptr) << "weekdays are not entities";
  EXPECT_EQ(name_at(e, 1, 0), "Okafor");
}

TEST(Coreference, TitlesAndHonorificsOverruleDoubtfulRecognizerTypes) {
  const nlp::Document doc = annotated({
      "Russian/ADJ/_/amod/2 President/PROPN/_/compound/3 Vladimir/PROPN/B-PERSON/nsubj/5 "
      "Putin/PROPN/L-PERSON/flat/3 spoke/VERB/_/root/0",
      // Recognizer errors: an adviser tagged MISC, "Mr Putin" tagged ORG,
      // a person span running into a common noun.
      "National/PROPN/_/compound/4 Security/PROPN/_/compound/4 Adviser/PROPN/_/compound/4 Jake/PROPN/B-MISC/nsubj/6 "
      "Sullivan/PROPN/L-MISC/flat/4 said/VERB/_/root/0 Mr/PROPN/_/compound/8 Putin/PROPN/U-ORG/nsubj/9 "
      "agreed/VERB/_/ccomp/6",
      "A/DET/_/det/4 State/PROPN/B-PERSON/compound/3 Department/PROPN/I-PERSON/compound/4 "
      "official/NOUN/L-PERSON/nsubj/5 spoke/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* sullivan = find_cluster(e, "Jake Sullivan");
  ASSERT_NE(sullivan, nullptr);
  EXPECT_EQ(sullivan->type, nlp::EntityType::kPerson);
  EXPECT_EQ(sullivan->titles, std::vector<std::string>{"National Security Adviser"});
  EXPECT_EQ(name_at(e, 1, 7), "Vladimir Putin");
  const Cluster* state = find_cluster(e, "State Department");
  ASSERT_NE(state, nullptr);
  EXPECT_NE(state->type, nlp::EntityType::kPerson);
}

TEST(Coreference, ATitleOpeningTheNameOfAFirmOrAnEventIsPartOfIt) {
  const nlp::Document doc = annotated({
      // The recognizer's ORG span starts with a title word.
      "General/PROPN/B-ORG/nsubj/3 Motors/PROPN/L-ORG/flat/1 recalled/VERB/_/root/0 cars/NOUN/_/obj/3",
      // No recognizer tag: "General" before a word that ends an event's name.
      "Labour/PROPN/U-ORG/nsubj/2 won/VERB/_/root/0 the/DET/_/det/5 General/ADJ/_/amod/5 Election/PROPN/_/obj/2",
      // A person's title stays a title.
      "General/PROPN/_/compound/2 Musharraf/PROPN/U-PERSON/nsubj/3 spoke/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* gm = find_cluster(e, "General Motors");
  ASSERT_NE(gm, nullptr);
  EXPECT_EQ(gm->type, nlp::EntityType::kOrg);
  EXPECT_EQ(find_cluster(e, "Motors"), nullptr);
  const Cluster* election = find_cluster(e, "General Election");
  ASSERT_NE(election, nullptr);
  EXPECT_NE(election->type, nlp::EntityType::kPerson);
  EXPECT_EQ(find_cluster(e, "Election"), nullptr);
  const Cluster* musharraf = find_cluster(e, "Musharraf");
  ASSERT_NE(musharraf, nullptr);
  EXPECT_EQ(musharraf->type, nlp::EntityType::kPerson);
  EXPECT_EQ(musharraf->titles, std::vector<std::string>{"General"});
}

TEST(Coreference, ARecognizerSpanOverAndTheIsTwoNames) {
  const nlp::Document doc = annotated({
      "Muse/PROPN/B-ORG/nsubj/7 and/CCONJ/I-ORG/cc/5 The/DET/I-ORG/det/5 Clash/PROPN/L-ORG/conj/1 "
      "complete/VERB/_/root/0",
      "Sex/PROPN/B-MISC/nsubj/5 And/CCONJ/I-MISC/cc/4 The/DET/I-MISC/det/4 City/PROPN/L-MISC/conj/1 "
      "ended/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_NE(find_cluster(e, "Muse"), nullptr);
  EXPECT_NE(find_cluster(e, "Clash"), nullptr);
  EXPECT_NE(find_cluster(e, "Sex And The City"), nullptr) << "a title writes its own \"And\"";
}

TEST(Coreference, APronounAfterAsForANameIsThatName) {
  const nlp::Document doc = annotated({
      "Bernard/PROPN/B-PERSON/nsubj/3 Lagat/PROPN/L-PERSON/flat/1 disappointed/VERB/_/root/0 and/CCONJ/_/cc/6 "
      "Lagat/PROPN/U-PERSON/nsubj/6 knew/VERB/_/conj/3 it/PRON/_/obj/6",
      "As/ADP/_/case/4 for/ADP/_/fixed/1 Kenenisa/PROPN/B-PERSON/compound/4 Bekele/PROPN/L-PERSON/obl/9 "
      ",/PUNCT/_/punct/4 "
      "he/PRON/_/nsubj:pass/9 was/AUX/_/aux:pass/9 well/ADV/_/advmod/9 beaten/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_EQ(name_at(e, 1, 5), "Kenenisa Bekele");
}

TEST(Coreference, RecognizerSpanErrorsAreRepairedAroundPersonNames) {
  const nlp::Document doc = annotated({
      // One PERSON span across "and": two people, the second with its title.
      "Mayor/PROPN/_/compound/2 Anna/PROPN/B-PERSON/nsubj/9 Lind/PROPN/I-PERSON/flat/2 and/CCONJ/I-PERSON/cc/5 "
      "Danish/PROPN/I-PERSON/conj/2 Minister/PROPN/I-PERSON/compound/7 Erik/PROPN/I-PERSON/flat/2 "
      "Holm/PROPN/L-PERSON/flat/7 met/VERB/_/root/0",
      // A surname left out of its span, attached flat by the parser.
      "Lucia/PROPN/U-PERSON/nsubj/3 Andrade/PROPN/_/flat/1 called/VERB/_/root/0 Holm/PROPN/U-PERSON/obj/3",
      // A known person's surname tagged ORG is that person.
      "Andrade/PROPN/_/nsubj/2 thanked/VERB/_/root/0 Lind/PROPN/U-ORG/obj/2",
      // An organization once tagged PERSON is still the organization.
      "Nato/PROPN/U-ORG/nsubj/2 met/VERB/_/root/0",
      "Holm/PROPN/U-PERSON/nsubj/2 praised/VERB/_/root/0 Nato/PROPN/U-PERSON/obj/2",
      // A person span running on into an oblique the parser keeps apart.
      "Erik/PROPN/B-PERSON/nsubj/5 Holm/PROPN/I-PERSON/flat/1 on/ADP/I-PERSON/case/4 Friday/PROPN/L-PERSON/obl/5 "
      "spoke/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* lind = find_cluster(e, "Anna Lind");
  const Cluster* holm = find_cluster(e, "Erik Holm");
  const Cluster* andrade = find_cluster(e, "Lucia Andrade");
  ASSERT_NE(lind, nullptr);
  ASSERT_NE(holm, nullptr);
  ASSERT_NE(andrade, nullptr);
  EXPECT_EQ(holm->titles, std::vector<std::string>{"Danish Minister"});
  EXPECT_EQ(name_at(e, 1, 3), "Erik Holm");
  EXPECT_EQ(name_at(e, 2, 2), "Anna Lind");
  EXPECT_EQ(lind->type, nlp::EntityType::kPerson);
  EXPECT_EQ(find_cluster(e, "Lind"), nullptr);
  const Cluster* nato = find_cluster(e, "Nato");
  ASSERT_NE(nato, nullptr);
  EXPECT_EQ(nato->type, nlp::EntityType::kOrg);
  EXPECT_EQ(name_at(e, 4, 2), "Nato");
  size_t natos = 0;
  for (const Cluster& c : e.clusters) natos += c.name == "Nato";
  EXPECT_EQ(natos, 1u);
  EXPECT_EQ(name_at(e, 5, 0), "Erik Holm");
  EXPECT_EQ(find_cluster(e, "Erik Holm on Friday"), nullptr);
}

// A surname's particle inside a person's span is no phrase of its own the
// parse keeps apart ("Louis van Gaal" with "Gaal" heading the sentence's object).
TEST(Coreference, ASurnameParticleStaysInTheName) {
  const nlp::Document doc = annotated({
      "Mourinho/PROPN/U-PERSON/nsubj/2 assisted/VERB/_/root/0 Louis/PROPN/B-PERSON/compound/5 "
      "van/X/I-PERSON/compound/5 "
      "Gaal/PROPN/L-PERSON/obj/2",
  });
  const DocumentEntities e = resolve_document(doc);
  EXPECT_NE(find_cluster(e, "Louis van Gaal"), nullptr);
  EXPECT_EQ(find_cluster(e, "Gaal"), nullptr);
}

// An event's name tagged as an organisation's or a place's is an event's;
// a firm's "Games" stays a firm's.
TEST(Coreference, ANameEndingInAnEventWordIsAnEvent) {
  const nlp::Document doc = annotated({
      "Federer/PROPN/U-PERSON/nsubj/2 won/VERB/_/root/0 the/DET/_/det/5 French/ADJ/B-ORG/amod/5 Open/PROPN/L-ORG/obj/2",
      "The/DET/_/det/3 Sydney/PROPN/B-LOC/compound/3 Olympics/PROPN/L-LOC/nsubj/4 ended/VERB/_/root/0",
      "Rockstar/PROPN/B-ORG/compound/2 Games/PROPN/L-ORG/nsubj/3 grew/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_NE(find_cluster(e, "French Open"), nullptr);
  EXPECT_EQ(find_cluster(e, "French Open")->type, nlp::EntityType::kMisc);
  ASSERT_NE(find_cluster(e, "Sydney Olympics"), nullptr);
  EXPECT_EQ(find_cluster(e, "Sydney Olympics")->type, nlp::EntityType::kMisc);
  ASSERT_NE(find_cluster(e, "Rockstar Games"), nullptr);
  EXPECT_EQ(find_cluster(e, "Rockstar Games")->type, nlp::EntityType::kOrg);
}

// "Australian Craig Mottram" tagged ORG is Craig Mottram, an Australian;
// "American Express" stays a firm.
TEST(Coreference, ANationalityBeforeAGivenNameMakesAPersonWhateverTheTag) {
  const nlp::Document doc = annotated({
      "Australian/ADJ/B-ORG/amod/3 Craig/PROPN/I-ORG/compound/3 Mottram/PROPN/L-ORG/nsubj/4 won/VERB/_/root/0",
      "American/ADJ/B-ORG/amod/2 Express/PROPN/L-ORG/nsubj/3 grew/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* mottram = find_cluster(e, "Craig Mottram");
  ASSERT_NE(mottram, nullptr);
  EXPECT_EQ(mottram->type, nlp::EntityType::kPerson);
  EXPECT_EQ(find_cluster(e, "Australian Craig Mottram"), nullptr);
  ASSERT_NE(find_cluster(e, "American Express"), nullptr);
}

// A party and an office read into one name with a given name and surname
// are the person's title.
TEST(Coreference, APartyAndAnOfficeBeforeAGivenNameAreTheTitle) {
  const nlp::Document doc = annotated({
      "Labour/PROPN/B-ORG/compound/4 MSP/PROPN/I-ORG/compound/4 Christine/PROPN/I-ORG/compound/4 "
      "May/PROPN/L-ORG/nsubj/5 spoke/VERB/_/root/0",
  });
  const DocumentEntities e = resolve_document(doc);
  const Cluster* may = find_cluster(e, "Christine May");
  ASSERT_NE(may, nullptr);
  EXPECT_EQ(may->type, nlp::EntityType::kPerson);
  ASSERT_EQ(e.titles.size(), 1u);
  EXPECT_EQ(e.titles[0].title, "Labour MSP");
  // A position written as a capitalised word at a sentence's start.
  const nlp::Document lock = annotated({
      "Lock/PROPN/B-PERSON/compound/3 Ben/PROPN/I-PERSON/compound/3 Kay/PROPN/L-PERSON/nsubj/4 left/VERB/_/root/0",
  });
  const DocumentEntities l = resolve_document(lock);
  EXPECT_NE(find_cluster(l, "Ben Kay"), nullptr);
  EXPECT_EQ(find_cluster(l, "Lock Ben Kay"), nullptr);
}

TEST(Coreference, MentionsAreInTextOrderAndPointAtTheirClusters) {
  const nlp::Document doc = annotated({
      "Jake/PROPN/B-PERSON/nsubj/3 Sullivan/PROPN/L-PERSON/flat/1 said/VERB/_/root/0 he/PRON/_/nsubj/5 "
      "agreed/VERB/_/ccomp/3",
  });
  const DocumentEntities e = resolve_document(doc);
  ASSERT_EQ(e.mentions.size(), 2u);
  EXPECT_EQ(e.mentions[0].kind, MentionKind::kName);
  EXPECT_EQ(e.mentions[1].kind, MentionKind::kPronoun);
  EXPECT_EQ(e.mentions[0].cluster, 0);
  EXPECT_EQ(e.mentions[1].cluster, 0);
  EXPECT_EQ(e.mentions[1].type, nlp::EntityType::kPerson);
  EXPECT_EQ(e.clusters[0].mentions, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(e.clusters[0].aliases.size(), 1u) << "pronouns are not aliases";
}

}  // namespace
}  // namespace kg::resolve

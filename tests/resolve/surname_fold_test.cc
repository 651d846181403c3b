// Across articles: a bare surname folded into the one full-name person it can
// mean (graph/store/surname_folds.*, issue 8), as every read of the store
// presents it, whatever order the articles arrived in.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "graph/identity/identity.h"
#include "graph/store/store.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using testing::fact;
using testing::open_reader;
using testing::open_writer;
using testing::TempDir;

EntityRecord named(std::string name, EntityType type, std::vector<std::pair<std::string, uint32_t>> aliases) {
  uint32_t mentions = 0;
  for (const auto& [a, n] : aliases) mentions += n;
  return EntityRecord{std::move(name), type, std::move(aliases), mentions};
}
EntityRecord person(std::string name, std::vector<std::pair<std::string, uint32_t>> aliases) {
  return named(std::move(name), EntityType::kPerson, std::move(aliases));
}
EntityRecord thing(std::string name) { return named(name, EntityType::kConcept, {{name, 1}}); }

// One article: its entities, and facts (subject index, relation, object index) each in its own sentence.
DocumentRecord article(const std::string& id, std::vector<EntityRecord> entities,
                       std::vector<std::tuple<uint32_t, std::string, uint32_t>> facts) {
  DocumentRecord d;
  d.id = id;
  d.content_hash = "hash-" + id;
  d.entities = std::move(entities);
  for (const auto& [s, r, o] : facts) {
    d.facts.push_back(fact(s, o, r, static_cast<uint32_t>(d.sentences.size())));
    d.sentences.push_back("A sentence of " + id + " written for the test.");
  }
  if (d.sentences.empty()) d.sentences.push_back("A sentence written for the test.");
  return d;
}

DocumentRecord tony_blair() {
  return article("tony", {person("Tony Blair", {{"Tony Blair", 1}, {"Mr Blair", 2}}), thing("school"), thing("unions")},
                 {{0, "visit", 1}, {0, "criticise", 2}});
}
DocumentRecord mr_blair() {  // "Mr Blair ... Blair ... he": the resolver names it by its longest name
  return article("mr-blair", {person("Blair", {{"Mr Blair", 1}, {"Blair", 1}}), thing("pension plan"), thing("unions")},
                 {{0, "defend", 1}, {0, "criticise", 2}});
}
DocumentRecord bare_blair() {  // no honorific at all
  return article("bare-blair", {person("Blair", {{"Blair", 2}}), thing("library")}, {{0, "open", 1}});
}
DocumentRecord mrs_blair() {
  return article("mrs-blair", {person("Blair", {{"Mrs Blair", 1}, {"Blair", 1}}), thing("charity")}, {{0, "found", 1}});
}
DocumentRecord gordon() {
  return article("gordon", {person("Gordon Brown", {{"Gordon Brown", 1}, {"Mr Brown", 1}}), thing("budget")},
                 {{0, "present", 1}});
}
DocumentRecord nick() {
  return article("nick", {person("Nick Brown", {{"Nick Brown", 1}, {"Mr Brown", 1}}), thing("farmers")},
                 {{0, "meet", 1}});
}
DocumentRecord mr_brown() {
  return article("mr-brown", {person("Brown", {{"Mr Brown", 2}}), thing("election date")}, {{0, "refuse", 1}});
}

// Everything a reader sees, by names only (ids depend on the order).
struct Listing {
  std::map<std::string, std::string> entities;  // name -> "TYPE mentions"
  std::map<std::string, std::map<std::string, uint64_t>> aliases;  // name -> surface -> count (aliases_of)
  std::set<std::string> edges;                  // "subject|relation|object|count"
  std::set<std::string> alias_rows;             // for_each_alias: "normalized|entity name|count"
  bool operator==(const Listing&) const = default;
};

Listing listing(Store& s) {
  Listing out;
  std::map<EntityId, std::string> names;
  EXPECT_TRUE(s.for_each_entity([&](const Entity& e) {
                 names[e.id] = e.name;
                 out.entities[e.name] = std::string(entity_type_name(e.type)) + " " + std::to_string(e.mentions);
               }).is_ok());
  for (const auto& [id, name] : names) {
    Result<std::vector<Alias>> aliases = s.aliases_of(id);
    EXPECT_TRUE(aliases.is_ok());
    if (aliases) {
      for (const Alias& a : *aliases) out.aliases[name][a.surface] = a.count;
    }
  }
  std::map<RelationId, std::string> relations;
  EXPECT_TRUE(s.for_each_relation([&](RelationId id, std::string_view p) { relations[id] = std::string(p); }).is_ok());
  EXPECT_TRUE(s.for_each_edge([&](const Edge& e) {
                 EXPECT_TRUE(names.count(e.subject) && names.count(e.object)) << "an edge names an unlisted entity";
                 out.edges.insert(names[e.subject] + "|" + relations[e.relation] + "|" + names[e.object] + "|" +
                                  std::to_string(e.count));
               }).is_ok());
  EXPECT_TRUE(s.for_each_alias([&](const Alias& a) {
                 EXPECT_TRUE(names.count(a.entity)) << "an alias names an unlisted entity";
                 out.alias_rows.insert(a.normalized + "|" + names[a.entity] + "|" + std::to_string(a.count));
               }).is_ok());
  return out;
}

std::optional<Entity> only_person(Store& s, const std::string& name) {
  std::optional<Entity> found;
  int n = 0;
  EXPECT_TRUE(s.for_each_entity([&](const Entity& e) {
                 if (e.name == name && e.type == EntityType::kPerson) found = e, ++n;
               }).is_ok());
  return n == 1 ? found : std::nullopt;
}

// Every order of `docs`, each into a fresh store; `check` sees each store.
void in_every_order(const std::vector<DocumentRecord (*)()>& docs, const std::function<void(Store&)>& check,
                    std::vector<Listing>* listings) {
  std::vector<size_t> order(docs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  do {
    TempDir tmp;
    auto w = open_writer(tmp.sub("kg.db"));
    ASSERT_NE(w, nullptr);
    for (size_t i : order) ASSERT_TRUE(w->put_document(docs[i]()).is_ok());
    check(*w);
    listings->push_back(listing(*w));
    Result<CheckReport> report = w->check();
    ASSERT_TRUE(report.is_ok());
    EXPECT_TRUE(report->ok()) << (report->problems.empty() ? "" : report->problems.front());
  } while (std::next_permutation(order.begin(), order.end()));
}

TEST(SurnameFolds, BareSurnameArticlesFoldIntoTheOnlyFullNameInEveryOrder) {
  std::vector<Listing> listings;
  in_every_order({tony_blair, mr_blair, bare_blair}, [](Store& s) {
    const std::optional<Entity> blair = only_person(s, "Tony Blair");
    ASSERT_TRUE(blair.has_value());
    EXPECT_FALSE(only_person(s, "Blair").has_value()) << "the bare surname has no entity of its own";
    EXPECT_EQ(blair->mentions, 3u + 2u + 2u);
    // Aliases of all three articles, counts added up.
    Result<std::vector<Alias>> aliases = s.aliases_of(blair->id);
    ASSERT_TRUE(aliases.is_ok());
    std::map<std::string, uint64_t> by_surface;
    for (const Alias& a : *aliases) by_surface[a.surface] = a.count;
    EXPECT_EQ(by_surface, (std::map<std::string, uint64_t>{{"Tony Blair", 1}, {"Mr Blair", 3}, {"Blair", 3}}));
    // The facts stated about "Blair" are Tony Blair's; the one both state is one edge of two.
    Result<std::vector<Edge>> out = s.out_edges(blair->id);
    ASSERT_TRUE(out.is_ok());
    EXPECT_EQ(out->size(), 4u);  // visit, criticise (twice), defend, open
    Result<std::optional<RelationId>> criticise = s.find_relation("criticise");
    ASSERT_TRUE(criticise.is_ok() && criticise->has_value());
    Result<std::vector<Entity>> unions = identity::find_entities(s, "unions");
    ASSERT_TRUE(unions.is_ok() && unions->size() == 1);
    Result<std::optional<Edge>> both = s.edge(blair->id, **criticise, unions->front().id);
    ASSERT_TRUE(both.is_ok() && both->has_value());
    EXPECT_EQ((*both)->count, 2u);
    Result<std::vector<Evidence>> evidence = s.evidence(blair->id, **criticise, unions->front().id);
    ASSERT_TRUE(evidence.is_ok());
    ASSERT_EQ(evidence->size(), 2u);
    for (const Evidence& ev : *evidence) EXPECT_EQ(ev.subject, blair->id);
    Result<std::vector<Edge>> into_unions = s.in_edges(unions->front().id);
    ASSERT_TRUE(into_unions.is_ok());
    ASSERT_EQ(into_unions->size(), 1u);
    EXPECT_EQ(into_unions->front().subject, blair->id);
    // Looking the surname up finds the person.
    for (const char* name : {"Blair", "Mr Blair", "Tony Blair"}) {
      Result<std::vector<Entity>> found = identity::find_entities(s, name);
      ASSERT_TRUE(found.is_ok());
      ASSERT_EQ(found->size(), 1u) << name;
      EXPECT_EQ(found->front().id, blair->id) << name;
    }
    // Stats count what readers see.
    Result<Stats> stats = s.stats();
    ASSERT_TRUE(stats.is_ok());
    Listing l = listing(s);
    EXPECT_EQ(stats->entities, l.entities.size());
    EXPECT_EQ(stats->entities_by_type[static_cast<size_t>(EntityType::kPerson)], 1u);
    EXPECT_EQ(stats->edges, l.edges.size());
    EXPECT_EQ(stats->aliases, l.alias_rows.size());
  }, &listings);
  ASSERT_EQ(listings.size(), 6u);
  for (size_t i = 1; i < listings.size(); ++i) EXPECT_TRUE(listings[0] == listings[i]) << "order " << i;
}

TEST(SurnameFolds, ABareSurnameThatFitsTwoPeopleStaysApartInEveryOrder) {
  std::vector<Listing> listings;
  in_every_order({gordon, nick, mr_brown}, [](Store& s) {
    EXPECT_TRUE(only_person(s, "Gordon Brown").has_value());
    EXPECT_TRUE(only_person(s, "Nick Brown").has_value());
    const std::optional<Entity> brown = only_person(s, "Brown");
    ASSERT_TRUE(brown.has_value()) << "fits two people: not guessed";
    EXPECT_EQ(brown->mentions, 2u);
    Result<std::vector<Entity>> found = identity::find_entities(s, "Mr Brown");
    ASSERT_TRUE(found.is_ok());
    EXPECT_EQ(found->size(), 3u);
  }, &listings);
  ASSERT_EQ(listings.size(), 6u);
  for (size_t i = 1; i < listings.size(); ++i) EXPECT_TRUE(listings[0] == listings[i]) << "order " << i;
}

TEST(SurnameFolds, AFemaleHonorificDoesNotFoldIntoAMan) {
  std::vector<Listing> listings;
  in_every_order({tony_blair, mrs_blair}, [](Store& s) {
    EXPECT_TRUE(only_person(s, "Tony Blair").has_value());
    const std::optional<Entity> bare = only_person(s, "Blair");
    ASSERT_TRUE(bare.has_value()) << "Mrs Blair is not Tony Blair";
    Result<std::vector<Edge>> out = s.out_edges(bare->id);
    ASSERT_TRUE(out.is_ok());
    EXPECT_EQ(out->size(), 1u);
  }, &listings);
  for (size_t i = 1; i < listings.size(); ++i) EXPECT_TRUE(listings[0] == listings[i]) << "order " << i;
}

TEST(SurnameFolds, AGivenNameStatesTheFullNamesGender) {
  // "Michael Howard" with no honorific anywhere is a man: "Mrs Howard" of
  // another article is someone else.
  const auto michael = [] {
    return article("michael", {person("Michael Howard", {{"Michael Howard", 2}}), thing("campaign")},
                   {{0, "launch", 1}});
  };
  const auto mrs_howard = [] {
    return article("mrs-howard", {person("Howard", {{"Mrs Howard", 1}}), thing("charity")}, {{0, "support", 1}});
  };
  std::vector<Listing> listings;
  in_every_order(
      {michael, mrs_howard},
      [](Store& s) {
        EXPECT_TRUE(only_person(s, "Michael Howard").has_value());
        EXPECT_TRUE(only_person(s, "Howard").has_value()) << "Mrs Howard is not Michael Howard";
      },
      &listings);
  for (size_t i = 1; i < listings.size(); ++i) EXPECT_TRUE(listings[0] == listings[i]) << "order " << i;
}

TEST(SurnameFolds, HonorificsThatDisagreeKeepTheBareSurnameApart) {
  // "Mr Blair" in one article and "Mrs Blair" in another: two people under one surname.
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  for (auto make : {tony_blair, mr_blair, mrs_blair}) ASSERT_TRUE(w->put_document(make()).is_ok());
  EXPECT_TRUE(only_person(*w, "Blair").has_value());
  EXPECT_TRUE(only_person(*w, "Tony Blair").has_value());
}

TEST(SurnameFolds, AGenderedFullNameTakesTheMatchingBareSurnameOnly) {
  // Tony Blair (Mr) and Cherie Blair (Mrs): "Mr Blair" fits him only, a bare "Blair" fits both.
  const auto cherie = [] {
    return article("cherie", {person("Cherie Blair", {{"Cherie Blair", 1}, {"Mrs Blair", 1}}), thing("charity")},
                   {{0, "support", 1}});
  };
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(tony_blair()).is_ok());
  ASSERT_TRUE(w->put_document(cherie()).is_ok());
  ASSERT_TRUE(w->put_document(mr_blair()).is_ok());
  EXPECT_FALSE(only_person(*w, "Blair").has_value());
  EXPECT_EQ(only_person(*w, "Tony Blair")->mentions, 5u);
  EXPECT_EQ(only_person(*w, "Cherie Blair")->mentions, 2u);
  // An article with no honorific joins the same bare entity, whose only honorific is still "Mr".
  ASSERT_TRUE(w->put_document(bare_blair()).is_ok());
  EXPECT_FALSE(only_person(*w, "Blair").has_value());
  EXPECT_EQ(only_person(*w, "Tony Blair")->mentions, 7u);
}

TEST(SurnameFolds, RemovingAndReingestingTheFullNameUnfoldsAndRefolds) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(tony_blair()).is_ok());
  ASSERT_TRUE(w->put_document(mr_blair()).is_ok());
  const Listing folded = listing(*w);
  EXPECT_FALSE(only_person(*w, "Blair").has_value());

  ASSERT_TRUE(w->remove_document("tony").is_ok());
  const std::optional<Entity> bare = only_person(*w, "Blair");
  ASSERT_TRUE(bare.has_value()) << "nothing left to fold into";
  EXPECT_EQ(bare->mentions, 2u);
  EXPECT_FALSE(only_person(*w, "Tony Blair").has_value());
  Result<std::vector<Edge>> out = w->out_edges(bare->id);
  ASSERT_TRUE(out.is_ok());
  EXPECT_EQ(out->size(), 2u);
  Result<Stats> stats = w->stats();
  ASSERT_TRUE(stats.is_ok());
  EXPECT_EQ(stats->entities_by_type[static_cast<size_t>(EntityType::kPerson)], 1u);

  ASSERT_TRUE(w->put_document(tony_blair()).is_ok());
  EXPECT_FALSE(only_person(*w, "Blair").has_value());
  EXPECT_TRUE(listing(*w) == folded);
  Result<CheckReport> report = w->check();
  ASSERT_TRUE(report.is_ok());
  EXPECT_TRUE(report->ok());

  // A second full name with the surname undoes the fold; removing it restores it.
  ASSERT_TRUE(w->put_document(article("euan", {person("Euan Blair", {{"Euan Blair", 1}, {"Mr Blair", 1}})}, {}))
                  .is_ok());
  EXPECT_TRUE(only_person(*w, "Blair").has_value());
  ASSERT_TRUE(w->remove_document("euan").is_ok());
  EXPECT_FALSE(only_person(*w, "Blair").has_value());
  EXPECT_TRUE(listing(*w) == folded);
}

TEST(SurnameFolds, AReaderSeesTheFoldsOfWhatTheWriterCommitted) {
  TempDir tmp;
  {
    auto w = open_writer(tmp.sub("kg.db"));
    ASSERT_TRUE(w->put_document(mr_blair()).is_ok());
    ASSERT_TRUE(w->put_document(tony_blair()).is_ok());
  }
  auto r = open_reader(tmp.sub("kg.db"));
  ASSERT_NE(r, nullptr);
  EXPECT_FALSE(only_person(*r, "Blair").has_value());
  Result<std::vector<Entity>> found = identity::find_entities(*r, "Blair");
  ASSERT_TRUE(found.is_ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().name, "Tony Blair");
  // The bare entity's own id reads as the person it is folded into.
  Result<std::optional<Entity>> by_any_id = r->entity(found->front().id);
  ASSERT_TRUE(by_any_id.is_ok() && by_any_id->has_value());
  EXPECT_EQ((*by_any_id)->name, "Tony Blair");
}

TEST(SurnameFolds, OnlyPeopleFold) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(article("org", {named("Bank of England", EntityType::kOrg, {{"Bank of England", 1}})}, {}))
                  .is_ok());
  ASSERT_TRUE(w->put_document(article("loc", {named("England", EntityType::kLoc, {{"England", 1}})}, {})).is_ok());
  ASSERT_TRUE(w->put_document(article("p", {person("England", {{"England", 1}})}, {})).is_ok());
  Result<std::vector<Entity>> found = identity::find_entities(*w, "England");
  ASSERT_TRUE(found.is_ok());
  // The person named England does not fold into the Bank of England; with
  // the place of that name it reads as one entity, the place (type folds).
  ASSERT_EQ(found->size(), 1u) << "the place and the person named England";
  EXPECT_EQ(found->front().type, EntityType::kLoc);
  EXPECT_EQ(found->front().name, "England");
}

TEST(SurnameFolds, RecognizerMistakesAreNoOneToFoldInto) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  // A span that ran into a lowercase word is not a full name.
  ASSERT_TRUE(w->put_document(article("match", {person("v Rovers", {{"v Rovers", 1}})}, {})).is_ok());
  ASSERT_TRUE(w->put_document(article("rovers", {person("Rovers", {{"Rovers", 2}})}, {})).is_ok());
  EXPECT_TRUE(only_person(*w, "Rovers").has_value());
  // A surname that is also an organisation's name may be either: it does
  // not fold into the person; with the organisation it reads as one entity
  // (type folds), the organisation.
  ASSERT_TRUE(w->put_document(article("party", {named("Greens", EntityType::kOrg, {{"Greens", 1}})}, {})).is_ok());
  ASSERT_TRUE(w->put_document(article("old", {person("Old Greens", {{"Old Greens", 1}})}, {})).is_ok());
  ASSERT_TRUE(w->put_document(article("bare", {person("Greens", {{"Greens", 1}})}, {})).is_ok());
  EXPECT_EQ(only_person(*w, "Old Greens")->mentions, 1u);
  Result<std::vector<Entity>> greens = identity::find_entities(*w, "Greens");
  ASSERT_TRUE(greens.is_ok());
  ASSERT_EQ(greens->size(), 1u);
  EXPECT_EQ(greens->front().type, EntityType::kOrg);
  // Surname particles are no obstacle.
  ASSERT_TRUE(w->put_document(article("ludwig", {person("Ludwig van Hoven", {{"Ludwig van Hoven", 1}})}, {})).is_ok());
  ASSERT_TRUE(w->put_document(article("hoven", {person("Hoven", {{"Mr Hoven", 1}})}, {})).is_ok());
  EXPECT_FALSE(only_person(*w, "Hoven").has_value());
  EXPECT_EQ(only_person(*w, "Ludwig van Hoven")->mentions, 2u);
}

}  // namespace
}  // namespace kg::store

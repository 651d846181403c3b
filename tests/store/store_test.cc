// The store: round trip, idempotency, replacement, removal, invariants.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "graph/identity/identity.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using namespace kg::store::testing;

Stats stats_of(Store& s) {
  Result<Stats> r = s.stats();
  EXPECT_TRUE(r.is_ok()) << r.status().message();
  return r ? *r : Stats{};
}

EntityId entity_named(Store& s, std::string_view name) {
  Result<std::vector<Entity>> found = identity::find_entities(s, name);
  EXPECT_TRUE(found.is_ok()) << found.status().message();
  return found && !found->empty() ? found->front().id : 0;
}

TEST(Store, RoundTripWriteCloseReopenRead) {
  TempDir tmp;
  const std::string db = tmp.sub("kg.db");
  {
    auto w = open_writer(db);
    Result<PutResult> put = w->put_document(call_article());
    ASSERT_TRUE(put.is_ok()) << put.status().message();
    EXPECT_EQ(put->outcome, PutOutcome::kAdded);
    EXPECT_EQ(put->facts, 2u);
  }
  auto r = open_reader(db);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->read_only());
  const Stats s = stats_of(*r);
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.sentences, 3u);
  EXPECT_EQ(s.entities, 3u);
  EXPECT_EQ(s.entities_by_type[static_cast<size_t>(EntityType::kPerson)], 2u);
  EXPECT_EQ(s.entities_by_type[static_cast<size_t>(EntityType::kOrg)], 1u);
  EXPECT_EQ(s.relations, 2u);
  EXPECT_EQ(s.edges, 2u);
  EXPECT_EQ(s.evidence, 2u);

  // Found by an alias, punctuation and case aside.
  const EntityId biden = entity_named(*r, "mr. BIDEN");
  const EntityId putin = entity_named(*r, "Vladimir Putin");
  ASSERT_NE(biden, 0u);
  ASSERT_NE(putin, 0u);
  Result<std::optional<Entity>> e = r->entity(biden);
  ASSERT_TRUE(e.is_ok() && *e);
  EXPECT_EQ((*e)->name, "Joe Biden");
  EXPECT_EQ((*e)->type, EntityType::kPerson);
  EXPECT_EQ((*e)->mentions, 2u);

  Result<std::vector<Edge>> out = r->out_edges(biden);
  ASSERT_TRUE(out.is_ok());
  ASSERT_EQ(out->size(), 2u);
  for (const Edge& edge : *out) EXPECT_EQ(edge.object, putin);
  Result<std::vector<Edge>> in = r->in_edges(putin);
  ASSERT_TRUE(in.is_ok());
  EXPECT_EQ(in->size(), 2u);
  Result<std::optional<RelationId>> speak = r->find_relation("speak with");
  ASSERT_TRUE(speak.is_ok() && *speak);
  Result<std::vector<Evidence>> ev = r->evidence(biden, **speak, putin);
  ASSERT_TRUE(ev.is_ok());
  ASSERT_EQ(ev->size(), 1u);
  EXPECT_EQ((*ev)[0].sentence, 0u);
  EXPECT_EQ((*ev)[0].span_end, 25u);
  EXPECT_FLOAT_EQ((*ev)[0].confidence, 0.9f);
  Result<std::optional<std::string>> text = r->sentence_text((*ev)[0].doc, 0);
  ASSERT_TRUE(text.is_ok() && *text);
  EXPECT_EQ(**text, "Joe Biden spoke with Vladimir Putin on Tuesday.");
  Result<std::optional<DocumentInfo>> doc = r->find_document("news/call.txt");
  ASSERT_TRUE(doc.is_ok() && *doc);
  EXPECT_EQ((*doc)->title, "Leaders speak by phone");
  Result<std::vector<Alias>> aliases = r->aliases_of(biden);
  ASSERT_TRUE(aliases.is_ok());
  EXPECT_EQ(aliases->size(), 2u);  // "joe biden", "mr biden"
  expect_check_ok(*r);
}

TEST(Store, SameContentTwiceChangesNothing) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  const Stats before = stats_of(*w);
  Result<PutResult> again = w->put_document(call_article());
  ASSERT_TRUE(again.is_ok());
  EXPECT_EQ(again->outcome, PutOutcome::kUnchanged);
  // The same content under another id (the same article at two URLs).
  Result<PutResult> copy = w->put_document(call_article("https://example.org/call", "h-call"));
  ASSERT_TRUE(copy.is_ok());
  EXPECT_EQ(copy->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(copy->duplicate_of, "news/call.txt");
  const Stats after = stats_of(*w);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.evidence, before.evidence);
  EXPECT_EQ(after.entities, before.entities);
  Result<std::optional<Entity>> e = w->entity(entity_named(*w, "Joe Biden"));
  EXPECT_EQ((*e)->mentions, 2u);
  expect_check_ok(*w);
}

TEST(Store, EntitiesMeetAcrossDocumentsOnlyWithTheSameType) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  ASSERT_TRUE(w->put_document(hearing_article()).is_ok());
  const EntityId biden = entity_named(*w, "Joe Biden");
  Result<std::optional<Entity>> e = w->entity(biden);
  EXPECT_EQ((*e)->mentions, 3u);
  // "speak with" is now supported by two documents.
  Result<std::optional<RelationId>> speak = w->find_relation("speak with");
  Result<std::optional<Edge>> edge = w->edge(biden, **speak, entity_named(*w, "Vladimir Putin"));
  ASSERT_TRUE(edge.is_ok() && *edge);
  EXPECT_EQ((*edge)->count, 2u);
  EXPECT_FLOAT_EQ((*edge)->confidence, 0.95f);
  // A place called Kremlin is not joined to the organisation's row; readers
  // see the two as one name group (graph/store/type_folds.h).
  DocumentRecord d;
  d.id = "news/place.txt";
  d.content_hash = "h-place";
  d.sentences = {"Tourists visited the Kremlin."};
  d.entities = {{"Kremlin", EntityType::kLoc, {}, 1}};
  ASSERT_TRUE(w->put_document(d).is_ok());
  Result<std::vector<Entity>> kremlins = identity::find_entities(*w, "kremlin");
  ASSERT_TRUE(kremlins.is_ok());
  EXPECT_EQ(kremlins->size(), 1u);
  Result<Stats> stats = w->stats();
  ASSERT_TRUE(stats.is_ok());
  EXPECT_EQ(stats->entities_by_type[static_cast<size_t>(EntityType::kLoc)], 0u) << "the group reads as ORG";
  expect_check_ok(*w);
}

TEST(Store, ChangedContentReplacesTheDocumentsFacts) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  DocumentRecord v2 = call_article("news/call.txt", "h-call-v2");
  v2.sentences = {"Joe Biden met Vladimir Putin."};
  v2.entities.pop_back();  // the Kremlin is no longer mentioned
  v2.facts = {fact(0, 1, "meet", 0)};
  Result<PutResult> put = w->put_document(v2);
  ASSERT_TRUE(put.is_ok()) << put.status().message();
  EXPECT_EQ(put->outcome, PutOutcome::kReplaced);
  const Stats s = stats_of(*w);
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.sentences, 1u);
  EXPECT_EQ(s.edges, 1u);
  EXPECT_EQ(s.evidence, 1u);
  EXPECT_EQ(s.entities, 2u);  // the Kremlin went with its only document
  Result<std::vector<Entity>> kremlin = identity::find_entities(*w, "Kremlin");
  EXPECT_TRUE(kremlin->empty());
  Result<std::optional<RelationId>> speak = w->find_relation("speak with");
  const EntityId biden = entity_named(*w, "Joe Biden");
  EXPECT_FALSE(*w->edge(biden, **speak, entity_named(*w, "Vladimir Putin")));
  // The entity kept its id through the replacement.
  EXPECT_EQ(biden, 1u);
  expect_check_ok(*w);
}

TEST(Store, RemoveTakesOutExactlyTheDocumentsEvidence) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  ASSERT_TRUE(w->put_document(hearing_article()).is_ok());
  const EntityId biden = entity_named(*w, "Joe Biden"), putin = entity_named(*w, "Vladimir Putin");
  const RelationId speak = **w->find_relation("speak with");

  ASSERT_TRUE(w->remove_document("news/call.txt").is_ok());
  expect_check_ok(*w);
  Stats s = stats_of(*w);
  EXPECT_EQ(s.documents, 1u);
  EXPECT_EQ(s.evidence, 2u);
  EXPECT_EQ(s.edges, 2u);
  Result<std::optional<Edge>> edge = w->edge(biden, speak, putin);
  ASSERT_TRUE(*edge);
  EXPECT_EQ((*edge)->count, 1u);
  EXPECT_EQ((*w->entity(biden))->mentions, 1u);
  EXPECT_TRUE(identity::find_entities(*w, "Mr Biden")->empty());   // that alias came from the removed article only
  EXPECT_FALSE(identity::find_entities(*w, "Biden")->empty() && identity::find_entities(*w, "Joe Biden")->empty());
  EXPECT_TRUE(identity::find_entities(*w, "Kremlin")->empty());

  ASSERT_TRUE(w->remove_document("news/hearing.txt").is_ok());
  expect_check_ok(*w);
  s = stats_of(*w);
  EXPECT_EQ(s.documents, 0u);
  EXPECT_EQ(s.sentences, 0u);
  EXPECT_EQ(s.entities, 0u);
  EXPECT_EQ(s.edges, 0u);
  EXPECT_EQ(s.evidence, 0u);
  EXPECT_EQ(s.aliases, 0u);
  EXPECT_FALSE(*w->entity(biden));

  Status missing = w->remove_document("news/never.txt");
  EXPECT_EQ(missing.code(), Status::Code::kNotFound);
  EXPECT_NE(missing.message().find("news/never.txt"), std::string::npos);
}

TEST(Store, InvalidRecordIsRefusedAndNothingIsWritten) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(call_article()).is_ok());
  const Stats before = stats_of(*w);
  DocumentRecord bad = hearing_article();
  bad.facts.push_back(fact(0, 9, "know", 0));
  Result<PutResult> put = w->put_document(bad);
  ASSERT_FALSE(put.is_ok());
  EXPECT_EQ(put.status().code(), Status::Code::kInvalidInput);
  EXPECT_NE(put.status().message().find("news/hearing.txt"), std::string::npos);
  bad = hearing_article();
  bad.facts[0].sentence = 5;
  EXPECT_FALSE(w->put_document(bad).is_ok());
  const Stats after = stats_of(*w);
  EXPECT_EQ(after.documents, before.documents);
  EXPECT_EQ(after.entities, before.entities);
  EXPECT_FALSE(*w->find_document("news/hearing.txt"));
  expect_check_ok(*w);
}

TEST(Store, ReadOnlyStoreRefusesWrites) {
  TempDir tmp;
  { open_writer(tmp.sub("kg.db")); }
  auto r = open_reader(tmp.sub("kg.db"));
  Result<PutResult> put = r->put_document(call_article());
  ASSERT_FALSE(put.is_ok());
  EXPECT_NE(put.status().message().find("read-only"), std::string::npos);
}

TEST(Store, MissingStoreIsNotFoundForReaders) {
  TempDir tmp;
  Result<std::unique_ptr<Store>> st = Store::open(tmp.sub("nothing.db"), {});
  ASSERT_FALSE(st.is_ok());
  EXPECT_EQ(st.status().code(), Status::Code::kNotFound);
  EXPECT_NE(st.status().message().find("no store at"), std::string::npos);
}

// Random puts, replacements and removals: every invariant holds after each
// step, and the final counts equal those of a store that only ever received
// the final set of documents.
TEST(Store, InvariantsHoldThroughRandomIngestRemoveReingest) {
  TempDir tmp;
  std::mt19937 rng(11);
  const std::vector<std::string> people = {"Joe Biden", "Vladimir Putin", "Olaf Scholz", "Emmanuel Macron",
                                           "Jake Sullivan", "Victoria Nuland"};
  const std::vector<std::string> verbs = {"meet", "call", "criticize", "praise"};
  const auto make = [&](int id, int version) {
    std::mt19937 r(id * 100 + version);
    DocumentRecord d;
    d.id = "doc" + std::to_string(id);
    d.content_hash = d.id + "v" + std::to_string(version);
    const int n = 2 + r() % 4;
    for (int i = 0; i < n; ++i) d.sentences.push_back("Sentence " + std::to_string(i) + ".");
    std::vector<int> chosen;
    for (size_t p = 0; p < people.size(); ++p) {
      if (r() % 2) chosen.push_back(static_cast<int>(p));
    }
    if (chosen.size() < 2) chosen = {0, 1};
    for (int p : chosen) {
      const auto count = [&](uint32_t n) { return static_cast<uint32_t>(1 + r() % n); };
      d.entities.push_back({people[p], EntityType::kPerson, {{people[p].substr(people[p].find(' ') + 1), count(3)}}, count(4)});
    }
    for (int k = 0; k < 4; ++k) {
      FactRecord f = fact(static_cast<uint32_t>(r() % chosen.size()), static_cast<uint32_t>(r() % chosen.size()),
                          verbs[r() % verbs.size()], static_cast<uint32_t>(r() % n));
      f.confidence = 0.5f + 0.1f * static_cast<float>(r() % 5);
      d.facts.push_back(f);
    }
    return d;
  };
  std::map<int, int> final_version;  // doc id -> version present at the end
  {
    auto w = open_writer(tmp.sub("a.db"));
    for (int step = 0; step < 60; ++step) {
      const int id = static_cast<int>(rng() % 8);
      if (rng() % 4 == 0) {
        Status s = w->remove_document("doc" + std::to_string(id));
        EXPECT_TRUE(s.is_ok() || s.code() == Status::Code::kNotFound) << s.message();
        final_version.erase(id);
      } else {
        const int version = static_cast<int>(rng() % 3);
        Result<PutResult> put = w->put_document(make(id, version));
        ASSERT_TRUE(put.is_ok()) << put.status().message();
        final_version[id] = version;
      }
      expect_check_ok(*w);
      if (::testing::Test::HasFailure()) return;
    }
  }
  auto a = open_reader(tmp.sub("a.db"));
  auto b = open_writer(tmp.sub("b.db"));
  for (const auto& [id, version] : final_version) ASSERT_TRUE(b->put_document(make(id, version)).is_ok());
  const Stats sa = stats_of(*a), sb = stats_of(*b);
  EXPECT_EQ(sa.documents, sb.documents);
  EXPECT_EQ(sa.sentences, sb.sentences);
  EXPECT_EQ(sa.entities, sb.entities);
  EXPECT_EQ(sa.edges, sb.edges);
  EXPECT_EQ(sa.evidence, sb.evidence);
  EXPECT_EQ(sa.aliases, sb.aliases);
}

}  // namespace
}  // namespace kg::store

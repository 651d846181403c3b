// Across articles: how the store finds a document's entity again
// (graph/store/entity_lookup.*, with the stricter rules of issue 8).
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "graph/identity/identity.h"
#include "graph/store/store.h"
#include "tests/store/store_test_util.h"

namespace kg::store {
namespace {

using testing::open_writer;
using testing::TempDir;

DocumentRecord article(const std::string& id, std::vector<EntityRecord> entities) {
  DocumentRecord d;
  d.id = id;
  d.content_hash = "hash-" + id;
  d.sentences = {"A sentence written for the test."};
  d.entities = std::move(entities);
  return d;
}

EntityRecord person(std::string name, std::vector<std::pair<std::string, uint32_t>> aliases) {
  uint32_t mentions = 0;
  for (const auto& [a, n] : aliases) mentions += n;
  return EntityRecord{std::move(name), EntityType::kPerson, std::move(aliases), mentions};
}

DocumentRecord blair() { return article("blair", {person("Tony Blair", {{"Tony Blair", 1}, {"Mr Blair", 2}, {"Blair", 1}})}); }
DocumentRecord gordon() { return article("gordon", {person("Gordon Brown", {{"Gordon Brown", 1}, {"Brown", 2}})}); }
DocumentRecord nick() { return article("nick", {person("Nick Brown", {{"Nick Brown", 1}, {"Mr Brown", 1}, {"Brown", 1}})}); }
DocumentRecord bare_blair() { return article("bare-blair", {person("Blair", {{"Blair", 2}})}); }
DocumentRecord bare_brown() { return article("bare-brown", {person("Brown", {{"Brown", 1}})}); }

// name -> mentions of every stored entity.
std::map<std::string, uint64_t> entities_of(Store& s) {
  std::map<std::string, uint64_t> out;
  EXPECT_TRUE(s.for_each_entity([&](const Entity& e) { out[e.name] += e.mentions; }).is_ok());
  return out;
}

TEST(EntityResolution, SameFullNameAcrossArticlesIsOneEntity) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(blair()).is_ok());
  ASSERT_TRUE(w->put_document(article("blair-2", {person("Tony Blair", {{"Tony Blair", 1}, {"Mr Blair", 1}})})).is_ok());
  const auto all = entities_of(*w);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all.at("Tony Blair"), 6u);
}

TEST(EntityResolution, ShortFormOnlyArticleReadsAsTheFullNameWhicheverComesFirst) {
  // "Blair" before any "Tony Blair" article has nothing to join, so the store
  // keeps it as its own entity either way; readers see it folded into the
  // only person with that surname (surname_fold_test.cc has the cases).
  for (const bool bare_first : {true, false}) {
    TempDir tmp;
    auto w = open_writer(tmp.sub("kg.db"));
    ASSERT_TRUE(w->put_document(bare_first ? bare_blair() : blair()).is_ok());
    ASSERT_TRUE(w->put_document(bare_first ? blair() : bare_blair()).is_ok());
    const auto all = entities_of(*w);
    ASSERT_EQ(all.size(), 1u) << "bare first: " << bare_first;
    EXPECT_EQ(all.at("Tony Blair"), 6u);
    Result<std::vector<Entity>> found = identity::find_entities(*w, "Blair");
    ASSERT_TRUE(found.is_ok());
    ASSERT_EQ(found->size(), 1u);
    EXPECT_EQ(found->front().name, "Tony Blair");
  }
}

TEST(EntityResolution, FullNamesSharingASurnameStayTwoAndTheBareSurnameIsNotGuessed) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(gordon()).is_ok());
  ASSERT_TRUE(w->put_document(nick()).is_ok());
  ASSERT_TRUE(w->put_document(bare_brown()).is_ok());
  const auto all = entities_of(*w);
  EXPECT_EQ(all.size(), 3u);
  EXPECT_EQ(all.at("Gordon Brown"), 3u);
  EXPECT_EQ(all.at("Nick Brown"), 3u);
  EXPECT_EQ(all.at("Brown"), 1u) << "fits two people: stays an entity of its own";
  // A later bare "Brown" meets that entity, not either of the people.
  ASSERT_TRUE(w->put_document(article("bare-brown-2", {person("Brown", {{"Brown", 4}})})).is_ok());
  EXPECT_EQ(entities_of(*w).at("Brown"), 5u);
}

// The store joins a document's entity to a stored one only with the same
// type; readers then see the name's entities as one (type folds,
// graph/store/type_folds.h), a one-word name a person only when nine in ten
// of its mentions say so.
TEST(EntityResolution, TypesMustAgreeToJoinAndReadersSeeOneEntityPerName) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(article("a", {{"Washington", EntityType::kLoc, {{"Washington", 1}}, 1}})).is_ok());
  ASSERT_TRUE(w->put_document(article("b", {person("Washington", {{"Washington", 1}})})).is_ok());
  Result<std::vector<Entity>> found = identity::find_entities(*w, "Washington");
  ASSERT_TRUE(found.is_ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().type, EntityType::kLoc);
  EXPECT_EQ(found->front().mentions, 2u);
}

TEST(EntityResolution, OrderOfArticlesDoesNotChangeTheEntities) {
  // Short-only articles before, between and after the full names.
  const std::vector<std::vector<DocumentRecord (*)()>> orders = {
      {blair, gordon, nick, bare_brown, bare_blair},
      {bare_blair, bare_brown, nick, blair, gordon},
      {gordon, bare_brown, nick, bare_blair, blair},
      {bare_brown, blair, bare_blair, gordon, nick},
  };
  std::vector<std::map<std::string, uint64_t>> results;
  for (const auto& order : orders) {
    TempDir tmp;
    auto w = open_writer(tmp.sub("kg.db"));
    for (auto make : order) ASSERT_TRUE(w->put_document(make()).is_ok());
    results.push_back(entities_of(*w));
  }
  EXPECT_EQ(results[0].size(), 4u);  // Tony Blair (with the bare "Blair"), Gordon Brown, Nick Brown, Brown
  for (size_t i = 1; i < results.size(); ++i) EXPECT_EQ(results[0], results[i]) << "order " << i;
}

// "Did you mean": typos and parts of a name, never a short name that only
// happens to be inside what was typed ("EC" in "Ecclestone", "LA" in "Blai").
TEST(EntityResolution, SuggestionsAreCloseNamesNotLettersInsideThem) {
  TempDir tmp;
  auto w = open_writer(tmp.sub("kg.db"));
  ASSERT_TRUE(w->put_document(blair()).is_ok());
  EntityRecord ec{"EC", EntityType::kOrg, {{"EC", 3}}, 3};
  EntityRecord la{"LA", EntityType::kLoc, {{"LA", 3}}, 3};
  EntityRecord a{"A", EntityType::kMisc, {{"A", 9}}, 9};
  ASSERT_TRUE(w->put_document(article("short", {ec, la, a})).is_ok());
  auto names = [&](std::string_view typed) {
    Result<std::vector<Entity>> found = identity::closest_entities(*w, typed, 5);
    EXPECT_TRUE(found.is_ok());
    std::vector<std::string> out;
    for (const Entity& e : *found) out.push_back(e.name);
    return out;
  };
  EXPECT_EQ(names("Ecclestone"), std::vector<std::string>{});
  EXPECT_EQ(names("Blai"), std::vector<std::string>{"Tony Blair"});
  EXPECT_EQ(names("Tony Blairr"), std::vector<std::string>{"Tony Blair"});
}

}  // namespace
}  // namespace kg::store

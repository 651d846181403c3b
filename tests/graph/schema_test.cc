// graph/schema: the canonical relations, checked against their documented
// table (docs/relations.md) and on phrases whose mapping is known by hand.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "graph/schema/schema.h"

namespace kg::schema {
namespace {

using store::EntityType;

std::string type_list(TypeSet types) {
  std::string out;
  const char* names[] = {"PERSON", "ORG", "LOC", "MISC"};
  for (unsigned t = 0; t < 4; ++t) {
    if ((types & (1u << t)) == 0) continue;
    if (!out.empty()) out += ", ";
    out += names[t];
  }
  return out;
}

std::string trim(const std::string& s) {
  const size_t b = s.find_first_not_of(' '), e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

// Rows of the table in docs/relations.md: name -> its cells.
std::map<std::string, std::vector<std::string>> documented_rows() {
  std::ifstream in(std::string(KG_SOURCE_DIR) + "/docs/relations.md");
  std::map<std::string, std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with("| `")) continue;
    std::vector<std::string> cells;
    std::stringstream ss(line.substr(1));
    for (std::string cell; std::getline(ss, cell, '|');) cells.push_back(trim(cell));
    if (cells.size() >= 5) rows[cells[0].substr(1, cells[0].size() - 2)] = cells;
  }
  return rows;
}

TEST(RelationSchema, TheDocumentedTableIsTheSchema) {
  const auto rows = documented_rows();
  ASSERT_EQ(rows.size(), relation_kinds().size()) << "docs/relations.md lists another set of relations";
  for (const RelationKind& k : relation_kinds()) {
    const auto it = rows.find(std::string(k.name));
    ASSERT_NE(it, rows.end()) << k.name << " is not in docs/relations.md";
    EXPECT_EQ(it->second[1], k.meaning) << k.name;
    EXPECT_EQ(it->second[2], type_list(k.subject_types)) << k.name;
    EXPECT_EQ(it->second[3], type_list(k.object_types)) << k.name;
    EXPECT_EQ(it->second[4], k.symmetric ? "yes" : "no") << k.name;
    EXPECT_EQ(find_relation_kind(k.name), &k);
  }
}

TEST(RelationSchema, PhrasesMapByWordingAndArgumentTypes) {
  auto name = [](std::string_view phrase, EntityType s, EntityType o) {
    const auto c = canonical_relation(phrase, s, o);
    return c ? std::string(c->kind->name) + (c->reversed ? " (reversed)" : "") : std::string("open");
  };
  EXPECT_EQ(name("hold talk with", EntityType::kPerson, EntityType::kPerson), "meets");
  EXPECT_EQ(name("be beaten by", EntityType::kOrg, EntityType::kOrg), "beats (reversed)");
  EXPECT_EQ(name("buy", EntityType::kOrg, EntityType::kOrg), "acquires");
  EXPECT_EQ(name("buy", EntityType::kOrg, EntityType::kPerson), "open");  // nobody acquires a person
  EXPECT_EQ(name("manager of", EntityType::kPerson, EntityType::kOrg), "leads");
  EXPECT_EQ(name("chief executive of", EntityType::kPerson, EntityType::kOrg), "leads");
  EXPECT_EQ(name("spokeswoman for", EntityType::kPerson, EntityType::kOrg), "member_of");
  EXPECT_EQ(name("not meet", EntityType::kPerson, EntityType::kPerson), "open");  // a qualified fact is no meeting
  EXPECT_EQ(name("accuse of", EntityType::kPerson, EntityType::kPerson), "open");  // "of" after a verb is no role
  EXPECT_EQ(name("establish", EntityType::kPerson, EntityType::kMisc), "founds");
  EXPECT_EQ(name("be founded by", EntityType::kOrg, EntityType::kPerson), "founds (reversed)");
  EXPECT_EQ(name("be founded by", EntityType::kPerson, EntityType::kPerson), "open");  // nobody founds a person
  EXPECT_EQ(name("finish second to", EntityType::kPerson, EntityType::kPerson), "beats (reversed)");
  EXPECT_EQ(name("be held in", EntityType::kMisc, EntityType::kLoc), "located_in");
  EXPECT_EQ(name("make speech at", EntityType::kPerson, EntityType::kMisc), "takes_part_in");
  EXPECT_EQ(name("compete in", EntityType::kPerson, EntityType::kMisc), "takes_part_in");
  EXPECT_EQ(name("compete in", EntityType::kPerson, EntityType::kPerson), "open");  // one takes part in no person
  EXPECT_EQ(name("be edged out in", EntityType::kPerson, EntityType::kMisc), "takes_part_in");  // beaten there
  EXPECT_EQ(name("join from", EntityType::kPerson, EntityType::kOrg), "leaves");  // "joined Arsenal from Juventus"
  EXPECT_EQ(name("score for", EntityType::kPerson, EntityType::kOrg), "member_of");  // "scored first through Corry"
  EXPECT_EQ(name("suspend", EntityType::kOrg, EntityType::kPerson), "legal_action");
  EXPECT_FALSE(find_relation_kind("meet"));  // surface phrases are never relation names
}

TEST(RelationSchema, OnePersonPlayingAnotherIsNoMatch) {
  // "Richard Griffiths plays Hector": a role, whose direction matters; two
  // teams or a person and a team playing is a match, stored once.
  EXPECT_FALSE(canonical_relation("play", EntityType::kPerson, EntityType::kPerson).has_value());
  const auto teams = canonical_relation("play", EntityType::kOrg, EntityType::kOrg);
  ASSERT_TRUE(teams.has_value());
  EXPECT_EQ(teams->kind->name, "plays_against");
  EXPECT_TRUE(canonical_relation("play against", EntityType::kPerson, EntityType::kPerson).has_value());
}

TEST(RelationSchema, NamesAreLowerCaseWordsWithUnderscores) {
  for (const RelationKind& k : relation_kinds()) {
    for (char c : k.name) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << k.name;
  }
  EXPECT_TRUE(is_named(EntityType::kMisc));
  EXPECT_FALSE(is_named(EntityType::kConcept));
}

}  // namespace
}  // namespace kg::schema

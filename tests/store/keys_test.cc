// Key encoding: bytewise order of encoded keys equals numeric order of the
// tuples, so RocksDB prefix scans return neighbours sorted.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "graph/identity/identity.h"
#include "graph/store/keys.h"
#include "graph/store/records.h"

namespace kg::store {
namespace {

TEST(Keys, U32IsBigEndian) {
  std::string k;
  keys::put_u32(k, 0x01020304u);
  ASSERT_EQ(k.size(), 4u);
  EXPECT_EQ(k, std::string("\x01\x02\x03\x04", 4));
  EXPECT_EQ(keys::get_u32(k.data()), 0x01020304u);
}

TEST(Keys, EdgeKeyBytewiseOrderEqualsTupleOrder) {
  std::mt19937 rng(7);
  // Values around byte boundaries are where a little-endian or varint key would sort wrongly.
  const std::vector<uint32_t> interesting = {0, 1, 127, 128, 255, 256, 65535, 65536, 16777215, 16777216, 0xfffffffe};
  std::vector<keys::EdgeKey> edges;
  for (int i = 0; i < 2000; ++i) {
    auto pick = [&] { return rng() % 2 ? interesting[rng() % interesting.size()] : static_cast<uint32_t>(rng()); };
    edges.push_back({pick(), pick() % 300, pick()});
  }
  std::vector<keys::EdgeKey> by_bytes = edges;
  std::sort(by_bytes.begin(), by_bytes.end(),
            [](const keys::EdgeKey& a, const keys::EdgeKey& b) { return a.encode_out() < b.encode_out(); });
  std::vector<keys::EdgeKey> by_tuple = edges;
  std::sort(by_tuple.begin(), by_tuple.end(), [](const keys::EdgeKey& a, const keys::EdgeKey& b) {
    return std::tie(a.subject, a.relation, a.object) < std::tie(b.subject, b.relation, b.object);
  });
  EXPECT_EQ(by_bytes, by_tuple);

  // edges_in sorts by (object, relation, subject).
  std::sort(by_bytes.begin(), by_bytes.end(),
            [](const keys::EdgeKey& a, const keys::EdgeKey& b) { return a.encode_in() < b.encode_in(); });
  std::sort(by_tuple.begin(), by_tuple.end(), [](const keys::EdgeKey& a, const keys::EdgeKey& b) {
    return std::tie(a.object, a.relation, a.subject) < std::tie(b.object, b.relation, b.subject);
  });
  EXPECT_EQ(by_bytes, by_tuple);
}

TEST(Keys, EdgeAndEvidenceKeysRoundTrip) {
  const keys::EdgeKey e{300, 7, 0x01000000};
  keys::EdgeKey out, in;
  ASSERT_TRUE(keys::EdgeKey::decode_out(e.encode_out(), &out));
  ASSERT_TRUE(keys::EdgeKey::decode_in(e.encode_in(), &in));
  EXPECT_EQ(out, e);
  EXPECT_EQ(in, e);
  EXPECT_EQ(e.encode_in().substr(0, 4), keys::id_key(0x01000000));  // the object leads edges_in keys
  const keys::EvidenceKey ev{e, 12, 3};
  keys::EvidenceKey back;
  ASSERT_TRUE(keys::EvidenceKey::decode(ev.encode(), &back));
  EXPECT_EQ(back, ev);
  EXPECT_TRUE(ev.encode().starts_with(e.encode_out()));  // evidence of an edge is one prefix scan
  EXPECT_FALSE(keys::EdgeKey::decode_out("short", &out));
  EXPECT_FALSE(keys::EvidenceKey::decode(e.encode_out(), &back));
}

TEST(Keys, EvidenceOfOneEdgeSortsByDocumentThenSentence) {
  const keys::EdgeKey e{1, 2, 3};
  const std::string a = keys::EvidenceKey{e, 1, 500}.encode();
  const std::string b = keys::EvidenceKey{e, 2, 0}.encode();
  const std::string c = keys::EvidenceKey{e, 2, 1}.encode();
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
}

TEST(Keys, AliasPrefixSelectsExactlyOneName) {
  const std::string biden = keys::AliasKey{"biden", 9}.encode();
  const std::string bidens = keys::AliasKey{"bidens", 2}.encode();
  EXPECT_TRUE(biden.starts_with(keys::AliasKey::prefix("biden")));
  EXPECT_FALSE(bidens.starts_with(keys::AliasKey::prefix("biden")));  // the 0x00 separator ends the name
  keys::AliasKey back;
  ASSERT_TRUE(keys::AliasKey::decode(biden, &back));
  EXPECT_EQ(back.normalized, "biden");
  EXPECT_EQ(back.entity, 9u);
  // Entities of one name come in id order.
  EXPECT_LT((keys::AliasKey{"x", 2}.encode()), (keys::AliasKey{"x", 256}.encode()));
}

TEST(Keys, PrefixSuccessor) {
  EXPECT_EQ(keys::prefix_successor("ab"), "ac");
  EXPECT_EQ(keys::prefix_successor(std::string("a\xff", 2)), "b");
  EXPECT_EQ(keys::prefix_successor(std::string("\xff\xff", 2)), "");
}

TEST(Records, RoundTripsAndRejectsDamage) {
  records::EvidenceValue ev{3, 17, 0.5f, true, false, "Jake Sullivan"};
  records::EvidenceValue back;
  ASSERT_TRUE(records::decode(records::encode(ev), &back));
  EXPECT_EQ(back.span_begin, 3u);
  EXPECT_EQ(back.span_end, 17u);
  EXPECT_FLOAT_EQ(back.confidence, 0.5f);
  EXPECT_TRUE(back.negated);
  EXPECT_EQ(back.attribution, "Jake Sullivan");
  EXPECT_EQ(records::encode(records::EvidenceValue{}).size(), 1u);  // a plain triple costs one byte
  std::string damaged = records::encode(ev);
  damaged.pop_back();
  EXPECT_FALSE(records::decode(damaged, &back));

  records::SentenceValue s{"Biden spoke with Putin.", {{1, 2, 3}, {4, 5, 6}}};
  records::SentenceValue s2;
  ASSERT_TRUE(records::decode(records::encode(s), &s2));
  EXPECT_EQ(s2.text, s.text);
  EXPECT_EQ(s2.facts, s.facts);
  EXPECT_FALSE(records::decode(records::encode(s) + "x", &s2));

  DocumentInfo info;
  info.number = 4;
  info.id = "a.txt";
  info.content_hash = "h";
  info.sentence_count = 9;
  info.kind = DocumentKind::kTriples;
  DocumentInfo info2;
  ASSERT_TRUE(records::decode(records::encode(info), &info2));
  EXPECT_EQ(info2.number, 4u);
  EXPECT_EQ(info2.id, "a.txt");
  EXPECT_EQ(info2.kind, DocumentKind::kTriples);
  EXPECT_EQ(info2.sentence_count, 9u);
  EXPECT_FALSE(records::decode(std::string("\x07", 1), &info2));
}

TEST(Normalize, FoldsCasePunctuationAndDiacritics) {
  EXPECT_EQ(identity::normalize_name("Mr. Biden's"), "mr bidens");
  EXPECT_EQ(identity::normalize_name("  Joe   BIDEN "), "joe biden");
  EXPECT_EQ(identity::normalize_name("\xC3\x89lys\xC3\xA9\x65"), "elysee");        // Élysée
  EXPECT_EQ(identity::normalize_name("Zelensk\xC3\xBD"), "zelensky");               // Zelenský
  EXPECT_EQ(identity::normalize_name("Biden\xE2\x80\x99s"), "bidens");              // curly apostrophe
  EXPECT_EQ(identity::normalize_name("Jean-Luc"), "jean luc");
  EXPECT_EQ(identity::normalize_name("U.S."), "us");
  // Sums and shares keep their signs and decimal points, however spaced.
  EXPECT_EQ(identity::normalize_name("\xC2\xA3"
                                     "50m"),
            identity::normalize_name("\xC2\xA3 50m"));  // £
  EXPECT_EQ(identity::normalize_name("50%"), "50 %");
  EXPECT_EQ(identity::normalize_name("50 %"), "50 %");
  EXPECT_NE(identity::normalize_name("$1bn"), identity::normalize_name("\xC2\xA3"
                                                                       "1bn"));
  EXPECT_NE(identity::normalize_name("1.7 %"), identity::normalize_name("17"));
  EXPECT_NE(identity::normalize_name("20 %"), identity::normalize_name("20"));
  EXPECT_EQ(identity::normalize_name("Windows 3.1"), "windows 3.1");
  EXPECT_EQ(identity::normalize_name(std::string("a\0b", 3)), "ab");  // no NUL can reach an alias key
  EXPECT_EQ(entity_type_name(EntityType::kConcept), "CONCEPT");
  EXPECT_EQ(parse_entity_type("ORG"), EntityType::kOrg);
  EXPECT_FALSE(parse_entity_type("THING"));
}

}  // namespace
}  // namespace kg::store

// Schema v1: column families and key layouts (private to graph/store).
//
// Every integer in a key is fixed-width big-endian, so RocksDB's bytewise
// order equals numeric order and a prefix scan returns neighbours sorted.
// u32 = 4 bytes BE. Values are described in records.h.
//
//   column family  key                                         value
//   -------------  ------------------------------------------  ------------------------------
//   meta           "schema_version"                            u32 BE
//                  "next_ids"                                  NextIds (entity, relation, doc)
//                  "totals"                                    Totals (stats counters)
//   docs           doc_no u32                                  DocumentInfo
//   doc_ids        document id (UTF-8 bytes)                   doc_no u32
//   doc_hash       content hash (bytes)                        doc_no u32
//   sentences      doc_no u32 | sentence u32                   SentenceValue: text + its facts (s, r, o)
//   doc_entities   doc_no u32 | entity u32                     Mentions: count + aliases the doc contributed
//   entities       entity u32                                  EntityValue: type, mentions, name
//   aliases        normalized name | 0x00 | entity u32         AliasValue: count, first surface form
//   relations      'i' | relation u32                          lemma phrase
//                  'p' | lemma phrase                          relation u32
//   edges_out      subject u32 | relation u32 | object u32     EdgeValue: count, best confidence
//   edges_in       object u32 | relation u32 | subject u32     EdgeValue (mirror of edges_out)
//   evidence       s u32 | r u32 | o u32 | doc_no u32 | sentence u32   EvidenceValue
//   identity       'p' | surname | 0x00 | entity u32           PersonFacts (a PERSON that folding reads)
//                  'n' | name key | 0x00 | entity u32          NamedFacts (a PERSON, ORG, LOC or MISC of that name)
//                  'r' | entity u32                            ReadsAs: the entity it reads as by a surname fold
//                  't' | entity u32                            ReadsAs: the entity it reads as by a type fold
//   edits          edit number u32                             EditValue: one person-made correction
//
// The identity family is derived: a function of the entities and aliases
// families (identity_rows.h), written in the same batch as every change to
// them, so that readers find the surname and type folds without scanning
// the store. A store written before the family existed lacks it; the next
// writer creates it and fills it from the entities and aliases (Store::open).
// meta "identity_version" names the layout of its rows; a store whose rows
// are of an older layout (or that has no such key: version 1, before type
// folds) is refused by readers and rebuilt by its next writer.
//
// The edits family is primary data (issue 25): corrections a person made,
// never derived and never rewritten by ingest; readers apply them over the
// rows above (edits.cc). A store written before it existed lacks it; the
// next writer creates it empty.
//
// Why sentences carry their facts and doc_entities exists: removing or
// replacing a document must find exactly its evidence and mentions without
// scanning the whole store; a prefix scan on doc_no gives them. Exception:
// a triples document (bulk load, DocumentKind::kTriples) has no sentence rows
// (line n is sentence n-1 and its only fact is the evidence row itself);
// removing one scans the evidence family once.
// Normalized names never contain 0x00 (normalize_name drops control
// characters), so "name\0" is a clean prefix for all entities of a name.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "graph/store/store.h"

namespace kg::store::keys {

// Column family names, in the order the store opens them (index = handle slot).
enum Family : size_t {
  kDefault = 0,  // RocksDB's own; unused by kg
  kMeta,
  kDocs,
  kDocIds,
  kDocHash,
  kSentences,
  kDocEntities,
  kEntities,
  kAliases,
  kRelations,
  kEdgesOut,
  kEdgesIn,
  kEvidence,
  kIdentity,
  kEdits,
  kFamilyCount
};
std::string_view family_name(size_t family);

inline constexpr std::string_view kSchemaVersionKey = "schema_version";
inline constexpr std::string_view kNextIdsKey = "next_ids";
inline constexpr std::string_view kTotalsKey = "totals";
// The layout of the identity family's rows (u32 BE; absent: 1, the surname
// folds alone). 2: 'n' rows of every named entity, and type folds ('t').
// 3: a hyphenated surname is one word ("Kilroy-Silk", not "Silk").
inline constexpr std::string_view kIdentityVersionKey = "identity_version";
inline constexpr uint32_t kIdentityVersion = 3;
// How many batches went through Store::Impl::write (u64): the journal of
// unflushed writes names a lost batch by a count above this one.
inline constexpr std::string_view kWriteCountKey = "write_count";

void put_u32(std::string& out, uint32_t v);
uint32_t get_u32(const char* p);

// A 4-byte big-endian id key (docs, entities).
std::string id_key(uint32_t id);

// A pair key: doc_no | sentence, or doc_no | entity.
struct PairKey {
  uint32_t first = 0, second = 0;
  std::string encode() const;
  static bool decode(std::string_view key, PairKey* out);
};

// edges_out / edges_in / the first 12 bytes of evidence.
struct EdgeKey {
  EntityId subject = 0;
  RelationId relation = 0;
  EntityId object = 0;
  std::string encode_out() const;  // subject | relation | object
  std::string encode_in() const;   // object | relation | subject
  static bool decode_out(std::string_view key, EdgeKey* out);
  static bool decode_in(std::string_view key, EdgeKey* out);
  auto operator<=>(const EdgeKey&) const = default;
};
inline constexpr size_t kEdgeKeySize = 12;

struct EvidenceKey {
  EdgeKey edge;
  DocNo doc = 0;
  uint32_t sentence = 0;
  std::string encode() const;
  static bool decode(std::string_view key, EvidenceKey* out);
  auto operator<=>(const EvidenceKey&) const = default;
};
inline constexpr size_t kEvidenceKeySize = 20;

struct AliasKey {
  std::string normalized;
  EntityId entity = 0;
  std::string encode() const;
  static bool decode(std::string_view key, AliasKey* out);
  static std::string prefix(std::string_view normalized);  // all entities of one name
};

// relations: both directions in one family, told apart by the tag byte.
std::string relation_id_key(RelationId id);
std::string relation_phrase_key(std::string_view phrase);
inline constexpr char kRelationIdTag = 'i';
inline constexpr char kRelationPhraseTag = 'p';

// identity: the tag byte of each kind of row, and their keys.
inline constexpr char kPersonTag = 'p';
inline constexpr char kNamedTag = 'n';
inline constexpr char kReadsAsTag = 'r';
inline constexpr char kTypeFoldTag = 't';
std::string person_key(std::string_view surname, EntityId id);       // 'p' | surname | 0x00 | id
std::string person_prefix(std::string_view surname);                 // 'p' | surname | 0x00
std::string named_key(std::string_view name_key, EntityId id);       // 'n' | name key | 0x00 | id
std::string named_prefix(std::string_view name_key);                 // 'n' | name key | 0x00
std::string reads_as_key(EntityId id);                               // 'r' | id
std::string type_fold_key(EntityId id);                              // 't' | id
// The entity id at the end of a 'p', 'n', 'r' or 't' key; false when the key is too short.
bool identity_key_entity(std::string_view key, EntityId* id);

// The smallest key greater than every key that starts with `prefix`
// (for iterate_upper_bound); "" when none exists (prefix all 0xff).
std::string prefix_successor(std::string_view prefix);

}  // namespace kg::store::keys

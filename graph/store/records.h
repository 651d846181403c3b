// Schema v1: value encodings (private to graph/store). Keys are in keys.h.
//
// Values use LEB128 varints for counts and lengths (small numbers dominate)
// and length-prefixed strings; fixed-width fields only where a value is
// rewritten in place often (edges). Every decode returns false on malformed
// bytes so that damage becomes a kCorruption status, never a crash.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "graph/store/keys.h"
#include "graph/store/store.h"

namespace kg::store::records {

// Reads varints and strings from a value, remembering the first failure.
class Reader {
 public:
  explicit Reader(std::string_view data) : p_(data.data()), end_(data.data() + data.size()) {}
  uint64_t varint();
  std::string_view bytes();  // length-prefixed
  uint32_t fixed32();        // big-endian
  float float32();
  uint8_t byte();
  std::string_view rest();  // everything not read yet
  bool ok() const { return ok_; }
  bool at_end() const { return p_ == end_; }
  bool done() const { return ok_ && p_ == end_; }  // everything read, nothing left

 private:
  const char* p_;
  const char* end_;
  bool ok_ = true;
};

void put_varint(std::string& out, uint64_t v);
void put_bytes(std::string& out, std::string_view s);
void put_float(std::string& out, float f);

// meta "next_ids": the next id each counter hands out (all start at 1).
struct NextIds {
  EntityId entity = 1;
  RelationId relation = 1;
  DocNo doc = 1;
};
std::string encode(const NextIds& v);
bool decode(std::string_view data, NextIds* v);

// meta "totals": the Stats counters.
std::string encode(const Stats& v);
bool decode(std::string_view data, Stats* v);

std::string encode(const DocumentInfo& v);
bool decode(std::string_view data, DocumentInfo* v);

// sentences: the text (empty for triples documents) and the edges of the
// evidence rows this sentence holds (key doc_no | sentence completes them).
struct SentenceValue {
  std::string text;
  std::vector<keys::EdgeKey> facts;
};
std::string encode(const SentenceValue& v);
bool decode(std::string_view data, SentenceValue* v);

// doc_entities: what one document contributed to one entity.
struct AliasCount {
  std::string normalized, surface;
  uint32_t count = 0;
};
struct MentionsValue {
  uint32_t mentions = 0;
  std::vector<AliasCount> aliases;  // distinct normalized names
};
std::string encode(const MentionsValue& v);
bool decode(std::string_view data, MentionsValue* v);

struct EntityValue {
  EntityType type = EntityType::kMisc;
  uint64_t mentions = 0;
  std::string name;
};
std::string encode(const EntityValue& v);
bool decode(std::string_view data, EntityValue* v);

struct AliasValue {
  uint64_t count = 0;
  std::string surface;
};
std::string encode(const AliasValue& v);
bool decode(std::string_view data, AliasValue* v);

struct EdgeValue {
  uint32_t count = 0;
  float confidence = 0.0f;
};
inline constexpr size_t kEdgeValueSize = 8;
std::string encode(const EdgeValue& v);
bool decode(std::string_view data, EdgeValue* v);

// evidence: one flags byte, then only the fields that differ from the
// defaults (no span, confidence 1, no attribution). A triple from a TSV file
// is therefore one byte.
struct EvidenceValue {
  uint32_t span_begin = 0, span_end = 0;
  float confidence = 1.0f;
  bool negated = false, modal = false;
  std::string attribution;
};
std::string encode(const EvidenceValue& v);
bool decode(std::string_view data, EvidenceValue* v);

// identity 'p': what surname folding reads of one PERSON entity.
struct PersonFacts {
  bool bare = false;              // the surname is the whole name (honorifics dropped)
  uint64_t male = 0, female = 0;  // uses of its aliases that open with a gendered honorific
  uint64_t mentions = 0;
  bool operator==(const PersonFacts&) const = default;
};
std::string encode(const PersonFacts& v);
bool decode(std::string_view data, PersonFacts* v);

// identity 'n': what type folding reads of one named entity (PERSON, ORG,
// LOC or MISC) under its name key.
struct NamedFacts {
  EntityType type = EntityType::kMisc;
  uint64_t mentions = 0;
  bool operator==(const NamedFacts&) const = default;
};
std::string encode(const NamedFacts& v);
bool decode(std::string_view data, NamedFacts* v);

// identity 'r' (a surname fold) and 't' (a type fold): the entity a stored
// entity reads as by a fold. The family is derived (kg check recomputes it),
// so a merge a person makes is not a row here but a record of the edits
// family (issue 25), which readers apply over these rows in the same map
// (edits.cc). A type fold also carries the source's own type and the type
// its whole name group reads as (type_folds.h); a surname fold's source is
// a PERSON and its target keeps its type, so those bytes are left out.
enum class ReadsAsKind : uint8_t { kSurnameFold = 1, kTypeFold = 2 };
struct ReadsAs {
  EntityId target = 0;
  ReadsAsKind kind = ReadsAsKind::kSurnameFold;
  uint64_t mentions = 0;  // the source entity's mentions, which readers add to the target's
  EntityType source_type = EntityType::kPerson;  // kTypeFold only
  EntityType group_type = EntityType::kPerson;   // kTypeFold only: the type the target reads as
  bool operator==(const ReadsAs&) const = default;
};
std::string encode(const ReadsAs& v);
bool decode(std::string_view data, ReadsAs* v);

// edits: one Edit (its number is the key): kind byte, who, when, note,
// entity count then (name, type byte) each, name, type byte, relation, doc,
// sentence, undone byte, undone_by, undone_when; a split then has its
// aliases and its documents (count, then each), an assert its source; then
// a split's or an assert's `made` id (varint).
std::string encode(const Edit& v);
bool decode(std::string_view data, Edit* v);

}  // namespace kg::store::records

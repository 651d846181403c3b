#include "graph/store/keys.h"

namespace kg::store::keys {

std::string_view family_name(size_t family) {
  static constexpr std::array<std::string_view, kFamilyCount> kNames = {
      "default",  "meta",     "docs",      "doc_ids",   "doc_hash", "sentences", "doc_entities",
      "entities", "aliases",  "relations", "edges_out", "edges_in", "evidence",
      "identity", "edits"};
  return family < kNames.size() ? kNames[family] : std::string_view("?");
}

void put_u32(std::string& out, uint32_t v) {
  const char bytes[4] = {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                         static_cast<char>(v)};
  out.append(bytes, 4);
}

uint32_t get_u32(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  return (uint32_t{u[0]} << 24) | (uint32_t{u[1]} << 16) | (uint32_t{u[2]} << 8) | uint32_t{u[3]};
}

std::string id_key(uint32_t id) {
  std::string k;
  put_u32(k, id);
  return k;
}

std::string PairKey::encode() const {
  std::string k;
  k.reserve(8);
  put_u32(k, first);
  put_u32(k, second);
  return k;
}

bool PairKey::decode(std::string_view key, PairKey* out) {
  if (key.size() != 8) return false;
  out->first = get_u32(key.data());
  out->second = get_u32(key.data() + 4);
  return true;
}

std::string EdgeKey::encode_out() const {
  std::string k;
  k.reserve(kEdgeKeySize);
  put_u32(k, subject);
  put_u32(k, relation);
  put_u32(k, object);
  return k;
}

std::string EdgeKey::encode_in() const {
  std::string k;
  k.reserve(kEdgeKeySize);
  put_u32(k, object);
  put_u32(k, relation);
  put_u32(k, subject);
  return k;
}

bool EdgeKey::decode_out(std::string_view key, EdgeKey* out) {
  if (key.size() != kEdgeKeySize) return false;
  out->subject = get_u32(key.data());
  out->relation = get_u32(key.data() + 4);
  out->object = get_u32(key.data() + 8);
  return true;
}

bool EdgeKey::decode_in(std::string_view key, EdgeKey* out) {
  if (key.size() != kEdgeKeySize) return false;
  out->object = get_u32(key.data());
  out->relation = get_u32(key.data() + 4);
  out->subject = get_u32(key.data() + 8);
  return true;
}

std::string EvidenceKey::encode() const {
  std::string k = edge.encode_out();
  k.reserve(kEvidenceKeySize);
  put_u32(k, doc);
  put_u32(k, sentence);
  return k;
}

bool EvidenceKey::decode(std::string_view key, EvidenceKey* out) {
  if (key.size() != kEvidenceKeySize) return false;
  if (!EdgeKey::decode_out(key.substr(0, kEdgeKeySize), &out->edge)) return false;
  out->doc = get_u32(key.data() + 12);
  out->sentence = get_u32(key.data() + 16);
  return true;
}

std::string AliasKey::encode() const {
  std::string k = prefix(normalized);
  put_u32(k, entity);
  return k;
}

bool AliasKey::decode(std::string_view key, AliasKey* out) {
  if (key.size() < 5 || key[key.size() - 5] != '\0') return false;
  out->normalized.assign(key.data(), key.size() - 5);
  out->entity = get_u32(key.data() + key.size() - 4);
  return true;
}

std::string AliasKey::prefix(std::string_view normalized) {
  std::string k;
  k.reserve(normalized.size() + 5);
  k.append(normalized);
  k.push_back('\0');
  return k;
}

std::string relation_id_key(RelationId id) {
  std::string k(1, kRelationIdTag);
  put_u32(k, id);
  return k;
}

std::string relation_phrase_key(std::string_view phrase) {
  std::string k(1, kRelationPhraseTag);
  k.append(phrase);
  return k;
}

std::string prefix_successor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(s.back());
    if (last != 0xff) {
      ++last;
      return s;
    }
    s.pop_back();
  }
  return s;
}

namespace {

// tag | name | 0x00: the rows of one name in the identity family.
std::string tagged_name_prefix(char tag, std::string_view name) {
  std::string k(1, tag);
  k.append(name);
  k.push_back('\0');
  return k;
}

std::string tagged_name_key(char tag, std::string_view name, EntityId id) {
  std::string k = tagged_name_prefix(tag, name);
  put_u32(k, id);
  return k;
}

}  // namespace

std::string person_prefix(std::string_view surname) { return tagged_name_prefix(kPersonTag, surname); }
std::string person_key(std::string_view surname, EntityId id) { return tagged_name_key(kPersonTag, surname, id); }
std::string named_prefix(std::string_view name_key) { return tagged_name_prefix(kNamedTag, name_key); }
std::string named_key(std::string_view name_key, EntityId id) { return tagged_name_key(kNamedTag, name_key, id); }

namespace {

std::string tagged_id_key(char tag, EntityId id) {
  std::string k(1, tag);
  put_u32(k, id);
  return k;
}

}  // namespace

std::string reads_as_key(EntityId id) { return tagged_id_key(kReadsAsTag, id); }
std::string type_fold_key(EntityId id) { return tagged_id_key(kTypeFoldTag, id); }

bool identity_key_entity(std::string_view key, EntityId* id) {
  if (key.size() < 5) return false;
  *id = get_u32(key.data() + key.size() - 4);
  return true;
}

}  // namespace kg::store::keys

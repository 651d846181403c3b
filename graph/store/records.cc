#include "graph/store/records.h"

#include <cstring>

namespace kg::store::records {

namespace {
enum EvidenceFlag : uint8_t {
  kNegated = 1,
  kModal = 2,
  kHasSpan = 4,
  kHasConfidence = 8,
  kHasAttribution = 16,
  kKnownFlags = 31,
};
}  // namespace

uint64_t Reader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (p_ == end_) break;
    const auto b = static_cast<unsigned char>(*p_++);
    v |= uint64_t{b & 0x7fu} << shift;
    if ((b & 0x80u) == 0) return v;
  }
  ok_ = false;
  return 0;
}

std::string_view Reader::bytes() {
  const uint64_t n = varint();
  if (!ok_ || n > static_cast<uint64_t>(end_ - p_)) {
    ok_ = false;
    return {};
  }
  std::string_view s(p_, n);
  p_ += n;
  return s;
}

uint32_t Reader::fixed32() {
  if (end_ - p_ < 4) {
    ok_ = false;
    return 0;
  }
  const uint32_t v = keys::get_u32(p_);
  p_ += 4;
  return v;
}

float Reader::float32() {
  const uint32_t bits = fixed32();
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

uint8_t Reader::byte() {
  if (p_ == end_) {
    ok_ = false;
    return 0;
  }
  return static_cast<uint8_t>(*p_++);
}

std::string_view Reader::rest() {
  std::string_view s(p_, end_ - p_);
  p_ = end_;
  return s;
}

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

void put_bytes(std::string& out, std::string_view s) {
  put_varint(out, s.size());
  out.append(s);
}

void put_float(std::string& out, float f) {
  uint32_t bits;
  std::memcpy(&bits, &f, sizeof bits);
  keys::put_u32(out, bits);
}

std::string encode(const NextIds& v) {
  std::string out;
  put_varint(out, v.entity);
  put_varint(out, v.relation);
  put_varint(out, v.doc);
  return out;
}

bool decode(std::string_view data, NextIds* v) {
  Reader r(data);
  v->entity = static_cast<EntityId>(r.varint());
  v->relation = static_cast<RelationId>(r.varint());
  v->doc = static_cast<DocNo>(r.varint());
  return r.done();
}

std::string encode(const Stats& v) {
  std::string out;
  for (uint64_t n : {v.documents, v.sentences, v.entities, v.relations, v.edges, v.evidence, v.aliases}) {
    put_varint(out, n);
  }
  for (uint64_t n : v.entities_by_type) put_varint(out, n);
  return out;
}

bool decode(std::string_view data, Stats* v) {
  Reader r(data);
  for (uint64_t* n : {&v->documents, &v->sentences, &v->entities, &v->relations, &v->edges, &v->evidence,
                      &v->aliases}) {
    *n = r.varint();
  }
  for (uint64_t& n : v->entities_by_type) n = r.varint();
  return r.done();
}

// The first byte holds the kind and, in its top bit, date_is_ingest_date;
// the list of near-duplicate ids follows the counts only when it is not
// empty. Both were added to schema v1 without changing what older records
// read as.
constexpr uint8_t kIngestDateBit = 0x80;

std::string encode(const DocumentInfo& v) {
  std::string out;
  out.push_back(static_cast<char>(static_cast<uint8_t>(v.kind) | (v.date_is_ingest_date ? kIngestDateBit : 0)));
  put_varint(out, v.number);
  for (const std::string* s : {&v.id, &v.title, &v.url, &v.date, &v.source, &v.content_hash}) put_bytes(out, *s);
  put_varint(out, v.sentence_count);
  put_varint(out, v.fact_count);
  if (!v.near_duplicates.empty()) {
    put_varint(out, v.near_duplicates.size());
    for (const std::string& id : v.near_duplicates) put_bytes(out, id);
  }
  return out;
}

bool decode(std::string_view data, DocumentInfo* v) {
  Reader r(data);
  const uint8_t first = r.byte();
  const uint8_t kind = first & ~kIngestDateBit;
  if (kind > static_cast<uint8_t>(DocumentKind::kTriples)) return false;
  v->kind = static_cast<DocumentKind>(kind);
  v->date_is_ingest_date = (first & kIngestDateBit) != 0;
  v->number = static_cast<DocNo>(r.varint());
  for (std::string* s : {&v->id, &v->title, &v->url, &v->date, &v->source, &v->content_hash}) {
    *s = std::string(r.bytes());
  }
  v->sentence_count = static_cast<uint32_t>(r.varint());
  v->fact_count = static_cast<uint32_t>(r.varint());
  v->near_duplicates.clear();
  if (r.ok() && !r.at_end()) {
    const uint64_t n = r.varint();
    for (uint64_t i = 0; i < n && r.ok(); ++i) v->near_duplicates.emplace_back(r.bytes());
  }
  return r.done();
}

std::string encode(const SentenceValue& v) {
  std::string out;
  put_bytes(out, v.text);
  put_varint(out, v.facts.size());
  for (const keys::EdgeKey& e : v.facts) out += e.encode_out();
  return out;
}

bool decode(std::string_view data, SentenceValue* v) {
  Reader r(data);
  v->text = std::string(r.bytes());
  const uint64_t n = r.varint();
  if (!r.ok() || n > data.size() / keys::kEdgeKeySize) return false;
  v->facts.resize(n);
  for (keys::EdgeKey& e : v->facts) {
    e.subject = r.fixed32();
    e.relation = r.fixed32();
    e.object = r.fixed32();
  }
  return r.done();
}

std::string encode(const MentionsValue& v) {
  std::string out;
  put_varint(out, v.mentions);
  put_varint(out, v.aliases.size());
  for (const AliasCount& a : v.aliases) {
    put_bytes(out, a.normalized);
    put_bytes(out, a.surface);
    put_varint(out, a.count);
  }
  return out;
}

bool decode(std::string_view data, MentionsValue* v) {
  Reader r(data);
  v->mentions = static_cast<uint32_t>(r.varint());
  const uint64_t n = r.varint();
  if (!r.ok() || n > data.size()) return false;
  v->aliases.resize(n);
  for (AliasCount& a : v->aliases) {
    a.normalized = std::string(r.bytes());
    a.surface = std::string(r.bytes());
    a.count = static_cast<uint32_t>(r.varint());
  }
  return r.done();
}

std::string encode(const EntityValue& v) {
  std::string out;
  out.push_back(static_cast<char>(v.type));
  put_varint(out, v.mentions);
  out.append(v.name);
  return out;
}

bool decode(std::string_view data, EntityValue* v) {
  Reader r(data);
  const uint8_t type = r.byte();
  if (type >= kEntityTypeCount) return false;
  v->type = static_cast<EntityType>(type);
  v->mentions = r.varint();
  v->name.assign(r.rest());
  return r.ok();
}

std::string encode(const AliasValue& v) {
  std::string out;
  put_varint(out, v.count);
  out.append(v.surface);
  return out;
}

bool decode(std::string_view data, AliasValue* v) {
  Reader r(data);
  v->count = r.varint();
  v->surface.assign(r.rest());
  return r.ok();
}

std::string encode(const EdgeValue& v) {
  std::string out;
  out.reserve(kEdgeValueSize);
  keys::put_u32(out, v.count);
  put_float(out, v.confidence);
  return out;
}

bool decode(std::string_view data, EdgeValue* v) {
  Reader r(data);
  v->count = r.fixed32();
  v->confidence = r.float32();
  return r.done();
}

std::string encode(const EvidenceValue& v) {
  uint8_t flags = 0;
  if (v.negated) flags |= kNegated;
  if (v.modal) flags |= kModal;
  if (v.span_begin != 0 || v.span_end != 0) flags |= kHasSpan;
  if (v.confidence != 1.0f) flags |= kHasConfidence;
  if (!v.attribution.empty()) flags |= kHasAttribution;
  std::string out(1, static_cast<char>(flags));
  if (flags & kHasSpan) {
    put_varint(out, v.span_begin);
    put_varint(out, v.span_end);
  }
  if (flags & kHasConfidence) put_float(out, v.confidence);
  if (flags & kHasAttribution) put_bytes(out, v.attribution);
  return out;
}

bool decode(std::string_view data, EvidenceValue* v) {
  Reader r(data);
  const uint8_t flags = r.byte();
  if (!r.ok() || (flags & ~kKnownFlags) != 0) return false;
  *v = EvidenceValue{};
  v->negated = flags & kNegated;
  v->modal = flags & kModal;
  if (flags & kHasSpan) {
    v->span_begin = static_cast<uint32_t>(r.varint());
    v->span_end = static_cast<uint32_t>(r.varint());
  }
  if (flags & kHasConfidence) v->confidence = r.float32();
  if (flags & kHasAttribution) v->attribution = std::string(r.bytes());
  return r.done();
}

std::string encode(const PersonFacts& v) {
  std::string out(1, static_cast<char>(v.bare));
  put_varint(out, v.male);
  put_varint(out, v.female);
  put_varint(out, v.mentions);
  return out;
}

bool decode(std::string_view data, PersonFacts* v) {
  Reader r(data);
  const uint8_t bare = r.byte();
  v->bare = bare == 1;
  v->male = r.varint();
  v->female = r.varint();
  v->mentions = r.varint();
  return r.done() && bare <= 1;
}

std::string encode(const NamedFacts& v) {
  std::string out(1, static_cast<char>(v.type));
  put_varint(out, v.mentions);
  return out;
}

bool decode(std::string_view data, NamedFacts* v) {
  Reader r(data);
  const uint8_t type = r.byte();
  v->type = static_cast<EntityType>(type);
  v->mentions = r.varint();
  return r.done() && type < kEntityTypeCount;
}

std::string encode(const ReadsAs& v) {
  std::string out;
  keys::put_u32(out, v.target);
  out.push_back(static_cast<char>(v.kind));
  put_varint(out, v.mentions);
  if (v.kind == ReadsAsKind::kTypeFold) {
    out.push_back(static_cast<char>(v.source_type));
    out.push_back(static_cast<char>(v.group_type));
  }
  return out;
}

bool decode(std::string_view data, ReadsAs* v) {
  Reader r(data);
  *v = ReadsAs{};
  v->target = r.fixed32();
  const uint8_t kind = r.byte();
  v->kind = static_cast<ReadsAsKind>(kind);
  v->mentions = r.varint();
  if (kind == static_cast<uint8_t>(ReadsAsKind::kTypeFold)) {
    const uint8_t source = r.byte(), group = r.byte();
    if (source >= kEntityTypeCount || group >= kEntityTypeCount) return false;
    v->source_type = static_cast<EntityType>(source);
    v->group_type = static_cast<EntityType>(group);
  } else if (kind != static_cast<uint8_t>(ReadsAsKind::kSurnameFold)) {
    return false;
  }
  return r.done() && v->target != 0;
}

std::string encode(const Edit& v) {
  std::string out(1, static_cast<char>(v.kind));
  put_bytes(out, v.who);
  put_bytes(out, v.when);
  put_bytes(out, v.note);
  put_varint(out, v.entities.size());
  for (const EntityRef& e : v.entities) {
    put_bytes(out, e.name);
    out.push_back(static_cast<char>(e.type));
  }
  put_bytes(out, v.name);
  out.push_back(static_cast<char>(v.type));
  put_bytes(out, v.relation);
  put_bytes(out, v.doc);
  put_varint(out, v.sentence);
  out.push_back(static_cast<char>(v.undone));
  put_bytes(out, v.undone_by);
  put_bytes(out, v.undone_when);
  // Appended for splits; an edit written before them ends above.
  if (v.kind == EditKind::kSplit) {
    for (const std::vector<std::string>* list : {&v.aliases, &v.docs}) {
      put_varint(out, list->size());
      for (const std::string& item : *list) put_bytes(out, item);
    }
  }
  if (v.kind == EditKind::kAssert) put_bytes(out, v.source);
  if (v.kind == EditKind::kSplit || v.kind == EditKind::kAssert) put_varint(out, v.made);
  return out;
}

bool decode(std::string_view data, Edit* v) {
  Reader r(data);
  const uint8_t kind = r.byte();
  v->kind = static_cast<EditKind>(kind);
  v->who = std::string(r.bytes());
  v->when = std::string(r.bytes());
  v->note = std::string(r.bytes());
  const uint64_t n = r.varint();
  if (!r.ok() || n > 2) return false;
  v->entities.resize(n);
  bool types_ok = true;
  for (EntityRef& e : v->entities) {
    e.name = std::string(r.bytes());
    const uint8_t t = r.byte();
    types_ok = types_ok && t < kEntityTypeCount;
    e.type = static_cast<EntityType>(t);
  }
  v->name = std::string(r.bytes());
  const uint8_t type = r.byte();
  v->type = static_cast<EntityType>(type);
  v->relation = std::string(r.bytes());
  v->doc = std::string(r.bytes());
  v->sentence = static_cast<uint32_t>(r.varint());
  const uint8_t undone = r.byte();
  v->undone = undone == 1;
  v->undone_by = std::string(r.bytes());
  v->undone_when = std::string(r.bytes());
  v->aliases.clear();
  v->docs.clear();
  if (v->kind == EditKind::kSplit) {
    for (std::vector<std::string>* list : {&v->aliases, &v->docs}) {
      const uint64_t count = r.varint();
      for (uint64_t i = 0; r.ok() && i < count; ++i) list->emplace_back(r.bytes());
    }
  }
  v->source = v->kind == EditKind::kAssert ? std::string(r.bytes()) : std::string();
  v->made = v->kind == EditKind::kSplit || v->kind == EditKind::kAssert ? static_cast<uint32_t>(r.varint()) : 0;
  return r.done() && kind >= 1 && kind <= 6 && types_ok && type < kEntityTypeCount && undone <= 1;
}

}  // namespace kg::store::records

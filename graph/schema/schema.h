// graph/schema: the canonical relations of news between named entities.
//
// The extractor stores every fact under its surface lemma phrase ("hold talk
// with", "be beaten by"). This module maps such a phrase, given the types of
// its two entities, onto a small fixed schema of what news reports
// (meetings, criticism, acquisitions, results, appointments, ...), so that
// one question ("who met Putin?") finds every wording of the answer. A phrase
// outside the schema stays an open relation: canonical_relation() says so
// and readers show the phrase itself.
//
// The mapping is a pure function of (phrase, subject type, object type), so
// the store keeps only the surface phrase and every reader derives the same
// canonical name; the table is docs/relations.md, checked against
// relation_kinds() by a test.
//
// Invariants: relation names are lower-case ASCII with underscores, unique,
// and never equal to a surface phrase (which has spaces or is a bare lemma),
// so a name given by a user is unambiguous.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "graph/store/store.h"

namespace kg::schema {

// A set of entity types, one bit per store::EntityType.
using TypeSet = uint8_t;
inline constexpr TypeSet type_bit(store::EntityType t) { return static_cast<TypeSet>(1u << static_cast<unsigned>(t)); }
inline constexpr TypeSet kPerson = type_bit(store::EntityType::kPerson);
inline constexpr TypeSet kOrg = type_bit(store::EntityType::kOrg);
inline constexpr TypeSet kLoc = type_bit(store::EntityType::kLoc);
inline constexpr TypeSet kMisc = type_bit(store::EntityType::kMisc);
inline constexpr TypeSet kNamed = kPerson | kOrg | kLoc | kMisc;

// True for the types of named entities (everything but CONCEPT): the nodes
// of the entity graph that neighbourhoods, paths, rankings and diagrams use.
inline constexpr bool is_named(store::EntityType t) { return t != store::EntityType::kConcept; }

struct RelationKind {
  std::string_view name;     // "meets"
  std::string_view meaning;  // one line for people
  TypeSet subject_types = kNamed;
  TypeSet object_types = kNamed;
  bool symmetric = false;    // holds both ways; stored once, in name order
  std::string_view examples; // surface phrases that map here, for the docs
};

// Every canonical relation, in a fixed order.
std::span<const RelationKind> relation_kinds();

// The canonical relation a stored fact means, when its phrase and types fit
// one. `reversed` is set when the fact states it object-first ("be beaten
// by": subject lost to object, so object beats subject).
struct Canonical {
  const RelationKind* kind = nullptr;
  bool reversed = false;
};
std::optional<Canonical> canonical_relation(std::string_view phrase, store::EntityType subject,
                                            store::EntityType object);

// Nouns naming a position someone holds ("chairman", "striker", "spokeswoman").
// A phrase "<role words> of" ("chief executive of", "manager of") maps onto
// leads when its last word heads something, else onto member_of.
bool is_role_noun(std::string_view lemma);

// The kind named `name` ("meets"), or nullptr.
const RelationKind* find_relation_kind(std::string_view name);

}  // namespace kg::schema

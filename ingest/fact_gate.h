// Private to kg_ingest: which extracted propositions become graph facts, and
// under what relation phrase.
//
// Two kinds of fact reach the store (see graph/schema/schema.h):
//   relations  join two named entities; they make the entity graph that
//              neighbourhoods, paths, rankings and diagrams run on, so they
//              are held to a precision-first standard: both arguments named
//              in the sentence itself (no pronoun or description standing in),
//              no identity read off lists, tables or coordinations, no
//              "be"/"have" between two names, no subject borrowed by an
//              adverbial clause or a bare nominalization, no truncated name;
//   statements attach a common-noun phrase or value to one named entity
//              ("Gordon Brown · plan to axe · 104,000 jobs"); empty ones
//              (pronoun-like concepts, adjectives after "be", light verbs
//              with generic objects) are dropped.
// A proposition with no named argument at all is no fact of the graph.
//
// Qualifiers are never dropped silently: a negated, modal, conditional or
// hedged proposition keeps its qualifier at the front of the stored phrase
// ("not be", "could attack", "if attack", "almost take", "reportedly
// oust"), so every reader shows it as such and it never groups with the
// plain fact; a question ("asked whether ...") or a denial ("denied reports
// that ...") states no event and gives no fact.
#pragma once

#include <optional>
#include <string>

#include "graph/store/store.h"
#include "ingest/extract/extract.h"

namespace kg::ingest {

// What the resolver made of a candidate fact's two arguments.
struct GateEntities {
  store::EntityType subject_type = store::EntityType::kConcept, object_type = store::EntityType::kConcept;
  std::string_view subject_name, object_name;  // the entities' canonical names
  // The subject is a pronoun whose reading is trusted: the resolver joined it
  // to the subject of the clause that reports this one ("Time Warner said
  // that it owns ...") or to the subject of the sentence before.
  bool speaker_subject = false;
  // The argument's words are one of its entity's names, though the tagger
  // did not read them as a name ("Harbour Foods" tagged as common nouns at
  // the start of a sentence), or a title only its entity holds in the
  // article ("the chancellor" after "Chancellor Gordon Brown"): as good as a
  // name.
  bool subject_named_here = false, object_named_here = false;
};

// The stored relation phrase for `t` of `p` (qualifiers first), or nullopt
// when the proposition gives no graph fact.
std::optional<std::string> gate_fact(const nlp::Document& doc, const extract::Proposition& p,
                                     const extract::GraphTriple& t, const GateEntities& entities);

// Whether an entity's canonical name can stand in a relation: not a fragment
// of a longer name the article writes ("Cup" of "European Cup"), not run on
// into the sentence ("Park on Wednesday"). `text` is the article's.
bool name_fits_graph(std::string_view text, std::string_view name, store::EntityType type);

}  // namespace kg::ingest

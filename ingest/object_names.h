// Private to kg_ingest: names inside a common-noun argument.
//
// News often puts the entity a clause is about inside a noun phrase rather
// than in the argument slot itself:
//   a modifier with a preposition   "bought a stake in AOL Europe"      -> buy stake in · AOL Europe
//   a possessor                     "backed Gordon Brown's report"      -> back report of · Gordon Brown
//   a name the head noun classifies "disposed of the Odeon cinema chain" -> dispose of · Odeon
//   named examples of a plural noun "worked with choreographers such as Anthony Tudor and
//                                   Frederick Ashton" -> work with · Anthony Tudor, Frederick Ashton
// The first two keep the noun in the relation, so the fact says no more
// than the sentence; the third only where the head noun names the kind of
// thing the name is (a chain, a gallery, a label), so the name stands for
// the whole phrase, and so do examples ("such as", "including", "like").
// Read off the parse alone: the caller asks the resolver whether the word
// found belongs to a named entity.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

struct InnerName {
  uint32_t word = 0;     // a word of the name (sentence index)
  std::string relation;  // what joins the clause's relation to it: "stake in", "report of", or "" for a classifier
  bool modifier = false;  // joined by a preposition of its own ("a stake in AOL Europe")
  bool example = false;   // one of the noun's named examples, each of which stands for it
};

// The preposition the modifier at `w` is joined by, lower case, or "" for
// none. (It may hang on the first word of a name: "in AOL Europe" with "in"
// on "AOL".)
std::string preposition_of(std::span<const nlp::Word> words, uint32_t w);

// The first word of the name the noun at `noun` says the kind of ("the
// Odeon cinema chain": Odeon; "the Mecca Bingo chain": Mecca), which
// stands for the whole phrase; -1 when it is no such noun (an
// organisation, venue or event; not a work, whose name before it may be
// its maker's: "the BBC series") or has no name.
int32_t classified_name(std::span<const nlp::Word> words, uint32_t noun);

// Names hanging on the common noun at `head`, nearest first.
std::vector<InnerName> names_inside(std::span<const nlp::Word> words, uint32_t head);

}  // namespace kg::ingest

// Private to kg_ingest: where an organisation or a place is, read off two
// shapes news writes instead of a clause:
//   a place's possessive     "Edinburgh's Napier University", "Germany's Siemens"
//   a place-based modifier   "London-based Barclays", "the Paris-based group Vivendi"
// Both need the recognizer's names: a place (LOC) and a name after it,
// written whole; the caller keeps those the resolver types as organisations
// or places. The possessive needs a place the gazetteer knows (a country,
// region or city): a name tagged LOC before "'s" is too often a person's or
// a club's ("Keane's Hope and Fears", "Real's Harmony service").
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

struct NamePlace {
  uint32_t name_word = 0;   // last word of the organisation's or place's name (sentence index)
  uint32_t place_word = 0;  // last word of the place's name
  bool possessive = false;  // "Edinburgh's ...", else "-based"
  // The name ends in a word that ends place names ("Square", "Street",
  // "Stadium"): a place inside the other, not a person the recognizer
  // typed LOC ("South Africa's Os du Randt").
  bool place_named = false;
};

std::vector<NamePlace> name_places(std::span<const nlp::Word> words);

}  // namespace kg::ingest

// Private to kg_ingest: where an organisation, a place or an event is, read
// off shapes news writes instead of a clause:
//   a place's possessive     "Edinburgh's Napier University", "Germany's Siemens"
//                            "Japan's biggest carmaker Toyota", "BT, the UK's biggest internet supplier,"
//   a place-based modifier   "London-based Barclays", "the Paris-based group Vivendi"
//   a place and its country  "in Cannes, France", "Bonn, Germany, said"
//   a name "in" a place      "the 3GSM trade show in Cannes", "the European
//                            Indoor Championships in Madrid"
// All need the recognizer's names: a place (LOC) and a name before or after
// it, written whole; the caller keeps those the resolver types as
// organisations, places or events. The possessive needs a place the
// gazetteer knows (a country, region or city): a name tagged LOC before "'s"
// is too often a person's or a club's ("Keane's Hope and Fears", "Real's
// Harmony service"). The country after a comma must be one the gazetteer
// knows, and a place before it that is no country itself ("France, Germany
// and Italy" is a list).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

enum class PlaceShape : uint8_t { kPossessive, kBased, kBorn, kCountryAfterComma, kIn };

struct NamePlace {
  uint32_t name_word = 0;   // last word of the organisation's, place's or event's name (sentence index)
  uint32_t place_word = 0;  // last word of the place's name
  PlaceShape shape = PlaceShape::kPossessive;
  // The name ends in a word that ends place names ("Square", "Street",
  // "Stadium"): a place inside the other, not a person the recognizer
  // typed LOC ("South Africa's Os du Randt").
  bool place_named = false;
  // An event: its name ends in an event word ("Championships", "Marathon")
  // or an event noun follows it ("trade show"); it is held in the place.
  bool event = false;
  // A venue noun follows the name ("art gallery", "stadium").
  bool venue = false;
  // The "name" is an occupation after "the" ("the Scotland-born athlete"),
  // which the resolver reads as it reads "he" or "she".
  bool description = false;
  // The place's "'s" is followed by a noun for an organisation the name is
  // ("Japan's biggest carmaker Toyota", "Sumitomo, Japan's third-largest
  // bank,"): the name is an organisation's, whatever the recognizer said.
  bool organisation = false;
};

std::vector<NamePlace> name_places(std::span<const nlp::Word> words);

}  // namespace kg::ingest

// Word lists the recognizer uses as features and to find titles: countries,
// demonyms, capitals and large cities, regions, titles and honorifics, words
// that end organization and place names, well-known organizations, common
// first names, and greetings. The lists are facts
// compiled for the project (ner_gazetteer.cc), not copied files.
//
// Phrases are matched case-insensitively over word forms, longest match
// first, so "Secretary of State" is one title and "New York" one place.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/string_table.h"

namespace kg::nlp {

// Bit flags; a phrase may belong to several lists ("Georgia": country and
// region).
enum GazetteerClass : uint16_t {
  kGazCountry = 1 << 0,
  kGazDemonym = 1 << 1,    // Russian, Americans
  kGazCity = 1 << 2,       // capitals and large cities
  kGazRegion = 1 << 3,     // continents, states, provinces, seas
  kGazTitle = 1 << 4,      // President, Prime Minister, Senator
  kGazHonorific = 1 << 5,  // Mr, Ms, Dr, Sir
  kGazOrgWord = 1 << 6,    // words that end organization names: Committee, Inc
  kGazFirstName = 1 << 7,  // common given names
  kGazTitleModifier = 1 << 8,  // words that may precede a title: former, deputy, acting
  kGazInstitution = 1 << 9,    // places that name a government in news: White House, Kremlin
  kGazGreeting = 1 << 10,      // Dear, Hello, Thanks: may precede a name, never part of it
  kGazPlaceWord = 1 << 11,     // words that end place names: Street, River, Airport
  kGazOrganization = 1 << 12,  // well-known organizations: Google, Reuters, Taliban
};

// What the gazetteer says about one word of a sentence.
struct GazetteerMark {
  uint16_t word_classes = 0;    // lists the word alone belongs to
  uint16_t phrase_classes = 0;  // lists of the longest phrase covering it (0 = none)
  uint8_t phrase_position = 0;  // within that phrase: 0 single word, 1 first, 2 inside, 3 last
};

class Gazetteer {
 public:
  // The compiled-in lists; built once, immutable, safe to share across threads.
  static const Gazetteer& builtin();

  // Marks for every word of a sentence (`marks` is resized to words.size()).
  void mark(std::span<const Word> words, std::vector<GazetteerMark>* marks) const;

  // Lists a single word belongs to (case-insensitive), 0 when none.
  uint16_t word_classes(std::string_view word) const;

 private:
  Gazetteer();
  void add(std::string_view phrase, uint16_t classes);

  StringMap<uint16_t> words_;    // lowercase single words
  StringMap<uint16_t> phrases_;  // lowercase multiword phrases, words joined by ' '
  StringSet phrase_starts_;      // first words of phrases_: most words start none
  size_t longest_phrase_ = 1;    // in words
};

}  // namespace kg::nlp

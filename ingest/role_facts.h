// Private to kg_ingest: the roles people hold at organisations and places.
//
// News names a person's role in three ways, none of them a clause:
//   a title before the name    "Arsenal manager Arsene Wenger", "US President Joe Biden"
//   an apposition              "David Frost, director general of the British Chambers of Commerce"
//   a predicate nominal        "Richard Parsons is chairman of Time Warner"
// Each gives the relation person · "<role> of" · organisation ("manager of",
// "president of", "director general of"), which graph/schema maps onto
// leads / member_of. Only a role noun from a closed list counts, and only a
// name written in the same phrase.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::ingest {

struct RoleMention {
  std::string relation;      // "manager of"
  uint32_t entity_word = 0;  // head word of the organisation or place (sentence index)
};

// The role a title written before a name states, from its words [begin, end)
// of the sentence: a name inside it and the role words after that name, or
// the name just before the title ("Federal Reserve chairman"): one the
// recognizer tagged, or any when the caller knows that the word before
// `begin` ends an organisation's or a place's name (`organisation_before`).
std::optional<RoleMention> role_in_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end,
                                         bool organisation_before = false);

// What a title of a result states, from its words [begin, end): "Wimbledon
// champion", "Orange Prize winner" (win), with the event or award named just
// before the title noun, inside the title or just before it
// (`organisation_before` as for role_in_title). ("runner-up" never reaches
// here: no title ends in it.) Not a nationality ("European champion") nor a side
// ("Chelsea winner" is a goal).
std::optional<RoleMention> result_in_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end,
                                           bool organisation_before = false);

// The role a role noun states through its "of"/"at"/"for" modifier naming an
// organisation or place ("chairman of Time Warner").
std::optional<RoleMention> role_of_noun(std::span<const nlp::Word> words, uint32_t noun);

// A role written in apposition after a person's name, read off the words
// rather than the tree (parsers often take "managing director" for a verb
// and its object): NAME "," up to four lower-case role words ending in a
// role noun, then "of"/"at"/"for", an optional "the", and a recognized
// organisation or place ("Brian McBride, managing director of T-Mobile");
// or the organisation first, with "'s" ("Rene Obermann, T-Mobile's chief
// executive, said"); or only where the person is from ("David Page, of
// Investec Securities, said", "said Mike Powell of Dresdner Kleinwort
// Wasserstein": work for).
struct AppositiveRole {
  uint32_t person_word = 0;  // last word of the person's name
  RoleMention role;
};
std::vector<AppositiveRole> appositive_roles(std::span<const nlp::Word> words);

// The political party a title names by its adjective, written at or just
// before the title's words [begin, end) ("Conservative Shadow chancellor
// Oliver Letwin", "Liberal Democrat spokeswoman Sandra Gidley", "Labour MP"):
// the party's usual name ("Conservatives", "Liberal Democrats"), and the
// party's own office the title names, if any ("treasury spokesman" in
// "Liberal Democrat treasury spokesman", "leader" in "Tory leader"; empty
// for a shadow minister or an MP, who are members); nullopt for no party.
struct PartyTitle {
  std::string_view party;
  std::string office;
};
std::optional<PartyTitle> party_of_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end);

// The preposition that joins a role to the body it serves: one speaks and
// advises *for* an organisation, and is the chairman *of* it.
std::string_view role_preposition(std::string_view role);

// The recognized name around word `w` (its BILOU span) and its NER type
// ("ORG"); nullopt when `w` is outside every span.
struct SpanName {
  std::string text;
  std::string type;
  uint32_t begin = 0;  // its first word
};
std::optional<SpanName> name_at(std::span<const nlp::Word> words, uint32_t w);

}  // namespace kg::ingest

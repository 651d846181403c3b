// Word lists the resolver consults (private to ingest/resolve): pronouns
// here; honorifics, role nouns, countries and demonyms from base/lexicon.
// All lookups are case-insensitive and allocation-free.
#pragma once

#include <optional>
#include <string_view>

#include "base/lexicon.h"
#include "ingest/resolve/resolve.h"

namespace kg::resolve {

// What a third-person personal pronoun can refer to.
enum class PronounClass : uint8_t {
  kMasculine,  // he, him, his, himself
  kFeminine,   // she, her, hers, herself
  kNeuter,     // it, its, itself
  kPlural,     // they, them, their, theirs, themselves
};

struct PronounInfo {
  PronounClass cls;
  bool possessive = false;  // his, her(s), its, their(s)
  bool reflexive = false;   // himself, herself, itself, themselves
  bool object = false;      // him, her, them (as objects), it
};

// Third-person personal pronouns only; nullopt for any other word.
std::optional<PronounInfo> third_person_pronoun(std::string_view form);

// Possessive determiners that may open a description ("his counterpart").
bool is_possessive_determiner(std::string_view form);

// Gender an honorific implies ("Mr" -> male, "Mrs" -> female, "Dr" and any
// other word -> unknown); the words and their genders are base/lexicon's.
Gender honorific_gender(std::string_view honorific);

// The name a country is filed under when it has several ("US", "U.S.",
// "America", "United States" -> "United States"); "" when it has one.
std::string_view country_canonical(std::string_view name);

// The name a country, a chamber of parliament or a political party is
// filed under when it has several (country_canonical,
// lexicon::chamber_canonical, lexicon::party_canonical); "" otherwise.
std::string_view filed_name(std::string_view name);

// Role nouns, organisation nouns, demonyms and person descriptors come from
// the one lexicon.
using lexicon::demonym_of;
using lexicon::is_organisation_noun;
using lexicon::person_descriptor;
using lexicon::role_noun;
using lexicon::RoleNoun;

// Lowercase ASCII copy (names here are short; the copy is cheap).
std::string ascii_lowercase(std::string_view s);

}  // namespace kg::resolve

// Word lists the resolver consults (private to ingest/resolve): pronouns,
// honorific genders, role nouns of descriptions, countries and their
// demonyms, and countries known under several names. Facts compiled for the
// project; all lookups are case-insensitive and allocation-free.
#pragma once

#include <optional>
#include <string_view>

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

// Gender an honorific implies ("Mr" -> male, "Mrs" -> female, "Dr" -> unknown).
Gender honorific_gender(std::string_view honorific);

// Nouns heading descriptions that can stand for a named person.
enum class RoleNoun : uint8_t {
  kNone,
  kGeneric,  // leader, counterpart, official: fits any person with a title or nationality
  kTitle,    // president, minister, chancellor ...: must match one of the person's titles
};
RoleNoun role_noun(std::string_view lowercase_lemma);

// A noun that news uses for an organisation already named ("the company",
// "the firm", "the group", "the club"): a definite description of one.
bool is_organisation_noun(std::string_view lowercase_lemma);

// The demonym of a country name or demonym ("US" -> "American", "Russia" ->
// "Russian", "Russian" -> "Russian"); "" when unknown.
std::string_view demonym_of(std::string_view name);

// The name a country is filed under when it has several ("US", "U.S.",
// "America", "United States" -> "United States"); "" when it has one.
std::string_view country_canonical(std::string_view name);

// A capitalised word that says what a person is, not who: an occupation or
// a nationality noun ("Singer", "Sprinter", "Swede", "Irishmen",
// "Compatriots"). The recognizer takes it into the name at a sentence start
// ("Singer Pete Doherty"); the resolver moves it to the title.
bool person_descriptor(std::string_view word);

// Lowercase ASCII copy (names here are short; the copy is cheap).
std::string ascii_lowercase(std::string_view s);

}  // namespace kg::resolve

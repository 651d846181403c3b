#include "ingest/resolve/lexicon.h"

#include <algorithm>
#include <iterator>

#include <string>

#include "base/utf8.h"
#include "ingest/nlp/text_chars.h"

namespace kg::resolve {

namespace {

struct PronounEntry {
  std::string_view form;
  PronounInfo info;
};

constexpr PronounEntry kPronouns[] = {
    {"he", {PronounClass::kMasculine, false, false, false}},
    {"him", {PronounClass::kMasculine, false, false, true}},
    {"his", {PronounClass::kMasculine, true, false, false}},
    {"himself", {PronounClass::kMasculine, false, true, false}},
    {"she", {PronounClass::kFeminine, false, false, false}},
    {"her", {PronounClass::kFeminine, true, false, false}},  // possessive or object: both bind alike
    {"hers", {PronounClass::kFeminine, true, false, false}},
    {"herself", {PronounClass::kFeminine, false, true, false}},
    {"it", {PronounClass::kNeuter, false, false, false}},
    {"its", {PronounClass::kNeuter, true, false, false}},
    {"itself", {PronounClass::kNeuter, false, true, false}},
    {"they", {PronounClass::kPlural, false, false, false}},
    {"them", {PronounClass::kPlural, false, false, true}},
    {"their", {PronounClass::kPlural, true, false, false}},
    {"theirs", {PronounClass::kPlural, true, false, false}},
    {"themselves", {PronounClass::kPlural, false, true, false}},
};

// Pairs of (a name of a country, its demonym), lowercase name first.
struct CountryEntry {
  std::string_view name;
  std::string_view demonym;
  std::string_view canonical;  // "" when the name is the only one in use
};

constexpr CountryEntry kCountries[] = {
    {"us", "American", "United States"},          {"u.s.", "American", "United States"},
    {"usa", "American", "United States"},         {"u.s.a.", "American", "United States"},
    {"america", "American", "United States"},     {"united states", "American", "United States"},
    {"uk", "British", "United Kingdom"},          {"u.k.", "British", "United Kingdom"},
    {"britain", "British", "United Kingdom"},     {"great britain", "British", "United Kingdom"},
    {"united kingdom", "British", "United Kingdom"},
    {"russia", "Russian", ""},                    {"china", "Chinese", ""},
    {"ukraine", "Ukrainian", ""},                  {"france", "French", ""},
    {"germany", "German", ""},                     {"italy", "Italian", ""},
    {"spain", "Spanish", ""},                      {"japan", "Japanese", ""},
    {"india", "Indian", ""},                       {"iran", "Iranian", ""},
    {"iraq", "Iraqi", ""},                         {"israel", "Israeli", ""},
    {"canada", "Canadian", ""},                    {"mexico", "Mexican", ""},
    {"brazil", "Brazilian", ""},                   {"australia", "Australian", ""},
    {"turkey", "Turkish", ""},                     {"poland", "Polish", ""},
    {"ireland", "Irish", ""},                      {"scotland", "Scottish", ""},
    {"wales", "Welsh", ""},                        {"england", "English", ""},
    {"pakistan", "Pakistani", ""},                 {"afghanistan", "Afghan", ""},
    {"syria", "Syrian", ""},                       {"egypt", "Egyptian", ""},
    {"north korea", "North Korean", ""},          {"south korea", "South Korean", ""},
    {"saudi arabia", "Saudi", ""},                 {"south africa", "South African", ""},
    {"nigeria", "Nigerian", ""},                   {"kenya", "Kenyan", ""},
    {"netherlands", "Dutch", ""},                  {"belgium", "Belgian", ""},
    {"sweden", "Swedish", ""},                     {"norway", "Norwegian", ""},
    {"greece", "Greek", ""},                       {"portugal", "Portuguese", ""},
    {"belarus", "Belarusian", ""},                 {"georgia", "Georgian", ""},
    {"taiwan", "Taiwanese", ""},                   {"vietnam", "Vietnamese", ""},
    {"soviet union", "Soviet", ""},                {"european union", "European", ""},
};

constexpr std::string_view kGenericRoles[] = {"leader", "counterpart", "official", "head", "chief"};
constexpr std::string_view kTitleRoles[] = {
    "president", "premier", "minister", "chancellor", "secretary", "chairman", "chairwoman", "senator",
    "governor", "mayor", "king", "queen", "prince", "ambassador", "envoy", "spokesman", "spokeswoman",
    "adviser", "advisor", "director", "commissioner", "general", "pope", "speaker", "coach", "manager",
};

bool equals_lowercase(std::string_view lower, std::string_view form) {
  if (lower.size() != form.size()) return false;
  for (size_t i = 0; i < form.size(); ++i) {
    if (nlp::ascii_lower(form[i]) != lower[i]) return false;
  }
  return true;
}

// Demonyms spelled as themselves ("Russian" -> "Russian").
const CountryEntry* find_country(std::string_view name) {
  for (const CountryEntry& c : kCountries) {
    if (equals_lowercase(c.name, name)) return &c;
  }
  return nullptr;
}

}  // namespace

std::string ascii_lowercase(std::string_view s) { return utf8::ascii_lowercase(s); }

std::optional<PronounInfo> third_person_pronoun(std::string_view form) {
  if (form.size() > 10) return std::nullopt;
  for (const PronounEntry& p : kPronouns) {
    if (equals_lowercase(p.form, form)) return p.info;
  }
  return std::nullopt;
}

bool is_possessive_determiner(std::string_view form) {
  const auto p = third_person_pronoun(form);
  return p && p->possessive;
}

Gender honorific_gender(std::string_view honorific) {
  // The store keeps the one list: it reads the same honorifics when it folds
  // bare surnames across articles.
  switch (store::honorific_gender(honorific).value_or(store::HonorificGender::kUnknown)) {
    case store::HonorificGender::kMale: return Gender::kMale;
    case store::HonorificGender::kFemale: return Gender::kFemale;
    case store::HonorificGender::kUnknown: break;
  }
  return Gender::kUnknown;
}

bool is_organisation_noun(std::string_view lowercase_lemma) {
  static constexpr std::string_view kNouns[] = {
      "company", "firm",    "group",       "bank",    "club",   "carrier", "airline", "retailer", "giant",
      "maker",   "insurer", "broadcaster", "charity", "lender", "chain",   "operator", "conglomerate"};
  return std::find(std::begin(kNouns), std::end(kNouns), lowercase_lemma) != std::end(kNouns);
}

RoleNoun role_noun(std::string_view lowercase_lemma) {
  for (std::string_view r : kGenericRoles) {
    if (r == lowercase_lemma) return RoleNoun::kGeneric;
  }
  for (std::string_view r : kTitleRoles) {
    if (r == lowercase_lemma) return RoleNoun::kTitle;
  }
  return RoleNoun::kNone;
}

std::string_view demonym_of(std::string_view name) {
  if (const CountryEntry* c = find_country(name)) return c->demonym;
  for (const CountryEntry& c : kCountries) {
    if (equals_lowercase(ascii_lowercase(c.demonym), name)) return c.demonym;
  }
  return {};
}

bool person_descriptor(std::string_view word) {
  static constexpr std::string_view kDescriptors[] = {
      // occupations
      "singer", "novelist", "author", "writer", "poet", "playwright", "composer", "actor", "actress", "comedian",
      "presenter", "broadcaster", "journalist", "rapper", "guitarist", "drummer", "bassist", "artist", "designer",
      "photographer", "director", "producer", "sprinter", "athlete", "hurdler", "runner", "boxer", "golfer",
      "cyclist", "swimmer", "striker", "midfielder", "defender", "goalkeeper", "keeper", "winger", "economist",
      "analyst", "banker", "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur", "investor",
      "lawyer", "scientist", "veteran", "legend", "star", "champion", "youngster", "newcomer", "rookie",
      // group and nationality nouns
      "compatriot", "compatriots", "countryman", "countrymen", "teammate", "team-mate", "swede", "dane", "scot",
      "briton", "britons", "frenchman", "dutchman", "welshman", "englishman", "irishman", "irishmen", "spaniard",
      "argentine", "finn", "pole", "turk"};
  const std::string lower = ascii_lowercase(word);
  for (std::string_view d : kDescriptors) {
    if (d == lower) return true;
  }
  return false;
}

std::string_view country_canonical(std::string_view name) {
  const CountryEntry* c = find_country(name);
  return c ? c->canonical : std::string_view();
}

}  // namespace kg::resolve

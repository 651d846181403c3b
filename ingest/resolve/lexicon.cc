#include "ingest/resolve/lexicon.h"

#include <string>

#include "base/utf8.h"
#include "ingest/nlp/nlp.h"

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

bool equals_lowercase(std::string_view lower, std::string_view form) {
  if (lower.size() != form.size()) return false;
  for (size_t i = 0; i < form.size(); ++i) {
    if (nlp::ascii_lower(form[i]) != lower[i]) return false;
  }
  return true;
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
  return lexicon::honorific_gender(honorific).value_or(Gender::kUnknown);
}

std::string_view country_canonical(std::string_view name) {
  const lexicon::Country* c = lexicon::find_country(name);
  return c ? c->canonical : std::string_view();
}

std::string_view filed_name(std::string_view name) {
  if (const std::string_view country = country_canonical(name); !country.empty()) return country;
  if (const std::string_view chamber = lexicon::chamber_canonical(name); !chamber.empty()) return chamber;
  return lexicon::party_canonical(name);
}

}  // namespace kg::resolve

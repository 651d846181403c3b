// Finding the mentions of one sentence (private to ingest/resolve): names
// with their split-off titles, third-person pronouns and descriptions.
// See resolve.h for what counts as each.
#pragma once

#include <set>
#include <string_view>

#include <cstdint>
#include <string>
#include <vector>

#include "ingest/nlp/nlp.h"
#include "ingest/resolve/resolve.h"

namespace kg::resolve {

enum class Role : uint8_t { kSubject, kObject, kOther };

// A mention as found, before clustering.
struct FoundMention {
  Mention mention;
  Role role = Role::kOther;
  // Names: the title written before the name, words [title_begin,
  // title_end) (title_begin == title_end == mention.begin when none), and
  // what it says. title_end is mention.begin but for a title set off by a
  // comma ("Ukraine's new president, Viktor Yushchenko,"), where it is the
  // comma's word.
  uint32_t title_begin = 0;
  uint32_t title_end = 0;
  std::string title;        // without honorifics: "US President"; "" when none
  std::string nationality;  // demonym from the title: "American"
  Gender gender = Gender::kUnknown;  // from the honorific
  // Names: the gazetteer knows some word of it as a place, an institution
  // or an organization word, so a recognizer type other than PERSON stands.
  bool known_non_person = false;
  // Descriptions: the demonym among the modifiers, the role noun's lemma,
  // and the possessive determiner (-1 when the description starts with "the").
  std::string role_lemma;
  std::vector<std::string> role_modifiers;  // lowercase words before the role noun that are no demonym: "prime"
  int32_t possessor_word = -1;
  // Descriptions read as "he" or "she" would be, by salience: "the
  // 25-year-old", "the Scotland-born athlete".
  bool read_as_pronoun = false;
  // Descriptions of an institution by the last word of its name: "the
  // commission" for the Law Commission named before.
  bool institution_head = false;
  // Descriptions of an event named before: "the tournament" for the
  // Australian Open, "the festival" for the Glastonbury Festival.
  bool event_head = false;
  // Descriptions of a spouse by a possessive, with no name after them: "her
  // husband", "his wife" (the possessive is possessor_word).
  bool spouse = false;
  // Pronouns: whether it is reflexive / an object (binding constraints).
  bool reflexive = false;
  bool object_pronoun = false;
  int32_t governor = -1;  // head of the mention's head word (the verb it depends on); -1 when unparsed
};

// One-word organisation names the recognizer found in sentences [first,
// last) of `doc` ("Rank"), by form.
std::set<std::string_view> one_word_organisations(const nlp::Document& doc, uint32_t first, uint32_t last);

// Appends the mentions of sentence `s` of `doc` to `out`, in word order. A
// capitalised common noun standing alone whose form is in `organisations`
// is that organisation's name ("Rank now aims ..." after "leisure group
// Rank": the tagger reads a sentence's first "Rank" as a noun).
void find_mentions(const nlp::Document& doc, uint32_t s, const std::set<std::string_view>& organisations,
                   std::vector<FoundMention>* out);

}  // namespace kg::resolve

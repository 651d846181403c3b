#include "ingest/object_names.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/lexicon.h"
#include "base/one_of.h"
#include "base/utf8.h"

namespace kg::ingest {
namespace {

std::string_view base_rel(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// Nouns that say what kind of thing the name before them is: the name can
// stand for the whole phrase ("the Odeon cinema chain" is Odeon). Not nouns
// for a part or a measure of it ("Google shares", "Microsoft's profits").
// Organisations and venues: the name is the thing itself.
bool organisation_kind(std::string_view lemma) {
  return one_of(lemma, {"chain",       "unit",     "division",  "brand",   "gallery",  "museum",     "studio",
                        "label",       "magazine", "newspaper", "channel", "network",  "airline",    "subsidiary",
                        "franchise",   "stadium",  "theatre",   "casino",  "cafe",     "restaurant", "store",
                        "supermarket", "carmaker", "retailer",  "bank",    "firm",     "company",    "group",
                        "band",        "club",     "side",      "team",    "orchestra"});
}

// Also events and works, whose name before them may as well be a place's,
// a patron's or a maker's ("the Shakespeare festival", "the BBC series").
bool classifier_noun(std::string_view lemma) {
  return organisation_kind(lemma) ||
         one_of(lemma, {"festival", "tournament", "championship", "championships", "series", "show", "programme",
                        "film", "album", "novel", "musical", "opera", "ballet", "contest", "race"});
}

// Whether `w` is given as an example of the noun it hangs on: "such as",
// "including" or "like" before it ("choreographers such as Anthony Tudor",
// "firms, including Acme Foods").
bool example(std::span<const nlp::Word> words, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) {
    if (words[i].head != static_cast<int32_t>(w) || base_rel(words[i].deprel) != "case") continue;
    const std::string form = utf8::ascii_lowercase(words[i].form);
    if (form == "including" || form == "like") return true;
    if (form == "such" && i + 1 < w && utf8::ascii_lowercase(words[i + 1].form) == "as") return true;
  }
  return false;
}

bool named_word(const nlp::Word& w) { return !w.ner.empty() && w.upos == nlp::UPos::PROPN; }

// A proper noun, tagged or not: the caller asks the resolver whether it
// names an entity ("the Pinewood studios" with "Pinewood" left untagged).
bool proper_word(const nlp::Word& w) {
  return w.upos == nlp::UPos::PROPN && !w.form.empty() && std::isupper(static_cast<unsigned char>(w.form[0]));
}

// A word of the name headed by `w`: `w` itself when tagged, or the first of
// its tagged flat parts when `w` is a title before the name ("Chancellor
// Gordon Brown"), or else `w` when it is a proper noun at all.
int32_t name_word(std::span<const nlp::Word> words, uint32_t w) {
  if (named_word(words[w])) return static_cast<int32_t>(w);
  for (uint32_t i = w + 1; i < words.size() && i <= w + 3; ++i) {
    if (words[i].head == static_cast<int32_t>(w) && base_rel(words[i].deprel) == "flat" && named_word(words[i])) {
      return static_cast<int32_t>(i);
    }
  }
  return proper_word(words[w]) ? static_cast<int32_t>(w) : -1;
}

// The first proper noun compounded onto the noun at `noun`, or -1.
int32_t compound_name(std::span<const nlp::Word> words, uint32_t noun) {
  for (uint32_t i = 0; i < noun; ++i) {
    if (words[i].head == static_cast<int32_t>(noun) && base_rel(words[i].deprel) == "compound" &&
        proper_word(words[i])) {
      return static_cast<int32_t>(i);
    }
  }
  return -1;
}

// The name an example at `w` gives: its own, or the name its head noun
// classifies ("including the Odeon cinema chain": Odeon).
int32_t example_name(std::span<const nlp::Word> words, uint32_t w) {
  if (const int32_t own = name_word(words, w); own >= 0) return own;
  return classifier_noun(utf8::ascii_lowercase(words[w].lemma)) ? compound_name(words, w) : -1;
}

// Whether the noun at `head` has an "of" modifier after it ("introduction
// of lower taxes", "handling of the economy").
bool has_of_object(std::span<const nlp::Word> words, uint32_t head) {
  for (uint32_t i = head + 1; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(head) && base_rel(words[i].deprel) == "nmod" &&
        preposition_of(words, i) == "of") {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string preposition_of(std::span<const nlp::Word> words, uint32_t w) {
  for (uint32_t i = 0; i < w; ++i) {
    if (words[i].upos != nlp::UPos::ADP || base_rel(words[i].deprel) != "case" || words[i].head < 0) continue;
    const auto on = static_cast<uint32_t>(words[i].head);
    if (on == w ||
        (words[on].head == static_cast<int32_t>(w) && one_of(base_rel(words[on].deprel), {"compound", "flat"}))) {
      return utf8::ascii_lowercase(words[i].form);
    }
  }
  return "";
}

int32_t classified_name(std::span<const nlp::Word> words, uint32_t noun) {
  if (noun >= words.size() || !organisation_kind(utf8::ascii_lowercase(words[noun].lemma))) return -1;
  // ("the next South Korean bank" is a bank of that country.)
  const int32_t name = compound_name(words, noun);
  if (name < 0 || lexicon::is_nationality_word(words[static_cast<uint32_t>(name)].form)) return -1;
  for (uint32_t i = static_cast<uint32_t>(name) + 1; i < noun; ++i) {
    if (lexicon::is_nationality_word(words[i].form)) return -1;
  }
  return name;
}

std::vector<InnerName> names_inside(std::span<const nlp::Word> words, uint32_t head) {
  std::vector<InnerName> out;
  if (head >= words.size() || words[head].upos != nlp::UPos::NOUN) return out;
  // Half of a hyphenated word ("crime-fighting tools") is no noun of its own.
  if ((head > 0 && words[head - 1].form == "-") || (head + 1 < words.size() && words[head + 1].form == "-")) return out;
  const std::string noun = utf8::ascii_lowercase(words[head].lemma);
  // A quantity's names are those of what it counts ("a number of
  // businesses, including the Odeon cinema chain").
  if (lexicon::is_quantity_noun(noun)) {
    for (uint32_t i = head + 1; i < words.size(); ++i) {
      if (words[i].head == static_cast<int32_t>(head) && base_rel(words[i].deprel) == "nmod" &&
          preposition_of(words, i) == "of") {
        // ("won a string of Grammy Awards": what it counts may be a name.)
        if (const int32_t name = name_word(words, i); name >= 0) return {InnerName{static_cast<uint32_t>(name), ""}};
        return names_inside(words, i);
      }
    }
  }
  // An office written as a title ("the Director of Public Prosecutions",
  // "the Chancellor of the Exchequer") names its remit after "of": one
  // consults the office, not the remit.
  if (std::isupper(static_cast<unsigned char>(words[head].form[0])) &&
      lexicon::role_noun(noun) != lexicon::RoleNoun::kNone) {
    return out;
  }
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head != static_cast<int32_t>(head)) continue;
    const std::string_view rel = base_rel(words[i].deprel);
    const bool is_example = rel == "nmod" && i > head && words[head].xpos == "NNS" && example(words, i);
    const int32_t name = is_example ? example_name(words, i) : name_word(words, i);
    if (name < 0) continue;
    if (words[i].deprel == "nmod:poss") {
      // (Not an act with its own "of" object: "applauded Ireland's
      // introduction of lower taxes" is no applauding of Ireland's.)
      if (has_of_object(words, head)) continue;
      out.push_back({static_cast<uint32_t>(name), noun + " of"});
    } else if (is_example) {
      // Named examples of a plural noun stand for it, each of them.
      out.push_back({static_cast<uint32_t>(name), "", false, true});
      for (uint32_t k = i + 1; k < words.size(); ++k) {
        if (words[k].head != static_cast<int32_t>(i) || words[k].deprel != "conj") continue;
        if (const int32_t other = example_name(words, k); other >= 0) {
          out.push_back({static_cast<uint32_t>(other), "", false, true});
        }
      }
    } else if (rel == "nmod" || (rel == "appos" && i > head)) {
      // ("a stake in AOL Europe" is sometimes parsed as an apposition with a preposition.)
      const std::string prep = preposition_of(words, i);
      if (one_of(prep, {"in", "into", "of", "for", "with", "on", "at", "against", "to", "from", "over", "by"})) {
        out.push_back({static_cast<uint32_t>(name), noun + " " + prep, true});
      }
    } else if (rel == "compound" && i < head && classifier_noun(noun)) {
      // A place before an event names where it is held, not the event ("the
      // Leeds festival" is no Leeds); an event's own name is the event ("an
      // epic New York Marathon contest", the recognizer reading a place).
      const bool event = one_of(
          noun, {"festival", "tournament", "championship", "championships", "series", "show", "contest", "race"});
      if (event && nlp::tag_type(words[static_cast<uint32_t>(name)]) == "LOC" &&
          !lexicon::ends_event_name(words[static_cast<uint32_t>(name)].form)) {
        continue;
      }
      out.push_back({static_cast<uint32_t>(name), ""});
    }
  }
  std::sort(out.begin(), out.end(), [head](const InnerName& a, const InnerName& b) {
    const auto distance = [head](uint32_t w) { return w > head ? w - head : head - w; };
    return distance(a.word) < distance(b.word);
  });
  return out;
}

}  // namespace kg::ingest

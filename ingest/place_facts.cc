#include "ingest/place_facts.h"

#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "base/lexicon.h"
#include "base/one_of.h"
#include "base/utf8.h"

namespace kg::ingest {
namespace {

bool capitalised(std::string_view f) { return !f.empty() && std::isupper(static_cast<unsigned char>(f[0])); }

// The word of the event or venue noun that heads the name ending at `last`
// ("the 3GSM trade show", "London's Tate Britain art gallery"), if any.
std::optional<uint32_t> kind_noun_after(std::span<const nlp::Word> words, uint32_t last) {
  const int32_t h = words[last].head;
  if (h <= static_cast<int32_t>(last) || words[last].deprel != "compound") return std::nullopt;
  const nlp::Word& noun = words[static_cast<size_t>(h)];
  // Only the nouns between the name and its head: "show" in "3GSM trade show".
  for (int32_t k = static_cast<int32_t>(last) + 1; k < h; ++k) {
    if (words[static_cast<size_t>(k)].upos != nlp::UPos::NOUN) return std::nullopt;
  }
  bool event = false;
  if (noun.upos != nlp::UPos::NOUN || !lexicon::is_event_or_venue_noun(utf8::ascii_lowercase(noun.lemma), &event)) {
    return std::nullopt;
  }
  return static_cast<uint32_t>(h);
}

// The first word of the name that ends at `last`.
uint32_t name_start(std::span<const nlp::Word> words, uint32_t last) {
  uint32_t first = last;
  while (first > 0 && !nlp::begins_name(words[first]) && nlp::tag_type(words[first - 1]) == nlp::tag_type(words[last]))
    --first;
  return first;
}

// The last word of the name that begins at `w`, when it stands whole (no
// capitalised word or possessive runs on after it, nor with `owned` a noun:
// in "England's Champions League representatives" the place owns the
// representatives); -1 otherwise. (Of any recognized type: the caller asks
// the resolver what the name is.)
int32_t whole_name_from(std::span<const nlp::Word> words, uint32_t w, bool owned) {
  if (w >= words.size() || !nlp::begins_name(words[w])) return -1;
  const std::string_view type = nlp::tag_type(words[w]);
  uint32_t last = w;
  while (!nlp::ends_name(words[last]) && last + 1 < words.size() && nlp::tag_type(words[last + 1]) == type) ++last;
  if (!nlp::ends_name(words[last])) return -1;
  if (last + 1 < words.size()) {
    const std::string_view next = words[last + 1].form;
    if (capitalised(next) || next == "'s" || next == "'" ||
        (owned && words[last + 1].upos == nlp::UPos::NOUN && !kind_noun_after(words, last).has_value())) {
      return -1;
    }
  }
  return static_cast<int32_t>(last);
}

// After a place's "'s" at `s`: up to four lower-case words ending in a
// noun for an organisation ("biggest steel company", "largest internet
// supplier"); the index after them, or -1.
int32_t after_organisation_description(std::span<const nlp::Word> words, uint32_t s) {
  uint32_t k = s + 1;
  // (A hyphen inside a word counts with it: "third-largest".)
  const auto inner_hyphen = [&](uint32_t w) { return w > s + 1 && nlp::hyphenated_begin(words, w + 1) == w - 1; };
  while (k < words.size() && k <= s + 6 && !words[k].form.empty() && !capitalised(words[k].form) &&
         (words[k].upos == nlp::UPos::ADJ || words[k].upos == nlp::UPos::NOUN || words[k].upos == nlp::UPos::ADV ||
          inner_hyphen(k))) {
    ++k;
  }
  if (k == s + 1) return -1;
  const std::string noun = utf8::ascii_lowercase(words[k - 1].lemma);
  const bool organisation =
      lexicon::is_organisation_noun(noun) ||
      one_of(noun, {"supplier", "provider", "carmaker", "manufacturer", "miner", "exchange", "producer", "lender",
                    "insurer", "reinsurer", "brewer", "operator", "retailer", "airline", "broadcaster"});
  return organisation ? static_cast<int32_t>(k) : -1;
}

}  // namespace

std::vector<NamePlace> name_places(std::span<const nlp::Word> words) {
  std::vector<NamePlace> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  std::vector<nlp::GazetteerMark> marks;
  nlp::Gazetteer::builtin().mark(words, &marks);
  auto known_place = [&](uint32_t w) {
    return ((marks[w].phrase_classes | marks[w].word_classes) & (nlp::kGazCountry | nlp::kGazCity | nlp::kGazRegion)) != 0;
  };
  auto place_named = [&](uint32_t w) { return (marks[w].word_classes & nlp::kGazPlaceWord) != 0; };
  // Whether words [b, e) name a country.
  auto country_between = [&](uint32_t b, uint32_t e) {
    std::string name;
    for (uint32_t k = b; k < e; ++k) name += (k > b ? " " : "") + std::string(words[k].form);
    return lexicon::find_country(name) != nullptr;
  };
  for (uint32_t i = 1; i + 1 < n; ++i) {
    const nlp::Word& place = words[i - 1];
    // "Edinburgh's Napier University": the place owns the name after "'s".
    // (Only "'s": a bare apostrophe is often inside the name, "St James' Park".)
    // (A country's name counts however the recognizer typed it: "South
    // Korea's biggest company" read as an organisation.)
    const bool country = words[i].form == "'s" && country_between(name_start(words, i - 1), i);
    if (words[i].form == "'s" && (nlp::tag_type(place) == "LOC" || country) && nlp::ends_name(place) &&
        known_place(i - 1)) {
      // "Japan's biggest steel company Nippon Steel": the organisation is
      // described before its name.
      if (const int32_t after = after_organisation_description(words, i); after >= 0) {
        NamePlace described{0, i - 1, PlaceShape::kPossessive};
        described.organisation = true;
        if (const int32_t name = whole_name_from(words, static_cast<uint32_t>(after), /*owned=*/false); name >= 0) {
          described.name_word = static_cast<uint32_t>(name);
          out.push_back(described);
        } else {
          // "BT, the UK's biggest internet supplier,", "Allied Irish Banks,
          // Ireland's biggest company by capitalisation,": the same in
          // apposition, the description ending the phrase or going on
          // after a preposition.
          const uint32_t first = name_start(words, i - 1);
          const uint32_t comma = first >= 1 && words[first - 1].form == "the" ? first - 2 : first - 1;
          const bool ends = static_cast<uint32_t>(after) == n ||
                            words[static_cast<uint32_t>(after)].upos == nlp::UPos::PUNCT ||
                            words[static_cast<uint32_t>(after)].upos == nlp::UPos::ADP;
          if (first >= 2 && comma >= 1 && comma < first && words[comma].form == "," &&
              nlp::ends_name(words[comma - 1]) && ends) {
            described.name_word = comma - 1;
            out.push_back(described);
          }
        }
        continue;
      }
      if (const int32_t name = whole_name_from(words, i + 1, /*owned=*/true); name >= 0) {
        const auto kind = kind_noun_after(words, static_cast<uint32_t>(name));
        bool event = false;
        if (kind) lexicon::is_event_or_venue_noun(utf8::ascii_lowercase(words[*kind].lemma), &event);
        out.push_back({static_cast<uint32_t>(name), i - 1, PlaceShape::kPossessive,
                       place_named(static_cast<uint32_t>(name)), event, kind && !event});
      }
      continue;
    }
    // "London-based Barclays", "the Paris-based group Vivendi",
    // "Glasgow-born singer Sharleen Spiteri": the first name within three
    // words after "based" or "born".
    const bool based = words[i].form == "based", born = words[i].form == "born";
    if (i >= 2 && (based || born) && words[i - 1].form == "-" && nlp::tag_type(words[i - 2]) == "LOC" &&
        nlp::ends_name(words[i - 2])) {
      // ("the Scotland-born athlete": an occupation standing for a person.)
      if (born && i >= 3 && utf8::ascii_lowercase(words[i - 3].form) == "the" && i + 1 < n &&
          words[i + 1].upos == nlp::UPos::NOUN &&
          lexicon::person_descriptor(utf8::ascii_lowercase(words[i + 1].lemma)) &&
          !(i + 2 < n && (words[i + 2].upos == nlp::UPos::PROPN || words[i + 2].upos == nlp::UPos::NOUN))) {
        NamePlace described{i + 1, i - 2, PlaceShape::kBorn};
        described.description = true;
        out.push_back(described);
        continue;
      }
      for (uint32_t k = i + 1; k < n && k <= i + 3; ++k) {
        if (words[k].upos == nlp::UPos::PUNCT || words[k].upos == nlp::UPos::VERB) break;
        if (!nlp::begins_name(words[k])) continue;
        if (const int32_t name = whole_name_from(words, k, /*owned=*/false); name >= 0) {
          out.push_back({static_cast<uint32_t>(name), i - 2, born ? PlaceShape::kBorn : PlaceShape::kBased,
                         place_named(static_cast<uint32_t>(name))});
        }
        break;
      }
    }
  }
  // "in Cannes, France,": a place, a comma and a country after it, the
  // country's name ending the phrase (no list runs on: "Paris, France and
  // Spain").
  for (uint32_t i = 1; i + 1 < n; ++i) {
    if (words[i].form != "," || nlp::tag_type(words[i - 1]) != "LOC" || !nlp::ends_name(words[i - 1])) continue;
    const uint32_t first = name_start(words, i - 1);
    if (first > 0 && (words[first - 1].form == "," || words[first - 1].upos == nlp::UPos::CCONJ)) continue;
    if (country_between(first, i)) continue;
    const int32_t country = whole_name_from(words, i + 1, /*owned=*/false);
    if (country < 0 || nlp::tag_type(words[i + 1]) != "LOC" ||
        !country_between(i + 1, static_cast<uint32_t>(country) + 1)) {
      continue;
    }
    // The country hangs on the place ("Cannes, France" as an apposition or a
    // modifier), not on a verb after it ("the draw in Paris, Ireland face ...").
    if (words[static_cast<uint32_t>(country)].head != static_cast<int32_t>(i - 1)) continue;
    const uint32_t after = static_cast<uint32_t>(country) + 1;
    if (after < n && (words[after].upos == nlp::UPos::CCONJ ||
                      (words[after].form == "," && after + 1 < n && nlp::begins_name(words[after + 1])))) {
      continue;
    }
    out.push_back({i - 1, static_cast<uint32_t>(country), PlaceShape::kCountryAfterComma, false});
  }
  // "the European Indoor Championships in Madrid", "the 3GSM trade show in
  // Cannes": a place as the "in" modifier of an event's or a venue's name.
  for (uint32_t p = 0; p < n; ++p) {
    // (A place the recognizer missed counts when the gazetteer knows it:
    // "the Conservative Party Conference in Bournemouth".)
    const bool untagged_place = words[p].ner.empty() && words[p].upos == nlp::UPos::PROPN && known_place(p) &&
                                (p + 1 == n || words[p + 1].upos != nlp::UPos::PROPN) &&
                                (p == 0 || words[p - 1].upos != nlp::UPos::PROPN);
    if ((!untagged_place && (nlp::tag_type(words[p]) != "LOC" || !nlp::ends_name(words[p]))) ||
        words[p].deprel != "nmod" || words[p].head < 0)
      continue;
    bool in = false;
    for (uint32_t k = 0; k < n; ++k) {
      in = in || (words[k].head == static_cast<int32_t>(p) && words[k].deprel == "case" &&
                  utf8::ascii_lowercase(words[k].form) == "in");
    }
    // (Any word of the place's name known: "New York State".)
    bool known = false;
    for (uint32_t k = name_start(words, p); k <= p && !known; ++k) known = known_place(k);
    // (A place the gazetteer does not know, only as the recognizer's and
    // only for an event: "the Conservative Party Conference in Blackpool".)
    if (!in || (!known && untagged_place)) continue;
    const uint32_t h = static_cast<uint32_t>(words[p].head);
    if (h >= p) continue;
    // The modified word ends a name itself, or is an event or venue noun
    // with a name as its compound.
    uint32_t name = h;
    bool event = false, venue = false;
    if (!nlp::ends_name(words[h])) {
      if (words[h].upos != nlp::UPos::NOUN ||
          !lexicon::is_event_or_venue_noun(utf8::ascii_lowercase(words[h].lemma), &event)) {
        continue;
      }
      venue = !event;
      int32_t compound = -1;
      for (uint32_t k = 0; k < h; ++k) {
        if (words[k].head == static_cast<int32_t>(h) && words[k].deprel == "compound" && nlp::ends_name(words[k])) {
          compound = static_cast<int32_t>(k);
        }
      }
      if (compound < 0 || kind_noun_after(words, static_cast<uint32_t>(compound)) != h) continue;
      // ("an EU summit in Brussels", "an IMF meeting": the organisation's event, not its name.)
      if (event && nlp::tag_type(words[static_cast<uint32_t>(compound)]) == "ORG") continue;
      name = static_cast<uint32_t>(compound);
    } else if (h + 1 < p && words[h + 1].form != "in") {
      continue;  // ("the 2004 Athens Olympics held in Greece": a verb between, the clause says it.)
    }
    // ("face the Faroe Islands in Dublin": a country or a city is in no other place so.)
    if (known_place(name) || words[name].form == "Islands" || words[name].form == "Island") continue;
    event = event || lexicon::ends_event_name(words[name].form);
    if (!known && !event) continue;
    // ("Cornell University in New York State", "the Mercury Theatre in
    // Colchester": an institution with a building is where it stands.)
    venue = venue ||
            one_of(words[name].form, {"University", "College", "Institute", "Academy", "Museum", "School", "Hospital",
                                      "Theatre", "Theater", "Gallery", "Library", "Zoo", "Cathedral", "Airport"});
    if (!event && !venue && !place_named(name)) continue;
    out.push_back({name, p, PlaceShape::kIn, place_named(name), event, venue});
  }
  return out;
}

}  // namespace kg::ingest

#include "ingest/place_facts.h"

#include <cctype>
#include <string_view>

namespace kg::ingest {
namespace {

std::string_view ner_type(const nlp::Word& w) { return w.ner.size() > 2 ? w.ner.substr(2) : std::string_view(); }
bool ends_name(const nlp::Word& w) { return w.ner.starts_with("L") || w.ner.starts_with("U"); }
bool begins_name(const nlp::Word& w) { return w.ner.starts_with("B") || w.ner.starts_with("U"); }
bool capitalised(std::string_view f) { return !f.empty() && std::isupper(static_cast<unsigned char>(f[0])); }

// The last word of the name that begins at `w`, when it stands whole (no
// capitalised word or possessive runs on after it, nor with `owned` a noun:
// in "England's Champions League representatives" the place owns the
// representatives); -1 otherwise. (Of any recognized type: the caller asks
// the resolver what the name is.)
int32_t whole_name_from(std::span<const nlp::Word> words, uint32_t w, bool owned) {
  if (w >= words.size() || !begins_name(words[w])) return -1;
  const std::string_view type = ner_type(words[w]);
  uint32_t last = w;
  while (!ends_name(words[last]) && last + 1 < words.size() && ner_type(words[last + 1]) == type) ++last;
  if (!ends_name(words[last])) return -1;
  if (last + 1 < words.size()) {
    const std::string_view next = words[last + 1].form;
    if (capitalised(next) || next == "'s" || next == "'" || (owned && words[last + 1].upos == nlp::UPos::NOUN)) {
      return -1;
    }
  }
  return static_cast<int32_t>(last);
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
  for (uint32_t i = 1; i + 1 < n; ++i) {
    const nlp::Word& place = words[i - 1];
    // "Edinburgh's Napier University": the place owns the name after "'s".
    // (Only "'s": a bare apostrophe is often inside the name, "St James' Park".)
    if (words[i].form == "'s" && ner_type(place) == "LOC" && ends_name(place) && known_place(i - 1)) {
      if (const int32_t name = whole_name_from(words, i + 1, /*owned=*/true); name >= 0) {
        out.push_back({static_cast<uint32_t>(name), i - 1, true, place_named(static_cast<uint32_t>(name))});
      }
      continue;
    }
    // "London-based Barclays", "the Paris-based group Vivendi": the first
    // organisation within three words after "based".
    if (i >= 2 && words[i].form == "based" && words[i - 1].form == "-" && ner_type(words[i - 2]) == "LOC" &&
        ends_name(words[i - 2])) {
      for (uint32_t k = i + 1; k < n && k <= i + 3; ++k) {
        if (words[k].upos == nlp::UPos::PUNCT || words[k].upos == nlp::UPos::VERB) break;
        if (!begins_name(words[k])) continue;
        if (const int32_t name = whole_name_from(words, k, /*owned=*/false); name >= 0) {
          out.push_back({static_cast<uint32_t>(name), i - 2, false, place_named(static_cast<uint32_t>(name))});
        }
        break;
      }
    }
  }
  return out;
}

}  // namespace kg::ingest

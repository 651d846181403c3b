#include "ingest/nlp/ner_titles.h"

#include "base/lexicon.h"
#include "base/utf8.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

constexpr uint16_t kTitleWord = kGazTitle | kGazHonorific;

bool is_title_word(const GazetteerMark& m) {
  return (m.word_classes & kTitleWord) != 0 || (m.phrase_classes & kTitleWord) != 0;
}

// Words that may stand in a title before its title word.
bool is_title_part(const GazetteerMark& m) {
  return is_title_word(m) ||
         (m.word_classes & (kGazTitleModifier | kGazCountry | kGazDemonym)) != 0 ||
         (m.phrase_classes & (kGazCountry | kGazDemonym)) != 0;
}

bool is_connector(std::string_view form) {
  char buf[8];
  const std::string_view lower = lowercase_into(form, buf, sizeof(buf));
  return lower == "the" || lower == "of" || lower == "and";
}

}  // namespace

uint32_t title_begin(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t name_begin) {
  if (name_begin == 0 || name_begin > words.size()) return name_begin;
  uint32_t last = name_begin - 1;
  // A title's remit after "for": "spokeswoman for women Sandra Gidley",
  // "minister for higher education Kim Howells" (up to two lower-case words).
  for (uint32_t remit = 1; remit <= 2 && last >= remit + 1; ++remit) {
    const uint32_t for_word = last - remit;
    bool lower_words = true;
    for (uint32_t k = for_word + 1; k <= last; ++k)
      lower_words = lower_words && !words[k].form.empty() && is_ascii_lower(words[k].form[0]);
    if (!lower_words) break;
    if (words[for_word].form == "for" && (marks[for_word - 1].word_classes & kTitleWord) != 0) {
      last = for_word - 1;
      break;
    }
  }
  // The word before the name must end a title: a title word, or the last
  // word of a title phrase ("Secretary of State").
  const GazetteerMark& m = marks[last];
  const bool ends_phrase = (m.phrase_classes & kTitleWord) != 0 && (m.phrase_position == 0 || m.phrase_position == 3);
  if (!ends_phrase && (m.word_classes & kTitleWord) == 0) {
    // "Bolton keeper Jussi Jaaskelainen", "Leicester scrum-half Harry
    // Ellis": a position after a capitalised name (the team's or the
    // firm's) is a title of one word, hyphenated ones read whole.
    if (last + 1 != name_begin || words[last].form.empty() || !is_ascii_lower(words[last].form[0])) return name_begin;
    uint32_t first = hyphenated_begin(words, last);
    if (words[first].form.empty() || !is_ascii_lower(words[first].form[0])) return name_begin;
    if (!lexicon::is_position_noun(utf8::ascii_lowercase(spaced_forms(words, first, last + 1)))) return name_begin;
    // "Prudential Equity Group insurance analyst Jay Gelb", "BBC labour
    // affairs correspondent": up to two lower-case words that modify the
    // position join it after an organisation's name (after a place they
    // say what is covered: "England rugby correspondent").
    uint32_t modified = first;
    while (modified > 0 && first - modified < 2 && words[modified - 1].ner.empty() &&
           !words[modified - 1].form.empty() && is_ascii_lower(words[modified - 1].form[0]) &&
           (words[modified - 1].upos == UPos::NOUN || words[modified - 1].upos == UPos::ADJ) &&
           words[modified - 1].head >= static_cast<int32_t>(modified) &&
           words[modified - 1].head <= static_cast<int32_t>(last)) {
      --modified;
    }
    if (modified < first && modified > 0 && tag_type(words[modified - 1]) == "ORG") first = modified;
    const bool position_title = first > 0 && !words[first - 1].form.empty() && is_ascii_upper(words[first - 1].form[0]);
    return position_title ? first : name_begin;
  }
  uint32_t begin = last;
  while (begin > 0 && is_title_part(marks[begin - 1])) --begin;
  while (begin < last && is_connector(words[begin].form)) ++begin;
  return begin;
}

uint32_t name_begin_after_title(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t begin,
                                uint32_t end) {
  for (uint32_t k = end - 1; k > begin; --k) {
    if (title_begin(words, marks, k) <= begin) return k;
  }
  return begin;
}

uint32_t person_name_begin(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t begin,
                           uint32_t end) {
  if (const uint32_t after_title = name_begin_after_title(words, marks, begin, end); after_title != begin) {
    return after_title;
  }
  for (uint32_t k = end - 1; k > begin + 1; --k) {
    if ((marks[k - 1].word_classes & kTitleWord) != 0 && is_ascii_upper(words[k - 1].form[0])) return k;
  }
  return begin;
}

std::vector<TitleSpan> find_titles(std::span<const Word> words, std::span<const EntitySpan> entities) {
  std::vector<TitleSpan> titles;
  std::vector<GazetteerMark> marks;
  for (uint32_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != EntityType::kPerson) continue;
    if (marks.empty()) Gazetteer::builtin().mark(words, &marks);
    // A title may take in a country or nationality tagged as an entity of
    // its own ("US" in "US President Joe Biden") but never another person.
    uint32_t floor = 0;
    for (uint32_t p = 0; p < e; ++p) {
      if (entities[p].type == EntityType::kPerson) floor = entities[p].end;
    }
    uint32_t begin = title_begin(words, marks, entities[e].begin);
    if (begin < floor) begin = floor;
    while (begin < entities[e].begin && is_connector(words[begin].form)) ++begin;
    if (begin < entities[e].begin) titles.push_back(TitleSpan{begin, entities[e].begin, e});
  }
  return titles;
}

}  // namespace kg::nlp

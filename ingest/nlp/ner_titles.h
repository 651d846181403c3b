// Titles and honorifics written before a person's name ("US President Joe
// Biden", "Mr Putin", "Secretary of State Antony Blinken"). They are not
// part of the PERSON span; the resolver turns them into facts
// (Joe Biden - has title - US President), so the recognizer exposes them.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/ner_gazetteer.h"
#include "ingest/nlp/ner_labels.h"

namespace kg::nlp {

struct TitleSpan {
  uint32_t begin = 0;  // words [begin, end) of the title, within the sentence
  uint32_t end = 0;    // == the first word of the person's name
  uint32_t entity = 0;  // index of the PERSON span it belongs to
  friend bool operator==(const TitleSpan&, const TitleSpan&) = default;
};

// First word of the title written directly before words[name_begin], or
// name_begin when there is none. A title ends in a title or honorific word
// (or phrase) and may start with modifiers: countries, demonyms, "former",
// "Deputy", "Foreign" ...; it never starts with "the", "of" or "and".
// `marks` are the gazetteer marks of `words`.
uint32_t title_begin(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t name_begin);

// Where the name starts inside a span [begin, end) that may begin with a
// title ("President Joe Biden" -> the index of "Joe"); `begin` when the span
// has no leading title, and never `end` (a span that is all title is left
// whole).
uint32_t name_begin_after_title(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t begin,
                                uint32_t end);

// Where the name starts inside a person's span [begin, end): after a
// leading title as name_begin_after_title finds it, or else just after the
// last capitalized title word inside the span before its last word
// ("Baptist Pastor Stephen Jones", "NASA Administrator Charles Bolden");
// `begin` when there is neither.
uint32_t person_name_begin(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t begin,
                           uint32_t end);

// The title before each PERSON span of a sentence that has one.
std::vector<TitleSpan> find_titles(std::span<const Word> words, std::span<const EntitySpan> entities);

}  // namespace kg::nlp

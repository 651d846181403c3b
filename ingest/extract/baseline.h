// The baseline extractor: deliberately simple, rule-based, no trained model.
//
// It exists so that the whole path from article to graph runs before the
// statistical NLP (ingest/nlp) and the parser-based extractor land, and so
// that they have something honest to beat. What it does:
//   - splits text into sentences at . ! ? followed by a capital, a digit or
//     a quote, except after known abbreviations (Mr. Dr. U.S. ...) and initials;
//   - takes maximal runs of capitalised words ("Senate Foreign Relations
//     Committee", "Bank of Canada") as names, dropping sentence-initial
//     function words ("The", "After") and bare demonyms ("German");
//   - splits titles off names ("German Chancellor Martin Keller" -> person
//     "Martin Keller" + fact "Martin Keller · have title · German Chancellor";
//     "Mr Keller" -> "Keller"), and within one article merges a lone surname
//     into the one full name that ends with it;
//   - types names by cues: a title -> PERSON, an organisation head word
//     (Committee, Ministry, Bank, ...) -> ORG, a country or large city ->
//     LOC, two or three plain capitalised words -> PERSON, else MISC;
//   - for two consecutive names in a sentence with one to six lowercase words
//     and no punctuation between them, emits name · words · name, with
//     "not/never/n't" turned into the negated flag and modal verbs into the
//     modal flag.
// It does not lemmatise, parse, resolve pronouns or link across articles.
// Pure function of its input; safe to call from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kg::extract {

// Byte range [begin, end) of a text.
struct TextSpan {
  uint32_t begin = 0;
  uint32_t end = 0;
};

struct BaselineEntity {
  std::string name;  // canonical: the longest name form seen ("Martin Keller")
  std::string type;  // "PERSON", "ORG", "LOC", "MISC", or "TITLE" for a title phrase
  std::vector<std::pair<std::string, uint32_t>> aliases;  // surface forms as written, with counts
  uint32_t mentions = 0;
};

struct BaselineFact {
  uint32_t subject = 0, object = 0;  // indexes into BaselineExtraction::entities
  std::string relation;              // the words between the names, lowercased ("spoke with")
  uint32_t sentence = 0;             // index into BaselineExtraction::sentences
  uint32_t span_begin = 0, span_end = 0;  // bytes of the evidence within the sentence
  float confidence = 0.5f;
  bool negated = false;
  bool modal = false;
};

struct BaselineExtraction {
  std::vector<std::string> sentences;
  std::vector<BaselineEntity> entities;
  std::vector<BaselineFact> facts;
};

// Sentence spans of `text` (paragraphs are blank-line separated); each span
// is trimmed of surrounding whitespace and never empty.
std::vector<TextSpan> split_sentences_baseline(std::string_view text);

// Sentences, entities and facts of one article's text.
BaselineExtraction extract_baseline(std::string_view text);

}  // namespace kg::extract

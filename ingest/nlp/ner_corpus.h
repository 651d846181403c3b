// Entity-annotated corpora for training and scoring the recognizer:
// - GUM CoNLL-U, whose MISC column carries `Entity=(id-type-...` brackets,
//   reduced to flat named-entity spans (read_gum_entities);
// - UNER IOB2 files (read_iob2);
// - CoNLL-U written by `kg nlp`, with NER=... in MISC (read_ner_conllu).
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "ingest/nlp/document.h"
#include "ingest/nlp/ner_labels.h"

namespace kg::nlp {

// A document and the entity spans of each of its sentences
// (entities[s] belongs to doc.sentences[s]).
struct NerCorpus {
  Document doc;
  std::vector<std::vector<EntitySpan>> entities;
};

// Named mentions of GUM: a mention is named when one of its head words
// (the minspan field) is a proper noun, or it carries a Wikipedia identity
// and a capitalized head; a head word inside a mention nested in it belongs
// to that mention ("U.S." and "Trump" do not name "U.S. President Donald
// Trump's policies"). Its span is the run of name words around the head
// (proper nouns, capitalized words and numbers, joined by "of", "the",
// "and", "&", "for", "on", "de" inside the mention); a person's leading title
// is cut off, and so is an office inside it ("NASA Administrator Charles
// Bolden": ner_titles.h). Types: person -> PERSON (MISC when the name is a
// nationality or group: "Russians", "Republicans"), organization -> ORG,
// place -> LOC, time -> none, anything else -> MISC. A mention that holds
// two or more named mentions and a conjunction or comma outside them is a
// coordination or list of names ("Khartoum and Juba"), not a name: its
// parts stand. Without one it is a name made of names ("United Nations
// Industrial Development Organization") and stays whole. Where other spans
// overlap the longer one wins. Words carry the file's gold tags.
Result<NerCorpus> read_gum_entities(std::string_view content, std::string_view source_name);

// UNER IOB2: "# comment" lines, blank lines between sentences, and lines
// "ID<TAB>FORM<TAB>TAG[<TAB>...]" with TAG O, B-X or I-X. Words carry forms
// only (no tags); entity types PER, ORG, LOC, OTH map to PERSON, ORG, LOC, MISC.
// A "# newdoc" comment marks the next sentence as a document start.
Result<NerCorpus> read_iob2(std::string_view content, std::string_view source_name);

// CoNLL-U with NER=<BILOU tag> in MISC (what `kg nlp` writes); words carry
// their tags, and Word::ner is set.
Result<NerCorpus> read_ner_conllu(std::string_view content, std::string_view source_name);

}  // namespace kg::nlp

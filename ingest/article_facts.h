// Private to kg_ingest: one article through the trained stages.
//
//   text -> nlp (tokenize, tag, lemmatize, parse, NER) -> extract
//   (propositions, graph triples) -> resolve (coreference clusters, titles)
//   -> store::DocumentRecord
//
// Each resolve cluster is one entity of the record, so a fact whose argument
// is "Mr Putin", "he" or "the Russian leader" lands on the cluster's entity
// (Vladimir Putin). Arguments that are no entity become CONCEPT entities named
// by their noun-phrase node ("legal guarantees"), one per distinct name.
// Pronoun arguments the resolver left unresolved give no fact: a node "he"
// would join every article's "he" in the store. Boilerplate (photo credits,
// calls to subscribe) gives no fact, no title and no entity of its own.
#pragma once

#include "graph/store/store.h"
#include "ingest/extract/extract.h"
#include "ingest/source/source.h"

namespace kg::ingest {

// Pure; safe on any thread with one shared const `models`.
// A record carrying `doc`'s identity and metadata, with no sentences,
// entities or facts yet: the start of every extractor's record.
store::DocumentRecord record_for(const source::Document& doc);

store::DocumentRecord build_parsed_record(const extract::TextExtractor& models, const source::Document& doc);

}  // namespace kg::ingest

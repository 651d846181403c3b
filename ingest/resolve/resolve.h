// ingest/resolve: who is who within one article (coreference).
//
// Input: a Document annotated by ingest/nlp (tokens, UPOS, and when the
// models exist, dependency heads and NER tags). Output: the article's
// entities, each a cluster of mentions, and a map from words to clusters so
// that propositions whose arguments are pronouns ("he") or descriptions
// ("the Russian leader") are stored against the entity they mean.
//
// Mentions are
//   names:        NER spans, and runs of proper nouns the recognizer missed
//                 (typed by the gazetteer: an honorific or title before them
//                 means PERSON, a known country or city LOC, an
//                 organization word ORG, else MISC); a title or honorific
//                 written before a name is split off ("US President" +
//                 "Joe Biden") and becomes a TitleFact;
//   pronouns:     third-person personal pronouns (he, him, his, himself, she,
//                 her, it, its, they, them, their, ...);
//   descriptions: a determiner or possessive, optional demonyms, and a title
//                 or role noun ("the Russian leader", "his Russian
//                 counterpart", "the American president").
//
// Clustering, in this order:
//   1. names: equal names are one entity; a shorter person name joins the
//      full name whose surname (or first name) it is ("Mr Blair", "Blair" ->
//      Tony Blair), preferring the nearest full name before it and never
//      contradicting an honorific's gender; two full names sharing a surname
//      ("Gordon Brown", "Nick Brown") stay two; an acronym in parentheses
//      after an organization, or spelling its initials, joins it; country
//      names known under several forms ("US", "United States") are one; a
//      one-word name tagged PERSON that no person bears joins the one
//      organisation whose short name opens with it ("Boca" -> Boca Juniors);
//   2. descriptions join the person whose titles and nationality they fit
//      (nationality from a demonym or country in a title: "Russian
//      President" -> Russian, "US President" -> American), the most recent
//      when several fit; never the possessor's own entity ("his counterpart");
//   3. pronouns join the most salient compatible entity of the last few
//      sentences: salience adds, per earlier mention, a weight for its role
//      (subject > object > other) halved for each sentence back; compatible
//      means number/person-ness and gender agree (gender from honorifics and
//      from pronouns already resolved), and an object pronoun never takes the
//      subject of its own verb. A pronoun with no compatible antecedent stays
//      unresolved (it is often pleonastic: "it is unclear").
//
// Pure and deterministic; safe to call from many threads.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/lexicon.h"
#include "graph/store/store.h"
#include "ingest/nlp/nlp.h"

namespace kg::resolve {

enum class MentionKind : uint8_t { kName, kPronoun, kDescription };

using Gender = lexicon::Gender;  // kUnknown, kMale, kFemale

struct Mention {
  uint32_t sentence = 0;  // index into Document::sentences
  uint32_t begin = 0;     // words [begin, end) within the sentence; for names, without the title
  uint32_t end = 0;
  uint32_t head = 0;      // head word within the sentence
  MentionKind kind = MentionKind::kName;
  nlp::EntityType type = nlp::EntityType::kMisc;  // names: as recognized; others: their cluster's
  int32_t cluster = -1;   // index into DocumentEntities::clusters; -1 = unresolved
  std::string text;       // surface words joined by single spaces ("Mr Putin" keeps no title: "Putin")
  std::string honorific;  // "Mr", "Ms" ... written before a name, "" otherwise
};

struct Cluster {
  std::string name;  // canonical: the longest proper name without title (earliest among equals)
  nlp::EntityType type = nlp::EntityType::kMisc;
  // Name surface forms with their counts, most frequent first (ties: first
  // seen first). Honorific forms are listed as written ("Mr Biden") besides
  // the bare name. Pronouns and descriptions are not aliases.
  std::vector<std::pair<std::string, uint32_t>> aliases;
  std::vector<uint32_t> mentions;   // indexes into DocumentEntities::mentions, in text order
  std::vector<std::string> titles;  // distinct titles as written ("US President"), first seen first
  std::string nationality;          // demonym ("Russian"), "" when unknown
  Gender gender = Gender::kUnknown;
  uint32_t name_mentions = 0;       // mentions of kind kName
};

// A title split off a person's name: cluster · have title · title.
struct TitleFact {
  uint32_t cluster = 0;
  std::string title;      // "US President", "National Security Adviser"
  uint32_t sentence = 0;
  uint32_t begin = 0;     // words [begin, end) of the title within the sentence
  uint32_t end = 0;
};

struct DocumentEntities {
  std::vector<Mention> mentions;  // in text order (sentence, begin)
  std::vector<Cluster> clusters;  // in order of first mention
  std::vector<TitleFact> titles;

  // The cluster a word belongs to through a resolved mention or a title
  // written before a name; -1 for none. `word` is an index within the sentence.
  int32_t cluster_at(uint32_t sentence, uint32_t word) const;
  // The cluster of a phrase given by its head word (a proposition argument):
  // the head's cluster, else -1. Same as cluster_at; named for call sites.
  int32_t cluster_of_head(uint32_t sentence, uint32_t head) const { return cluster_at(sentence, head); }

  // Word -> cluster, per sentence: word_cluster[s][w]. Filled by resolve_*.
  std::vector<std::vector<int32_t>> word_cluster;
};

// The relation of TitleFacts in the store ("Joe Biden" · have title · "US President").
inline constexpr std::string_view kHaveTitleRelation = "have title";

// The store's type for a recognizer type (PERSON, ORG, LOC, MISC alike).
store::EntityType store_type(nlp::EntityType type);

// "As for Kenenisa Bekele, he was well beaten": the word a sentence opens
// with as its topic (the first after "As for"), the one a pronoun after it
// stands for; -1 when the sentence opens otherwise.
int32_t topic_word(std::span<const nlp::Word> words);

// A relative named with the person whose relative they are: "Michael
// Howard's ex-model wife, Sandra", "his son Nick", "Curtis's widow
// Deborah". Read off the words: a possessor (a person's name with "'s", or
// "his"/"her"), up to three modifiers, a kinship noun and, after an
// optional comma, a recognized person's name. The relation is "<noun> of"
// ("wife of", "son of"), "former wife of" after "former" or "ex".
struct KinMention {
  uint32_t relative_word = 0;   // first word of the relative's name
  uint32_t possessor_word = 0;  // last word of the possessor's name, or the pronoun
  std::string relation;
};
std::vector<KinMention> kin_mentions(std::span<const nlp::Word> words);
// The gender of a relative who, named by a given name alone, bears the
// possessor's surname: a wife, widow or daughter (female), a son (male);
// kUnknown for the others (a husband, a parent or a former wife may bear
// another surname).
Gender surname_bearer_gender(const KinMention& kin);

// A cluster as the store's record of one document entity: canonical name,
// type, aliases with counts, and its number of mentions (names, pronouns and
// descriptions alike).
store::EntityRecord entity_record(const Cluster& cluster);

// Resolves sentences [first_sentence, last_sentence) of `doc` as one text.
DocumentEntities resolve_sentences(const nlp::Document& doc, uint32_t first_sentence, uint32_t last_sentence);

// The whole document as one article.
DocumentEntities resolve_document(const nlp::Document& doc);

}  // namespace kg::resolve

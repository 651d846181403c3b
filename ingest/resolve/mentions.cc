#include "ingest/resolve/mentions.h"

#include <algorithm>

#include "base/one_of.h"
#include "graph/schema/schema.h"
#include "ingest/nlp/nlp.h"
#include "ingest/resolve/lexicon.h"

namespace kg::resolve {

namespace {

using nlp::GazetteerMark;
using lexicon::is_calendar_word;
using nlp::UPos;
using nlp::Word;

constexpr uint16_t kPlaceClasses = nlp::kGazCountry | nlp::kGazCity | nlp::kGazRegion;

bool is_honorific(const GazetteerMark& m) { return (m.word_classes & nlp::kGazHonorific) != 0; }

bool is_title_or_honorific(const GazetteerMark& m) {
  constexpr uint16_t kTitleWord = nlp::kGazTitle | nlp::kGazHonorific;
  return (m.word_classes & kTitleWord) != 0 || (m.phrase_classes & kTitleWord) != 0;
}

bool is_plural(const Word& w) {
  return w.xpos == "NNS" || w.xpos == "NNPS" || w.feats.find("Number=Plur") != std::string_view::npos;
}

// The word of [begin, end) whose head lies outside it (the first such), or
// `fallback` in an unparsed sentence.
uint32_t span_head(std::span<const Word> words, uint32_t begin, uint32_t end, uint32_t fallback) {
  bool parsed = false;
  for (uint32_t i = begin; i < end; ++i) {
    if (words[i].deprel.empty()) continue;
    parsed = true;
    const int32_t h = words[i].head;
    if (h < static_cast<int32_t>(begin) || h >= static_cast<int32_t>(end)) return i;
  }
  return parsed ? begin : fallback;
}

Role role_of(const Word& w) {
  if (w.deprel.starts_with("nsubj")) return Role::kSubject;
  if (w.deprel == "obj" || w.deprel == "iobj") return Role::kObject;
  return Role::kOther;
}

// The type of a run of proper nouns the recognizer did not tag.
nlp::EntityType guess_type(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t title_begin,
                           uint32_t begin, uint32_t end) {
  // "General Election", "General Motors": a title before a word that ends
  // an event's or a firm's name is the first word of that name.
  const bool event = lexicon::ends_event_name(words[end - 1].form);
  const bool organisation = lexicon::ends_organisation_name(words[end - 1].form);
  if (title_begin < begin && !event && !organisation) return nlp::EntityType::kPerson;
  if (event) return nlp::EntityType::kMisc;
  bool place = true;
  for (uint32_t i = begin; i < end; ++i) {
    const uint16_t classes = end - begin == 1 ? marks[i].word_classes : marks[i].phrase_classes;
    place = place && (classes & kPlaceClasses) != 0;
  }
  if (place) return nlp::EntityType::kLoc;
  if (organisation || (marks[end - 1].word_classes & nlp::kGazOrgWord) != 0) return nlp::EntityType::kOrg;
  if (end - begin >= 2 && (marks[begin].word_classes & nlp::kGazFirstName) != 0) return nlp::EntityType::kPerson;
  return nlp::EntityType::kMisc;
}

// False when the span holds no person's name (a title alone, a place ...):
// only a person's name stops the next name's title from reaching back.
bool add_name(std::span<const Word> words, std::span<const GazetteerMark> marks, uint32_t s, nlp::EntitySpan span,
              uint32_t floor, bool recognized, std::vector<FoundMention>* out) {
  uint32_t begin = span.begin, end = span.end;
  // Trailing possessive clitics and punctuation, leading articles.
  // Trailing possessive clitics, punctuation and lowercase words ("State
  // Department official"), leading articles.
  bool lowercase_cut = false;  // the recognizer's span ran into common words: its type is doubtful
  while (end > begin && (words[end - 1].upos == UPos::PART || words[end - 1].upos == UPos::PUNCT ||
                         nlp::is_ascii_lower(words[end - 1].form[0]))) {
    lowercase_cut = lowercase_cut || nlp::is_ascii_lower(words[end - 1].form[0]);
    --end;
  }
  // ("Former Liverpool manager", "Ex-Tory MP": when a name was held, not part of it.)
  auto time_word = [&](uint32_t i) {
    const std::string w = ascii_lowercase(words[i].form);
    return w == "former" || w == "ex" || w == "then" || w == "late";
  };
  while (begin < end && (words[begin].upos == UPos::DET || nlp::is_ascii_lower(words[begin].form[0]) ||
                         (time_word(begin) && begin + 1 < end) ||
                         (words[begin].form == "-" && begin > span.begin && time_word(begin - 1)))) {
    ++begin;
  }
  if (begin == end) return false;
  uint32_t name_begin = nlp::name_begin_after_title(words, marks, begin, end);
  // "Singer Pete Doherty", "Swede Joachim Johansson", "Committee Chairman
  // Henrik Dahl": what the person is, taken into the name, up to its last
  // occupation or office word; it joins the title (a name keeps two words).
  const uint32_t described_from = name_begin;
  // (Only before a capitalised word: "Centre of Indian Trade Unions" is no
  // centre forward's name.)
  for (uint32_t i = name_begin; i + 2 < end; ++i) {
    if ((person_descriptor(words[i].form) || schema::is_role_noun(ascii_lowercase(words[i].form))) &&
        nlp::is_ascii_upper(words[i + 1].form[0])) {
      name_begin = i + 1;
    }
  }
  // "Labour MSP Christine May", "Lock Ben Kay", "Tory MP John Smith" read as
  // one name: capitalised words that describe a person (a party, an office,
  // a position) before a given name and a surname are the title.
  uint32_t given = name_begin + 1;
  while (given + 1 < end && (marks[given].word_classes & nlp::kGazFirstName) == 0) ++given;
  const bool capitalised = std::all_of(words.begin() + name_begin, words.begin() + end,
                                       [](const Word& w) { return nlp::is_ascii_upper(w.form[0]); });
  if (given + 1 < end && capitalised && !lexicon::ends_organisation_name(words[end - 1].form)) {
    bool describes = false;
    for (uint32_t i = name_begin; i < given; ++i) {
      const std::string lower = ascii_lowercase(words[i].form);
      describes = describes || !lexicon::party_canonical(words[i].form).empty() || is_title_or_honorific(marks[i]) ||
                  schema::is_role_noun(lower) || lexicon::is_position_noun(lower) || lower == "lock" ||
                  lower == "centre";
    }
    if (describes) name_begin = given;
  }
  // A demonym is its own demonym ("Brazilian"); a country is not ("Russia").
  auto is_demonym = [&](uint32_t i) {
    const std::string_view d = demonym_of(words[i].form);
    return !d.empty() && ascii_lowercase(d) == ascii_lowercase(words[i].form);
  };
  // "Australian Craig Mottram" tagged ORG: a nationality before a given name
  // and a surname is a person's description, whatever the recognizer said.
  if (span.type != nlp::EntityType::kPerson && end - name_begin >= 3 &&
      (is_demonym(name_begin) || lexicon::is_nationality_word(words[name_begin].form)) &&
      (marks[name_begin + 1].word_classes & nlp::kGazFirstName) != 0 &&
      std::none_of(words.begin() + name_begin, words.begin() + end,
                   [](const Word& w) { return nlp::is_ascii_lower(w.form[0]); }) &&
      !lexicon::ends_organisation_name(words[end - 1].form)) {
    span.type = nlp::EntityType::kPerson;
  }
  // "Croatian Ivan Ljubicic", "Spaniard Costa": a nationality before a
  // person's name is no part of it, even where one name word is left.
  // ("European Indoor Championships" read as a person keeps its name, and
  // "Christian" is a given name as often as a faith.)
  while (span.type == nlp::EntityType::kPerson && name_begin + 1 < end && words[name_begin].form != "European" &&
         words[name_begin].form != "Christian" &&
         (is_demonym(name_begin) || lexicon::is_nationality_word(words[name_begin].form) ||
          person_descriptor(words[name_begin].form)) &&
         nlp::is_ascii_upper(words[name_begin + 1].form[0]) &&
         !lexicon::ends_organisation_name(words[end - 1].form)) {
    ++name_begin;
  }
  bool all_title = true, any_title = false;
  for (uint32_t i = name_begin; i < end; ++i) {
    any_title = any_title || is_title_or_honorific(marks[i]);
    all_title = all_title && (is_title_or_honorific(marks[i]) || is_demonym(i));
  }
  // "President", "Brazilian President" alone: a description, not a name.
  if (all_title && (any_title || end - name_begin == 1)) return false;
  uint32_t title_begin = std::max(nlp::title_begin(words, marks, name_begin), std::min(floor, name_begin));
  if (described_from < name_begin) {
    title_begin = std::min(title_begin, described_from);
    span.type = nlp::EntityType::kPerson;
  }
  // The recognizer's MISC (and words it missed) are typed by the gazetteer;
  // an honorific or a person's title before a name makes it a person
  // whatever the recognizer said ("Mr Putin" tagged ORG).
  if (!recognized || span.type == nlp::EntityType::kMisc || lowercase_cut) {
    span.type = guess_type(words, marks, title_begin, name_begin, end);
  } else if (title_begin < name_begin) {
    for (uint32_t i = title_begin; i < name_begin; ++i) {
      if (is_honorific(marks[i]) && honorific_gender(words[i].form) != Gender::kUnknown) {
        span.type = nlp::EntityType::kPerson;
      }
    }
  }
  // Titles belong to people: capitalised title words that open the name of
  // anything else are part of it ("General Motors", "Coach Carter" the film).
  // (Never into the mention before: mentions do not overlap.)
  const uint32_t previous_end = !out->empty() && out->back().mention.sentence == s ? out->back().mention.end : 0;
  if (span.type != nlp::EntityType::kPerson && described_from == name_begin && title_begin < name_begin &&
      title_begin >= previous_end) {
    bool capitalised_titles = true;
    for (uint32_t i = title_begin; i < name_begin; ++i) {
      capitalised_titles =
          capitalised_titles && is_title_or_honorific(marks[i]) && nlp::is_ascii_upper(words[i].form[0]);
    }
    if (capitalised_titles) name_begin = title_begin;
  }
  FoundMention f;
  Mention& m = f.mention;
  m.sentence = s;
  m.begin = name_begin;
  m.end = end;
  m.kind = MentionKind::kName;
  m.type = span.type;
  // "Lindqvist Brothers" tagged PERSON, "Global Sports Communications" LOC:
  // the name's last word says organisation.
  if (end - name_begin >= 2 && lexicon::ends_organisation_name(words[end - 1].form, span.type == nlp::EntityType::kLoc,
                                                                  span.type == nlp::EntityType::kPerson)) {
    m.type = nlp::EntityType::kOrg;
  }
  // "French Open", "Sydney Olympics", "MTV Europe Music Awards" tagged ORG or
  // LOC: the name's last word says event. ("Games" ends a firm's name as
  // often: "Rockstar Games".)
  if (end - name_begin >= 2 && (m.type == nlp::EntityType::kOrg || m.type == nlp::EntityType::kLoc) &&
      lexicon::ends_event_name(words[end - 1].form) && words[end - 1].form != "Games") {
    m.type = nlp::EntityType::kMisc;
  }
  m.head = span_head(words, name_begin, end, end - 1);
  m.text = nlp::spaced_forms(words, name_begin, end);
  // "Tories" and "Commons" tagged MISC.
  if (!lexicon::party_canonical(m.text).empty() || !lexicon::chamber_canonical(m.text).empty()) {
    m.type = nlp::EntityType::kOrg;
  }
  f.role = role_of(words[m.head]);
  f.governor = words[m.head].head;
  for (uint32_t i = name_begin; i < end; ++i) {
    constexpr uint16_t kNonPerson = kPlaceClasses | nlp::kGazOrgWord | nlp::kGazInstitution | nlp::kGazDemonym;
    f.known_non_person = f.known_non_person || ((marks[i].word_classes | marks[i].phrase_classes) & kNonPerson) != 0;
  }
  if (span.type != nlp::EntityType::kPerson) title_begin = name_begin;  // titles belong to people
  uint32_t title_end = name_begin;
  // "Ukraine's new president, Viktor Yushchenko,", "The Kyrgyz President,
  // Askar Akaev, said": a title after an article or a possessor, set off
  // by commas before a person's name, is the person's as if written
  // straight before it. (Not after "his", "her" or "their": "his party
  // leader, Michael Howard" is another's office, and "their captain" too
  // often a team the article names only as "the tourists".)
  if (m.type == nlp::EntityType::kPerson && recognized && title_begin == name_begin && begin == name_begin &&
      name_begin >= 3 && words[name_begin - 1].form == "," &&
      (end == words.size() || one_of(words[end].form, {",", ".", ")"}))) {
    const uint32_t comma = name_begin - 1;
    const uint32_t tb = std::max(nlp::title_begin(words, marks, comma), floor);
    // (A relative is no title: "Amanda's uncle, Lewis Champion".)
    const bool relative = one_of(ascii_lowercase(words[comma - 1].form),
                                 {"uncle", "aunt", "father", "mother", "brother", "sister", "son", "daughter", "cousin",
                                  "nephew", "niece", "grandfather", "grandmother", "wife", "husband", "widow"});
    if (tb < comma && tb >= 1 && !relative && is_title_or_honorific(marks[comma - 1]) &&
        !is_honorific(marks[comma - 1]) &&
        (words[tb - 1].form == "'s" || one_of(ascii_lowercase(words[tb - 1].form), {"the", "its"}))) {
      title_begin = tb;
      title_end = comma;
    }
  }
  f.title_begin = title_begin;
  f.title_end = title_end;
  for (uint32_t i = title_begin; i < title_end; ++i) {
    if (is_honorific(marks[i])) {
      m.honorific = std::string(words[i].form);
      f.gender = honorific_gender(words[i].form);
      continue;
    }
    if (!f.title.empty() && words[i - 1].end != words[i].begin) f.title += ' ';  // ("scrum-half" stays one word)
    f.title += words[i].form;
    if (f.nationality.empty()) f.nationality = std::string(demonym_of(words[i].form));
  }
  const bool person = f.mention.type == nlp::EntityType::kPerson;
  // "Michael Howard": a full name's given name states a gender as an
  // honorific does ("Mrs Howard" is then someone else).
  if (person && f.gender == Gender::kUnknown && end - name_begin >= 2) {
    f.gender = lexicon::given_name_gender(words[name_begin].form);
  }
  out->push_back(std::move(f));
  return person;
}

void add_pronoun(std::span<const Word> words, uint32_t s, uint32_t i, const PronounInfo& p,
                 std::vector<FoundMention>* out) {
  FoundMention f;
  Mention& m = f.mention;
  m.sentence = s;
  m.begin = i;
  m.end = i + 1;
  m.head = i;
  m.kind = MentionKind::kPronoun;
  m.text = std::string(words[i].form);
  f.role = role_of(words[i]);
  f.reflexive = p.reflexive;
  f.object_pronoun = p.object || (words[i].deprel == "obj" || words[i].deprel == "iobj");
  f.governor = words[i].head;
  out->push_back(std::move(f));
}

// A description of a person, words [begin, end) of sentence `s` headed by
// `head`, that the resolver reads as it reads "he" or "she" ("the
// 25-year-old", "the athlete").
FoundMention person_read_as_pronoun(std::span<const Word> words, uint32_t s, uint32_t begin, uint32_t end,
                                    uint32_t head, std::string role_lemma) {
  FoundMention f;
  f.mention.sentence = s;
  f.mention.begin = begin;
  f.mention.end = end;
  f.mention.head = head;
  f.mention.kind = MentionKind::kDescription;
  f.mention.type = nlp::EntityType::kPerson;
  f.mention.text = nlp::spaced_forms(words, begin, end);
  f.role = role_of(words[head]);
  f.governor = words[head].head;
  f.role_lemma = std::move(role_lemma);
  f.read_as_pronoun = true;
  f.object_pronoun = words[head].deprel == "obj" || words[head].deprel == "iobj";
  return f;
}

// "the Russian leader", "his Russian counterpart": a determiner at `i`.
void add_description(std::span<const Word> words, const std::vector<bool>& covered, uint32_t s, uint32_t i,
                     std::vector<FoundMention>* out) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  // "the 25-year-old": a person named before, found as "he" or "she" would be.
  if (ascii_lowercase(words[i].form) == "the" && i + 5 < n && words[i + 1].upos == UPos::NUM &&
      words[i + 2].form == "-" && ascii_lowercase(words[i + 3].form) == "year" && words[i + 4].form == "-" &&
      ascii_lowercase(words[i + 5].form) == "old" && !covered[i + 5]) {
    out->push_back(person_read_as_pronoun(words, s, i, i + 6, i + 5, "year-old"));
    return;
  }
  // "the athlete", "the Scotland-born singer": an occupation after "the",
  // with adjectives or hyphenated modifiers before it, is a person named
  // before, found as "he" or "she" would be. The mention is the noun alone
  // (a place in "Scotland-born" is a mention of its own).
  if (ascii_lowercase(words[i].form) == "the") {
    uint32_t k = i + 1;
    while (k < n && (words[k].upos == UPos::ADJ || (k + 2 < n && words[k + 1].form == "-"))) {
      k += words[k].upos == UPos::ADJ && !(k + 1 < n && words[k + 1].form == "-") ? 1 : 3;
    }
    if (k < n && !covered[k] && words[k].upos == UPos::NOUN && !is_plural(words[k])) {
      const std::string lemma = nlp::lowercase_lemma(words[k]);
      // (Not "the singer Joss Stone", "the presenter of Film 2005".)
      const bool named_after = k + 1 < n && (words[k + 1].upos == UPos::NOUN || words[k + 1].upos == UPos::PROPN ||
                                             ascii_lowercase(words[k + 1].form) == "of");
      if (person_descriptor(lemma) && role_noun(lemma) == RoleNoun::kNone && !named_after &&
          nlp::apposed_word(words, k) < 0) {
        out->push_back(person_read_as_pronoun(words, s, k, k + 1, k, lemma));
        return;
      }
    }
  }
  // "her husband", "his wife", unless the name follows ("his wife, Cherie"):
  // the spouse the article names, found through its kinship (resolve.cc).
  if (is_possessive_determiner(words[i].form) && i + 1 < n && !covered[i + 1] && words[i + 1].upos == UPos::NOUN &&
      (ascii_lowercase(words[i + 1].form) == "husband" || ascii_lowercase(words[i + 1].form) == "wife")) {
    const uint32_t after = i + 2 < n && words[i + 2].form == "," ? i + 3 : i + 2;
    if (after < n && (words[after].upos == UPos::PROPN || !words[after].ner.empty())) return;
    FoundMention f = person_read_as_pronoun(words, s, i, i + 2, i + 1, ascii_lowercase(words[i + 1].form));
    f.read_as_pronoun = false;
    f.spouse = true;
    f.possessor_word = static_cast<int32_t>(i);
    out->push_back(std::move(f));
    return;
  }
  std::string nationality;
  uint32_t j = i + 1;
  std::vector<std::string> modifiers;
  while (j < n && (words[j].upos == UPos::ADJ || !demonym_of(words[j].form).empty())) {
    if (!demonym_of(words[j].form).empty()) {
      if (nationality.empty()) nationality = std::string(demonym_of(words[j].form));
    } else {
      modifiers.push_back(ascii_lowercase(words[j].form));
    }
    ++j;
  }
  if (j >= n || std::find(covered.begin() + i, covered.begin() + j + 1, true) != covered.begin() + j + 1) return;
  const Word& head = words[j];
  if (head.upos != UPos::NOUN && head.upos != UPos::PROPN) return;
  if (is_plural(head)) return;
  const std::string lemma = nlp::lowercase_lemma(head);
  // "the company", "the firm": an organisation already named; only after
  // "the" ("its group" is another one).
  const bool organisation = is_organisation_noun(lemma) && !is_possessive_determiner(words[i].form);
  const bool institution = !organisation && role_noun(lemma) == RoleNoun::kNone &&
                           lexicon::is_institution_head(lemma) && ascii_lowercase(words[i].form) == "the" &&
                           modifiers.empty() && nationality.empty();
  // "the tournament", "the festival": an event named before (resolve.cc).
  const bool event = !organisation && !institution && role_noun(lemma) == RoleNoun::kNone &&
                     lexicon::is_event_description(lemma) && ascii_lowercase(words[i].form) == "the" &&
                     modifiers.empty() && nationality.empty();
  if (role_noun(lemma) == RoleNoun::kNone && !organisation && !institution && !event) return;
  // "the frozen foods maker Kestrel": the name in apposition says who.
  if (organisation && nlp::apposed_word(words, j) >= 0) return;
  if (j + 1 < n) {
    const Word& next = words[j + 1];
    // A compound ("the president's office" is fine, "the leader board" is not),
    // a title before a name, or "the president of X" (someone else's office).
    if (next.upos == UPos::NOUN || next.upos == UPos::PROPN) return;
    // ("accused the chancellor of using ...": an "of" with a gerund is the verb's.)
    if (ascii_lowercase(next.form) == "of" && !(j + 2 < n && words[j + 2].xpos == "VBG")) return;
  }
  FoundMention f;
  Mention& m = f.mention;
  m.sentence = s;
  m.begin = i;
  m.end = j + 1;
  m.head = j;
  m.kind = MentionKind::kDescription;
  m.type = organisation || institution ? nlp::EntityType::kOrg
           : event                     ? nlp::EntityType::kMisc
                                       : nlp::EntityType::kPerson;
  f.institution_head = institution;
  f.event_head = event;
  m.text = nlp::spaced_forms(words, i, j + 1);
  f.role = role_of(head);
  f.governor = head.head;
  f.nationality = std::move(nationality);
  f.role_lemma = lemma;
  f.role_modifiers = std::move(modifiers);
  f.possessor_word = is_possessive_determiner(words[i].form) ? static_cast<int32_t>(i) : -1;
  // "Harbour Foods bought the company": as for "it", not its own verb's subject.
  f.object_pronoun = organisation && (head.deprel == "obj" || head.deprel == "iobj");
  out->push_back(std::move(f));
}

}  // namespace

std::set<std::string_view> one_word_organisations(const nlp::Document& doc, uint32_t first, uint32_t last) {
  std::set<std::string_view> out;
  for (uint32_t s = first; s < last; ++s) {
    for (const nlp::EntitySpan& e : nlp::entity_spans(doc.words_of(doc.sentences[s]))) {
      if (e.type == nlp::EntityType::kOrg && e.end == e.begin + 1)
        out.insert(doc.words_of(doc.sentences[s])[e.begin].form);
    }
  }
  return out;
}

void find_mentions(const nlp::Document& doc, uint32_t s, const std::set<std::string_view>& organisations,
                   std::vector<FoundMention>* out) {
  const std::span<const Word> words = doc.words_of(doc.sentences[s]);
  const uint32_t n = static_cast<uint32_t>(words.size());
  if (n == 0) return;
  std::vector<GazetteerMark> marks;
  nlp::Gazetteer::builtin().mark(words, &marks);
  const size_t first = out->size();

  // Recognized spans, then proper-noun runs the recognizer left out.
  std::vector<nlp::EntitySpan> spans = nlp::entity_spans(words);
  // Untagged proper nouns the parser made part of a name ("Lucia" tagged,
  // "Andrade" flat under it) finish it.
  for (size_t k = 0; k < spans.size(); ++k) {
    nlp::EntitySpan& e = spans[k];
    // A person's span that runs on into a phrase the parser keeps apart
    // ("Lucia Andrade on Monday" tagged as one) ends before it.
    for (uint32_t c = e.begin + 1; e.type == nlp::EntityType::kPerson && c < e.end; ++c) {
      // (A surname's particle is no such phrase: "Louis van Gaal".)
      if (!nlp::is_ascii_lower(words[c].form[0]) || (nlp::is_name_particle(words[c].form) && c + 1 < e.end)) continue;
      bool attached = false;
      for (uint32_t j = c; j < e.end; ++j) {
        attached = attached || (words[j].head >= static_cast<int32_t>(e.begin) && words[j].head < static_cast<int32_t>(c));
      }
      if (!attached) {
        // The recognizer misjudged the span, so its type is doubtful too:
        // the gazetteer types the rest ("State Department official").
        e.end = c;
        e.type = nlp::EntityType::kMisc;
      }
    }
    const uint32_t limit = k + 1 < spans.size() ? spans[k + 1].begin : n;
    while (e.end < limit && words[e.end].upos == UPos::PROPN && words[e.end].deprel == "flat" &&
           words[e.end].head >= static_cast<int32_t>(e.begin) && words[e.end].head < static_cast<int32_t>(e.end)) {
      ++e.end;
    }
  }
  std::vector<bool> covered(n, false);
  for (const nlp::EntitySpan& e : spans) std::fill(covered.begin() + e.begin, covered.begin() + e.end, true);
  uint32_t floor = 0;  // a title never reaches back into an earlier name
  size_t next_span = 0;
  for (uint32_t i = 0; i < n;) {
    if (next_span < spans.size() && spans[next_span].begin == i) {
      const nlp::EntitySpan e = spans[next_span++];
      // A person's name holds no conjunction or comma: a recognizer span
      // across one ("Joe Biden and Russia President Vladimir Putin") is two
      // names. Organisations may ("Procter and Gamble"), so only PERSON.
      uint32_t part = e.begin;
      for (uint32_t k = e.begin; k <= e.end; ++k) {
        // (Nor any name "and The ...": "Manic Street Preachers and The Clash";
        // a title writes "And": "Sex And The City".)
        const bool cut =
            k < e.end && ((e.type == nlp::EntityType::kPerson &&
                           (words[k].upos == UPos::CCONJ || words[k].form == "," || words[k].form == "&")) ||
                          (words[k].form == "and" && k + 1 < e.end && words[k + 1].form == "The"));
        if (k < e.end && !cut) continue;
        if (k > part && add_name(words, marks, s, nlp::EntitySpan{part, k, e.type}, floor, true, out)) floor = k;
        part = k + 1;
      }
      i = e.end;
      continue;
    }
    const bool known_organisation =
        !covered[i] && words[i].upos == UPos::NOUN && organisations.contains(words[i].form) &&
        (i + 1 == n || nlp::is_ascii_lower(words[i + 1].form[0]) || words[i + 1].upos == UPos::PUNCT);
    if (known_organisation) {
      if (add_name(words, marks, s, nlp::EntitySpan{i, i + 1, nlp::EntityType::kOrg}, floor, true, out)) floor = i + 1;
      ++i;
      continue;
    }
    const bool newspaper = i + 1 < n && lexicon::opens_newspaper_name(words[i].form, words[i + 1].form);
    if (!covered[i] && words[i].upos == UPos::PROPN && !nlp::is_ascii_lower(words[i].form[0]) &&
        (!is_calendar_word(words[i].form) || newspaper)) {
      uint32_t j = i + 1;
      // (A word in lower case ends the run: "Middlesbrough winger Stewart
      // Downing" with "winger" tagged a proper noun is a club, a position and a name.)
      while (j < n && !covered[j] && words[j].upos == UPos::PROPN && !is_calendar_word(words[j].form) &&
             !nlp::is_ascii_lower(words[j].form[0])) {
        ++j;
      }
      if (add_name(words, marks, s, nlp::EntitySpan{i, j, nlp::EntityType::kMisc}, floor, false, out)) floor = j;
      i = j;
      continue;
    }
    ++i;
  }

  for (uint32_t i = 0; i < n; ++i) {
    if (covered[i]) continue;
    const Word& w = words[i];
    if (w.upos == UPos::PRON || w.upos == UPos::DET || w.upos == UPos::X) {
      if (const auto p = third_person_pronoun(w.form)) add_pronoun(words, s, i, *p, out);
    }
    if (w.upos == UPos::DET || w.upos == UPos::PRON || w.upos == UPos::X) {
      const std::string lower = ascii_lowercase(w.form);
      if (lower == "the" || is_possessive_determiner(w.form)) add_description(words, covered, s, i, out);
    }
  }
  std::stable_sort(out->begin() + static_cast<std::ptrdiff_t>(first), out->end(),
                   [](const FoundMention& a, const FoundMention& b) {
                     if (a.mention.begin != b.mention.begin) return a.mention.begin < b.mention.begin;
                     return a.mention.end < b.mention.end;
                   });
}

}  // namespace kg::resolve

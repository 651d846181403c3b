#include "ingest/fact_gate.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <span>
#include <string_view>

#include "base/lexicon.h"
#include "base/one_of.h"
#include "base/utf8.h"
#include "graph/schema/schema.h"
#include "ingest/object_names.h"

namespace kg::ingest {
namespace {

using Words = std::span<const nlp::Word>;

std::string_view base_rel(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

// The first child of `head` whose relation's universal part is `rel` and
// whose lowered lemma is one of `lemmas`, as that lemma; "" when none.
std::string child_lemma(Words words, uint32_t head, std::string_view rel,
                        std::initializer_list<std::string_view> lemmas) {
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head != static_cast<int32_t>(head) || base_rel(words[i].deprel) != rel) continue;
    const std::string l = nlp::lowercase_lemma(words[i]);
    if (one_of(l, lemmas)) return l;
  }
  return "";
}

// The modal auxiliary of `verb` ("would"), lower case; "" when it has none.
std::string modal_of(Words words, uint32_t verb) {
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head != static_cast<int32_t>(verb) || base_rel(words[i].deprel) != "aux") continue;
    std::string l = nlp::lowercase_lemma(words[i]);
    if (lexicon::is_modal_verb(l)) return l;
  }
  return "";
}

// "Since moving from Colchester to London, she has re-focused", "After
// leaving Chelsea he joined ...", "underlined his promise by beating
// Gaston Gaudio": a participle clause of time or means, marked or
// opening the sentence, whose governor has a subject of its own in the
// sentence; that subject did both. (A purpose "to" clause states an aim, not
// a deed; a bare participle inside the sentence may hang from the wrong
// verb.)
bool timed_participle_of_subject(Words words, uint32_t clause) {
  if (words[clause].xpos != "VBG" || words[clause].head < 0) return false;
  // Or an unmarked participle opening the sentence: "Speaking to the House
  // Budget Committee, he urged Congress ...".
  bool marked = false;
  for (uint32_t i = 0; i < words.size(); ++i) {
    marked = marked || (words[i].head == static_cast<int32_t>(clause) && base_rel(words[i].deprel) == "mark");
  }
  // (Of the sentence's main verb only: "Speaking in the Commons after Mr
  // Brown had delivered ..., Mr Kennedy acknowledged" parsed with the
  // participle under "delivered".)
  const auto main_verb = static_cast<uint32_t>(words[clause].head);
  const bool opening =
      clause == 0 && !marked && words[main_verb].deprel == "root" &&
      child_lemma(words, main_verb, "mark",
                  {"after", "before", "when", "while", "since", "as", "until", "if", "because", "although", "though"})
          .empty();
  // Or one that closes it after a comma: "Henman made an impressive start,
  // only faltering against Nalbandian", "EastEnders has been facing a
  // ratings battle, recently losing out to Emmerdale".
  uint32_t before = clause;
  while (before > 0 && words[before - 1].upos == nlp::UPos::ADV) --before;
  // (Not "starring", "featuring", "including": they describe a noun the
  // parser hung them off, "The Aviator, starring Leonardo DiCaprio".)
  const bool closing = !marked && clause > main_verb && words[main_verb].deprel == "root" && before > 0 &&
                       words[before - 1].form == "," &&
                       !one_of(utf8::ascii_lowercase(words[clause].form), {"starring", "featuring", "including"});
  if (!opening && !closing &&
      child_lemma(words, clause, "mark", {"since", "after", "before", "while", "whilst", "when", "upon", "by"})
          .empty()) {
    return false;
  }
  // One subject, no list: "After beating Amy Winehouse, Jamelia, Natasha
  // Bedingfield and PJ Harvey to the prize, Joss Stone said" parsed with
  // the last two names as the subject of "said".
  const auto governor = static_cast<uint32_t>(words[clause].head);
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head != static_cast<int32_t>(governor) || words[i].deprel != "nsubj") continue;
    for (uint32_t k = 0; k < words.size(); ++k) {
      if (words[k].head == static_cast<int32_t>(i) && words[k].deprel == "conj") return false;
    }
    return true;
  }
  return false;
}

// How many scores ("2-1", "6 - 4") the sentence writes.
size_t scores_in(Words words) {
  auto number = [&](size_t k) {
    return !words[k].form.empty() && std::all_of(words[k].form.begin(), words[k].form.end(),
                                                 [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  };
  size_t n = 0;
  for (size_t k = 0; k < words.size(); ++k) {
    const bool split = k + 2 < words.size() && number(k) && words[k + 1].form == "-" && number(k + 2);
    n += extract::is_joined_score(words[k].form) || split;
  }
  return n;
}

// Whether the apposition `t` joins a list's item or runs across a colon.
bool listed_apposition(Words words, const extract::GraphTriple& t) {
  const uint32_t a = t.subject->head, b = t.object->head;
  if (a >= words.size() || b >= words.size()) return false;
  for (uint32_t i = std::min(a, b); i < std::max(a, b); ++i) {
    if (words[i].form == ":") return true;
  }
  // Names in a list. (Descriptions may be coordinated: "Peter Mandelson,
  // former Labour minister and now a European Commissioner"; and an
  // apposition after a list's last name describes that name.)
  if (words[b].deprel == "conj" && words[b].upos == nlp::UPos::PROPN) return true;
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(a) && words[i].deprel == "conj" && words[i].upos == nlp::UPos::PROPN) {
      return true;
    }
  }
  return false;
}

// Whether the noun at `head` has a possessor ("Bertelsmann's purchase").
bool has_possessor(Words words, uint32_t head) {
  for (uint32_t i = 0; i < head && i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(head) && words[i].deprel == "nmod:poss") return true;
  }
  return false;
}

bool has_child(Words words, uint32_t head, uint32_t child) {
  return child < words.size() && words[child].head == static_cast<int32_t>(head);
}

// Qualifiers of the clause headed by `predicate`, in display order.
struct Qualifiers {
  bool question = false;   // inside "whether ..." : no event is stated
  std::string text;        // "not", "could", "if", "almost", joined by spaces
};

Qualifiers qualifiers_of(Words words, const extract::Proposition& p) {
  Qualifiers q;
  auto add = [&](std::string_view word) {
    if (word.empty() || q.text.find(word) != std::string::npos) return;
    if (!q.text.empty()) q.text += ' ';
    q.text += word;
  };
  if (p.predicate >= words.size()) return q;
  // Everything the predicate sits in, up to the root: a mark on any of it
  // ("if", "whether") qualifies the predicate, also through a noun ("deter
  // the Russian leader from invading Ukraine"). Over-qualifying is the safe
  // mistake: a qualified fact is still shown, as such.
  // `open_chain`: every link from the predicate up to here is an open
  // complement or a conjunct, so the clause shares this verb's subject.
  bool open_chain = true;
  // `object_in_chain`: a verb from here down to the predicate (the predicate
  // aside) has an object, who then does what the chain below it says ("help
  // Spain try and defend").
  bool object_in_chain = false;
  for (int32_t c = static_cast<int32_t>(p.predicate), below = -1, steps = 0; c >= 0 && steps < 12; ++steps) {
    const auto u = static_cast<uint32_t>(c);
    if (below >= 0 && !one_of(words[static_cast<uint32_t>(below)].deprel, {"xcomp", "conj"})) open_chain = false;
    for (uint32_t i = 0; u != p.predicate && i < words.size(); ++i) {
      object_in_chain = object_in_chain || (words[i].head == c && words[i].deprel == "obj");
    }
    const std::string mark = child_lemma(words, u, "mark", {"if", "unless", "whether"});
    if (mark == "whether") q.question = true;
    // Inside what someone denies ("denied reports that Brown is preparing to
    // oust Milburn") nothing is stated; inside a report or claim, it is reported.
    const std::string lemma = utf8::ascii_lowercase(words[u].lemma);
    // ("They were wrong when they said Milburn was ousting Brown": what is called wrong is denied too.)
    if (u != p.predicate && one_of(lemma, {"deny", "dismiss", "reject", "refute", "rubbish", "wrong", "untrue", "false",
                                           "mistaken", "nonsense"})) {
      q.question = true;
    }
    // Inside a report, a claim, an accusation or what "is understood" the
    // fact is reported, not stated ("accused Titan of paying", "It is
    // understood that Blackburn accepted ...").
    // (Not through a participle clause that only frames it: "Mr Clarke,
    // writing in The Times, accused ...".)
    // Nor through the governing verb's subject: "Mr Clarke, writing in The
    // Times" hangs on the accuser, not on the accusation.)
    const std::string_view below_rel = below >= 0 ? base_rel(words[static_cast<uint32_t>(below)].deprel) : "";
    const bool framing = (below_rel == "advcl" &&
                          child_lemma(words, static_cast<uint32_t>(below), "mark", {"of", "that", "to"}).empty()) ||
                         one_of(below_rel, {"nsubj", "csubj", "parataxis"});
    if (u != p.predicate && !framing && one_of(lemma, {"report", "rumour", "speculation", "claim", "allegation", "suggestion",
                                           "accuse", "allege", "suspect", "understand", "believe", "rumor",
                                           "intimate", "imply", "hint", "contend", "insinuate", "assert"})) {
      add("reportedly");
    }
    if (!child_lemma(words, u, "advmod", {"allegedly", "reportedly", "apparently", "supposedly", "reputedly"}).empty()) {
      add("reportedly");
    }
    // "It appears that the UK is in a two-tier economy": what only appears
    // so is not stated. (Only after an empty "it": "Perry, who played
    // Chandler, has appeared on stage" did play him.)
    // (The clause may be read as adverbial, with its "that".)
    if (u != p.predicate && one_of(lemma, {"appear", "seem"}) && below >= 0 &&
        (base_rel(words[static_cast<uint32_t>(below)].deprel) == "ccomp" ||
         !child_lemma(words, static_cast<uint32_t>(below), "mark", {"that"}).empty()) &&
        (!child_lemma(words, u, "nsubj", {"it"}).empty() || !child_lemma(words, u, "expl", {"it"}).empty())) {
      add("reportedly");
    }
    // A negated or attempted governing verb qualifies what it governs
    // ("has chosen not to help Spain try and defend the Davis Cup").
    if (u != p.predicate) {
      // (Only a verb's, and only when it is the fact's subject that does not:
      // "it was not surprising Mr Jackson had chosen to leave", "Moya has
      // chosen not to help Spain try and defend the Davis Cup".)
      if (!child_lemma(words, u, "advmod", {"not", "n't", "never"}).empty() && words[u].upos == nlp::UPos::VERB &&
          open_chain && !object_in_chain) {
        add("not");
      }
      // "have failed to secure any silverware or win the Ashes". (Not a
      // participle that frames it: "Speaking on BBC Radio 4, Mr Varley
      // declined to be drawn" did speak.)
      // (Through its complement only: "failed to complete the marathon and
      // later dropped out" did drop out.)
      if (one_of(lemma, {"fail", "refuse", "decline", "neglect"}) && open_chain && below >= 0 &&
          words[static_cast<uint32_t>(below)].deprel == "xcomp" && p.relation.find(lemma) == std::string::npos) {
        add("not");
      }
      // (Only through its open complement: "plans to visit", not a "plan"
      // in a quote the parser hung the speech verb on.)
      if (one_of(lemma, {"try", "attempt", "seek", "aim", "plan", "intend"}) && below >= 0 && open_chain &&
          words[static_cast<uint32_t>(below)].deprel == "xcomp" && p.relation.find(lemma) == std::string::npos) {
        add(lemma == "try" || lemma == "attempt" ? std::string_view("try") : std::string_view("plan"));
      }
    }
    // Hopes, beliefs and predictions are no facts ("Stone hoped Alexander
    // might be better appreciated in Europe").
    // ("trying to prevent rapper Nelly performing in Arkansas": what is
    // prevented, banned or stopped did not happen.)
    if (u != p.predicate && one_of(lemma, {"hope", "wish", "fear", "doubt", "want", "predict", "expect", "think",
                                           "suppose", "imagine", "speculate", "wonder", "dream", "prevent", "stop",
                                           "ban", "bar", "block", "forbid", "prohibit"})) {
      q.question = true;
    }
    if (mark == "if" || mark == "unless") add("if");
    // The consequent of a condition ("If Dawson is not fit, Robinson will
    // ..."), but a threat or warning states its condition and still happened
    // ("threatened Masai with a ban if she ...").
    const bool conditional_act = one_of(lemma, {"threaten", "warn", "promise", "vow", "pledge", "caution"});
    // A condition written after a coordination holds for all of it: "will
    // stun Westminster and break every precedent if he fails", with the
    // "if" clause hung on the last conjunct.
    auto conditioned = [&](uint32_t verb, bool after_only) {
      for (uint32_t i = 0; i < words.size(); ++i) {
        if (words[i].head == static_cast<int32_t>(verb) && base_rel(words[i].deprel) == "advcl" &&
            (!after_only || i > verb) && !child_lemma(words, i, "mark", {"if", "unless"}).empty()) {
          return true;
        }
      }
      return false;
    };
    if (!conditional_act && conditioned(u, false)) add("if");
    for (uint32_t k = u + 1; !conditional_act && k < words.size(); ++k) {
      if (words[k].head == c && words[k].deprel == "conj" && words[k].upos == nlp::UPos::VERB && conditioned(k, true)) {
        add("if");
      }
    }
    below = c;
    c = words[u].head;
  }
  if (!child_lemma(words, p.predicate, "advmod", {"almost", "nearly"}).empty()) add("almost");
  // "will most likely end up with Gazprom": a forecast, not a fact.
  const std::string modal = p.modal ? modal_of(words, p.predicate) : std::string();
  const bool hedged =
      !child_lemma(words, p.predicate, "advmod", {"likely", "probably", "possibly", "perhaps", "maybe"}).empty();
  if (hedged && (!p.modal || modal == "will")) add("may");
  // "is advising Mr Glazer, according to the Financial Times".
  for (uint32_t i = 0; i + 1 < words.size(); ++i) {
    if (utf8::ascii_lowercase(words[i].form) == "according" && words[i + 1].form == "to" && words[i].head >= 0) {
      const auto attached = static_cast<uint32_t>(words[i].head);
      if (attached == p.predicate || (attached < words.size() && words[attached].head == static_cast<int32_t>(p.predicate))) {
        add("reportedly");
      }
    }
  }
  if (!child_lemma(words, p.predicate, "advmod", {"hardly", "scarcely", "barely", "little"}).empty()) add("not");
  // "has had no formal contact with Liverpool": an object with "no" denies the act.
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(p.predicate) && base_rel(words[i].deprel) == "obj" &&
        !child_lemma(words, i, "det", {"no"}).empty()) {
      add("not");
    }
  }
  // "ready and willing to invest in": the adjective the verb depends on is
  // the fact's qualifier.
  if (words[p.predicate].deprel == "xcomp" && words[p.predicate].head >= 0 &&
      words[static_cast<uint32_t>(words[p.predicate].head)].upos == nlp::UPos::ADJ) {
    add(utf8::ascii_lowercase(words[static_cast<uint32_t>(words[p.predicate].head)].lemma));
  }
  // "Roger Federer plays Greg Rusedski in the second round on Wednesday": a
  // present tense with a day or "tomorrow" is a fixture, an event to come.
  // (A score says the match was played: "Wales beat England 11-9 on
  // Saturday", where "beat" is past as well as present.)
  const bool scored = scores_in(words) > 0;
  // (The tagger reads a plural subject's present as a base form: "England
  // ... play Ireland", a root with no auxiliary or "to" of its own.)
  const bool auxiliary = std::any_of(words.begin(), words.end(), [&](const nlp::Word& w) {
    return w.head == static_cast<int32_t>(p.predicate) && base_rel(w.deprel) == "aux";
  });
  const bool present = one_of(words[p.predicate].xpos, {"VBZ", "VBP"}) ||
                       (words[p.predicate].xpos == "VB" && words[p.predicate].deprel == "root" && !auxiliary &&
                        child_lemma(words, p.predicate, "mark", {"to"}).empty());
  if (!p.modal && !scored && present && child_lemma(words, p.predicate, "aux", {"be", "have", "do"}).empty()) {
    // (The day may hang on the verb or, through modifiers, on its oblique:
    // "in the second round on Wednesday", "in Dublin on 27 February".)
    auto on_verb = [&](uint32_t i) {
      if (!one_of(base_rel(words[i].deprel), {"obl", "advmod", "nmod"}) || words[i].head < 0) return false;
      uint32_t up = static_cast<uint32_t>(words[i].head);
      for (int steps = 0; steps < 3 && up != p.predicate; ++steps) {
        if (!one_of(base_rel(words[up].deprel), {"obl", "nmod"}) || words[up].head < 0) return false;
        up = static_cast<uint32_t>(words[up].head);
      }
      return up == p.predicate;
    };
    for (uint32_t i = 0; i < words.size(); ++i) {
      if (!on_verb(i)) continue;
      const std::string lower = utf8::ascii_lowercase(words[i].form);
      // Or a day of a month: "play Ireland in Dublin on 27 February".
      // (Not "In November, Barclays, which owns ...": a month alone; nor
      // a verb whose past is written as its present: "quit the Olympics on
      // 18 August".)
      const bool dated = words[i].upos == nlp::UPos::NUM && i + 1 < words.size() &&
                         lexicon::is_month(words[i + 1].form) &&
                         !one_of(utf8::ascii_lowercase(words[p.predicate].form),
                                 {"quit", "put", "set", "cut", "hit", "let", "beat", "shut", "spread", "cost", "bet",
                                  "hurt", "read", "split", "upset", "broadcast", "forecast", "bid"});
      if (lexicon::is_weekday(words[i].form) || one_of(lower, {"tomorrow", "tonight"}) ||
          !child_lemma(words, i, "amod", {"next"}).empty() || dated) {
        add("will");
        break;
      }
    }
  }
  // (An event to come that is hedged or conditional already reads as such:
  // "may end up with", "if snub".)
  const bool said_otherwise = q.text.find("may") != std::string::npos || q.text.find("if") != std::string::npos;
  if (p.modal && !(modal == "will" && said_otherwise)) {
    add(modal.empty() ? std::string_view("may") : std::string_view(modal));
  }
  if (p.negated) add("not");
  return q;
}

// Verbs that act on their object and then say what it is to do ("urged
// Congress to take action", "asked him to stay"): the object is theirs.
bool object_control_verb(std::string_view lemma) {
  return one_of(lemma, {"urge",  "ask",      "persuade",   "force",   "invite",    "encourage", "order",
                        "press", "pressure", "advise",     "warn",    "tell",      "convince",  "help",
                        "hire",  "sign",     "appoint",    "beg",     "challenge", "choose",    "select",
                        "pick",  "elect",    "commission", "recruit", "employ",    "nominate",  "enlist"});
}

// Verbs that mean little without the complement that follows their object
// ("put Liverpool ahead", "take the Bank of Israel job").
bool light_verb(std::string_view lemma) {
  return one_of(lemma, {"put", "get", "keep", "set", "make", "take", "send", "give", "bring"});
}

bool capitalised(std::string_view word) { return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])); }

// Lower-case words that may sit inside a name ("Bank of England", "Louis van Gaal").
bool name_connector(std::string_view word) {
  return one_of(word, {"of", "and", "the", "for", "on", "in", "upon", "&", "van", "von", "de", "di", "da", "dal",
                       "del", "della", "der", "den", "du", "le", "la", "bin", "al", "ter", "ten", "dos", "das"});
}

// A "verb" with a noun's dependents is a noun the tagger misread ("British
// Olympic relay gold medallists", "was the Dreamworks hit Shrek 2").
bool noun_dependents(Words words, uint32_t predicate) {
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(predicate) &&
        one_of(words[i].deprel, {"amod", "compound", "det", "nmod:poss", "cop"})) {
      return true;
    }
  }
  return false;
}

bool has_digit(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// A word that heads a time phrase ("last year", "next Monday").
bool time_noun(const nlp::Word& w) {
  return lexicon::is_calendar_word(w.form) ||
         one_of(utf8::ascii_lowercase(w.lemma), {"year", "month", "week", "season", "day", "night", "time", "summer",
                                                 "winter", "spring", "autumn", "weekend", "century", "decade"});
}

// "until 20 February", "on 17 January": a number beside a month is a date,
// whose object the extractor keeps as the bare number ("run until · 20").
bool day_of_month(Words words, uint32_t head) {
  if (head >= words.size() || words[head].upos != nlp::UPos::NUM) return false;
  return (head + 1 < words.size() && lexicon::is_calendar_word(words[head + 1].form)) ||
         (head > 0 && lexicon::is_calendar_word(words[head - 1].form));
}

// A name cut short or run on by the recognizer. The run of name words
// around the argument's head (recognized words of its type, else proper
// nouns) must stand alone in the sentence: no capitalised word glued on
// after it ("Leonardo" of "Leonardo diCaprio", "Sport" of "BBC Sport"), or
// before it for a name that is no person's (whose titles and nationalities
// the resolver splits off); no hyphenated part ("Garcia-Lopez",
// "Canada-based"); no recognized name compounded onto it ("BBC" of "BBC
// News"); and no lower-case word inside but connectors ("Australian Open
// since 2001").
bool truncated_name(Words words, const extract::Argument& a, store::EntityType type) {
  if (a.head >= words.size()) return true;
  const std::string_view tag = words[a.head].ner;
  auto in_name = [&](uint32_t i) {
    return tag.empty() ? words[i].upos == nlp::UPos::PROPN : words[i].ner.size() > 2 && words[i].ner.substr(2) == tag.substr(2);
  };
  auto ends_entity = [&](uint32_t i) { return nlp::ends_name(words[i]); };
  uint32_t begin = a.head, end = a.head + 1;
  while (begin > 0 && in_name(begin - 1) && !ends_entity(begin - 1)) --begin;
  while (end < words.size() && in_name(end) && !ends_entity(end - 1)) ++end;
  for (uint32_t i = begin; i < end; ++i) {
    const std::string_view w = words[i].form;
    // (A hyphen inside the name, touching both its words: "Kilroy-Silk";
    // not after a prefix, "Ex-BBC".)
    const bool inner_hyphen =
        i > begin && i + 1 < end && nlp::hyphenated_begin(words, i + 1) == i - 1 &&
        !one_of(utf8::ascii_lowercase(words[i - 1].form), {"ex", "pro", "anti", "non", "post", "pre"});
    if (!w.empty() && !capitalised(w) && !std::isdigit(static_cast<unsigned char>(w[0])) && !name_connector(w) &&
        !inner_hyphen) {
      return true;
    }
    // "on", "in", "upon" join place names ("Newcastle upon Tyne"), not others
    // ("Carpenter on Escape From New York").
    if (i > begin && type != store::EntityType::kLoc && one_of(w, {"on", "in", "upon"})) return true;
  }
  const bool glued_after = end < words.size() && words[end - 1].end == words[end].begin;
  const bool glued_before = begin > 0 && words[begin - 1].end == words[begin].begin;
  if ((glued_after && words[end].form == "-") || (glued_before && words[begin - 1].form == "-")) return true;
  if (end < words.size()) {
    const std::string_view next = words[end].form;
    if (capitalised(next) || (words[end].upos == nlp::UPos::PROPN && !next.empty() && std::islower(static_cast<unsigned char>(next[0])))) {
      return true;
    }
    if (name_connector(next) && next != "and" && next != "&" && next != "of" && next != "the" && next != "in" &&
        next != "on" && next != "for" && end + 1 < words.size() && capitalised(words[end + 1].form)) {
      return true;  // "van Gaal"
    }
  }
  if (begin > 0 && type != store::EntityType::kPerson && words[begin - 1].upos != nlp::UPos::PUNCT &&
      (begin - 1 > 0 ? capitalised(words[begin - 1].form) : words[begin - 1].upos == nlp::UPos::PROPN)) {
    return true;
  }
  // "Exchange Commission" of "Securities and Exchange Commission": a
  // capitalised word the recognizer left out before "and".
  if (begin > 1 && type != store::EntityType::kPerson && one_of(words[begin - 1].form, {"and", "&"}) &&
      capitalised(words[begin - 2].form) && words[begin - 2].ner.size() < 3) {
    return true;
  }
  // "Racial Equality" of "Commission for Racial Equality", "England" of
  // "Bank of England": the head the recognizer left out before "for"/"of".
  if (begin > 1 && type != store::EntityType::kPerson && one_of(words[begin - 1].form, {"for", "of"}) &&
      capitalised(words[begin - 2].form) && words[begin - 2].upos == nlp::UPos::PROPN) {
    return true;
  }

  // A name that modifies a noun the parser left outside the argument ("US"
  // of "bought US rival Grey Global", "Bank of Israel" of "the Bank of
  // Israel job", "HIV" of "an HIV/Aids orphanage"): the phrase names
  // something else.
  if (end < words.size()) {
    const nlp::Word& next = words[end];
    // ("Walkman branded mobile phone": a participle modifies the noun too.)
    const bool modified_noun_follows =
        (next.upos == nlp::UPos::NOUN || next.upos == nlp::UPos::ADJ || next.upos == nlp::UPos::VERB) &&
        !capitalised(next.form) && next.head > static_cast<int32_t>(end) &&
        one_of(base_rel(next.deprel), {"compound", "amod"}) &&
        !time_noun(words[static_cast<uint32_t>(next.head)]);  // "the Athens Olympics last August"
    // "the George W Bush website began ...": the name compounded onto the noun after it.
    // ("the Cecil B DeMille award": any word of the name; "the NOS
    // broadcaster" is NOS itself.)
    bool compounded_onto_next = false;
    // ("the Mecca Bingo chain" is Mecca Bingo, but "the London gallery" no London.)
    const bool outlet_noun =
        one_of(next.form, {"broadcaster", "newspaper", "paper", "network", "channel", "station", "magazine", "website",
                           "agency", "daily", "group", "firm", "company"}) ||
        (type != store::EntityType::kLoc && classified_name(words, end) >= 0) ||
        // ("an epic New York Marathon contest" is the marathon.)
        (lexicon::ends_event_name(words[end - 1].form) &&
         one_of(next.form, {"contest", "race", "event", "tournament", "competition", "meeting"}));
    for (uint32_t i = begin; i < end && next.upos == nlp::UPos::NOUN && !capitalised(next.form) && !outlet_noun; ++i) {
      compounded_onto_next = compounded_onto_next ||
                             (words[i].head == static_cast<int32_t>(end) && base_rel(words[i].deprel) == "compound");
    }
    if (modified_noun_follows || compounded_onto_next || (next.form == "/" && end + 1 < words.size())) return true;
    // "SM:tv": a name glued to more of itself.
    if (next.form == ":" && words[end - 1].end == next.begin && end + 1 < words.size() &&
        next.end == words[end + 1].begin) {
      return true;
    }
    // "UN Office for the Coordination of Humanitarian Affairs" cut before "for".
    if (type == store::EntityType::kOrg && next.form == "for") {
      const uint32_t after = end + 1 < words.size() && words[end + 1].form == "the" ? end + 2 : end + 1;
      if (after < words.size() && capitalised(words[after].form)) return true;
    }
  }
  // A person's name takes titles, nationalities and employers before it
  // ("US President Joe Biden", "Arsenal manager Arsene Wenger"), which the
  // resolver splits off; any other name with a name compounded onto it is
  // part of a longer one.
  for (uint32_t i = 0; type != store::EntityType::kPerson && i < begin; ++i) {
    const int32_t h = words[i].head;
    if (h >= static_cast<int32_t>(begin) && h < static_cast<int32_t>(end) && base_rel(words[i].deprel) == "compound" &&
        words[i].upos == nlp::UPos::PROPN && words[i].ner.size() > 2 && words[i].ner.substr(2) != "PERSON") {
      return true;
    }
  }
  return false;
}

// Whether word `head` carries a possessive "'s" or "'" of its own.
bool possessor(Words words, uint32_t head) {
  for (uint32_t i = head + 1; i < words.size() && i <= head + 4; ++i) {
    if (words[i].head == static_cast<int32_t>(head) && base_rel(words[i].deprel) == "case" &&
        one_of(words[i].form, {"'s", "'", "\u2019s", "\u2019"})) {
      return true;
    }
  }
  return false;
}

// A name worth a node: letters, more than one character, no undecoded
// character reference, not the plural of an acronym ("MPs", "CDs"). A
// relation (`strict`) also needs the name written in the sentence: the
// argument's head word is itself a name, not a pronoun, a description ("the
// Scot", "the American") or a possessor's noun ("India's top-selling daily").
bool usable_name(Words words, const extract::Argument& a, store::EntityType type, bool strict,
                 bool trusted_pronoun = false) {
  const std::string& n = a.node;
  if (n.size() < 2 || a.head >= words.size() || n.find("&#") != std::string::npos) return false;
  if (!std::any_of(n.begin(), n.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return false;
  }
  const bool one_word = n.find(' ') == std::string::npos;
  if (one_word && n.size() >= 3 && n.back() == 's' &&
      std::all_of(n.begin(), n.end() - 1, [](char c) { return std::isupper(static_cast<unsigned char>(c)); })) {
    return false;
  }
  if (!strict || (!a.is_name && trusted_pronoun)) return true;
  if (a.is_pronoun || (words[a.head].upos != nlp::UPos::PROPN && words[a.head].ner.empty())) return false;
  const bool article = !child_lemma(words, a.head, "det", {"the", "a", "an"}).empty();
  const bool all_caps = std::none_of(n.begin(), n.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); });
  const bool place_or_misc = type == store::EntityType::kLoc || type == store::EntityType::kMisc;
  return !(one_word && article && place_or_misc && !all_caps && n.back() != 's');
}

// A description as good as the name for a relation: a noun with the name in
// apposition (any type), or "the Brazilian president", "the Russian leader":
// a definite role noun the resolver joined to a person (it requires the
// person's titles and nationality to fit).
bool described_entity(Words words, const extract::Argument& a, store::EntityType type) {
  if (a.is_pronoun || a.head >= words.size() || words[a.head].upos != nlp::UPos::NOUN) return false;
  // "the farming minister Nick Brown", "short-course champion Edith Masai",
  // "the music publisher, Bertelsmann": a noun with the name in apposition
  // (the record builder took the name's entity for the argument).
  if (nlp::apposed_word(words, a.head, /*named=*/true) >= 0) return true;
  // "Victor Wong, a graduate student studying at Cornell University": the
  // subject of a clause on an apposition is the name it is set to (the
  // record builder took the name's entity).
  if (nlp::named_word_apposed_to(words, a.head) >= 0) return true;
  // "criticised her husband": a spouse is resolved only through the kinship
  // the article states ("Michael Howard's wife, Sandra"; resolve.cc).
  if (type == store::EntityType::kPerson && one_of(a.head_lemma, {"husband", "wife"}) &&
      !child_lemma(words, a.head, "nmod", {"he", "she", "his", "her"}).empty()) {
    return true;
  }
  // "opted out of the event": an event is resolved only to the event named
  // last before it (resolve.cc).
  if (type == store::EntityType::kMisc && lexicon::is_event_description(a.head_lemma) &&
      !child_lemma(words, a.head, "det", {"the"}).empty()) {
    return true;
  }
  if (type != store::EntityType::kPerson || !schema::is_role_noun(a.head_lemma)) return false;
  if (a.is_name || child_lemma(words, a.head, "det", {"the"}).empty()) return false;
  // Only with a nationality ("the Brazilian president"): a bare office ("the
  // prime minister") is too often someone else's.
  for (uint32_t i = 0; i < a.head; ++i) {
    if (words[i].head == static_cast<int32_t>(a.head) && words[i].deprel == "amod" && capitalised(words[i].form)) {
      return true;
    }
  }
  return false;
}

// A noun phrase the parser hung on the name `head` as its descriptor from
// far before it, with a clause of its own: "A documentary which takes a
// look at the life of singer George Michael will be shown", where the
// documentary is shown. The name is then no argument of the predicate.
bool far_descriptor(Words words, uint32_t head) {
  for (uint32_t k = 0; k + 5 < head; ++k) {
    if (words[k].head != static_cast<int32_t>(head) || words[k].deprel != "nmod:desc") continue;
    for (uint32_t c = k + 1; c < head; ++c) {
      if (words[c].head == static_cast<int32_t>(k) && base_rel(words[c].deprel) == "acl") return true;
    }
  }
  return false;
}

// Whether word `head` has a nominal or clausal subject of its own.
bool has_subject(Words words, uint32_t head) {
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(head) && one_of(base_rel(words[i].deprel), {"nsubj", "csubj", "expl"})) {
      return true;
    }
  }
  return false;
}

// The clause role an argument fills: the relation to the predicate of the
// first word above its head that is not a conjunct or part of a name.
std::string_view attachment(Words words, uint32_t head, uint32_t predicate) {
  uint32_t w = head;
  for (int steps = 0; steps < 8 && w < words.size(); ++steps) {
    if (words[w].head == static_cast<int32_t>(predicate)) return words[w].deprel;
    if (!one_of(base_rel(words[w].deprel), {"conj", "flat", "appos"}) || words[w].head < 0) return "";
    w = static_cast<uint32_t>(words[w].head);
  }
  return "";
}

// Lists, tables and team sheets: parenthesised names ("Shinobu Asagoe
// (Japan)", "J Robinson (Sale Sharks)"), lines of dashes ("- Best actor -
// Richard Griffiths for The History Boys") or long comma chains with no verb
// heading the clause. No relation is read off them.
bool list_sentence(Words words, uint32_t predicate) {
  uint32_t parens = 0, separators = 0, dashes = 0;
  for (size_t i = 0; i < words.size(); ++i) {
    const nlp::Word& w = words[i];
    if (w.form == "(") ++parens;
    if (w.form == "," || w.form == ";") ++separators;
    // (A dash standing free between words: "- Best actor - Richard Griffiths".)
    if ((w.form == "-" || w.form == "\u2013") && w.space_after && (i == 0 || words[i - 1].space_after)) ++dashes;
  }
  const bool verb_head = predicate < words.size() && words[predicate].upos == nlp::UPos::VERB;
  return parens >= 3 || dashes >= 6 || (separators >= 6 && !verb_head);
}

// A conjunct of "A or B" (the "or" hangs on B; A has B as a conj child).
bool one_of_alternatives(Words words, uint32_t head) {
  if (head >= words.size()) return false;
  if (!child_lemma(words, head, "cc", {"or", "nor"}).empty()) return true;
  // (The parser may hang the other alternative on the name's last word:
  // "plays Silvia Farina Elia or Jelena Jankovic".)
  auto in_name = [&](int32_t w) {
    return w == static_cast<int32_t>(head) ||
           (w >= 0 && words[static_cast<uint32_t>(w)].head == static_cast<int32_t>(head) &&
            base_rel(words[static_cast<uint32_t>(w)].deprel) == "flat");
  };
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (in_name(words[i].head) && base_rel(words[i].deprel) == "conj" &&
        !child_lemma(words, i, "cc", {"or", "nor"}).empty()) {
      return true;
    }
  }
  // A middle item of "A, B or C": the "or" hangs on a later conjunct of A.
  if (base_rel(words[head].deprel) == "conj" && words[head].head >= 0) {
    const auto first = static_cast<uint32_t>(words[head].head);
    for (uint32_t i = head + 1; i < words.size(); ++i) {
      if (words[i].head == static_cast<int32_t>(first) && base_rel(words[i].deprel) == "conj" &&
          !child_lemma(words, i, "cc", {"or", "nor"}).empty()) {
        return true;
      }
    }
  }
  return false;
}

// Whether the noun at `head`, ranked, is narrowed by a clause without a
// comma before it ("the oldest player to appear in the competition", "the
// only player remaining from that meeting", "the first Indian woman to
// reach the third round"): the noun alone says something else. (Others stay
// true without their clause: "is developing a laptop PC that will sell for
// $100", "sold 10 million copies when recorded by Claude King".)
bool narrowed_by_clause(Words words, uint32_t head) {
  bool ranked = false;
  for (uint32_t k = 0; k < head; ++k) {
    // (Not "best", which names an award's category: "won best screenplay
    // for Sideways"; nor a word of a name: "the Weakest Link".)
    const std::string_view form = words[k].form;
    ranked =
        ranked ||
        (words[k].head == static_cast<int32_t>(head) && !form.empty() &&
         std::islower(static_cast<unsigned char>(form[0])) &&
         ((words[k].xpos == "JJS" && form != "best") || one_of(form, {"first", "last", "only", "next", "second"})));
  }
  if (!ranked) return false;
  for (uint32_t c = head + 1; c < words.size(); ++c) {
    if (words[c].head != static_cast<int32_t>(head) || !one_of(words[c].deprel, {"acl", "acl:relcl"}) ||
        words[c].upos != nlp::UPos::VERB) {
      continue;
    }
    uint32_t first = c;  // the clause's first word
    for (uint32_t k = head + 1; k < c; ++k) {
      int32_t up = static_cast<int32_t>(k);
      while (up >= 0 && up != static_cast<int32_t>(c) && up != static_cast<int32_t>(head)) up = words[up].head;
      if (up == static_cast<int32_t>(c)) {
        first = k;
        break;
      }
    }
    if (first > 0 && words[first - 1].form != "," && words[first - 1].form != "-") return true;
  }
  return false;
}

// Common nouns and pronoun-like words that say nothing as a statement's object.
bool empty_concept(Words words, const extract::Argument& a, std::string_view relation) {
  static constexpr std::array<std::string_view, 29> kPronounLike = {
      "the", "a", "an", "some", "others", "other", "one", "ones", "all", "that", "what", "this", "these", "those", "it", "any",
      "many", "most", "both", "each", "none", "anything", "something", "everything", "nothing", "much", "more",
      "few", "several"};
  // Light verbs whose object noun carries the meaning only with a complement.
  static constexpr std::array<std::string_view, 24> kGenericNouns = {
      "plan", "part", "decision", "way", "time", "chance", "thing", "lot", "place", "step", "look", "bit",
      "sense", "idea", "problem", "effect", "impact", "role", "hope", "view", "need", "right", "opportunity",
      "deal"};
  const std::string node = utf8::ascii_lowercase(a.node);
  if (std::find(kPronounLike.begin(), kPronounLike.end(), node) != kPronounLike.end()) return true;
  if (!std::any_of(node.begin(), node.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); })) {
    return true;
  }
  // Nouns of talk and of nothing in particular, which alone say nothing of
  // what made the news ("Labour · push through · plans", "dismiss · claims",
  // "say in · statement", "respond to · rebuff"), and a lone adjective
  // ("appear · stronger"), after any verb.
  static constexpr std::array<std::string_view, 46> kEmptyAlone = {
      "plan", "claim", "suggestion", "statement", "question", "report", "comment", "proposal", "response", "remark",
      "allegation", "speculation", "rumour", "reply", "answer", "issue", "matter", "side", "head", "price",
      "bid", "move", "action", "future", "position", "number", "case", "point", "concern", "attempt",
      "effort", "approach", "interview", "bail", "home", "back", "set", "rebuff", "option", "thing",
      // quantities whose "of" phrase is the content ("among a host of players")
      "host", "handful", "range", "variety", "raft", "spate"};
  if (node.find(' ') == std::string::npos && a.head < words.size() &&
      (words[a.head].upos == nlp::UPos::ADJ ||
       std::find(kEmptyAlone.begin(), kEmptyAlone.end(), a.head_lemma) != kEmptyAlone.end())) {
    return true;
  }
  const bool light = one_of(relation, {"be", "have", "take", "make", "give", "get", "do"});
  return light && node.find(' ') == std::string::npos &&
         std::find(kGenericNouns.begin(), kGenericNouns.end(), a.head_lemma) != kGenericNouns.end();
}

// A word that may stand before a person's name without being part of it:
// an honorific or an office ("Mr", "Sir", "Prime Minister", "Chancellor").
bool title_word(std::string_view word) {
  if (one_of(word, {"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame", "Baroness", "Prince", "Princess",
                    "King", "Queen", "Prof", "Professor", "Rev", "Reverend", "Saint", "St", "Pope", "Archbishop",
                    "Bishop", "Cardinal", "Judge", "Justice", "General", "Colonel", "Major", "Captain", "Sergeant",
                    "Senator", "Governor", "Mayor", "Chancellor", "Commissioner", "Sheikh", "Emir", "Sultan"})) {
    return true;
  }
  return schema::is_role_noun(utf8::ascii_lowercase(word));
}

// A name that the article also writes as part of a longer one ("Institute"
// of "Institute for Fiscal Studies", "Cup" of "European Cup", "British
// Chambers" of "British Chambers of Commerce"): the recognizer cut it short
// somewhere, so the node may not be the entity meant. A person's name may
// follow a title, so only what comes after it counts for a PERSON.
// Whether `text` starts with a word that, after a hyphen, makes an adjective
// of the name before it ("based" of "London-based", "born" of "Scotland-born").
bool adjective_suffix(std::string_view text) {
  const std::string_view word = text.substr(0, text.find_first_not_of("abcdefghijklmnopqrstuvwxyz"));
  return one_of(word, {"based", "born", "led", "owned", "backed", "run", "made", "bred", "controlled", "funded",
                       "listed", "registered", "headquartered", "style", "era", "wide", "bound"});
}

// Whether `text` opens with a country's name of one or two words.
bool country_opens(std::string_view text) {
  const size_t first = text.find_first_of(" ,.;:'\"");
  if (lexicon::find_country(text.substr(0, first)) != nullptr) return true;
  if (first == std::string_view::npos || text[first] != ' ') return false;
  const size_t second = text.find_first_of(" ,.;:'\"", first + 1);
  return lexicon::find_country(text.substr(0, second)) != nullptr;
}

// The word of `text` that ends at byte `end` (spaces end words), and
// whether it opens a sentence (nothing or a sentence's last mark before it).
struct WordBefore {
  std::string_view word;
  bool opens_sentence = false;
};
WordBefore word_before(std::string_view text, size_t end) {
  size_t start = end;
  while (start > 0 && !std::isspace(static_cast<unsigned char>(text[start - 1]))) --start;
  size_t k = start;
  while (k > 0 && text[k - 1] == ' ') --k;
  return {text.substr(start, end - start), k == 0 || one_of(text.substr(k - 1, 1), {".", "!", "?", "\n", ":", "\""})};
}

bool fragment_of_longer_name(std::string_view text, std::string_view name, store::EntityType type) {
  if (name.empty()) return false;
  // "the Olympics" is a name of its own beside "the Sydney Olympics", one
  // of its editions, not that name cut short.
  if (name == "Olympics") return false;
  auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t at = text.find(name); at != std::string_view::npos; at = text.find(name, at + 1)) {
    const size_t end = at + name.size();
    if ((at > 0 && word_char(text[at - 1])) || (end < text.size() && word_char(text[end]))) continue;
    // After: "-Sloss", " of Commerce", " for Fiscal Studies". (A capitalised
    // word after a name is mostly the name used as a modifier: "BBC News",
    // "Labour MPs".)
    std::string_view after = text.substr(end);
    // ("London-based", "Scotland-born": these suffixes make an adjective of
    // the name, not a longer name; "Chong-gyu" is one.)
    if (after.starts_with("-") && after.size() > 1 && std::isalpha(static_cast<unsigned char>(after[1])) &&
        !adjective_suffix(after.substr(1))) {
      return true;
    }
    if (after.starts_with(" ")) {
      after.remove_prefix(1);
      // A one-word person or other name before a capitalised word is its
      // first part ("Maury" of "Maury Harris", "Kanye" of "Kanye West").
      const bool one_word = name.find(' ') == std::string_view::npos;
      if (one_word && (type == store::EntityType::kPerson || type == store::EntityType::kMisc) &&
          capitalised(after) && !after.starts_with("I ")) {
        return true;
      }
      // (A person's "of" a country is an office's: "President Musharraf of
      // Pakistan", "King Abdullah of Jordan"; "Shaun of the Dead" is a film.)
      for (std::string_view joint : {"of ", "for ", "de "}) {
        if (!after.starts_with(joint) || after.size() <= joint.size() || !capitalised(after.substr(joint.size()))) {
          continue;
        }
        if (type == store::EntityType::kPerson && joint == "of " && country_opens(after.substr(joint.size()))) continue;
        return true;
      }
      // A one-word show or work before "with" and a name is its first word ("Breakfast with Frost").
      if (one_word && type == store::EntityType::kMisc && after.starts_with("with ") && after.size() > 5 &&
          capitalised(after.substr(5))) {
        return true;
      }
    }
    // ... and the one-word name after it its last ("Frost" of "BBC One's
    // Breakfast with Frost"), as a work's after "<Capitalised> of the"
    // ("Christ" of "Passion of the Christ"): a capitalised word before
    // "with" or "of the", not opening the sentence.
    const bool after_with = at >= 6 && text.substr(at - 6, 6) == " with ";
    const bool after_of_the = at >= 8 && text.substr(at - 8, 8) == " of the " &&
                              (type == store::EntityType::kMisc || type == store::EntityType::kPerson);
    if (name.find(' ') == std::string_view::npos && (after_with || after_of_the)) {
      const WordBefore title = word_before(text, at - (after_with ? 6 : 8));
      if (!title.word.empty() && capitalised(title.word) && !title.opens_sentence) return true;
    }
    if (at < 2 || text[at - 1] != ' ') continue;
    // Before: "European Cup", "Small Island", "Screen Actors Guild Awards";
    // a capitalised word that opens a sentence or is a function word is no part.
    const WordBefore before = word_before(text, at - 1);
    const std::string_view prev = before.word;
    const bool sentence_start = before.opens_sentence;
    const size_t hyphen = prev.rfind('-');
    // A possessor owns the name after it ("Edinburgh's Napier University"),
    // unless it is a common word the name begins with ("Women's Tennis
    // Association", "European People's Party", "Do They Know It's Christmas").
    const bool owner = (prev.ends_with("'s") || prev.ends_with("\u2019s")) &&
                       !one_of(prev.substr(0, prev.size() - (prev.ends_with("'s") ? 2 : 4)),
                               {"Women", "Men", "People", "Children", "It", "Girls", "Boys", "Mother", "Father",
                                "Workers", "Farmers", "Veterans", "Lloyd", "Sotheby", "Christie", "Valentine",
                                "Queen", "King", "St", "Young", "World"});
    const bool adjective = (hyphen != std::string_view::npos && adjective_suffix(prev.substr(hyphen + 1))) || owner;
    if (!prev.empty() && capitalised(prev) && std::isalpha(static_cast<unsigned char>(prev.back())) && !sentence_start &&
        !adjective &&
        !one_of(prev, {"The", "A", "An", "In", "At", "On", "For", "But", "And"}) &&
        !(type == store::EntityType::kPerson && (title_word(prev) || lexicon::is_nationality_word(prev)))) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool name_fits_graph(std::string_view text, std::string_view name, store::EntityType type) {
  if (fragment_of_longer_name(text, name, type)) return false;
  // "Ex-BBC chat show host": a name with "ex-" before it says what someone was.
  if (name.starts_with("Ex-") || name.starts_with("ex-")) return false;
  // A nationality is a description of someone, not a name ("the 24-year-old
  // Swiss", "the Welshman hammering the ball into the net").
  // (A people or a party is a name: "Democrats", "Britons".)
  if (one_of(name, {"Welshman", "Frenchman", "Irishman", "Englishman", "Dutchman", "Welshwoman", "Frenchwoman",
                    "Irishwoman", "Englishwoman", "Dutchwoman", "Swiss", "Argentine", "Briton", "Spaniard", "Swede",
                    "Dane", "Scot", "Kiwi", "Aussie"})) {
    return false;
  }
  // The head word of a body's or an event's name alone is no name: what is
  // left of one cut short ("Championship" of "2000 European Championship",
  // "Committee" of "Committee to Protect Bloggers").
  static constexpr std::string_view kGenericHeads[] = {
      "Championship", "Championships", "Cup", "Open", "Games", "Prix", "Awards", "Trophy", "Series", "Festival",
      "Tournament", "Committee", "Council", "Commission", "Office", "Department", "Ministry", "Agency", "Association",
      "Federation", "Institute", "Academy", "Exchange", "Bank", "League", "Union", "Society", "Board", "Group",
      "Company", "Party", "Court", "Service", "University", "College",
      // and a field of work read as a name before its trade ("Film director Ken Loach")
      "Film", "Fashion", "Music", "Theatre", "Television", "Art", "Rock", "Pop", "Jazz"};
  if (std::find(std::begin(kGenericHeads), std::end(kGenericHeads), name) != std::end(kGenericHeads)) return false;
  // A date is a time, not a name ("the 17 April race", "the 27 February
  // match"): every word a number or a month or weekday, and a number beside
  // a month that is also a given name ("April", "May" alone may be people).
  bool calendar = !name.empty(), number = false, given_name = false;
  for (size_t at = 0; calendar && at < name.size();) {
    const size_t space = std::min(name.find(' ', at), name.size());
    const std::string_view word = name.substr(at, space - at);
    const bool digits =
        !word.empty() && std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
    number = number || digits;
    given_name = given_name || (!digits && !lexicon::is_calendar_word(word, /*given_names=*/false));
    calendar = digits || lexicon::is_calendar_word(word);
    at = space + 1;
  }
  if (calendar && (number || !given_name)) return false;
  // A sum or a share is a value, not a name ("Xstrata's bid of A$6.35").
  for (std::string_view mark : {"$", "\u00a3", "\u20ac", "\u00a5", "%"}) {
    if (name.find(mark) != std::string_view::npos) return false;
  }
  // A possessive inside a person's name is two names run together
  // ("Intelligence Unit's Mr Hensel"; a place may have one: "St Enoch's
  // Shopping Centre").
  if (type == store::EntityType::kPerson &&
      (name.find("'s ") != std::string_view::npos || name.find("\u2019s ") != std::string_view::npos)) {
    return false;
  }
  // A name run on into the sentence ("Park on Wednesday", "Office of
  // Management and Budget under President Clinton").
  size_t begin = 0;
  while (begin < name.size()) {
    size_t end = name.find(' ', begin);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view word = name.substr(begin, end - begin);
    if (!word.empty() && std::islower(static_cast<unsigned char>(word[0])) && !name_connector(word)) return false;
    if (begin > 0 && lexicon::is_weekday(word)) {
      return false;
    }
    begin = end + 1;
  }
  return true;
}

namespace {

// Whether the relation names its object as the owner of the verb's object
// noun: "backed Brown's report" as "back report of" · Brown (the record
// builder's reading of a name inside a common-noun object).
bool names_owner(const extract::Proposition& p, const extract::GraphTriple& t) {
  return std::any_of(p.arguments.begin(), p.arguments.end(), [&](const extract::Argument& a) {
    return &a != t.object && a.role == extract::ArgumentRole::kObject && !a.is_clause && !a.head_lemma.empty() &&
           t.relation.ends_with(" " + a.head_lemma + " of");
  });
}

// Checks on the words around a relation's object that show it is not what
// the relation is about (see relation_holds).
bool object_clause_ok(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  using extract::Construction;
  const uint32_t object = t.object->head;
  if (p.predicate >= words.size() || object >= words.size()) return true;
  const std::string_view verb = std::string_view(t.relation).substr(0, t.relation.find(' '));
  // "Turkey, which occupies northern Cyprus": a part of the place, not the place.
  // (Written in lower case: "Northern Ireland" is a place of its own.)
  for (uint32_t i = 0; i < object; ++i) {
    if (words[i].head == static_cast<int32_t>(object) && words[i].deprel == "amod" && !capitalised(words[i].form) &&
        one_of(words[i].form, {"northern", "southern", "eastern", "western", "central", "north", "south", "east",
                               "west", "north-east", "north-west", "south-east", "south-west", "mainland"})) {
      return false;
    }
  }
  // A name with an adverb of its own is a verb's place the parser gave to
  // the name ("pledged to \"never, ever\" attack Tory leader Michael Howard").
  if (t.object->is_name && !child_lemma(words, object, "advmod", {"never", "not", "ever", "always", "also"}).empty()) {
    return false;
  }
  // "won best TV comedy drama, over Jonathan Creek and Shameless": a conjunct
  // after one with a preposition of its own belongs to that preposition.
  if (words[object].deprel == "conj" && words[object].head >= 0) {
    const auto first = static_cast<uint32_t>(words[object].head);
    for (uint32_t i = first + 1; i < object; ++i) {
      if (words[i].head != static_cast<int32_t>(first) || words[i].deprel != "conj") continue;
      for (uint32_t k = first + 1; k < i; ++k) {
        if (words[k].head == static_cast<int32_t>(i) && base_rel(words[k].deprel) == "case" &&
            words[k].upos == nlp::UPos::ADP) {
          return false;
        }
      }
    }
  }
  // "won the 200m title at the 2000 Sydney Games and Thanou, 30, who won
  // ...": a name conjoined to an event's name after a preposition, itself
  // no event, is a coordination misread (the name opens another subject),
  // not a second object of the preposition.
  if (words[object].deprel == "conj" && words[object].head >= 0 && words[object].upos == nlp::UPos::PROPN &&
      !lexicon::ends_event_name(words[object].form) &&
      lexicon::ends_event_name(words[static_cast<uint32_t>(words[object].head)].form) &&
      t.object->role == extract::ArgumentRole::kOblique) {
    return false;
  }
  // The end of the object's name: a finite verb straight after it has the
  // object for its subject ("owns Yugansk and Russia has said ...").
  uint32_t end = object + 1;
  while (end < words.size() && words[end].head == static_cast<int32_t>(object) &&
         one_of(base_rel(words[end].deprel), {"flat", "compound", "fixed"})) {
    ++end;
  }
  // (Only a direct object after its verb: a noun phrase's own object, "Ferguson's
  // conversation with Barry was followed", or an oblique, is followed by the clause's verb.)
  const bool direct_object = t.object->role == extract::ArgumentRole::kObject && object > p.predicate &&
                             (p.construction == Construction::kVerb || p.construction == Construction::kInheritedSubject);
  if (direct_object && end < words.size() && one_of(words[end].xpos, {"VBZ", "VBD", "VBP", "MD"}) &&
      (words[end].upos == nlp::UPos::AUX || words[end].upos == nlp::UPos::VERB) && t.relation.find(" to ") == std::string::npos) {
    return false;
  }
  // "for X to do" is a clause whose subject is X ("called for Deutsche Boerse
  // to hold a meeting", "looking for Wenger to stay").
  if (t.relation.ends_with(" for") && end + 1 < words.size() && words[end].form == "to" &&
      words[end + 1].upos == nlp::UPos::VERB) {
    return false;
  }
  // "with Manzanera joining the following year", "with Devine and Flack
  // seeing plenty of the ball": the oblique is a clause of its own.
  if (t.relation.ends_with(" with")) {
    uint32_t after = end;  // past the names conjoined to the object
    auto joins_names = [&](uint32_t i) {  // ", " or "and" with a name after it
      return one_of(words[i].form, {",", "and"}) && i + 1 < words.size() && words[i + 1].upos == nlp::UPos::PROPN;
    };
    while (after < words.size() && (words[after].upos == nlp::UPos::PROPN || joins_names(after))) ++after;
    if (after < words.size() && words[after].xpos == "VBG") return false;
  }
  // Verbs whose object needs what follows it: "portrayed Mr Sullivan as a
  // liar", "joined Victoria Wood in attacking ...", "spent World War II in
  // the United States". ("described X as" keeps its fact: a description is
  // news of its own.)
  if (one_of(verb, {"spend"}) && t.relation.find(' ') == std::string::npos) return false;
  const bool needs_as = one_of(verb, {"portray", "brand", "label", "depict", "regard", "view", "cast",
                                      "characterise", "characterize", "paint"});
  for (uint32_t i = end; i + 1 < words.size() && i <= end + 3; ++i) {
    if (needs_as && words[i].form == "as" && !t.relation.ends_with(" as")) return false;
    if (verb == "join" && words[i].form == "in" && words[i + 1].xpos == "VBG") return false;
  }
  // A folded noun that belongs to another name ("confessed Arsenal's deal
  // with Emirates", "branded Chelsea's complaint to Uefa"), unless that name
  // is the object.
  for (const extract::Argument& a : p.arguments) {
    if (names_owner(p, t)) break;
    if (&a == t.object || a.role != extract::ArgumentRole::kObject || a.head >= words.size()) continue;
    if (t.relation.find(" " + a.head_lemma + " ") == std::string::npos) continue;
    for (uint32_t i = 0; i < a.head; ++i) {
      if (words[i].head == static_cast<int32_t>(a.head) && words[i].deprel == "nmod:poss" &&
          words[i].upos == nlp::UPos::PROPN && i != t.subject->head) {
        return false;
      }
    }
  }
  // "suspended betting" read as "suspend to bet", "comes bundled with" as
  // "come to bundle with": a chain through a participle is no "to" chain.
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].deprel != "xcomp" || !child_lemma(words, i, "mark", {"to"}).empty()) continue;
    const std::string lemma = utf8::ascii_lowercase(words[i].lemma);
    if (t.relation.find(" to " + lemma) == std::string::npos) continue;
    const bool aspect = one_of(verb, {"begin", "start", "continue", "consider"});
    if (words[i].xpos == "VBN" || (words[i].xpos == "VBG" && !aspect)) return false;
  }
  return true;
}

// Whether the name around word `head` (its entity span, else the word) is
// followed by a possessive "'s".
bool possessor_name(Words words, uint32_t head) {
  if (head >= words.size()) return false;
  uint32_t last = head;
  while (last + 1 < words.size() && !words[last].ner.empty() && !nlp::ends_name(words[last])) ++last;
  return last + 1 < words.size() && words[last + 1].upos == nlp::UPos::PART &&
         (words[last + 1].form == "'s" || words[last + 1].form == "'");
}

// Whether the word at `predicate`, its subject or the noun it is a bare
// clause of has a copula; for a verb, the "verb" is then a noun of a
// nominal predicate, misread.
bool copula_inside_clause(Words words, uint32_t predicate) {
  if (!child_lemma(words, predicate, "cop", {"be"}).empty()) return true;
  bool own_subject = false;
  for (uint32_t i = 0; i < words.size(); ++i) {
    if (words[i].head != static_cast<int32_t>(predicate) || base_rel(words[i].deprel) != "nsubj") continue;
    own_subject = true;
    if (!child_lemma(words, i, "cop", {"be"}).empty()) return true;
  }
  // (Or, for a bare clause with no subject of its own, the noun it hangs on:
  // "was the Dreamworks hit Shrek 2" with "hit" a clause on "Dreamworks";
  // not "is the day after England play Italy".)
  const int32_t noun = words[predicate].head;
  return !own_subject && words[predicate].deprel == "acl" && noun >= 0 &&
         !child_lemma(words, static_cast<uint32_t>(noun), "cop", {"be"}).empty();
}

// After a quotation a verb of saying comes before its subject ("'That's just
// Kelly,' explains Cram", "'A literate population,' insisted Mr Sener"):
// the "object" after the verb is the speaker, and the quote's words no
// subject of the saying.
bool speaker_after_quote(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  if (p.predicate >= words.size() || t.object->head >= words.size() || t.object->head <= p.predicate) return false;
  int32_t before = static_cast<int32_t>(p.predicate) - 1;
  while (before >= 0 && words[static_cast<uint32_t>(before)].form == ",") --before;
  const bool after_quote =
      before >= 0 && one_of(words[static_cast<uint32_t>(before)].form, {"\"", "''", "\u201d", "'"});
  return after_quote && lexicon::is_reporting_verb(t.relation);
}

// "Columbia Pictures, owned by Sony", "Mutu, 25, sacked by Chelsea": a
// past participle with its agent hung on the subject's name, next to it
// (nothing but punctuation or an age between), the name written as a name.
// Not "known by": "John Sankus - known by his nickname Eriflleh" names him.
bool participle_on_name(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  const uint32_t verb = p.predicate, name = t.subject->head;
  if (verb >= words.size() || name >= verb || words[verb].deprel != "acl" || words[verb].xpos != "VBN" ||
      words[verb].head != static_cast<int32_t>(name) || !t.relation.ends_with(" by") || words[name].form.empty() ||
      !std::isupper(static_cast<unsigned char>(words[name].form[0]))) {
    return false;
  }
  const std::string lemma = utf8::ascii_lowercase(words[verb].lemma);
  if (lemma.find('-') != std::string::npos || one_of(lemma, {"know", "call", "name", "dub", "nickname"})) return false;
  for (uint32_t k = name + 1; k < verb; ++k) {
    const bool part_of_name =
        words[k].head == static_cast<int32_t>(name) && one_of(words[k].deprel, {"flat", "compound"});
    if (!part_of_name && words[k].upos != nlp::UPos::PUNCT && words[k].upos != nlp::UPos::NUM) return false;
  }
  return true;
}

// "a tribute to Ray Charles featuring Bonnie Raitt": a participle after a
// name inside a prepositional phrase on a noun says as often what the noun
// does; the parser's attachment to the name is no evidence. (After "with"
// the name is the participle's subject: "with election coordinator Alan
// Milburn accusing Mr Howard".)
bool participle_inside_modifier(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  if (p.predicate >= words.size() || t.subject == nullptr || t.subject->head >= words.size() ||
      words[p.predicate].deprel != "acl" || words[p.predicate].xpos != "VBG" ||
      words[p.predicate].head != static_cast<int32_t>(t.subject->head)) {
    return false;
  }
  const nlp::Word& name = words[t.subject->head];
  return base_rel(name.deprel) == "nmod" && name.head >= 0 &&
         words[static_cast<uint32_t>(name.head)].upos == nlp::UPos::NOUN &&
         !child_lemma(words, t.subject->head, "case", {"to", "of", "for", "from", "by", "on", "in", "at"}).empty();
}

// "called for Peter Hain to make a statement", "waited for Henry to score":
// after "for" the name is the subject of the infinitive that follows; what
// is called for is the deed.
bool called_for_to_act(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  if (!one_of(t.relation, {"call for", "wait for", "push for", "press for", "appeal for", "arrange for", "campaign for",
                           "lobby for", "plead for", "vote for", "ask for"}) ||
      p.predicate >= words.size() || t.object == nullptr || t.object->head >= words.size()) {
    return false;
  }
  for (uint32_t i = t.object->head + 1; i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(p.predicate) && one_of(base_rel(words[i].deprel), {"advcl", "xcomp"}) &&
        !child_lemma(words, i, "mark", {"to"}).empty()) {
      return true;
    }
  }
  return false;
}

// "Celtic brushed aside Clyde to secure their place" parsed with Clyde the
// subject of "to secure": an infinitive has a subject of its own only after
// "for" ("for the pair to score"); without it the "subject" is the
// governing verb's object, and the deed its subject's. Only as the
// complement of a verb with a subject of its own: "England are still to
// meet Italy", "Corbett, soon to reunite with Ronnie Barker" have none other.
bool misread_infinitive_subject(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  if (t.subject == nullptr || t.subject->head >= words.size() || p.predicate >= words.size() ||
      words[t.subject->head].head != static_cast<int32_t>(p.predicate) ||
      !words[t.subject->head].deprel.starts_with("nsubj") || child_lemma(words, p.predicate, "mark", {"to"}).empty() ||
      !child_lemma(words, p.predicate, "mark", {"for"}).empty() ||
      !child_lemma(words, t.subject->head, "case", {"for"}).empty() ||
      !one_of(base_rel(words[p.predicate].deprel), {"ccomp", "xcomp"}) || words[p.predicate].xpos != "VB" ||
      words[p.predicate].head < 0) {
    return false;
  }
  const auto governor = static_cast<uint32_t>(words[p.predicate].head);
  return words[governor].upos == nlp::UPos::VERB && utf8::ascii_lowercase(words[governor].lemma) != "be" &&
         has_subject(words, governor);
}

// "X and Y shared the awards for A and B respectively": two lists pair item
// by item, which the clause's arguments do not say. (One list with
// "respectively" is read right: "beat Travis and Idlewild into second and
// third place respectively". The parser may hang the subjects' list
// anywhere: a coordination before the verb is enough.)
bool lists_paired_respectively(Words words, const extract::Proposition& p, const extract::GraphTriple& t) {
  if (t.object == nullptr || t.object->head >= words.size() || p.predicate >= words.size()) return false;
  const uint32_t object = t.object->head;
  const bool conjoined =
      words[object].deprel == "conj" || std::any_of(words.begin(), words.end(), [&](const nlp::Word& w) {
        return w.head == static_cast<int32_t>(object) && w.deprel == "conj";
      });
  const bool list_before_verb = std::any_of(words.begin(), words.begin() + p.predicate,
                                            [](const nlp::Word& w) { return w.upos == nlp::UPos::CCONJ; });
  return conjoined && list_before_verb && std::any_of(words.begin(), words.end(), [](const nlp::Word& w) {
           return utf8::ascii_lowercase(w.form) == "respectively";
         });
}

// "Bernardo Gandulla left Boca Juniors": a person leaves an organisation.
// Anything else left is left in a state ("left Heinze on the ground", "left
// Wales trailing", "Holmes left Athens as the star"), and so is an
// organisation with what follows it ("left Mitsubishi Motors with underused
// capacity").
bool leaves_organisation(Words words, const extract::GraphTriple& t, store::EntityType subject_type,
                         store::EntityType object_type) {
  if (subject_type != store::EntityType::kPerson || object_type != store::EntityType::kOrg ||
      t.object->head >= words.size()) {
    return false;
  }
  uint32_t after = t.object->head + 1;
  while (after < words.size() && words[after].head == static_cast<int32_t>(t.object->head) &&
         one_of(words[after].deprel, {"flat", "compound"})) {
    ++after;
  }
  return after >= words.size() || (!one_of(utf8::ascii_lowercase(words[after].form),
                                           {"with", "behind", "on", "out", "trailing", "stranded", "as"}) &&
                                   words[after].xpos != "VBG");
}

// Whether a relation between two named entities is stated well enough to
// join the entity graph (see the file comment of fact_gate.h).
bool relation_holds(Words words, const extract::Proposition& p, const extract::GraphTriple& t,
                    store::EntityType subject_type, store::EntityType object_type, bool speaker_subject,
                    bool subject_named_here, bool object_named_here) {
  using extract::Construction;
  // "be"/"have" between two names come from lists, tables and coordinations;
  // a named object of bare "say" is the subject of the reported clause.
  // "head" between two names is a football header ("headed Celtic into the
  // lead"); light verbs need the complement the phrase leaves out ("put
  // Liverpool ahead", "volleyed Liverpool ahead", "let in a goal").
  if (light_verb(t.relation) ||
      one_of(t.relation, {"be", "have", "say", "follow by", "be followed by", "head", "let", "volley", "fire", "hand",
                          "turn", "see", "prompt", "let against",
                          // a named "object" of a verb of belief or disclosure is the subject of
                          // the clause it takes ("revealed Gallas will start")
                          "believe", "think", "reveal", "feel", "reckon", "suspect", "predict", "suggest"})) {
    return false;
  }
  {
    // A chain that ends in a light verb lost the complement that carries its
    // meaning ("vowed to put Africa at the top of his agenda", "combined to
    // put Hayes over"); hopes and wishes are no facts ("hopes to use the
    // Heineken Cup clash").
    const std::string_view last_word = std::string_view(t.relation).substr(t.relation.rfind(' ') + 1);
    const std::string_view first_word = std::string_view(t.relation).substr(0, t.relation.find(' '));
    if (t.relation.find(' ') != std::string::npos &&
        (light_verb(last_word) || last_word == "have")) {
      return false;
    }
    // ("hop": the lemmatizer's reading of "hoped")
    if (one_of(first_word, {"hope", "hop", "want", "wish", "expect", "dream", "fear", "long"})) return false;
    // "did well in France": "do" says nothing without its adverb or object.
    if (first_word == "do" && t.relation.find(' ') != std::string::npos) return false;
  }
  // "described Africa as a scar", "branded Blair a liar": a verb of naming
  // says nothing without what it names its object as.
  // (To name a person as something is to appoint him; to name a country
  // as something is to describe it.)
  const bool naming =
      one_of(t.relation, {"describe", "brand", "label", "dub", "call", "regard", "view", "consider", "portray"}) ||
      (t.relation == "name" && object_type != store::EntityType::kPerson);
  if (p.predicate < words.size() && naming) {
    for (uint32_t i = 0; i < words.size(); ++i) {
      if (words[i].head != static_cast<int32_t>(p.predicate)) continue;
      if (base_rel(words[i].deprel) == "xcomp" || !child_lemma(words, i, "case", {"as"}).empty() ||
          !child_lemma(words, i, "mark", {"as"}).empty()) {
        return false;
      }
    }
  }
  if (participle_inside_modifier(words, p, t) || called_for_to_act(words, p, t) ||
      misread_infinitive_subject(words, p, t) || lists_paired_respectively(words, p, t) ||
      (t.relation == "leave" && !leaves_organisation(words, t, subject_type, object_type))) {
    return false;
  }
  // "joins flanker Colin Charvis on the sidelines": joins him in being
  // injured, not his side.
  if (p.predicate < words.size() && t.relation == "join") {
    for (uint32_t i = p.predicate + 1; i < words.size(); ++i) {
      // (The parser may hang "on the sidelines" on the object.)
      if (one_of(utf8::ascii_lowercase(words[i].lemma), {"sideline", "sidelines", "bench", "list", "table"}) &&
          !child_lemma(words, i, "case", {"on"}).empty()) {
        return false;
      }
    }
  }
  // "Everasia is reported by Reuters to have won a contract": what is
  // reported is the clause; Reuters reported no Everasia.
  if (p.predicate < words.size() && p.construction == Construction::kPassive &&
      one_of(utf8::ascii_lowercase(words[p.predicate].lemma),
             {"report", "say", "believe", "understand", "expect", "think", "rumour", "consider", "know"})) {
    for (uint32_t i = p.predicate + 1; i < words.size(); ++i) {
      // (The parser labels the clause xcomp or advcl.)
      if (words[i].head == static_cast<int32_t>(p.predicate) && one_of(base_rel(words[i].deprel), {"xcomp", "advcl"}) &&
          !child_lemma(words, i, "mark", {"to"}).empty()) {
        return false;
      }
    }
  }
  // A copula on the verb or its subject says the verb is a noun the tagger
  // took for one ("was the Dreamworks hit Shrek 2": no one hit Shrek).
  if (p.predicate < words.size() && words[p.predicate].upos == nlp::UPos::VERB &&
      copula_inside_clause(words, p.predicate)) {
    return false;
  }
  // A named object followed by "'s" owns the real object, which the parser
  // hung elsewhere ("won the Writers Guild of America's award": the award
  // was won); a relation ending in "of" already says so.
  if (t.object && !t.relation.ends_with(" of") && p.construction != Construction::kPossessive &&
      possessor_name(words, t.object->head)) {
    return false;
  }
  // An infinitive standing alone is an aim, not an event ("campaigning hard
  // ... to stop the Tories"): its governing verb is not in the relation.
  // ("to take Britain forward and to stop the Tories": also the second of two.)
  if (p.predicate < words.size() && !child_lemma(words, p.predicate, "mark", {"to"}).empty()) {
    uint32_t first = p.predicate;
    while (words[first].deprel == "conj" && words[first].head >= 0 &&
           !child_lemma(words, static_cast<uint32_t>(words[first].head), "mark", {"to"}).empty()) {
      first = static_cast<uint32_t>(words[first].head);
    }
    if (one_of(base_rel(words[first].deprel), {"advcl", "xcomp", "acl"}) && words[first].head >= 0) {
      const std::string governor = utf8::ascii_lowercase(words[static_cast<uint32_t>(words[first].head)].lemma);
      if (!t.relation.starts_with(governor + " ")) return false;
    }
  }
  // "Alan White's header off the line" read as "head off"; a French
  // preposition inside a name read as a verb ("Television Numerique pour Tous").
  if (t.relation.starts_with("head ") || one_of(t.relation, {"pour", "de", "des", "la", "le", "del", "du"})) return false;
  // A one-letter "verb" is a word the lemmatizer cut down ("Sale wing Mark
  // Cueto" with "wing" read as a verb, lemma "w").
  if (t.relation.size() == 1 || t.relation[1] == ' ') return false;
  // "wants Roddick ... to play", "denied Mr Yeo said ...": a lone verb whose
  // named object is the subject of the clause after it says nothing about
  // the object (verbs that act on their object, "urge", "ask", are read by
  // chain_object_verb).
  if (t.relation.find(' ') == std::string::npos && p.predicate < words.size() && t.object->head < words.size()) {
    for (uint32_t i = t.object->head + 1; i < words.size(); ++i) {
      if (words[i].head != static_cast<int32_t>(p.predicate)) continue;
      // An infinitive ("to play") or a clause without a subject of its own ("said ...").
      // (The second only after verbs of saying and knowing, whose named
      // object is nearly always a misread subject.)
      // ("denied Mr Yeo, his spokesman, said the plans stink": a verb of
      // saying joined without "and" is such a clause too.)
      const bool unjoined_saying = base_rel(words[i].deprel) == "conj" && !has_subject(words, i) &&
                                   child_lemma(words, i, "cc", {"and", "but", "or"}).empty() &&
                                   lexicon::is_reporting_verb(utf8::ascii_lowercase(words[i].lemma));
      const bool subjectless =
          (base_rel(words[i].deprel) == "xcomp" && !child_lemma(words, i, "mark", {"to"}).empty()) ||
          ((base_rel(words[i].deprel) == "ccomp" || unjoined_saying) && !has_subject(words, i) &&
           one_of(t.relation, {"deny", "claim", "admit", "insist", "suggest", "believe", "think", "reveal", "confirm",
                               "argue", "know", "hope", "fear", "expect", "predict", "announce", "add", "reckon"}));
      // (Verbs whose object takes a predicate, "named him captain", keep it.)
      if (subjectless && !object_control_verb(t.relation) &&
          !one_of(t.relation, {"name", "make", "elect", "call", "consider", "see"})) {
        return false;
      }
    }
  }
  if (p.predicate < words.size() && t.object->head < words.size() && t.object->role == extract::ArgumentRole::kObject &&
      p.construction != Construction::kNominalization) {
    const uint32_t object = t.object->head;
    // A direct object with a preposition of its own lost it from the relation
    // ("has recorded his in New York" read as "record" · New York).
    for (uint32_t i = 0; i < object; ++i) {
      if (words[i].head == static_cast<int32_t>(object) && base_rel(words[i].deprel) == "case" &&
          words[i].upos == nlp::UPos::ADP && !(i > 0 && words[i - 1].form == "-")) {  // "stand-in flankers"
        return false;
      }
    }
    // A subject after the object is the subject of a clause the parser
    // flattened ("Corry insists England are in the right frame of mind").
    for (uint32_t i = object + 1; i < words.size(); ++i) {
      if (words[i].head == static_cast<int32_t>(p.predicate) && base_rel(words[i].deprel) == "nsubj") return false;
    }
    if (speaker_after_quote(words, p, t)) return false;
  }
  if (!object_clause_ok(words, p, t)) return false;
  // "pushed Japan off the top", "ruled Davenport ... out of": these verbs
  // mean little without the direction after their object.
  if (one_of(t.relation, {"push", "rule", "knock", "drive", "consign"}) && t.object->head < words.size()) {
    for (uint32_t i = t.object->head + 1; i < words.size() && i <= t.object->head + 8; ++i) {
      if (one_of(words[i].form, {"off", "out", "into", "onto", "ahead", "up", "down", "back", "clear", "to"})) return false;
    }
  }
  // A passive with a named object and no "by" lost its agent's preposition
  // ("will be played Sandra Pires").
  if (t.relation.starts_with("be ") && t.relation.find(' ', 3) == std::string::npos) return false;
  // Two prepositions in a row ("be arrested by at") or an object that is the
  // subject of an infinitive ("called for Deutsche Boerse to hold ...").
  {
    const size_t last_space = t.relation.rfind(' ');
    const size_t prev_space = last_space == std::string::npos ? std::string::npos : t.relation.rfind(' ', last_space - 1);
    const std::string_view last = std::string_view(t.relation).substr(last_space + 1);
    const std::string_view prev = last_space == std::string::npos ? std::string_view()
                                  : std::string_view(t.relation).substr(prev_space + 1, last_space - prev_space - 1);
    auto preposition = [](std::string_view w) {
      return one_of(w, {"by", "at", "in", "on", "of", "for", "to", "with", "from", "into", "against", "over"});
    };
    if (!prev.empty() && preposition(last) && preposition(prev)) return false;
  }
  // A bare base form after a singular name, with no auxiliary, is a noun the
  // tagger read as a verb ("American Olympic star Justin Gatlin", "Bollywood
  // sweetheart Aishwarya Rai"): a verb there would end in -s.
  // (Only for words that are nouns far more often: British English puts a
  // bare plural verb after a team, "Chelsea face Barcelona".)
  const std::string predicate_lemma = p.predicate < words.size() ? utf8::ascii_lowercase(words[p.predicate].lemma) : "";
  const bool noun_like = schema::is_role_noun(predicate_lemma) ||
                         one_of(predicate_lemma, {"star", "hit", "favourite", "sweetheart", "legend", "hopeful", "icon",
                                                  "rival", "veteran", "great", "communication", "single", "classic",
                                                  "artist", "photographer", "winner", "champion", "boss"});
  // ("Hollywood stars Richard Gere", "communications chief Alastair
  // Campbell": any tag, when the word runs straight on from the name.)
  if (noun_like && t.subject->head < words.size() &&
      (words[t.subject->head].xpos.starts_with("NNP") || words[t.subject->head].upos == nlp::UPos::PROPN) &&
      t.subject->head + 1 == p.predicate &&
      child_lemma(words, p.predicate, "aux", {"do", "will", "would", "can", "could", "may", "might", "must", "shall",
                                              "should", "to"}).empty()) {
    return false;
  }
  // "pledged to never attack Michael Howard" read as "pledge to" · Howard:
  // a chain cut before its verb.
  if (t.relation.ends_with(" to")) {
    for (uint32_t i = 0; i < words.size(); ++i) {
      if (words[i].head == static_cast<int32_t>(p.predicate) && words[i].deprel == "xcomp") return false;
    }
  }
  for (uint32_t i = 0; t.object->head < words.size() && i < words.size(); ++i) {
    if (words[i].head == static_cast<int32_t>(t.object->head) && one_of(base_rel(words[i].deprel), {"acl", "xcomp"}) &&
        !child_lemma(words, i, "mark", {"to"}).empty()) {
      return false;
    }
  }
  if (p.construction == Construction::kApposition || p.construction == Construction::kPossessive ||
      p.construction == Construction::kNounModifier) {
    return false;
  }
  const bool subject_described = subject_named_here || described_entity(words, *t.subject, subject_type);
  const bool object_described = object_named_here || described_entity(words, *t.object, object_type);
  if (!(t.subject->is_name || subject_described || speaker_subject) ||
      !(t.object->is_name || object_described) || t.object->is_pronoun) {
    return false;
  }
  if (!(subject_described || usable_name(words, *t.subject, subject_type, true, speaker_subject)) ||
      !(object_described || usable_name(words, *t.object, object_type, true))) {
    return false;
  }
  if (far_descriptor(words, t.subject->head) || far_descriptor(words, t.object->head)) return false;
  // A possessor is not the thing possessed ("hailed Mel Gibson's biblical
  // epic", "broke Michelle Carroll's record", "Gus Van Sant's Finding
  // Forrester, starring Sean Connery"): the parser made the owner the
  // argument. (A nominalization's possessor is its agent: "Seifert's
  // negotiations with the LSE".)
  if ((possessor(words, t.object->head) && !names_owner(p, t)) ||
      (p.construction != Construction::kNominalization && possessor(words, t.subject->head))) {
    return false;
  }
  if ((t.subject->is_name && !subject_described && truncated_name(words, *t.subject, subject_type)) ||
      (!object_described && truncated_name(words, *t.object, object_type))) {
    return false;
  }
  if (list_sentence(words, p.predicate)) return false;
  // A relation that is what someone is ("Tom Meighan · bassist · Chris
  // Edwards", a list the parser read as a clause) states no relation.
  // (Not an occupation that is also a verb: "will star", "captained".)
  if (const std::string first = t.relation.substr(0, t.relation.find(' '));
      first == t.relation && lexicon::person_descriptor(first) && first != "star") {
    return false;
  }
  // A time is no relation: "speaking before the UK joins ..." read as
  // "speak before" · UK.
  if (const size_t last = t.relation.rfind(' ');
      last != std::string::npos &&
      one_of(std::string_view(t.relation).substr(last + 1), {"before", "after", "until", "since", "during"})) {
    return false;
  }
  // "scored twice as Manchester United beat Aston Villa": an "as" before a
  // clause whose subject the parser took for the oblique.
  if (t.relation.ends_with(" as") && t.object->span.end < words.size() &&
      (words[t.object->span.end].upos == nlp::UPos::VERB || words[t.object->span.end].upos == nlp::UPos::AUX ||
       (t.object->span.end + 1 < words.size() && words[t.object->span.end + 1].upos == nlp::UPos::VERB))) {
    return false;
  }
  // A passive needs its "be": "has worked with" read with a passive subject
  // is an active verb whose subject the parser took from another clause
  // ("coached Ivan Lendl ... and has worked with Lleyton Hewitt").
  if (p.construction == Construction::kPassive && p.predicate < words.size() &&
      child_lemma(words, p.predicate, "aux", {"be", "get"}).empty() &&
      !child_lemma(words, p.predicate, "aux", {"have"}).empty()) {
    return false;
  }
  // A verb's own subject must be its subject in the tree ("Stops in
  // Shrewsbury ... and west London are planned" has no subject London).
  // (Nor a participle on the subject's name with its agent: "Columbia
  // Pictures, owned by Sony", which the record builder turns active.)
  const bool participle_on_subject = participle_on_name(words, p, t);
  // (A passive verb conjoined to the subject's own verb, with no subject of
  // its own, shares it: "finished second ... and was edged out in X".)
  const bool passive_conjunct =
      p.construction == Construction::kPassive && p.predicate < words.size() && words[p.predicate].deprel == "conj" &&
      words[p.predicate].head >= 0 && !child_lemma(words, p.predicate, "aux", {"be", "get"}).empty() &&
      !has_subject(words, p.predicate) &&
      one_of(attachment(words, t.subject->head, static_cast<uint32_t>(words[p.predicate].head)),
             {"nsubj", "nsubj:pass"});
  if ((p.construction == Construction::kVerb || p.construction == Construction::kPassive) && !t.subject->is_pronoun &&
      !participle_on_subject && !passive_conjunct &&
      !one_of(attachment(words, t.subject->head, p.predicate), {"nsubj", "nsubj:pass", "csubj", "obl:agent"})) {
    return false;
  }
  // A verbal construction whose predicate is no verb is a noun phrase the
  // parser read as a clause ("United Nations' Economic Commission for Latin
  // America", "Oscar hopefuls The Aviator ...").
  if (p.construction != Construction::kNominalization && p.predicate < words.size() &&
      (words[p.predicate].upos != nlp::UPos::VERB ||
       one_of(base_rel(words[p.predicate].deprel), {"amod", "compound", "flat", "fixed", "det", "case"}))) {
    return false;  // also a participle modifying a noun ("managing director")
  }
  if (p.construction != Construction::kNominalization && noun_dependents(words, p.predicate)) return false;
  // An oblique that belongs to a noun, not the verb: few verbs take "of"
  // ("continue of"), and "say" takes no place or role ("say for").
  const std::string_view last = std::string_view(t.relation).substr(t.relation.rfind(' ') + 1);
  const std::string_view verb = std::string_view(t.relation).substr(0, t.relation.find(' '));
  if (t.relation.find(' ') != std::string::npos) {
    // (Unless the noun before it is the verb's object: "backed Brown's
    // report" as "back report of" · Brown, "approved the takeover of Abbey".)
    if (last == "of" && !names_owner(p, t) && !one_of(verb, {"accuse", "consist", "think", "hear", "die", "approve", "convict", "warn",
                                       "inform", "rob", "deprive", "clear", "remind", "speak", "strip", "dispose"})) {
      return false;
    }
    if (verb == "say" && t.relation != "say to") return false;
    // Prepositions that attribute, concede or give examples state no relation.
    for (std::string_view p : {" according to", " such as", " despite", " including", " like", " unlike"}) {
      if (t.relation.ends_with(p)) return false;
    }
  }
  // One of alternatives ("will play Patience or Schuettler") is no fact.
  if (one_of_alternatives(words, t.object->head) || one_of_alternatives(words, t.subject->head)) return false;
  // A common-noun object folded into the relation so that an oblique name can
  // be the object ("acclaim player in FA Cup", "miss game with Italy") is
  // right about a third of the time: the noun's phrase is a statement, not a
  // relation between the two names.
  // Relational nouns are the exception: a deal, talks or a stake carry the
  // relation to the oblique ("sign accord with Samuel Mwangi", "hold talks
  // with", "own 8% of Google").
  for (const extract::Argument& a : p.arguments) {
    // (Nothing is folded into a relation read beside the clause's object.)
    if (t.beside_object) break;
    if (&a == t.object || a.role != extract::ArgumentRole::kObject || a.is_clause || a.node.empty()) continue;
    // ("was born Lilian Alicia Marks in London": the name one was born with is
    // no thing folded, nor is a score: "drew 1-1 with Bolton".)
    if (t.relation == "be born in") continue;
    // (One score only: a sentence of set scores, "beat Johansson 6-4 6-2 but
    // Youzhny lost 6-3 7-6 (7-3) to Nadal", is beyond the parser.)
    if (extract::is_number_or_score(a.head_lemma) && scores_in(words) == 1 &&
        t.relation.find(" " + a.head_lemma + " ") == std::string::npos) {
      continue;
    }
    // "offer choice to" · Putin: the thing given to a named receiver, when
    // the parse has the receiver as the verb's own indirect object.
    if (t.object->role == extract::ArgumentRole::kObject && t.relation.ends_with(" to") &&
        t.relation.find(" " + a.head_lemma + " to") != std::string::npos && t.object->head < words.size() &&
        one_of(words[t.object->head].deprel, {"iobj", "obj"}) &&
        words[t.object->head].head == static_cast<int32_t>(p.predicate) && a.head < words.size() &&
        words[a.head].deprel == "obj" && words[a.head].head == static_cast<int32_t>(p.predicate) &&
        a.head != t.object->head + 1) {  // "told Labour members": a compound the parser split
      continue;
    }
    // A one-verb relation folds nothing of another verb's ("urge" · Congress, "to take action").
    if (t.relation.find(' ') == std::string::npos && a.head < words.size() && t.object->head < words.size() &&
        words[a.head].head != words[t.object->head].head) {
      continue;
    }
    // "conceded any deal for Ferguson was looking unlikely": a finite clause
    // on the folded noun, with no relative word, makes it that clause's
    // subject, which the verb reports; no deal was conceded.
    if (a.head < words.size() && std::any_of(words.begin(), words.end(), [&](const nlp::Word& w) {
          if (w.head != static_cast<int32_t>(a.head) || w.deprel != "acl") return false;
          // (With no subject or subordinator of its own: "captain of England
          // since Fred Stokes held the position" is a clause of time.)
          const auto clause = static_cast<uint32_t>(&w - words.data());
          const bool finite = one_of(w.xpos, {"VBD", "VBZ", "VBP"}) ||
                              !child_lemma(words, clause, "aux", {"be", "have", "will", "would"}).empty();
          const bool marked = std::any_of(words.begin(), words.end(), [&](const nlp::Word& m) {
            return m.head == static_cast<int32_t>(clause) && base_rel(m.deprel) == "mark";
          });
          return finite && !marked && !has_subject(words, clause);
        })) {
      return false;
    }
    const bool relational = one_of(
        a.head_lemma,
        {"stake", "majority", "deal", "accord", "agreement", "contract", "pact", "treaty", "talk", "talks",
         "partnership", "alliance", "bid", "offer", "meeting", "lawsuit", "case", "charge",
         // events done to the oblique: "heaped praise on Italy"
         "praise", "tribute", "attack", "support", "criticism", "apology", "warning", "threat", "complaint", "visit",
         // what is won at an event: "won a medal at the European Indoors"
         "medal", "gold", "silver", "bronze", "title", "prize", "trophy",
         // scores made for or against a side: "set up tries for Geordan Murphy"
         "try", "goal", "hat-trick",
         // results, debuts, awards and inquiries: "record a win over France",
         // "make his debut against Wales", "win an award for Little Britain",
         // "begin an investigation into DOD"
         "win", "victory", "defeat", "debut", "award", "scholarship", "friendly", "investigation", "inquiry", "probe",
         // rivals for a prize, and where one meets or operates: "face
         // competition from Jamie Foxx", "hold a conference in Kiev"
         "competition", "conference", "presence",
         // where and for whom one speaks, plays or performs: "made a speech
         // at the Conservative Party Conference", "made his first appearance
         // for Chelsea", "gave an interview to GMTV"
         "speech", "address", "appearance", "performance", "concert", "show", "gig", "tour", "interview",
         // talks, quarrels and contests with the oblique: "held merger
         // discussions with MCI", "reopened his dispute with Craig Bellamy",
         // "endured an epic battle with Radcliffe", "suffered a shock loss
         // to Kiefer", "sang a duet with Marc Anthony"
         "discussion", "dispute", "feud", "row", "battle", "clash", "loss", "duet", "relationship",
         // gifts to a party: "made a donation to Labour"
         "donation",
         // business done with the oblique: "agreed a draft proposal with the
         // IMF", "completed its merger with Sprint", "formed a joint venture
         // with Sony", "reached a settlement with the SEC"
         "proposal", "merger", "takeover", "venture", "settlement", "sponsorship", "loan"});
    // Nouns that carry the relation with one preposition only: "rejected a
    // move to Southampton", "sealed his switch to Manchester City" (a "move
    // for" names the player wanted), "turned down an approach from Roger
    // Federer", "took action against NBC".
    const bool directed =
        (one_of(a.head_lemma, {"move", "switch", "transfer"}) && t.relation.ends_with(" to")) ||
        // ("made a surprise trip to Iraq"; "admitted their trip to Stamford
        // Bridge was the toughest draw" reports a clause.)
        (one_of(a.head_lemma, {"trip", "journey"}) && t.relation.ends_with(" to") &&
         one_of(std::string_view(p.relation), {"make", "take", "plan", "face", "book", "operate", "begin"})) ||
        // ("scooped seven nominations at the British Independent Film Awards";
        // "with Meryl Streep also up for prizes" names a rival.)
        (a.head_lemma == "nomination" && (t.relation.ends_with(" for") || t.relation.ends_with(" at")) &&
         !std::string_view(p.relation).starts_with("follow")) ||
        // Nouns that carry a relation with some verbs only: "took part in the
        // London Marathon", "secured a place in the Scottish Cup", "lost his
        // place to Manuel Almunia", "topped the charts in Australia", "sold
        // the unit to Ford", "set up a factory in China".
        (a.head_lemma == "part" && one_of(std::string_view(p.relation), {"take", "play"})) ||
        (a.head_lemma == "place" &&
         one_of(std::string_view(p.relation), {"secure", "book", "earn", "clinch", "seal", "win", "lose"})) ||
        (a.head_lemma == "chart" && one_of(std::string_view(p.relation), {"top", "lead", "enter"})) ||
        (one_of(a.head_lemma, {"unit", "division", "arm", "subsidiary"}) &&
         one_of(std::string_view(p.relation), {"sell", "buy", "acquire"})) ||
        (one_of(a.head_lemma, {"factory", "plant", "office", "headquarters"}) &&
         one_of(std::string_view(p.relation), {"open", "build", "set up", "close", "set", "shut"})) ||
        (a.head_lemma == "approach" && (t.relation.ends_with(" to") || t.relation.ends_with(" from"))) ||
        (a.head_lemma == "action" && t.relation.ends_with(" against"));
    // A share only in ownership ("own 8% of"); "shed 2.1% in Europe" is a price.
    const bool owned_share = one_of(a.head_lemma, {"%", "percent", "share"}) &&
                             one_of(std::string_view(p.relation), {"own", "buy", "sell", "hold", "take", "acquire"});
    if (!relational && !directed && !owned_share && !names_owner(p, t)) return false;
  }
  // Chains through a passive or a relative word ("force to be divert",
  // "lose to be slip which") join two clauses with different subjects.
  if (t.relation.find(" to be ") != std::string::npos || t.relation.find(" which") != std::string::npos ||
      std::count(t.relation.begin(), t.relation.end(), ' ') >= 4) {
    return false;
  }
  // A relative clause whose antecedent is one item of a list ("X, Y and Z -
  // a list which leaves ...") has no single subject.
  // "Mourinho, whose Chelsea team meet Barcelona": the clause is about what
  // the antecedent has, not the antecedent.
  if (p.construction == Construction::kRelativeClause && p.predicate < words.size()) {
    for (uint32_t i = p.span.begin; i < p.predicate && i < words.size(); ++i) {
      if (utf8::ascii_lowercase(words[i].form) == "whose") return false;
    }
  }
  if (p.construction == Construction::kRelativeClause && t.subject->head < words.size() &&
      base_rel(words[t.subject->head].deprel) == "conj") {
    return false;
  }
  // A subject borrowed by an adverbial clause ("..., before taking the Cup")
  // or by a noun with no agent of its own ("Referring to the detentions in
  // Cuba, Tutu told ...") is a guess, not a statement.
  if (p.predicate < words.size()) {
    if (p.construction == Construction::kInheritedSubject && base_rel(words[p.predicate].deprel) == "advcl" &&
        !timed_participle_of_subject(words, p.predicate)) {
      return false;
    }
    // A nominalization's agent is its own ("Seifert's negotiations with the
    // LSE") or the explicit subject of the verb it modifies ("During testimony
    // to the committee, Nuland told ..."), never one borrowed twice.
    const uint32_t agent = t.subject->head;
    const int32_t governor = words[p.predicate].head;
    // ("At a meeting in Thailand, Chino said" is no meeting of Chino's.)
    // "In a speech at Napier University, he said", "In a letter to the
    // committee, she wrote": the speaker's own words.
    const bool own_words =
        !child_lemma(words, p.predicate, "case", {"in"}).empty() &&
        one_of(utf8::ascii_lowercase(words[p.predicate].lemma),
               {"speech", "interview", "letter", "statement", "address", "testimony", "message", "article"});
    const bool event_time =
        own_words ||
        !child_lemma(words, p.predicate, "case", {"during", "after", "before", "following", "since", "until"}).empty();
    // (An event no one does to another, "the arrival of US president George W
    // Bush", lends no agent: its "of" is its own subject.)
    if (p.construction == Construction::kNominalization && !has_child(words, p.predicate, agent) &&
        one_of(utf8::ascii_lowercase(words[p.predicate].lemma),
               {"arrival", "departure", "death", "resignation", "retirement", "return", "exit", "collapse"})) {
      return false;
    }
    if (p.construction == Construction::kNominalization && !has_child(words, p.predicate, agent) &&
        !(event_time && governor >= 0 && has_child(words, static_cast<uint32_t>(governor), agent) &&
          base_rel(words[agent].deprel) == "nsubj")) {
      return false;
    }
    // Only an event noun made from its verb reads as the act ("performance",
    // "negotiation", "testimony"): a noun that is the verb's own form names a
    // thing as often ("Rover's plant", "first single"), and a verb made from
    // the noun ("system" -> "systemise") is no nominalization at all.
    if (p.construction == Construction::kNominalization) {
      const std::string noun = utf8::ascii_lowercase(words[p.predicate].lemma);
      const std::string_view verb = std::string_view(t.relation).substr(0, t.relation.find(' '));
      // (Three letters: "speech" is made from "speak". A noun of the verb's
      // own form with a possessor and an "of" names the act: "Bertelsmann's
      // purchase of a stake", "Glazer's bid for United".)
      const bool own_form_act = noun == verb &&
                                one_of(noun, {"purchase", "sale", "bid", "takeover", "buyout", "rescue", "attack",
                                              "visit", "transfer", "return"}) &&
                                has_possessor(words, p.predicate);
      if (!own_form_act &&
          (noun.size() <= verb.size() || verb.size() < 4 || noun.compare(0, 3, verb.substr(0, 3)) != 0)) {
        return false;
      }
      // Nouns that name a thing more often than the act ("Milan's veteran
      // defence of Maldini and Stam", "Labour's spring conference", "England's
      // Six Nations opener"), and "accession" read as "access".
      if (one_of(noun, {"defence", "defense", "conference", "opener", "accession", "treatment"})) return false;
      // An act only expected or proposed has not happened ("Chelsea's expected
      // complaint to Uefa").
      if (!child_lemma(words, p.predicate, "amod", {"expect", "expected", "possible", "propose", "proposed", "plan",
                                                    "planned", "potential", "likely", "rumour", "rumoured", "allege",
                                                    "alleged", "prospective", "future"}).empty()) {
        return false;
      }
    }
    // In a chain "V1 to V2", an object before V2 is V1's ("had Ireland
    // pinned", "having Quinlan ... vying"): the phrase joins two clauses.
    for (uint32_t i = p.predicate + 1; i < words.size(); ++i) {
      // ("died in Bath aged 94": an age is no second verb.)
      if (words[i].head == static_cast<int32_t>(p.predicate) && words[i].deprel == "xcomp" &&
          utf8::ascii_lowercase(words[i].form) != "aged" && t.object->head > p.predicate && t.object->head < i &&
          t.relation.find(' ') != std::string::npos) {
        return false;
      }
    }
  }
  return true;
}

}  // namespace

// "owns 8% of Google", "sold its 20% share of": a share owned, bought or
// sold is a stake ("own stake in"); nullopt for any other phrase.
std::optional<std::string> share_as_stake(std::string_view relation) {
  const size_t first = relation.find(' ');
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view verb = relation.substr(0, first), rest = relation.substr(first + 1);
  if (!one_of(verb, {"own", "buy", "sell", "hold", "take", "acquire", "raise", "cut", "increase", "reduce"}) ||
      !one_of(rest, {"% of", "percent of", "share of", "% stake in", "stake of", "% in"})) {
    return std::nullopt;
  }
  return std::string(verb) + " stake in";
}

// The first verb of a chain relation ("urge to take", "want to encompass")
// whose object is that verb's own, with its open complement after the
// object ("urged Congress to take action", "wants the festival to encompass
// viewpoints"); "" when the triple is no such chain.
std::string chain_verb_of_object(Words words, const extract::GraphTriple& t) {
  const size_t to = t.relation.find(" to ");
  if (to == std::string::npos || t.object->head >= words.size() || !one_of(words[t.object->head].deprel, {"obj", "iobj"})) {
    return "";
  }
  const int32_t verb = words[t.object->head].head;
  if (verb < 0 || words[verb].upos != nlp::UPos::VERB) return "";
  std::string lemma = utf8::ascii_lowercase(words[verb].lemma);
  if (t.relation.compare(0, to, lemma) != 0) return "";
  for (uint32_t i = t.object->head + 1; i < words.size(); ++i) {
    if (words[i].head == verb && words[i].deprel == "xcomp") return lemma;
  }
  return "";
}

// "urged Congress to take action" read as "urge to take" · Congress: the
// object belongs to the first verb of the chain, whose lemma is then the
// whole relation ("urge" · Congress). nullopt when that is not the case.
std::optional<std::string> chain_object_verb(Words words, const extract::GraphTriple& t) {
  std::string lemma = chain_verb_of_object(words, t);
  // Only verbs that act on their object ("urge", "persuade"); "wanted
  // Britain to offer refuge" is about the offer, not about Britain.
  if (lemma.empty() || !object_control_verb(lemma)) return std::nullopt;
  return lemma;
}

// "came on for Raul" read as "come for": a particle just after the verb,
// which the parser took for an adverb, belongs to the relation ("come on
// for"). The relation unchanged when there is none.
std::string with_particle(Words words, const extract::Proposition& p, const std::string& relation) {
  const uint32_t next = p.predicate + 1;
  if (p.predicate >= words.size() || next >= words.size() || words[next].head != static_cast<int32_t>(p.predicate) ||
      words[next].deprel != "advmod" ||
      !one_of(words[next].form, {"on", "off", "out", "up", "down", "over", "away", "back", "in", "through", "alongside"})) {
    return relation;
  }
  // The verb as the relation writes it: its lemma, or "be" and its participle
  // for a passive ("was ruled out for the Six Nations": be ruled out for).
  std::string verb = utf8::ascii_lowercase(words[p.predicate].lemma);
  if (const std::string passive = "be " + utf8::ascii_lowercase(words[p.predicate].form);
      relation == passive || relation.starts_with(passive + " ")) {
    verb = passive;
  }
  if (!(relation == verb || relation.starts_with(verb + " "))) return relation;
  const std::string particle(words[next].form);
  if (relation.find(" " + particle) != std::string::npos) return relation;
  return verb + " " + particle + relation.substr(verb.size());
}

std::optional<std::string> gate_fact(const nlp::Document& doc, const extract::Proposition& p,
                                     const extract::GraphTriple& triple, const GateEntities& e) {
  extract::GraphTriple t = triple;
  if (std::optional<std::string> stake = share_as_stake(t.relation)) t.relation = std::move(*stake);
  const Words words = doc.words_of(doc.sentences.at(p.sentence));
  if (std::optional<std::string> verb = chain_object_verb(words, t)) {
    t.relation = std::move(*verb);
  } else if (!chain_verb_of_object(words, t).empty()) {
    // "Redford wants the festival to encompass viewpoints": the object is
    // the complement's subject; "want to encompass" · festival is garbled.
    return std::nullopt;
  }
  const bool subject_named = schema::is_named(e.subject_type), object_named = schema::is_named(e.object_type);
  if (!subject_named && !object_named) return std::nullopt;
  // "a probe by the SEC following its New York listing", "ninth in the
  // table following defeats by Sale": "following" is a preposition of time
  // there, and its "subject" follows nothing.
  if (p.predicate < words.size() && (t.relation == "follow" || t.relation.starts_with("follow ")) &&
      utf8::ascii_lowercase(words[p.predicate].form) == "following" &&
      one_of(base_rel(words[p.predicate].deprel), {"acl", "advcl", "case", "obl", "nmod", "mark"})) {
    return std::nullopt;
  }
  // "The Producers, starring Nathan Lane": the actor stars in the work,
  // read off the words (article_facts.cc), not the work in the actor.
  if (t.relation == "star" && p.predicate < words.size() && words[p.predicate].form == "starring") return std::nullopt;
  Qualifiers q = qualifiers_of(words, p);
  if (q.question) return std::nullopt;
  // "the top Catholic in England and Wales backed ..." parsed with Wales
  // the verb's subject and "and" the verb's: a name right after "and" whose
  // first conjunct is a name hung on a noun is that noun's, not the subject.
  if (t.subject != nullptr && t.subject->is_name && t.subject->span.begin >= 2 &&
      t.subject->span.begin < words.size()) {
    const uint32_t before = t.subject->span.begin - 1;
    const uint32_t first = before - 1;
    // (Its preposition outside every name: "League Against Cruel Sports and
    // the RSPCA say" is one name and a subject.)
    const bool hung_on_noun =
        words[first].upos == nlp::UPos::PROPN && nlp::ends_name(words[first]) &&
        one_of(base_rel(words[first].deprel), {"nmod", "obl"}) &&
        std::any_of(words.begin(), words.begin() + first, [&](const nlp::Word& w) {
          return w.head == static_cast<int32_t>(first) && base_rel(w.deprel) == "case" && w.ner.empty();
        });
    if (words[before].upos == nlp::UPos::CCONJ && words[before].head != static_cast<int32_t>(t.subject->head) &&
        hung_on_noun) {
      return std::nullopt;
    }
  }
  // "It took Bellamy four minutes to threaten", "it took until 2001 for the
  // pair to score": "it" there stands for no one, in a relation or a statement.
  if (t.subject && t.subject->is_pronoun && utf8::ascii_lowercase(t.subject->text) == "it" &&
      (t.relation == "take" || t.relation.starts_with("take "))) {
    return std::nullopt;
  }
  if (subject_named && object_named) {
    // (Whether both names can stand in a relation, name_fits_graph, is
    // asked once per name by the record builder, for every relation.)
    if (!relation_holds(words, p, t, e.subject_type, e.object_type, e.speaker_subject, e.subject_named_here,
                        e.object_named_here)) return std::nullopt;
  } else {
    // A statement says something of its entity, the subject. With a concept
    // as the subject and the name as the object it was wrong or empty in
    // 26 of 30 judged ("working class background · be · David Blunkett",
    // "visas scandal · resign · Beverley Hughes", "chief inspector · be ·
    // David Bell").
    if (!subject_named) return std::nullopt;
    const extract::Argument& concept_side = *t.object;
    const extract::Argument& named_side = *t.subject;
    // "Time Warner's quarter profits" -> "have quarter profits", "Russian
    // companies" -> "be Russian": true, and nothing a reader needs.
    if (p.construction == extract::Construction::kPossessive ||
        p.construction == extract::Construction::kNounModifier) {
      return std::nullopt;
    }
    if (empty_concept(words, concept_side, t.relation)) return std::nullopt;
    if (concept_side.head < words.size() && narrowed_by_clause(words, concept_side.head)) return std::nullopt;
    // An apposition that is one item of a list, or a list after a colon,
    // names no identity ("three core divisions: gaming, Hard Rock and Deluxe
    // Films"; "34 Grosvenor casinos, the Mecca Bingo chain and ... Hard
    // Rock Cafes").
    if (p.construction == extract::Construction::kApposition && listed_apposition(words, t)) return std::nullopt;
    // A verb of saying or thinking takes a clause: the noun after it is that
    // clause's subject ("the Conservatives said government proposals would
    // ..."), and "made clear exchange rates ..." is "made clear that".
    if (one_of(t.relation, {"say", "add", "insist", "claim", "believe", "think", "argue", "admit", "suggest", "rule",
                            "predict", "fear", "hope", "know", "reveal"})) {
      return std::nullopt;
    }
    // A time is no object ("Elvis topped the chart last time"), and "be" with
    // a bare noun says nothing ("Jonathan Ross · be · film").
    if (concept_side.head < words.size() &&
        (time_noun(words[concept_side.head]) || day_of_month(words, concept_side.head))) {
      return std::nullopt;
    }
    // (A role or an occupation is news of its own: "Ray Neidl · be · analyst".)
    if (t.relation == "be" && concept_side.node.find(' ') == std::string::npos &&
        !schema::is_role_noun(concept_side.head_lemma) && !lexicon::person_descriptor(concept_side.node) &&
        !has_digit(concept_side.node)) {
      return std::nullopt;
    }
    // Lists and tables state nothing, and a "verb" with a noun's dependents
    // is a noun the tagger misread ("the ruling body" read as rule), here as
    // in a relation.
    if (list_sentence(words, p.predicate)) return std::nullopt;
    if (p.construction == extract::Construction::kVerb && noun_dependents(words, p.predicate)) return std::nullopt;
    // "said in a statement", "said despite the demand": where or when it was
    // said, without what.
    if (t.relation.starts_with("say ")) return std::nullopt;
    // "Adrian, 13, ... 1.3%": a person is no number.
    if (t.relation == "be" && e.subject_type == store::EntityType::kPerson && has_digit(concept_side.node)) {
      return std::nullopt;
    }
    if (one_of(t.relation, {"make", "make it"}) &&
        one_of(concept_side.node.substr(0, concept_side.node.find(' ')), {"clear", "sure", "plain", "certain"})) {
      return std::nullopt;
    }
    // Chains through a passive or of five words join clauses ("believe to
    // want to be bring").
    if (t.relation.find(" to be ") != std::string::npos ||
        std::count(t.relation.begin(), t.relation.end(), ' ') >= 4) {
      return std::nullopt;
    }

    if (!usable_name(words, named_side, e.subject_type, false)) return std::nullopt;
    // A statement stands on its entity as firmly as a relation does: a
    // pronoun only as the reported speaker.
    if (named_side.is_pronoun && !e.speaker_subject) return std::nullopt;
  }
  // (The particle joins after the checks, which read the relation as the clause rules made it.)
  if (p.construction == extract::Construction::kVerb || p.construction == extract::Construction::kInheritedSubject ||
      p.construction == extract::Construction::kRelativeClause || p.construction == extract::Construction::kPassive) {
    t.relation = with_particle(words, p, t.relation);
  }
  return q.text.empty() ? t.relation : q.text + " " + t.relation;
}

}  // namespace kg::ingest

#include "ingest/role_facts.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "base/lexicon.h"
#include "base/one_of.h"
#include "base/utf8.h"
#include "graph/schema/schema.h"

namespace kg::ingest {
namespace {

// Organisations, places and other names hold roles; people do not.
bool holder_type(std::string_view type) { return type == "ORG" || type == "LOC" || type == "MISC"; }

// A name a role written after its person is held in, under any type: the
// recognizer tags many a club or firm PERSON in a sentence ("a striker for
// Kelso Athletic"), and the caller keeps only a holder the article does not
// give a person's gender (article_facts.cc, holder()).
bool holder_after_role(std::string_view type) { return holder_type(type) || type == "PERSON"; }

bool possessive_pronoun(std::string_view form) {
  const std::string f = utf8::ascii_lowercase(form);
  return f == "its" || f == "his" || f == "her" || f == "their" || f == "our";
}

// Words that name both a ministry's portfolio and a party or a body
// ("Labour Minister", "Home Secretary", "Health Secretary").
bool portfolio_word(std::string_view form) {
  static constexpr std::string_view kWords[] = {"Labour", "Conservative", "Tory", "Home", "Health", "Trade",
                                                "Defence", "Transport", "Education", "Economy", "Culture", "Cabinet"};
  return std::find(std::begin(kWords), std::end(kWords), form) != std::end(kWords);
}

// A recognized name that is not the whole holder: it runs on in capitalised
// words ("New York" of "the New York Public Library", "Texas" of "Texas
// Instruments", "Public" of "the Public and Commercial Services Union") or
// owns what follows ("Germany's central bank").
bool name_runs_on(std::span<const nlp::Word> words, uint32_t w) {
  uint32_t end = w + 1;
  while (end < words.size() && words[end].ner.size() > 2 && !words[end - 1].ner.starts_with("L") &&
         !words[end - 1].ner.starts_with("U")) {
    ++end;
  }
  if (end >= words.size()) return false;
  const std::string_view next = words[end].form;
  auto capitalised = [](std::string_view f) { return !f.empty() && std::isupper(static_cast<unsigned char>(f[0])); };
  if (next == "'s" || next == "'" || next == "-" || capitalised(next)) return true;  // also "Brisbane-based"
  // A name modifying the noun after it ("UK magazine Mac Format").
  const std::string_view rel = words[end - 1].deprel;
  if ((rel == "compound" || rel == "amod") && words[end - 1].head > static_cast<int32_t>(end - 1)) return true;
  return (next == "and" || next == "&" || next == "of" || next == "for") && end + 1 < words.size() &&
         capitalised(words[end + 1].form);
}

}  // namespace

std::optional<SpanName> name_at(std::span<const nlp::Word> words, uint32_t w) {
  if (w >= words.size() || words[w].ner.size() < 3) return std::nullopt;
  uint32_t begin = w, end = w + 1;
  while (begin > 0 && !nlp::begins_name(words[begin]) && words[begin - 1].ner.size() > 2) {
    --begin;
  }
  while (end < words.size() && !nlp::ends_name(words[end - 1]) && words[end].ner.size() > 2) {
    ++end;
  }
  // "Former Labour": a time word the recognizer took into the name.
  if (end - begin > 1 && (words[begin].form == "Former" || words[begin].form == "Ex" || words[begin].form == "Then")) {
    ++begin;
  }
  SpanName name;
  name.type = std::string(nlp::tag_type(words[w]));
  name.text = nlp::spaced_forms(words, begin, end);
  name.begin = begin;
  return name;
}

std::optional<RoleMention> role_in_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end,
                                         bool organisation_before) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(words.size()));
  // The last name inside the title, then role words only up to the title's
  // end; or the name written just before the title, when the resolver kept
  // it out ("Federal Reserve chairman Alan Greenspan", "AK chief Isaiah
  // Kiplagat").
  int32_t holder = -1;
  for (uint32_t i = begin; i < end; ++i) {
    if (holder_type(nlp::tag_type(words[i]))) holder = static_cast<int32_t>(i);
  }
  if (holder < 0 && begin > 0 &&
      (organisation_before || (holder_type(nlp::tag_type(words[begin - 1])) && nlp::ends_name(words[begin - 1])))) {
    holder = static_cast<int32_t>(begin - 1);
  }
  // "BBC political editor Andrew Marr", "LTA performance director David
  // Felgate": up to three lower-case words that modify the title stand
  // between it and an organisation the recognizer tagged. They are part of
  // the role, except the organisation's own descriptor ("Vibe magazine
  // president" is president of Vibe). (Not a place: "London race director"
  // directs a race, not the city.)
  std::vector<bool> descriptor(end, false);
  if (holder < 0) {
    uint32_t k = begin;
    while (k > 0 && begin - k < 3 && words[k - 1].ner.size() < 3 && nlp::is_ascii_lower(words[k - 1].form[0]) &&
           (words[k - 1].upos == nlp::UPos::ADJ || words[k - 1].upos == nlp::UPos::NOUN) &&
           words[k - 1].head >= static_cast<int32_t>(k) && words[k - 1].head < static_cast<int32_t>(end) &&
           !one_of(utf8::ascii_lowercase(words[k - 1].form), {"former", "ex", "new", "then", "late", "acting"})) {
      --k;
      descriptor[k] = lexicon::is_organisation_descriptor(utf8::ascii_lowercase(words[k].lemma));
    }
    // (Not a possessor, "Labour's election chief", nor a name the
    // recognizer ended in a demonym, "New European commission president".)
    if (k < begin && k > 0 && nlp::tag_type(words[k - 1]) == "ORG" && nlp::ends_name(words[k - 1]) &&
        !words[k - 1].form.ends_with("'s") && words[k - 1].form != "'" &&
        !lexicon::is_nationality_word(words[k - 1].form) && lexicon::demonym_of(words[k - 1].form).empty()) {
      holder = static_cast<int32_t>(k - 1);
    }
  }
  if (holder < 0 || static_cast<uint32_t>(holder) + 1 >= end) return std::nullopt;
  // A place (or a parliament) after a possessive qualifies someone else's
  // office ("its UK chief executive", "Screen International's US editor",
  // "the Scottish National Party's Holyrood leader"); an organisation is the
  // office's own ("Holyrood's Chamber Office chief").
  uint32_t first = static_cast<uint32_t>(holder);
  while (first > 0 && words[first - 1].ner.size() > 2 && !words[first - 1].ner.starts_with("L") &&
         !words[first - 1].ner.starts_with("U")) {
    --first;
  }
  const bool place = nlp::tag_type(words[holder]) == "LOC" ||
                     one_of(words[holder].form, {"Holyrood", "Westminster", "Stormont", "Commons", "Lords"});
  if (first > 0 && place &&
      (words[first - 1].form == "'s" || words[first - 1].form == "'" || possessive_pronoun(words[first - 1].form))) {
    return std::nullopt;
  }
  // "Commission for Racial Equality chairman": a holder cut off its head.
  if (first > 1 && (words[first - 1].form == "for" || words[first - 1].form == "of") &&
      words[first - 2].upos == nlp::UPos::PROPN) {
    return std::nullopt;
  }
  // The role's words as written: "scrum-half" (three tokens) is one word.
  const auto first_role_word = static_cast<uint32_t>(holder) + 1;
  std::string role;
  for (uint32_t i = first_role_word; i < end; ++i) {
    const bool touches = i > first_role_word && words[i - 1].end == words[i].begin;
    if (i + 1 < end && i > first_role_word && nlp::hyphenated_begin(words, i + 1) == i - 1) {
      role += '-';  // the hyphen inside a word
      continue;
    }
    if (words[i].ner.size() > 2 || words[i].upos == nlp::UPos::PUNCT) return std::nullopt;
    if (descriptor[i]) continue;
    if (!role.empty() && !touches) role += ' ';
    role += utf8::ascii_lowercase(words[i].form);
  }
  // (The form when the lemma is no role noun: "Sale wing Mark Cueto" with
  // "wing" read as a verb, lemma "w".)
  const uint32_t last_begin = nlp::hyphenated_begin(words, end - 1);
  std::string last = last_begin >= first_role_word && last_begin < end - 1
                         ? utf8::ascii_lowercase(nlp::spaced_forms(words, last_begin, end))
                         : nlp::lowercase_lemma(words[end - 1]);
  if (!schema::is_role_noun(last) && schema::is_role_noun(utf8::ascii_lowercase(words[end - 1].form))) {
    last = utf8::ascii_lowercase(words[end - 1].form);
  }
  if (!schema::is_role_noun(last)) return std::nullopt;
  // "Labour Minister Ghazi al-Gosaibi", "Economy and Labour Minister": a
  // portfolio or a party, never told apart by the words.
  if ((last == "minister" || last == "secretary") &&
      (portfolio_word(words[holder].form) || words[holder].ner.size() < 3)) {
    return std::nullopt;  // "Immigration minister", "Cabinet minister": untagged words before an office are its portfolio
  }
  return RoleMention{role + " " + std::string(role_preposition(last)), static_cast<uint32_t>(holder)};
}

std::optional<RoleMention> result_in_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end,
                                           bool organisation_before) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(words.size()));
  if (end <= begin) return std::nullopt;
  // The title noun, last ("runner-up" read whole).
  const uint32_t noun = nlp::hyphenated_begin(words, end - 1);
  const std::string last = utf8::ascii_lowercase(nlp::spaced_forms(words, noun, end));
  if (!one_of(last, {"champion", "winner", "nominee", "runner-up"})) return std::nullopt;
  // The event's name ends right before the noun, inside the title or just before it.
  if (noun == 0) return std::nullopt;
  const uint32_t event = noun - 1;
  const std::string_view type = nlp::tag_type(words[event]);
  const bool named =
      event >= begin ? !type.empty() : organisation_before || (!type.empty() && nlp::ends_name(words[event]));
  // (An event's name read as a person's: "London Marathon runner-up".)
  if (!named || (type == "PERSON" && !lexicon::ends_event_name(words[event].form)) ||
      words[event].upos != nlp::UPos::PROPN) {
    return std::nullopt;
  }
  // ("Olympic champion", "world champion": an adjective of a contest, not its name.)
  if (one_of(words[event].form, {"Olympic", "Olympics", "World", "National", "Commonwealth", "Paralympic"}) ||
      lexicon::is_nationality_word(words[event].form)) {
    return std::nullopt;
  }
  // (A side's "winner" is the goal that won a match; a champion side is
  // named so by its league, which the parse does not give.)
  if (type == "ORG" && last == "winner") return std::nullopt;
  return RoleMention{last == "nominee" ? "be nominated for" : last == "runner-up" ? "finish second in" : "win", event};
}

std::string_view role_preposition(std::string_view role) {
  for (std::string_view r : {"spokesman", "spokeswoman", "spokesperson", "adviser", "advisor"}) {
    if (role.ends_with(r)) return "for";
  }
  return "of";
}

namespace {

// The words of the role headed by `noun`, lower case: compounds and
// adjectives before it ("director general", "chief executive", "vice
// president") and adjectives after it up to word `until`; "new" says when,
// not what.
std::string role_words(std::span<const nlp::Word> words, uint32_t noun, uint32_t until) {
  // (The second half of "full-time", without its first, says nothing.)
  auto hyphenated = [&](uint32_t k) { return k > 0 && words[k - 1].form == "-"; };
  std::string role;
  for (uint32_t k = 0; k < noun; ++k) {
    if (words[k].head == static_cast<int32_t>(noun) && (words[k].deprel == "compound" || words[k].deprel == "amod") &&
        words[k].ner.size() < 3 && utf8::ascii_lowercase(words[k].form) != "new" && !hyphenated(k)) {
      // ("fly-half": the first part of a hyphenated noun touches it.)
      role += utf8::ascii_lowercase(words[k].form) + (nlp::hyphenated_begin(words, noun) == k ? '-' : ' ');
    }
  }
  role += utf8::ascii_lowercase(words[noun].form);
  for (uint32_t k = noun + 1; k < until; ++k) {
    if (words[k].head == static_cast<int32_t>(noun) && words[k].deprel == "amod")
      role += ' ' + utf8::ascii_lowercase(words[k].form);
  }
  return role;
}

}  // namespace

std::optional<RoleMention> role_of_noun(std::span<const nlp::Word> words, uint32_t noun) {
  if (noun >= words.size()) return std::nullopt;
  // "fly-half", "scrum-half": a hyphenated role noun is read whole.
  const std::string lemma = utf8::ascii_lowercase(nlp::spaced_forms(words, nlp::hyphenated_begin(words, noun), noun)) +
                            nlp::lowercase_lemma(words[noun]);
  if (!schema::is_role_noun(lemma)) return std::nullopt;
  // An owner's post names its remit after "of" ("Christian Aid's head of
  // Trade Policy"): the owner holds the post, not the remit.
  for (uint32_t k = 0; k < noun; ++k) {
    if (words[k].head == static_cast<int32_t>(noun) && words[k].deprel == "nmod:poss") return std::nullopt;
  }
  for (uint32_t c = noun + 1; c < words.size(); ++c) {
    // (The parser may label the modifier "obj" or "obl", and hang its "of"
    // on the name's first word: "manager of Blackburn Rovers", "named chief
    // executive of Tarnco" with "executive" read as an adjective.)
    if (words[c].head != static_cast<int32_t>(noun) ||
        (words[c].deprel != "nmod" && words[c].deprel != "obj" && words[c].deprel != "obl")) {
      continue;
    }
    // "chief executive of research firm Halder Capital": the organisation
    // described before its name, which is set in apposition to the noun.
    uint32_t holder = c;
    if (words[c].upos == nlp::UPos::NOUN &&
        lexicon::is_organisation_descriptor(utf8::ascii_lowercase(words[c].lemma))) {
      const int32_t named = nlp::apposed_word(words, c, /*named=*/true);
      if (named < 0) continue;
      holder = static_cast<uint32_t>(named);
    } else if (!holder_after_role(nlp::tag_type(words[c]))) {
      continue;
    }
    if (name_runs_on(words, holder)) continue;
    std::string prep;
    for (uint32_t k = noun + 1; k < c; ++k) {
      const bool on_name =
          words[k].head == static_cast<int32_t>(c) ||
          (words[k].head >= 0 && words[static_cast<size_t>(words[k].head)].head == static_cast<int32_t>(c) &&
           words[static_cast<size_t>(words[k].head)].deprel == "compound");
      if (on_name && words[k].deprel == "case") prep = utf8::ascii_lowercase(words[k].form);
    }
    if (prep != "of" && prep != "at" && prep != "for" && prep != "with") continue;
    return RoleMention{role_words(words, noun, c) + " " + prep, holder};
  }
  // "Professor of Ballet and Performing Arts in the University of
  // Cincinnati", with the university hung on the field: a post's field is
  // no organisation, so the organisation after it is where the post is.
  for (uint32_t field = noun + 1; field < words.size(); ++field) {
    if (words[field].head != static_cast<int32_t>(noun) || words[field].deprel != "nmod") continue;
    for (uint32_t c = field + 1; c < words.size(); ++c) {
      if (words[c].head != static_cast<int32_t>(field) || words[c].deprel != "nmod" ||
          nlp::tag_type(words[c]) != "ORG" || name_runs_on(words, c)) {
        continue;
      }
      std::string prep;
      for (uint32_t k = field + 1; k < c; ++k) {
        if (words[k].head == static_cast<int32_t>(c) && words[k].deprel == "case")
          prep = utf8::ascii_lowercase(words[k].form);
      }
      if (prep == "at" || prep == "in") return RoleMention{role_words(words, noun, field) + " at", c};
    }
  }
  return std::nullopt;
}

namespace {

// "Rene Obermann, T-Mobile's chief executive, said": after the comma that
// follows a person's name (word `e`), an organisation or place with "'s" and
// up to four lower-case role words ending in a role noun, closed by a comma,
// a full stop or the sentence's end.
std::optional<AppositiveRole> possessive_apposition(std::span<const nlp::Word> words, uint32_t e) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  uint32_t k = e + 2;
  while (k < n && k < e + 8 && words[k].ner.size() > 2) ++k;
  if (k == e + 2 || k + 1 >= n || (words[k].form != "'s" && words[k].form != "'")) return std::nullopt;
  const uint32_t holder = k - 1;
  if (!holder_type(nlp::tag_type(words[holder]))) return std::nullopt;
  std::string role;
  for (uint32_t r = k + 1; r < n && r < k + 5; ++r) {
    const std::string_view f = words[r].form;
    if (f.empty() || !std::islower(static_cast<unsigned char>(f[0])) || words[r].upos == nlp::UPos::PUNCT ||
        words[r].ner.size() > 2) {
      return std::nullopt;
    }
    if (!role.empty()) role += ' ';
    role += utf8::ascii_lowercase(f);
    const std::string lemma = nlp::lowercase_lemma(words[r]);
    if (schema::is_role_noun(lemma) && (r + 1 == n || words[r + 1].form == "," || words[r + 1].form == ".")) {
      return AppositiveRole{e, RoleMention{role + " of", holder}};
    }
  }
  return std::nullopt;
}

// A verb a quotation's speaker is named with.
bool is_speaking_verb(const nlp::Word& w) {
  return (w.upos == nlp::UPos::VERB || w.upos == nlp::UPos::AUX) &&
         lexicon::is_reporting_verb(utf8::ascii_lowercase(w.lemma));
}

// "said Mike Powell of Dresdner Kleinwort Wasserstein.", "Gerard Rijk of
// Inbev said": the person named from word `first` to the organisation ending
// at word `last` is quoted, a speaker named after a verb of speaking (or
// "according to") and closing the clause, or before one. Titles of works
// read as a name and an organisation ("Eternal Sunshine of the Spotless
// Mind") are never quoted.
bool quoted_speaker(std::span<const nlp::Word> words, uint32_t first, uint32_t last) {
  while (first > 0 && words[first - 1].upos == nlp::UPos::PROPN) --first;  // "Dr", "Professor"
  const bool after_verb =
      first > 0 &&
      (is_speaking_verb(words[first - 1]) ||
       (first > 1 && words[first - 1].form == "to" && utf8::ascii_lowercase(words[first - 2].form) == "according"));
  if (after_verb) {
    return last + 1 == words.size() ||
           (words[last + 1].upos == nlp::UPos::PUNCT && words[last + 1].form != "-" && words[last + 1].form != "(");
  }
  uint32_t k = last + 1;
  while (k < words.size() && words[k].upos == nlp::UPos::AUX) ++k;
  return k < words.size() && is_speaking_verb(words[k]);
}

// The last word of the recognized name that begins at word `first` when
// every word of it is in a place the gazetteer knows, the first also on its
// own ("Birmingham", "Hong Kong"); nullopt otherwise ("Swansea UAF" is a
// group).
std::optional<uint32_t> known_place_name(std::span<const nlp::Word> words, uint32_t first) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  const std::string_view type = nlp::tag_type(words[first]);
  std::vector<nlp::GazetteerMark> marks;
  nlp::Gazetteer::builtin().mark(words, &marks);
  constexpr uint16_t kPlace = nlp::kGazCountry | nlp::kGazCity | nlp::kGazRegion;
  for (uint32_t w = first; w < n && nlp::tag_type(words[w]) == type; ++w) {
    if (((marks[w].phrase_classes | (w == first ? marks[w].word_classes : 0)) & kPlace) == 0) return std::nullopt;
    if (nlp::ends_name(words[w]) || w + 1 == n || nlp::tag_type(words[w + 1]) != type) return w;
  }
  return std::nullopt;
}

// "Carl Emmerson, from the Institute for Fiscal Studies, told", "David
// Page, of Investec Securities, said": after the comma that follows a
// person's name (word `e`), "from"/"of"/"at", an optional "the" and a whole
// organisation's name, closed by a comma: the person works there. With
// "for" ("Vincent Cable, for the Liberal Democrats, called ...") the person
// speaks for it. Without the commas only "of" and "from" count, for a
// quoted speaker ("said Mike Powell of Dresdner Kleinwort Wasserstein.",
// "said Ben Coppin from Envisional."): "at" is as often where the person
// was ("Tony Blair at Downing Street").
std::optional<AppositiveRole> affiliation_apposition(std::span<const nlp::Word> words, uint32_t e) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  const bool comma = e + 1 < n && words[e + 1].form == ",";
  uint32_t at = comma ? e + 2 : e + 1;
  // "David Redvers, 34, from Hartpury,": an age between.
  if (comma && at + 2 < n && words[at].upos == nlp::UPos::NUM && words[at + 1].form == ",") at += 2;
  if (at + 1 >= n) return std::nullopt;
  const std::string prep = utf8::ascii_lowercase(words[at].form);
  if (prep != "of" && prep != "from" && (!comma || (prep != "at" && prep != "for"))) return std::nullopt;
  uint32_t k = at + 1;
  if (k < n && utf8::ascii_lowercase(words[k].form) == "the") ++k;
  const std::string_view type = k < n ? nlp::tag_type(words[k]) : std::string_view();
  // A place the gazetteer knows after "from" or "of" set off by commas is
  // where one is from ("Moazzam Begg, from Birmingham,", "Tony Martin, of
  // Burnley,"); after an age only a place ("Steve Arthur, 46, from Pease
  // Pottage" names no firm).
  // (Every word of the name the place's: "Swansea UAF" is a group.)
  const bool place = comma && k < n && (prep == "from" || prep == "of") && (type == "LOC" || type == "ORG") &&
                     known_place_name(words, k);
  const bool aged = at != (comma ? e + 2 : e + 1);
  if (k >= n || (type != "ORG" && !place) || (aged && !place) || !nlp::begins_name(words[k])) {
    return std::nullopt;
  }
  uint32_t last = k;
  while (!nlp::ends_name(words[last]) && last + 1 < n && nlp::tag_type(words[last + 1]) == type) {
    ++last;
  }
  // The phrase ends the apposition: a comma, or the sentence's end after a
  // quotation ("... ,\" said Steve Ash, from Activcard.").
  const bool closed =
      last + 1 < n && (words[last + 1].form == "," || (words[last + 1].form == "." && last + 2 == n &&
                                                       quoted_speaker(words, name_at(words, e)->begin, last)));
  if (comma ? !closed : !quoted_speaker(words, name_at(words, e)->begin, last)) return std::nullopt;
  if (place) return AppositiveRole{e, RoleMention{"come from", last}};
  return AppositiveRole{e, RoleMention{prep == "at" ? "work at" : prep == "for" ? "speak for" : "work for", last}};
}

// "Victor Wong, a graduate student from Hong Kong", "Irfan Hanif, a
// 25-year-old doctor from Bolton": an apposition that says what the person
// (word `e` ends the name) is, up to four lower-case words after "a" or
// "an", then "from" and a place the gazetteer knows, whole: where the
// person is from.
std::optional<AppositiveRole> origin_in_apposition(std::span<const nlp::Word> words, uint32_t e) {
  const uint32_t n = static_cast<uint32_t>(words.size());
  if (e + 4 >= n || words[e + 1].form != "," || !one_of(utf8::ascii_lowercase(words[e + 2].form), {"a", "an"})) {
    return std::nullopt;
  }
  uint32_t k = e + 3;
  while (k < n && k < e + 8 && !words[k].form.empty() && words[k].ner.size() < 3 &&
         (std::islower(static_cast<unsigned char>(words[k].form[0])) ||
          std::isdigit(static_cast<unsigned char>(words[k].form[0])) || words[k].form == "-") &&
         words[k].form != "from") {
    ++k;
  }
  if (k == e + 3 || k + 1 >= n || words[k].form != "from" || words[k - 1].upos != nlp::UPos::NOUN) return std::nullopt;
  const uint32_t first = k + 1;
  if (nlp::tag_type(words[first]) != "LOC" || !nlp::begins_name(words[first])) return std::nullopt;
  const std::optional<uint32_t> last = known_place_name(words, first);
  if (!last) return std::nullopt;
  return AppositiveRole{e, RoleMention{"come from", *last}};
}

}  // namespace

std::vector<AppositiveRole> appositive_roles(std::span<const nlp::Word> words) {
  std::vector<AppositiveRole> out;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (uint32_t e = 0; e + 3 < n; ++e) {
    if (nlp::tag_type(words[e]) != "PERSON" || !nlp::ends_name(words[e])) continue;
    if (std::optional<AppositiveRole> r = affiliation_apposition(words, e)) {
      out.push_back(std::move(*r));
      continue;
    }
    if (words[e + 1].form != ",") continue;
    if (std::optional<AppositiveRole> r = origin_in_apposition(words, e)) {
      out.push_back(std::move(*r));
      continue;
    }
    if (std::optional<AppositiveRole> r = possessive_apposition(words, e)) {
      out.push_back(std::move(*r));
      continue;
    }
    // The role words: lower-case, no punctuation, the last a role noun.
    uint32_t k = e + 2;
    std::string role;
    int32_t role_end = -1;
    for (; k < n && k < e + 6; ++k) {
      const std::string_view f = words[k].form;
      if (f.empty() || !std::islower(static_cast<unsigned char>(f[0])) || words[k].upos == nlp::UPos::PUNCT ||
          words[k].ner.size() > 2) {
        break;
      }
      if (!role.empty()) role += ' ';
      role += utf8::ascii_lowercase(f);
      const std::string lemma = nlp::lowercase_lemma(words[k]);
      if (schema::is_role_noun(lemma) && k + 1 < n &&
          (words[k + 1].form == "of" || words[k + 1].form == "at" || words[k + 1].form == "for")) {
        role_end = static_cast<int32_t>(k);
        break;
      }
    }
    if (role_end < 0) continue;
    const uint32_t prep = static_cast<uint32_t>(role_end) + 1;
    uint32_t holder = prep + 1;
    if (holder < n && utf8::ascii_lowercase(words[holder].form) == "the") ++holder;
    // "spokesman for anti-virus firm Sophos", "analyst at research firm
    // Gartner": what the organisation is, written before its name (up to
    // three lower-case words ending in an organisation noun).
    bool described = false;  // (the description says organisation, whatever the recognizer's type)
    for (uint32_t k = holder; k < n && k < holder + 7; ++k) {
      const std::string_view f = words[k].form;
      if (f == "-" && k > holder && words[k - 1].end == words[k].begin) continue;  // "anti-virus firm"
      if (f.empty() || !std::islower(static_cast<unsigned char>(f[0])) || words[k].ner.size() > 2) break;
      if (words[k].upos == nlp::UPos::NOUN &&
          lexicon::is_organisation_descriptor(utf8::ascii_lowercase(words[k].lemma)) && k + 1 < n &&
          nlp::begins_name(words[k + 1])) {
        holder = k + 1;
        described = words[holder].ner.size() > 2;
        break;
      }
    }
    // "Kofi Annan, who is secretary general of the United Nations": the
    // relative clause's copula is no part of the role; "who was" held it once.
    const bool held_once = role.starts_with("who was ");
    if (role.starts_with("who is ") || role.starts_with("who became ") || held_once) {
      role.erase(0, role.find(' ', 4) + 1);
    }
    for (std::string_view article : {"a ", "an ", "the ", "another "}) {
      if (role.starts_with(article)) role.erase(0, article.size());
    }
    if (held_once) role = "former " + role;
    if (holder >= n || !(described || holder_after_role(nlp::tag_type(words[holder]))) || name_runs_on(words, holder))
      continue;
    out.push_back({e, RoleMention{role + " " + std::string(words[prep].form), holder}});
  }
  return out;
}

namespace {

// The party's own office among the title's words [from, end): the words up
// to its first role noun, when that noun is an office a party fills. None
// when a modifier stands before the party's adjective (at `adjective`): a
// "deputy Conservative chairman" is no chairman, and a "Scottish
// Conservative leader" leads a party of his own.
std::string party_office(std::span<const nlp::Word> words, uint32_t adjective, uint32_t from, uint32_t end) {
  static constexpr std::string_view kPartyOffices[] = {"leader",      "spokesman",    "spokeswoman", "spokesperson",
                                                       "chairman",    "chairwoman",   "treasurer",   "whip",
                                                       "co-chairman", "co-chairwoman"};
  // ("Former Labour leader Neil Kinnock" held the office once.)
  bool former = false;
  if (adjective > 0) {
    const nlp::Word& before = words[adjective - 1];
    const std::string b = utf8::ascii_lowercase(before.form);
    const bool modifier =
        before.upos == nlp::UPos::ADJ || before.upos == nlp::UPos::NOUN || before.upos == nlp::UPos::PROPN;
    former = b == "former" || b == "ex" || b == "then" ||
             (b == "-" && adjective > 1 && utf8::ascii_lowercase(words[adjective - 2].form) == "ex");
    if (modifier && !former) return {};
  }
  // ("Labour party chairman": the party's chairman.)
  if (from < end && utf8::ascii_lowercase(words[from].form) == "party") ++from;
  for (uint32_t k = from; k < end && k < from + 4; ++k) {
    const std::string noun = nlp::lowercase_lemma(words[k]);
    if (!schema::is_role_noun(noun)) continue;
    if (std::find(std::begin(kPartyOffices), std::end(kPartyOffices), noun) == std::end(kPartyOffices)) return {};
    std::string office;
    for (uint32_t i = from; i <= k; ++i) {
      if (words[i].upos == nlp::UPos::PUNCT) return {};
      // ("SNP Holyrood leader": a name in the office leaves the bare office.)
      if (!words[i].ner.empty()) {
        office = noun;
        break;
      }
      if (!office.empty()) office += ' ';
      office += utf8::ascii_lowercase(words[i].form);
    }
    return former ? "former " + office : office;
  }
  return {};
}

// The party adjective written at word `i` ("Tory", "Liberal Democrat"),
// within words [i, end), with `*after` set to the word after it; nullptr
// for none.
const lexicon::PartyAdjective* party_adjective_at(std::span<const nlp::Word> words, uint32_t i, uint32_t end,
                                                  uint32_t* after) {
  for (const lexicon::PartyAdjective& p : lexicon::party_adjectives()) {
    if (words[i].form != p.first) continue;
    if (!p.second.empty() && (i + 1 >= end || words[i + 1].form != p.second)) continue;
    *after = i + (p.second.empty() ? 1 : 2);
    return &p;
  }
  return nullptr;
}

}  // namespace

std::optional<PartyTitle> party_of_title(std::span<const nlp::Word> words, uint32_t begin, uint32_t end) {
  end = std::min<uint32_t>(end, static_cast<uint32_t>(words.size()));
  // The role noun must be in the title; the adjective within three words before it or at its start.
  bool role = false;
  for (uint32_t i = begin; i < end; ++i) {
    role = role || schema::is_role_noun(nlp::lowercase_lemma(words[i]));
  }
  // "Tory Theresa May", "Republican John McCain": the party's adjective
  // alone is the title of a member.
  if (!role) {
    uint32_t after = 0;
    const lexicon::PartyAdjective* p = begin < end ? party_adjective_at(words, begin, end, &after) : nullptr;
    if (p != nullptr && after == end) return PartyTitle{p->party, ""};
    return std::nullopt;
  }
  const uint32_t from = begin >= 3 ? begin - 3 : 0;
  for (uint32_t i = from; i < end; ++i) {
    uint32_t after = 0;
    const lexicon::PartyAdjective* p = party_adjective_at(words, i, end, &after);
    if (p == nullptr) continue;
    // Only the title's own words between the adjective and the title
    // ("Conservative Shadow chancellor", "Conservative shadow business secretary").
    bool joined = true;
    for (uint32_t k = i + 1; k < begin; ++k) {
      joined = joined && (words[k].upos == nlp::UPos::NOUN || words[k].upos == nlp::UPos::ADJ ||
                          words[k].upos == nlp::UPos::PROPN);
    }
    // "Labour Minister", "Economy and Labour Minister": a portfolio.
    const bool portfolio =
        (after < words.size() && (words[after].form == "Minister" || words[after].form == "Secretary" ||
                                  words[after].form == "minister" || words[after].form == "secretary")) ||
        (i > 1 && words[i - 1].form == "and" && std::isupper(static_cast<unsigned char>(words[i - 2].form[0])));
    if (joined && !portfolio) return PartyTitle{p->party, party_office(words, i, after, end)};
  }
  return std::nullopt;
}

}  // namespace kg::ingest

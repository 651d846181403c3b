// Names, entities and facts of the baseline extractor (see baseline.h).
#include "ingest/extract/baseline.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "ingest/extract/baseline_parts.h"

namespace kg::extract {
namespace {

using baseline::Token;
using baseline::TokenKind;

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One name occurrence in one sentence.
struct Mention {
  uint32_t sentence = 0;
  uint32_t first_token = 0, last_token = 0;  // the whole span, title included: [first, last)
  std::string surface;                       // as written, title included ("Chancellor Martin Keller")
  std::string name;                          // title stripped ("Martin Keller")
  std::string title;                         // role words ("German Chancellor"); "" for none or only Mr/Ms
  bool person_cue = false;                   // a title or honorific came with the name
  size_t name_words = 0;
  std::string last_word;  // of the name: the surname for people
  std::string type;       // what the name alone suggests
  uint32_t entity = 0;
};

bool is_acronym(std::string_view w) {
  if (w.size() < 2 || w.size() > 6) return false;
  return std::all_of(w.begin(), w.end(), [](char c) { return std::isupper(static_cast<unsigned char>(c)) || c == '.'; });
}

// The type a name suggests by itself, before any title is considered.
std::string type_from_name(const std::vector<std::string_view>& words, std::string_view name) {
  if (baseline::is_org_head(words.back()) || baseline::is_org_opener(words.front())) return "ORG";
  if (baseline::is_place(name)) return "LOC";
  // "East Africa" is a place; "Kenya Power" and "Kenyan Treasury" are
  // bodies named after one.
  if (words.size() >= 2 && baseline::is_place(words.back())) return "LOC";
  if (words.size() >= 2 && (baseline::is_place(words.front()) || baseline::is_demonym(words.front()))) return "ORG";
  if (words.size() == 1 && is_acronym(words[0])) return "ORG";
  const bool plain = std::all_of(words.begin(), words.end(), [](std::string_view w) {
    return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])) && !is_acronym(w);
  });
  if (plain && words.size() >= 2 && words.size() <= 3) return "PERSON";
  return "MISC";
}

std::string join_source(std::string_view sentence, const std::vector<Token>& tokens, size_t first, size_t last) {
  return std::string(sentence.substr(tokens[first].begin, tokens[last - 1].end - tokens[first].begin));
}

// Turns the token run [first, last) of a sentence into a mention, or nothing
// when the run is not a name (only a title, only a demonym).
std::optional<Mention> make_mention(std::string_view sentence, const std::vector<Token>& tokens, size_t first,
                                    size_t last) {
  // Connectors never end a run; a trailing possessive is not part of it.
  while (last > first && baseline::is_name_connector(tokens[last - 1].text)) --last;
  if (last == first) return std::nullopt;
  while (first < last && baseline::is_demonym(tokens[first].text) && last - first == 1) return std::nullopt;
  if (last - first == 2 && baseline::is_demonym(tokens[first + 1].text) &&
      (tokens[first].text == "South" || tokens[first].text == "North")) {
    return std::nullopt;
  }

  Mention m;
  m.first_token = static_cast<uint32_t>(first);
  m.last_token = static_cast<uint32_t>(last);
  m.surface = join_source(sentence, tokens, first, last);

  // Organisations named after a role word ("General Assembly", "Office of
  // the President") are not titled people.
  size_t name_begin = first;
  const bool org_named = baseline::is_org_head(tokens[last - 1].text);
  if (!org_named) {
    size_t title_end = first;  // one past the last title word
    for (size_t i = first; i < last; ++i) {
      if (baseline::is_title_word(tokens[i].text)) title_end = i + 1;
    }
    if (title_end > first) {
      // "Secretary of State Anna Wells": the title takes "of X" along.
      if (title_end + 1 < last && baseline::is_name_connector(tokens[title_end].text)) title_end += 2;
      if (title_end >= last) return std::nullopt;  // a title alone ("the Prime Minister") is not a name
      size_t role_begin = first;
      while (role_begin < title_end && baseline::is_honorific(tokens[role_begin].text)) ++role_begin;
      if (role_begin < title_end) m.title = join_source(sentence, tokens, role_begin, title_end);
      m.person_cue = true;
      name_begin = title_end;
    }
  }
  std::vector<std::string_view> words;
  for (size_t i = name_begin; i < last; ++i) words.push_back(tokens[i].text);
  m.name = join_source(sentence, tokens, name_begin, last);
  if (words.size() == 1 && (baseline::is_demonym(words[0]) || baseline::is_title_word(words[0]))) return std::nullopt;
  m.name_words = words.size();
  m.last_word = std::string(words.back());
  m.type = type_from_name(words, m.name);
  return m;
}

// Names of one sentence: maximal runs of capitalised words, possibly joined
// by lowercase connectors ("Bank of Canada").
std::vector<Mention> find_mentions(std::string_view sentence, const std::vector<Token>& tokens,
                                   const std::unordered_set<std::string>& lowercase_words,
                                   const std::unordered_set<std::string>& names_mid_clause) {
  std::vector<Mention> mentions;
  const auto starts_name = [&](const Token& t) {
    if (t.kind != TokenKind::kWord || !t.capitalised) return false;
    if (baseline::is_calendar_word(t.text) || t.text == "I") return false;
    if (t.starts_clause) {
      // At the start of a clause a capital says nothing; a word that also
      // appears in lowercase elsewhere in the article is an ordinary word.
      if (baseline::is_clause_opener(t.text) || lowercase_words.count(lowercase(t.text))) return false;
    }
    return true;
  };
  size_t i = 0;
  while (i < tokens.size()) {
    if (!starts_name(tokens[i])) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < tokens.size()) {
      const Token& t = tokens[end];
      if (t.kind == TokenKind::kWord && t.capitalised && !baseline::is_calendar_word(t.text)) {
        ++end;
      } else if (t.kind == TokenKind::kWord && baseline::is_name_connector(t.text) && end + 1 < tokens.size() &&
                 tokens[end + 1].kind == TokenKind::kWord && tokens[end + 1].capitalised &&
                 !baseline::is_calendar_word(tokens[end + 1].text)) {
        end += 2;
      } else if (t.text == "the" && end > i && tokens[end - 1].text == "of" && end + 1 < tokens.size() &&
                 tokens[end + 1].capitalised) {
        end += 2;  // "Office of the President"
      } else {
        break;
      }
    }
    // A lone capitalised word that opens a clause ("Critics say ...") is a
    // name only when the article also capitalises it elsewhere, or when it
    // is a known place.
    const bool lone_opener = end == i + 1 && tokens[i].starts_clause && !baseline::is_place(tokens[i].text) &&
                             !names_mid_clause.count(std::string(tokens[i].text));
    if (lone_opener) {
      i = end;
      continue;
    }
    if (std::optional<Mention> m = make_mention(sentence, tokens, i, end)) mentions.push_back(std::move(*m));
    i = end;
  }
  return mentions;
}

// Builds the article's entities from its mentions: exact names first, then
// lone surnames that end exactly one multi-word person name.
void resolve_mentions(std::vector<Mention>& mentions, BaselineExtraction& out) {
  std::unordered_map<std::string, uint32_t> by_name;
  std::unordered_map<std::string, std::set<uint32_t>> people_by_surname;
  std::vector<bool> person_cue;
  std::vector<std::map<std::string, uint32_t>> aliases;
  const auto entity_for = [&](const std::string& name, const std::string& type) {
    const auto [it, added] = by_name.emplace(name, static_cast<uint32_t>(out.entities.size()));
    if (added) {
      out.entities.push_back({name, type, {}, 0});
      person_cue.push_back(false);
      aliases.emplace_back();
    }
    return it->second;
  };
  for (Mention& m : mentions) {
    if (m.name_words < 2) continue;
    m.entity = entity_for(m.name, m.type);
    if (m.person_cue) person_cue[m.entity] = true;
  }
  for (size_t e = 0; e < out.entities.size(); ++e) {
    if (out.entities[e].type == "PERSON" || person_cue[e]) {
      const std::string& name = out.entities[e].name;
      people_by_surname[name.substr(name.rfind(' ') + 1)].insert(static_cast<uint32_t>(e));
    }
  }
  std::unordered_map<std::string, std::set<uint32_t>> orgs_by_first_word;  // "Helios" -> Helios Robotics
  for (size_t e = 0; e < out.entities.size(); ++e) {
    if (out.entities[e].type == "ORG" && !person_cue[e]) {
      const std::string& name = out.entities[e].name;
      orgs_by_first_word[name.substr(0, name.find(' '))].insert(static_cast<uint32_t>(e));
    }
  }
  for (Mention& m : mentions) {
    if (m.name_words >= 2) continue;
    const auto it = people_by_surname.find(m.last_word);
    const auto org = orgs_by_first_word.find(m.last_word);
    if (it != people_by_surname.end() && it->second.size() == 1) {
      m.entity = *it->second.begin();
    } else if (!m.person_cue && org != orgs_by_first_word.end() && org->second.size() == 1 &&
               !baseline::is_place(m.name)) {
      m.entity = *org->second.begin();
    } else {
      m.entity = entity_for(m.name, m.type);
    }
    if (m.person_cue) person_cue[m.entity] = true;
  }
  for (const Mention& m : mentions) {
    ++out.entities[m.entity].mentions;
    ++aliases[m.entity][m.surface];
    if (m.surface != m.name) ++aliases[m.entity][m.name];
  }
  for (size_t e = 0; e < out.entities.size(); ++e) {
    // A title anywhere makes a person; an organisation head word is stronger
    // evidence than a title only when no title was seen.
    if (person_cue[e]) out.entities[e].type = "PERSON";
    for (const auto& [surface, count] : aliases[e]) out.entities[e].aliases.emplace_back(surface, count);
  }
}

uint32_t title_entity(const std::string& title, BaselineExtraction& out,
                      std::unordered_map<std::string, uint32_t>& titles) {
  const auto [it, added] = titles.emplace(title, static_cast<uint32_t>(out.entities.size()));
  if (added) out.entities.push_back({title, "TITLE", {}, 0});
  BaselineEntity& e = out.entities[it->second];
  ++e.mentions;
  if (e.aliases.empty()) e.aliases.emplace_back(title, 0);
  ++e.aliases.front().second;
  return it->second;
}

// The fact between two consecutive mentions, when only a short run of
// lowercase words separates them.
std::optional<BaselineFact> fact_between(const Mention& a, const Mention& b, const std::vector<Token>& tokens) {
  if (a.entity == b.entity) return std::nullopt;
  const size_t gap = b.first_token - a.last_token;
  if (gap < 1 || gap > 6) return std::nullopt;
  std::vector<std::string> words;
  bool negated = false, modal = false, has_content = false;
  for (size_t i = a.last_token; i < b.first_token; ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kPossessive && i == a.last_token) {
      words.push_back("have");  // "Keller's spokesman Weber": Keller have spokesman Weber
      continue;
    }
    if (t.kind != TokenKind::kWord || t.capitalised) return std::nullopt;
    std::string w = lowercase(t.text);
    if (i == a.last_token && (w == "and" || w == "or" || w == "nor")) return std::nullopt;  // coordination
    if (baseline::is_modal(w)) modal = true;
    if (baseline::is_negation(w) || w.ends_with("n't")) {
      negated = true;
      if (!words.empty() && (words.back() == "did" || words.back() == "does" || words.back() == "do")) words.pop_back();
      continue;
    }
    if (baseline::is_modal(w)) continue;
    if (!baseline::is_filler(w) && !baseline::is_name_connector(w) && w != "to" && w != "with" && w != "by" &&
        w != "at" && w != "in" && w != "from" && w != "as") {
      has_content = true;
    }
    words.push_back(std::move(w));
  }
  // "Ramos said Andrade did not ...": after a speech verb or "that" the
  // next name starts a new clause; it is not the verb's object.
  for (const std::string& w : words) {
    if (w == "said" || w == "says" || w == "added" || w == "say" || w == "that") return std::nullopt;
  }
  while (!words.empty() && baseline::is_filler(words.back())) words.pop_back();
  while (!words.empty() && baseline::is_filler(words.front())) words.erase(words.begin());
  if (words.empty() || !has_content) return std::nullopt;
  BaselineFact f;
  f.subject = a.entity;
  f.object = b.entity;
  for (const std::string& w : words) f.relation += (f.relation.empty() ? "" : " ") + w;
  f.sentence = a.sentence;
  f.span_begin = tokens[a.first_token].begin;
  f.span_end = tokens[b.last_token - 1].end;
  f.confidence = words.size() <= 3 ? 0.5f : 0.4f;
  f.negated = negated;
  f.modal = modal;
  return f;
}

}  // namespace

BaselineExtraction extract_baseline(std::string_view text) {
  BaselineExtraction out;
  std::vector<std::vector<Token>> sentence_tokens;
  for (const TextSpan& span : split_sentences_baseline(text)) {
    out.sentences.emplace_back(text.substr(span.begin, span.end - span.begin));
  }
  // Tokens view out.sentences, which no longer grows.
  std::unordered_set<std::string> lowercase_words;
  std::unordered_set<std::string> names_mid_clause;
  for (const std::string& s : out.sentences) {
    sentence_tokens.push_back(baseline::tokenize(s));
    for (const Token& t : sentence_tokens.back()) {
      if (t.kind != TokenKind::kWord) continue;
      if (!t.capitalised) lowercase_words.insert(std::string(t.text));
      if (t.capitalised && !t.starts_clause) names_mid_clause.insert(std::string(t.text));
    }
  }

  std::vector<Mention> mentions;
  std::vector<size_t> first_mention_of_sentence;
  for (size_t s = 0; s < out.sentences.size(); ++s) {
    first_mention_of_sentence.push_back(mentions.size());
    for (Mention& m : find_mentions(out.sentences[s], sentence_tokens[s], lowercase_words, names_mid_clause)) {
      m.sentence = static_cast<uint32_t>(s);
      mentions.push_back(std::move(m));
    }
  }
  first_mention_of_sentence.push_back(mentions.size());
  resolve_mentions(mentions, out);

  std::unordered_map<std::string, uint32_t> titles;
  std::set<std::tuple<uint32_t, uint32_t, std::string, uint32_t>> seen;  // one fact per sentence
  for (size_t s = 0; s < out.sentences.size(); ++s) {
    const auto& tokens = sentence_tokens[s];
    for (size_t i = first_mention_of_sentence[s]; i < first_mention_of_sentence[s + 1]; ++i) {
      const Mention& m = mentions[i];
      if (!m.title.empty()) {
        BaselineFact f;
        f.subject = m.entity;
        f.object = title_entity(m.title, out, titles);
        f.relation = "have title";
        f.sentence = static_cast<uint32_t>(s);
        f.span_begin = tokens[m.first_token].begin;
        f.span_end = tokens[m.last_token - 1].end;
        f.confidence = 0.7f;
        if (seen.emplace(f.subject, f.object, f.relation, f.sentence).second) out.facts.push_back(std::move(f));
      }
      if (i + 1 < first_mention_of_sentence[s + 1]) {
        if (std::optional<BaselineFact> f = fact_between(m, mentions[i + 1], tokens)) {
          if (seen.emplace(f->subject, f->object, f->relation, f->sentence).second) out.facts.push_back(std::move(*f));
        }
      }
    }
  }
  return out;
}

}  // namespace kg::extract

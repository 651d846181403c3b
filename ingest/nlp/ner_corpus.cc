#include "ingest/nlp/ner_corpus.h"

#include <algorithm>
#include <charconv>
#include <fmt/format.h>
#include <string>

#include "ingest/nlp/conllu.h"
#include "ingest/nlp/ner_gazetteer.h"
#include "ingest/nlp/ner_titles.h"
#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

namespace {

// Calls fn(line_number, line) for every line, without the newline.
template <typename Fn>
void for_each_line(std::string_view content, Fn fn) {
  size_t pos = 0, number = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    fn(++number, line);
    pos = nl + 1;
  }
}

// The i-th tab-separated field of a line ("" when there are fewer).
std::string_view field(std::string_view line, size_t index) {
  size_t start = 0;
  for (size_t i = 0; i < index; ++i) {
    const size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) return {};
    start = tab + 1;
  }
  const size_t tab = line.find('\t', start);
  return line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
}

// The value of key=... in a MISC column, "" when absent.
std::string_view misc_value(std::string_view misc, std::string_view key) {
  size_t start = 0;
  while (start < misc.size()) {
    size_t bar = misc.find('|', start);
    if (bar == std::string_view::npos) bar = misc.size();
    const std::string_view item = misc.substr(start, bar - start);
    if (item.size() > key.size() && item.substr(0, key.size()) == key && item[key.size()] == '=') {
      return item.substr(key.size() + 1);
    }
    start = bar + 1;
  }
  return {};
}

// One GUM mention: words [begin, end) of a sentence.
struct Mention {
  uint32_t begin = 0;
  uint32_t end = 0;
  std::string_view etype;
  std::vector<uint32_t> heads;  // sentence word indices of the minspan words
  bool has_identity = false;
};

struct OpenMention {
  std::string id;
  Mention mention;
  std::string_view minspan;
};

// Parses the opener "id-etype-infstat-salience-centering-minspan-link[-identity]".
bool parse_opener(std::string_view text, OpenMention* out) {
  std::string_view parts[7];
  size_t start = 0;
  for (int i = 0; i < 7; ++i) {
    const size_t dash = text.find('-', start);
    if (dash == std::string_view::npos) {
      if (i < 6) return false;
      parts[i] = text.substr(start);
      start = text.size() + 1;
      break;
    }
    parts[i] = text.substr(start, dash - start);
    start = dash + 1;
  }
  out->id = std::string(parts[0]);
  out->mention.etype = parts[1];
  out->minspan = parts[5];
  out->mention.has_identity = start < text.size();
  return !out->id.empty() && !out->mention.etype.empty();
}

bool is_capitalized(const Word& w) { return !w.form.empty() && is_ascii_upper(w.form[0]); }

// Proper nouns, numbers ("Nord Stream 2") and capitalized words that are
// not function words ("United" in "United States" may be tagged VERB).
bool is_name_word(const Word& w) {
  switch (w.upos) {
    case UPos::PROPN: case UPos::NUM: return true;
    case UPos::PRON: case UPos::DET: case UPos::ADP: case UPos::CCONJ: case UPos::SCONJ: case UPos::PART:
    case UPos::AUX: case UPos::PUNCT: case UPos::SYM: case UPos::INTJ: return false;
    default: return is_capitalized(w);
  }
}

// Lowercase words inside names: "Bank of America", "Trinidad and Tobago".
// In a person's name only particles join ("Francisco de Zurbarán"): "and"
// and "of" there join two people or a person and a place.
bool is_connector(const Word& w, bool person) {
  if (w.form == "de" || w.form == "van" || w.form == "von" || w.form == "da" || w.form == "del") return true;
  if (person) return false;
  return w.form == "of" || w.form == "the" || w.form == "and" || w.form == "&" || w.form == "for" ||
         w.form == "on";
}

// Extends [*s, *e) over name words and connectors that lead to name words,
// without leaving [lo, hi).
void grow_name(std::span<const Word> words, uint32_t lo, uint32_t hi, bool person, uint32_t* s, uint32_t* e) {
  while (true) {
    uint32_t j = *s;
    while (j > lo && is_connector(words[j - 1], person) && *s - j < 2) --j;
    if (j > lo && is_name_word(words[j - 1])) {
      *s = j - 1;
      continue;
    }
    break;
  }
  while (true) {
    uint32_t j = *e;
    while (j < hi && is_connector(words[j], person) && j - *e < 2) ++j;
    if (j < hi && is_name_word(words[j])) {
      *e = j + 1;
      continue;
    }
    break;
  }
}

bool is_group_name(std::span<const Word> words, uint32_t begin, uint32_t end) {
  if (words[end - 1].xpos == "NNPS") return true;
  for (uint32_t i = begin; i < end; ++i) {
    if ((Gazetteer::builtin().word_classes(words[i].form) & kGazDemonym) == 0) return false;
  }
  return true;
}

// Whether word range `inner` lies within `outer` and is not the same range
// (for mentions and spans alike: both have begin and end).
template <typename Inner, typename Outer>
bool strictly_inside(const Inner& inner, const Outer& outer) {
  return outer.begin <= inner.begin && inner.end <= outer.end && (inner.begin != outer.begin || inner.end != outer.end);
}

// The named-entity span around `head`, a head word of mention `m`, in
// *span; false when the name is a title standing alone ("Madam Speaker",
// "the President": an office, not a person). `nested_end[w]` is the end of
// the mention nested in `m` that holds word w, 0 when none does.
bool name_around(std::span<const Word> words, std::span<const GazetteerMark> marks, const Mention& m,
                 uint32_t head, std::span<const uint32_t> nested_end, EntitySpan* span) {
  const bool person = m.etype == "person";
  uint32_t s = head, e = head + 1;
  grow_name(words, m.begin, m.end, person, &s, &e);
  *span = EntitySpan{s, e, EntityType::kMisc};
  if (person) {
    span->type = is_group_name(words, s, e) ? EntityType::kMisc : EntityType::kPerson;
    if (span->type == EntityType::kPerson) {
      span->begin = person_name_begin(words, marks, s, e);
      // A mention of its own before the name, such as a title's complement,
      // is no part of it ("Minister of Education Stefania Giannini",
      // "Washington State University Simon Ličen").
      for (uint32_t next = nested_end[span->begin]; next > span->begin && next < e; next = nested_end[next]) {
        span->begin = next;
      }
      if (title_begin(words, marks, e) <= span->begin) return false;
    }
  } else if (m.etype == "organization") {
    span->type = EntityType::kOrg;
  } else if (m.etype == "place") {
    span->type = EntityType::kLoc;
  }
  return true;
}

// The flat named-entity spans of one sentence's mentions.
std::vector<EntitySpan> named_spans(std::span<const Word> words, const std::vector<Mention>& mentions) {
  std::vector<GazetteerMark> marks;
  Gazetteer::builtin().mark(words, &marks);
  std::vector<EntitySpan> candidates;
  for (const Mention& m : mentions) {
    if (m.etype == "time") continue;
    // A word of a mention nested inside this one belongs to that mention:
    // "U.S." and "Trump" do not make "U.S. President Donald Trump's
    // policies" (an abstract mention whose minspan lists them) a name.
    std::vector<uint32_t> nested_end(words.size(), 0);
    for (const Mention& o : mentions) {
      if (!strictly_inside(o, m)) continue;
      for (uint32_t w = o.begin; w < o.end; ++w) nested_end[w] = std::max(nested_end[w], o.end);
    }
    auto nested = [&](uint32_t w) { return nested_end[w] != 0; };
    // Head words that may carry the name, best first: the proper nouns of
    // the minspan, then (for a mention with a Wikipedia identity) its other
    // words that may be part of a name. The first that gives a name wins;
    // one that gives a title alone passes to the next ("Minister of
    // Education Stefania Giannini"), and a later proper noun may belong to
    // an apposition inside the mention ("Joshua Abraham Norton (...), known
    // as Emperor Norton").
    std::vector<uint32_t> heads;
    for (uint32_t h : m.heads) {
      if (h >= m.begin && h < m.end && words[h].upos == UPos::PROPN && !nested(h)) heads.push_back(h);
    }
    if (heads.empty() && m.has_identity) {
      for (uint32_t h : m.heads) {
        if (h >= m.begin && h < m.end && is_name_word(words[h]) && words[h].upos != UPos::NUM && !nested(h)) {
          heads.push_back(h);
          break;
        }
      }
    }
    uint32_t tried_end = 0;  // heads before this lie in a title already tried
    for (uint32_t h : heads) {
      if (h < tried_end) continue;
      EntitySpan span;
      const bool named = name_around(words, marks, m, h, nested_end, &span);
      // After a title, a name right after "of" or "the" is the title's
      // complement ("Doctor of the Church"), not the person's name.
      const bool complement = tried_end > 0 && span.begin > 0 &&
                              (words[span.begin - 1].form == "of" || words[span.begin - 1].form == "the");
      if (named && !complement) {
        candidates.push_back(span);
        break;
      }
      tried_end = span.end;
    }
  }
  // A mention holding two or more named mentions of its own, with a
  // conjunction or comma outside them, is a coordination or list of them
  // ("Khartoum and Juba", "Sudan and South Sudan"): a group, not a name.
  // Its parts are the names. Without one it is a name built of names
  // ("United Nations Industrial Development Organization"), and stays.
  std::vector<bool> group(candidates.size(), false);
  for (size_t c = 0; c < candidates.size(); ++c) {
    int parts = 0;
    std::vector<bool> in_part(candidates[c].end - candidates[c].begin, false);
    for (size_t o = 0; o < candidates.size(); ++o) {
      if (!strictly_inside(candidates[o], candidates[c])) continue;
      ++parts;
      for (uint32_t w = candidates[o].begin; w < candidates[o].end; ++w) in_part[w - candidates[c].begin] = true;
    }
    bool joined = false;
    for (uint32_t w = candidates[c].begin; w < candidates[c].end; ++w) {
      const Word& word = words[w];
      joined |= !in_part[w - candidates[c].begin] && (word.upos == UPos::CCONJ || word.form == ",");
    }
    group[c] = parts >= 2 && joined;
  }
  for (size_t c = candidates.size(); c-- > 0;) {
    if (group[c]) candidates.erase(candidates.begin() + static_cast<long>(c));
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const EntitySpan& a, const EntitySpan& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  std::vector<EntitySpan> kept;
  for (const EntitySpan& c : candidates) {
    const bool overlaps = std::any_of(kept.begin(), kept.end(), [&](const EntitySpan& k) {
      return c.begin < k.end && k.begin < c.end;
    });
    if (!overlaps) kept.push_back(c);
  }
  std::sort(kept.begin(), kept.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  return kept;
}

// Reads the Entity= brackets of one word into open/closed mentions.
Status parse_entity_field(std::string_view value, uint32_t word, std::vector<OpenMention>* open,
                          std::vector<Mention>* done, std::string_view where) {
  size_t i = 0;
  auto close = [&](std::string_view id) -> Status {
    for (size_t k = open->size(); k-- > 0;) {
      if ((*open)[k].id != id) continue;
      OpenMention om = std::move((*open)[k]);
      open->erase(open->begin() + static_cast<long>(k));
      om.mention.end = word + 1;
      // minspan: comma-separated 1-based offsets within the mention.
      size_t start = 0;
      while (start <= om.minspan.size()) {
        size_t comma = om.minspan.find(',', start);
        if (comma == std::string_view::npos) comma = om.minspan.size();
        uint32_t offset = 0;
        const std::string_view item = om.minspan.substr(start, comma - start);
        const auto r = std::from_chars(item.data(), item.data() + item.size(), offset);
        if (r.ec == std::errc() && offset >= 1) om.mention.heads.push_back(om.mention.begin + offset - 1);
        start = comma + 1;
      }
      done->push_back(std::move(om.mention));
      return Status::ok();
    }
    return Status::invalid_input(fmt::format("{}: Entity closes mention {} that is not open", where, id));
  };
  while (i < value.size()) {
    if (value[i] == '(') {
      size_t j = i + 1;
      while (j < value.size() && value[j] != '(' && value[j] != ')') ++j;
      OpenMention om;
      if (!parse_opener(value.substr(i + 1, j - i - 1), &om)) {
        return Status::invalid_input(fmt::format("{}: malformed Entity opener '{}'", where, value.substr(i, j - i)));
      }
      om.mention.begin = word;
      const std::string id = om.id;
      open->push_back(std::move(om));
      if (j < value.size() && value[j] == ')') {
        if (Status st = close(id); !st) return st;
        ++j;
      }
      i = j;
    } else if (is_ascii_digit(value[i])) {
      size_t j = i;
      while (j < value.size() && is_ascii_digit(value[j])) ++j;
      if (j >= value.size() || value[j] != ')') {
        return Status::invalid_input(fmt::format("{}: malformed Entity closer in '{}'", where, value));
      }
      if (Status st = close(value.substr(i, j - i)); !st) return st;
      i = j + 1;
    } else {
      return Status::invalid_input(fmt::format("{}: unexpected '{}' in Entity value '{}'", where, value[i], value));
    }
  }
  return Status::ok();
}

}  // namespace

Result<NerCorpus> read_gum_entities(std::string_view content, std::string_view source_name) {
  auto doc = read_conllu(content, source_name);
  if (!doc) return doc.status();
  NerCorpus corpus{std::move(doc).value(), {}};
  corpus.entities.resize(corpus.doc.sentences.size());
  // GUM mentions may span sentences only in theory; brackets are tracked
  // per sentence and any left open at its end are dropped.
  for (size_t s = 0; s < corpus.doc.sentences.size(); ++s) {
    const Sentence& sentence = corpus.doc.sentences[s];
    std::vector<OpenMention> open;
    std::vector<Mention> mentions;
    for (uint32_t w = 0; w < sentence.size(); ++w) {
      const size_t index = sentence.word_begin + w;
      const std::string_view value = misc_value(corpus.doc.words[index].misc, "Entity");
      if (value.empty()) continue;
      const std::string where = fmt::format("{}: sentence {}, word {}", source_name,
                                            sentence.sent_id.empty() ? std::to_string(s + 1) : sentence.sent_id, w + 1);
      if (Status st = parse_entity_field(value, w, &open, &mentions, where); !st) return st;
    }
    corpus.entities[s] = named_spans(corpus.doc.words_of(sentence), mentions);
  }
  return corpus;
}

Result<NerCorpus> read_iob2(std::string_view content, std::string_view source_name) {
  struct Token {
    std::string_view form, tag;
    size_t line;
  };
  std::vector<std::vector<Token>> sentences(1);
  std::vector<bool> new_document(1, false);
  for_each_line(content, [&](size_t number, std::string_view line) {
    if (line.empty()) {
      if (!sentences.back().empty()) {
        sentences.emplace_back();
        new_document.push_back(false);
      }
      return;
    }
    if (line[0] == '#') {
      if (line.starts_with("# newdoc")) new_document.back() = true;
      return;
    }
    sentences.back().push_back(Token{field(line, 1), field(line, 2), number});
  });
  if (sentences.back().empty()) {
    sentences.pop_back();
    new_document.pop_back();
  }

  NerCorpus corpus;
  std::string& text = corpus.doc.mutable_text();
  for (const auto& s : sentences) {
    for (const Token& t : s) {
      if (t.form.empty() || t.tag.empty()) {
        return Status::invalid_input(
            fmt::format("{}:{}: expected 'ID<TAB>FORM<TAB>TAG' in an IOB2 file", source_name, t.line));
      }
      text += t.form;
      text += ' ';
    }
    text.back() = '\n';
  }
  uint32_t offset = 0;
  for (size_t n = 0; n < sentences.size(); ++n) {
    const auto& s = sentences[n];
    Sentence sentence;
    sentence.new_document = new_document[n];
    sentence.word_begin = static_cast<uint32_t>(corpus.doc.words.size());
    std::vector<int> labels;
    for (const Token& t : s) {
      Word w;
      w.begin = offset;
      w.end = offset + static_cast<uint32_t>(t.form.size());
      w.form = std::string_view(corpus.doc.text()).substr(w.begin, t.form.size());
      offset = w.end + 1;
      corpus.doc.words.push_back(w);
      int label = 0;
      if (t.tag != "O") {
        EntityType type;
        if (t.tag.size() < 3 || (t.tag[0] != 'B' && t.tag[0] != 'I') || t.tag[1] != '-' ||
            !parse_entity_type(t.tag.substr(2), &type)) {
          return Status::invalid_input(fmt::format("{}:{}: unknown IOB2 tag '{}' (expected O, B-TYPE or I-TYPE)",
                                                   source_name, t.line, t.tag));
        }
        label = bilou_label(type, t.tag[0] == 'B' ? BilouPosition::kBegin : BilouPosition::kInside);
      }
      labels.push_back(label);
    }
    sentence.word_end = static_cast<uint32_t>(corpus.doc.words.size());
    const Word& first = corpus.doc.words[sentence.word_begin];
    const Word& last = corpus.doc.words[sentence.word_end - 1];
    sentence.text = std::string_view(corpus.doc.text()).substr(first.begin, last.end - first.begin);
    corpus.doc.sentences.push_back(sentence);
    corpus.entities.push_back(spans_from_labels(labels));
  }
  return corpus;
}

Result<NerCorpus> read_ner_conllu(std::string_view content, std::string_view source_name) {
  auto doc = read_conllu(content, source_name);
  if (!doc) return doc.status();
  NerCorpus corpus{std::move(doc).value(), {}};
  for (Word& w : corpus.doc.words) w.ner = misc_value(w.misc, "NER");
  for (const Sentence& s : corpus.doc.sentences) corpus.entities.push_back(entity_spans(corpus.doc.words_of(s)));
  return corpus;
}

}  // namespace kg::nlp

#include "ingest/nlp/train/ud_eval.h"

#include <algorithm>
#include <fmt/format.h>

#include "ingest/nlp/text_chars.h"

namespace kg::train {

namespace {

using nlp::Document;
using nlp::Sentence;
using nlp::Word;

// A span in "non-whitespace character" coordinates: byte positions counted
// over the text with all whitespace removed, so two tokenizations of the
// same text can be compared whatever spacing each kept.
struct Span {
  size_t start = 0;
  size_t end = 0;
  bool operator==(const Span&) const = default;
};

struct Unit {
  Span span;
  uint32_t first_word = 0;  // global word indices [first_word, last_word]
  uint32_t last_word = 0;
  bool multiword = false;
};

struct Layout {
  std::vector<Unit> tokens;
  std::vector<Span> sentences;
  std::string stripped;  // the text without whitespace
};

Layout layout_of(const Document& doc) {
  const std::string& text = doc.text();
  std::vector<uint32_t> offset(text.size() + 1);
  Layout out;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    offset[i] = static_cast<uint32_t>(count);
    size_t len = 1;
    const char32_t c = nlp::decode_char(text, i, &len);
    if (!nlp::is_space_char(c)) {
      out.stripped.append(text, i, len);
      for (size_t k = 1; k < len; ++k) offset[i + k] = static_cast<uint32_t>(count + k);
      count += len;
    } else {
      for (size_t k = 1; k < len; ++k) offset[i + k] = static_cast<uint32_t>(count);
    }
    i += len - 1;
  }
  offset[text.size()] = static_cast<uint32_t>(count);
  auto span = [&](uint32_t b, uint32_t e) { return Span{offset[std::min<size_t>(b, text.size())], offset[std::min<size_t>(e, text.size())]}; };

  for (const Sentence& s : doc.sentences) {
    if (s.size() == 0) continue;
    const Word& first = doc.words[s.word_begin];
    const Word& last = doc.words[s.word_end - 1];
    out.sentences.push_back(span(first.begin, last.end));
    size_t next_mwt = 0;
    for (uint32_t i = 0; i < s.size(); ++i) {
      const uint32_t g = s.word_begin + i;
      if (next_mwt < s.multiword.size() && s.multiword[next_mwt].first == i) {
        const nlp::MultiwordToken& m = s.multiword[next_mwt++];
        const Word& a = doc.words[s.word_begin + m.first];
        const Word& b = doc.words[s.word_begin + m.last];
        out.tokens.push_back({span(a.begin, std::max(a.end, b.end)), g, s.word_begin + m.last, true});
        i = m.last;
        continue;
      }
      out.tokens.push_back({span(doc.words[g].begin, doc.words[g].end), g, g, false});
    }
  }
  return out;
}

size_t count_equal_spans(const std::vector<Span>& a, const std::vector<Span>& b) {
  size_t i = 0, j = 0, n = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      ++n, ++i, ++j;
    } else if (a[i].start < b[j].start || (a[i].start == b[j].start && a[i].end < b[j].end)) {
      ++i;
    } else {
      ++j;
    }
  }
  return n;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = nlp::ascii_lower(c);
  return out;
}

// Aligns the words of a region by the longest common subsequence of their
// lowercased forms; writes pairs into `align` (gold word -> system word).
void align_lcs(const Document& gold, const Document& system, uint32_t g0, uint32_t g1, uint32_t s0, uint32_t s1,
               std::vector<int64_t>* align) {
  const size_t n = g1 - g0, m = s1 - s0;
  std::vector<std::string> gf(n), sf(m);
  for (size_t i = 0; i < n; ++i) gf[i] = lower(gold.words[g0 + i].form);
  for (size_t j = 0; j < m; ++j) sf[j] = lower(system.words[s0 + j].form);
  std::vector<uint32_t> table((n + 1) * (m + 1), 0);
  auto at = [&](size_t i, size_t j) -> uint32_t& { return table[i * (m + 1) + j]; };
  for (size_t i = n; i-- > 0;) {
    for (size_t j = m; j-- > 0;) {
      at(i, j) = gf[i] == sf[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (gf[i] == sf[j]) {
      (*align)[g0 + i] = s0 + j;
      ++i, ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
}

std::string_view universal_relation(std::string_view deprel) { return deprel.substr(0, deprel.find(':')); }

}  // namespace

const UdMetric* UdScores::find(std::string_view name) const {
  for (const UdMetric& m : metrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

std::string ud_raw_text(const Document& gold, std::vector<size_t>* sentence_ends) {
  std::string out;
  if (sentence_ends) sentence_ends->clear();
  for (const Sentence& s : gold.sentences) {
    if (!out.empty()) out += s.new_paragraph || s.new_document ? "\n\n" : " ";
    if (!s.text.empty()) {
      out += s.text;
    } else {
      const auto words = gold.words_of(s);
      for (size_t i = 0; i < words.size(); ++i) {
        out += words[i].form;
        if (words[i].space_after && i + 1 < words.size()) out += ' ';
      }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (sentence_ends) sentence_ends->push_back(out.size());
  }
  out += '\n';
  return out;
}

Result<UdScores> score_ud(const Document& gold, const Document& system) {
  const Layout g = layout_of(gold);
  const Layout s = layout_of(system);
  if (g.stripped != s.stripped) {
    size_t at = 0;
    while (at < g.stripped.size() && at < s.stripped.size() && g.stripped[at] == s.stripped[at]) ++at;
    return Status::invalid_input(fmt::format(
        "gold and system texts differ (ignoring whitespace) at character {}: gold '{}' vs system '{}'", at,
        g.stripped.substr(at, 20), s.stripped.substr(at, 20)));
  }

  UdScores scores;
  auto add = [&](std::string name, size_t gold_n, size_t system_n, size_t correct, size_t aligned) {
    scores.metrics.push_back({std::move(name), gold_n, system_n, correct, aligned});
  };

  std::vector<Span> gt, st;
  for (const Unit& u : g.tokens) gt.push_back(u.span);
  for (const Unit& u : s.tokens) st.push_back(u.span);
  const size_t tokens_ok = count_equal_spans(gt, st);
  add("Tokens", gt.size(), st.size(), tokens_ok, tokens_ok);
  const size_t sentences_ok = count_equal_spans(g.sentences, s.sentences);
  add("Sentences", g.sentences.size(), s.sentences.size(), sentences_ok, sentences_ok);

  // Word alignment: walk both token lists; equal single-word tokens align
  // directly, overlapping regions that involve a multiword token align by
  // LCS, anything else stays unaligned.
  std::vector<int64_t> align(gold.words.size(), -1);
  size_t i = 0, j = 0;
  while (i < g.tokens.size() && j < s.tokens.size()) {
    const Unit& a = g.tokens[i];
    const Unit& b = s.tokens[j];
    if (a.span.end <= b.span.start) { ++i; continue; }
    if (b.span.end <= a.span.start) { ++j; continue; }
    if (a.span == b.span && !a.multiword && !b.multiword) {
      align[a.first_word] = b.first_word;
      ++i, ++j;
      continue;
    }
    // Grow the region until both sides end at the same place.
    size_t i2 = i + 1, j2 = j + 1;
    size_t end = std::max(a.span.end, b.span.end);
    bool multiword = a.multiword || b.multiword;
    while (true) {
      if (i2 < g.tokens.size() && g.tokens[i2].span.start < end) {
        end = std::max(end, g.tokens[i2].span.end);
        multiword |= g.tokens[i2].multiword;
        ++i2;
      } else if (j2 < s.tokens.size() && s.tokens[j2].span.start < end) {
        end = std::max(end, s.tokens[j2].span.end);
        multiword |= s.tokens[j2].multiword;
        ++j2;
      } else {
        break;
      }
    }
    if (multiword) {
      align_lcs(gold, system, g.tokens[i].first_word, g.tokens[i2 - 1].last_word + 1, s.tokens[j].first_word,
                s.tokens[j2 - 1].last_word + 1, &align);
    } else {
      size_t x = i, y = j;
      while (x < i2 && y < j2) {
        if (g.tokens[x].span == s.tokens[y].span) {
          align[g.tokens[x].first_word] = s.tokens[y].first_word;
          ++x, ++y;
        } else if (g.tokens[x].span.start < s.tokens[y].span.start) {
          ++x;
        } else {
          ++y;
        }
      }
    }
    i = i2;
    j = j2;
  }

  // Head of each word as a global word index, or -1 for the root.
  auto global_heads = [](const Document& doc) {
    std::vector<int64_t> heads(doc.words.size(), -1);
    for (const Sentence& sent : doc.sentences) {
      for (uint32_t w = sent.word_begin; w < sent.word_end; ++w) {
        const int32_t h = doc.words[w].head;
        heads[w] = h < 0 ? -1 : static_cast<int64_t>(sent.word_begin) + h;
      }
    }
    return heads;
  };
  const std::vector<int64_t> gold_heads = global_heads(gold);
  const std::vector<int64_t> system_heads = global_heads(system);

  size_t aligned = 0, upos = 0, xpos = 0, feats = 0, lemmas = 0, uas = 0, las = 0;
  for (size_t w = 0; w < gold.words.size(); ++w) {
    if (align[w] < 0) continue;
    ++aligned;
    const Word& gw = gold.words[w];
    const Word& sw = system.words[align[w]];
    upos += gw.upos == sw.upos;
    xpos += gw.xpos == sw.xpos;
    feats += gw.feats == sw.feats;
    lemmas += gw.lemma == sw.lemma;
    const int64_t gh = gold_heads[w], sh = system_heads[align[w]];
    const bool head_ok = gh < 0 ? sh < 0 : (sh >= 0 && align[gh] == sh);
    uas += head_ok;
    las += head_ok && universal_relation(gw.deprel) == universal_relation(sw.deprel);
  }
  const size_t gw = gold.words.size(), sw = system.words.size();
  add("Words", gw, sw, aligned, aligned);
  add("UPOS", gw, sw, upos, aligned);
  add("XPOS", gw, sw, xpos, aligned);
  add("UFeats", gw, sw, feats, aligned);
  add("Lemmas", gw, sw, lemmas, aligned);
  add("UAS", gw, sw, uas, aligned);
  add("LAS", gw, sw, las, aligned);
  return scores;
}

}  // namespace kg::train

#include "ingest/nlp/ner.h"

#include <fmt/format.h>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

#include "base/lexicon.h"
#include "base/one_of.h"

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/ner_titles.h"
#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/word_shape.h"

namespace kg::nlp {

namespace {

// Keys of the padding words before the start and after the end.
const EntityRecognizer::WordKeys& padding(bool before) {
  static const EntityRecognizer::WordKeys kBefore = [] {
    EntityRecognizer::WordKeys k;
    k.lower = k.exact = k.shape = k.upos = k.xpos = hash_bytes("<s>");
    return k;
  }();
  static const EntityRecognizer::WordKeys kAfter = [] {
    EntityRecognizer::WordKeys k;
    k.lower = k.exact = k.shape = k.upos = k.xpos = hash_bytes("</s>");
    return k;
  }();
  return before ? kBefore : kAfter;
}

// Feature template ids; a template's id is part of every key it makes, so
// renumbering them changes the model format.
enum Template : uint32_t {
  kBias = 1, kLower, kExact, kShape, kPrefix, kSuffix, kLowerPrev1, kLowerNext1, kLowerPrev2, kLowerNext2,
  kShapePrev1, kShapeNext1, kShapeTrigram, kUpos, kUposPrev1, kUposNext1, kXpos, kUposTrigram, kLabel1,
  kLabel12, kLabel1Lower, kLabel1Shape, kBigramPrev, kBigramNext, kGazWord, kGazPhrase, kGazPhrasePrev,
  kGazPhraseNext, kGazWordPrev, kFirstShape, kHeadlineShape, kCommonShape, kLabel1Upos, kUposShape,
  kGazWordNext, kXposShape, kCommonFirst, kHistory, kHistoryShape,
};

// Words that only join or point: a name particle tagged as one of these
// is the preposition or conjunction it looks like ("as", "de").
bool is_function_word(UPos upos) {
  return upos == UPos::ADP || upos == UPos::SCONJ || upos == UPos::CCONJ || upos == UPos::DET || upos == UPos::PRON;
}

// Function words and lowercase verbs: never the last word of a name (a
// capitalized "United" tagged VERB may end one: "Manchester United").
bool ends_no_name(const Word& w) {
  if (is_function_word(w.upos)) return true;
  return (w.upos == UPos::AUX || w.upos == UPos::VERB) && !w.form.empty() && !is_ascii_upper(w.form[0]);
}

// Extends a PERSON span starting at `begin` back over a name particle
// ("bin", or "al -" written with a split hyphen) and the given name before
// it ("Muqtada al - Sadr"); `floor` is the end of the previous span.
uint32_t person_begin_with_particles(std::span<const Word> words, uint32_t begin, uint32_t floor) {
  uint32_t b = begin;
  if (b >= floor + 2 && words[b - 1].form == "-" && is_name_particle(words[b - 2].form)) {
    b -= 2;
  } else if (b >= floor + 1 && is_name_particle(words[b - 1].form)) {
    b -= 1;
  } else {
    return begin;
  }
  if (b >= floor + 1 && words[b - 1].upos == UPos::PROPN && is_ascii_upper(words[b - 1].form[0])) --b;
  return b;
}

// The end of the gazetteer phrase whose first word is `first` (a one-word
// phrase or a phrase's first word), or 0 when the marks there start none.
uint32_t phrase_end(std::span<const GazetteerMark> marks, uint32_t first) {
  if (marks[first].phrase_position == 0) return first + 1;
  if (marks[first].phrase_position != 1) return 0;
  uint32_t e = first + 1;
  while (e < marks.size() && marks[e].phrase_position == 2) ++e;
  return e < marks.size() && marks[e].phrase_position == 3 ? e + 1 : 0;
}

// The gazetteer phrase of class `cls` (and no country) that holds all of
// words [begin, end), as [first, last) word bounds; {0, 0} when there is
// none. Phrases never overlap (Gazetteer::mark), so it is unique.
std::pair<uint32_t, uint32_t> listed_phrase(std::span<const GazetteerMark> marks, uint32_t begin, uint32_t end,
                                            uint16_t cls) {
  const uint16_t classes = marks[begin].phrase_classes;
  if ((classes & cls) == 0 || (classes & kGazCountry) != 0) return {0, 0};
  uint32_t b = begin;
  while (marks[b].phrase_position >= 2) --b;  // back to the phrase's first word
  const uint32_t e = phrase_end(marks, b);
  return e != 0 && end <= e ? std::pair{b, e} : std::pair<uint32_t, uint32_t>{0, 0};
}

}  // namespace

void EntityRecognizer::sentence_keys(std::span<const Word> words, SentenceKeys* keys) const {
  keys->words.resize(words.size());
  std::vector<GazetteerMark>& marks = keys->marks;
  Gazetteer::builtin().mark(words, &marks);
  size_t alphabetic = 0, capitalized = 0;
  char buf[128];
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view form = words[i].form;
    WordKeys& k = keys->words[i];
    const std::string_view lower = lowercase_into(form, buf, sizeof(buf));
    k.lower = lower.empty() ? hash_lowercase(form) : hash_bytes(lower);
    k.exact = hash_bytes(form);
    k.shape = hash_bytes(word_shape(form).view());
    k.upos = static_cast<uint64_t>(words[i].upos) + 1;
    k.xpos = hash_bytes(words[i].xpos);
    const std::string_view base = lower.empty() ? form : lower;
    for (size_t n = 1; n <= 3; ++n) k.prefix[n - 1] = hash_bytes(base.substr(0, std::min(n, base.size())));
    for (size_t n = 1; n <= 4; ++n) {
      const size_t len = std::min(n, base.size());
      k.suffix[n - 1] = hash_bytes(base.substr(base.size() - len));
    }
    k.flags = 0;
    const bool cap = !form.empty() && is_ascii_upper(form[0]);
    if (cap) k.flags |= kCapitalized;
    if (!lower.empty() && common_lowercase_.contains(lower)) k.flags |= kCommonLowercase;
    if (!form.empty() && is_ascii_alpha(form[0])) {
      ++alphabetic;
      if (cap) ++capitalized;
    }
  }
  keys->headline = alphabetic >= 4 && capitalized * 10 >= alphabetic * 7;
}

void EntityRecognizer::set_history(std::span<const Word> words, const PredictionHistory& history,
                                   SentenceKeys* keys) {
  for (size_t i = 0; i < words.size() && i < keys->words.size(); ++i) {
    uint8_t* out = keys->words[i].history;
    std::fill(out, out + 1 + kEntityTypeCount, uint8_t{0});
    const PredictionHistory::Counts* counts = history.find(words[i].form);
    if (counts == nullptr) continue;
    uint32_t total = 0;
    for (uint16_t n : *counts) total += n;
    for (size_t c = 0; c < counts->size(); ++c) {
      if ((*counts)[c] != 0) out[c] = static_cast<uint8_t>(1 + (3u * (*counts)[c]) / total);
    }
  }
}

void EntityRecognizer::features(const SentenceKeys& keys, size_t i, int prev1, int prev2,
                                std::vector<uint64_t>* out) {
  const auto& w = keys.words;
  const size_t n = w.size();
  auto at = [&](long j) -> const WordKeys& {
    if (j < 0) return padding(true);
    if (j >= static_cast<long>(n)) return padding(false);
    return w[static_cast<size_t>(j)];
  };
  const long li = static_cast<long>(i);
  const WordKeys& c = w[i];
  const WordKeys& p1 = at(li - 1);
  const WordKeys& p2 = at(li - 2);
  const WordKeys& n1 = at(li + 1);
  const WordKeys& n2 = at(li + 2);
  out->clear();
  auto f = [&](uint32_t t) { return FeatureKey(t); };
  out->push_back(f(kBias).key());
  out->push_back(f(kLower).add(c.lower).key());
  out->push_back(f(kExact).add(c.exact).key());
  out->push_back(f(kShape).add(c.shape).key());
  for (uint64_t k = 0; k < 3; ++k) out->push_back(f(kPrefix).add(k).add(c.prefix[k]).key());
  for (uint64_t k = 0; k < 4; ++k) out->push_back(f(kSuffix).add(k).add(c.suffix[k]).key());
  out->push_back(f(kLowerPrev1).add(p1.lower).key());
  out->push_back(f(kLowerNext1).add(n1.lower).key());
  out->push_back(f(kLowerPrev2).add(p2.lower).key());
  out->push_back(f(kLowerNext2).add(n2.lower).key());
  out->push_back(f(kShapePrev1).add(p1.shape).key());
  out->push_back(f(kShapeNext1).add(n1.shape).key());
  out->push_back(f(kShapeTrigram).add(p1.shape).add(c.shape).add(n1.shape).key());
  out->push_back(f(kUpos).add(c.upos).key());
  out->push_back(f(kUposPrev1).add(p1.upos).key());
  out->push_back(f(kUposNext1).add(n1.upos).key());
  out->push_back(f(kXpos).add(c.xpos).key());
  out->push_back(f(kUposTrigram).add(p1.upos).add(c.upos).add(n1.upos).key());
  out->push_back(f(kLabel1).add(static_cast<uint64_t>(prev1)).key());
  out->push_back(f(kLabel12).add(static_cast<uint64_t>(prev1)).add(static_cast<uint64_t>(prev2)).key());
  out->push_back(f(kLabel1Lower).add(static_cast<uint64_t>(prev1)).add(c.lower).key());
  out->push_back(f(kLabel1Shape).add(static_cast<uint64_t>(prev1)).add(c.shape).key());
  out->push_back(f(kLabel1Upos).add(static_cast<uint64_t>(prev1)).add(c.upos).key());
  out->push_back(f(kBigramPrev).add(p1.lower).add(c.lower).key());
  out->push_back(f(kBigramNext).add(c.lower).add(n1.lower).key());
  out->push_back(f(kUposShape).add(c.upos).add(c.shape).key());
  out->push_back(f(kXposShape).add(c.xpos).add(c.shape).key());
  // Gazetteer marks; the padding words are on no list.
  auto mark = [&](long j) {
    return j < 0 || j >= static_cast<long>(n) ? GazetteerMark{} : keys.marks[static_cast<size_t>(j)];
  };
  const GazetteerMark cm = mark(li), pm = mark(li - 1), nm = mark(li + 1);
  if (cm.word_classes) out->push_back(f(kGazWord).add(cm.word_classes).add(c.flags & kCapitalized).key());
  if (cm.phrase_classes) {
    out->push_back(
        f(kGazPhrase).add(cm.phrase_classes).add(cm.phrase_position).add(c.flags & kCapitalized).key());
  }
  if (pm.phrase_classes) out->push_back(f(kGazPhrasePrev).add(pm.phrase_classes).add(c.flags & kCapitalized).key());
  if (nm.phrase_classes) out->push_back(f(kGazPhraseNext).add(nm.phrase_classes).add(c.flags & kCapitalized).key());
  if (pm.word_classes) out->push_back(f(kGazWordPrev).add(pm.word_classes).add(c.shape).key());
  if (nm.word_classes) out->push_back(f(kGazWordNext).add(nm.word_classes).add(c.shape).key());
  out->push_back(f(kFirstShape).add(i == 0).add(c.shape).add(c.flags).key());
  if (keys.headline) out->push_back(f(kHeadlineShape).add(c.shape).add(c.flags).key());
  out->push_back(f(kCommonShape).add(c.flags).add(p1.flags).add(n1.flags).key());
  out->push_back(f(kCommonFirst).add(c.flags).add(p1.upos).key());
  for (uint64_t h = 0; h < 1 + kEntityTypeCount; ++h) {
    if (c.history[h] == 0) continue;
    out->push_back(f(kHistory).add(h).add(c.history[h]).key());
    out->push_back(f(kHistoryShape).add(h).add(c.history[h]).add(c.flags).add(i == 0).key());
  }
}

void EntityRecognizer::allowed_labels(int prev, size_t i, size_t n, bool allowed[kBilouLabelCount]) {
  const bool last = i + 1 == n;
  for (int l = 0; l < kBilouLabelCount; ++l) {
    allowed[l] = bilou_transition_allowed(prev, l) && (!last || bilou_transition_allowed(l, 0));
  }
}

void EntityRecognizer::predict(std::span<const Word> words, std::vector<int>* labels,
                               const PredictionHistory* history) const {
  labels->assign(words.size(), 0);
  if (words.empty()) return;
  SentenceKeys keys;
  sentence_keys(words, &keys);
  if (history != nullptr) set_history(words, *history, &keys);
  const size_t n = words.size();
  // A small beam over well-formed label sequences: the features of word i
  // depend on the two labels before it, so each hypothesis keeps its own
  // history. Hypotheses are kept in a flat array; back pointers rebuild the
  // best sequence at the end.
  struct Hypothesis {
    double score;
    int label, prev1, prev2;
    int back;  // index of the hypothesis it extends in the previous step, -1 at the start
  };
  const size_t width = beam_width_;
  std::vector<std::vector<Hypothesis>> steps(n);
  std::vector<Hypothesis> frontier = {Hypothesis{0.0, 0, 0, 0, -1}};
  std::vector<Hypothesis> next;
  std::vector<uint64_t> feats;
  feats.reserve(64);
  bool allowed[kBilouLabelCount];
  float scores[kBilouLabelCount];
  for (size_t i = 0; i < n; ++i) {
    next.clear();
    for (size_t h = 0; h < frontier.size(); ++h) {
      const Hypothesis& hyp = frontier[h];
      const int prev1 = i == 0 ? 0 : hyp.label;
      const int prev2 = i == 0 ? 0 : hyp.prev1;
      features(keys, i, prev1, prev2, &feats);
      allowed_labels(prev1, i, n, allowed);
      std::fill(scores, scores + kBilouLabelCount, 0.0f);
      model_.add_scores(feats, std::span<float>(scores, kBilouLabelCount));
      // Raw perceptron scores of different histories are not comparable
      // (the model was trained greedily); log-softmax over the allowed
      // labels makes each step a local distribution.
      double top = -1e30;
      for (int l = 0; l < kBilouLabelCount; ++l) {
        if (allowed[l] && scores[l] > top) top = scores[l];
      }
      double total = 0.0;
      for (int l = 0; l < kBilouLabelCount; ++l) {
        if (allowed[l]) total += std::exp(static_cast<double>(scores[l]) - top);
      }
      const double log_total = top + std::log(total);
      for (int l = 0; l < kBilouLabelCount; ++l) {
        if (!allowed[l]) continue;
        next.push_back(Hypothesis{hyp.score + static_cast<double>(scores[l]) - log_total, l, prev1, prev2,
                                  i == 0 ? -1 : static_cast<int>(h)});
      }
    }
    // Ties keep the earlier hypothesis and the lower label: deterministic.
    const size_t keep = std::min(width, next.size());
    std::partial_sort(next.begin(), next.begin() + static_cast<long>(keep), next.end(),
                      [](const Hypothesis& a, const Hypothesis& b) {
                        if (a.score != b.score) return a.score > b.score;
                        if (a.back != b.back) return a.back < b.back;
                        return a.label < b.label;
                      });
    next.resize(keep);
    steps[i] = next;
    frontier.swap(next);
  }
  int h = 0;
  for (size_t i = n; i-- > 0;) {
    (*labels)[i] = steps[i][h].label;
    h = steps[i][h].back;
  }
  tidy_spans(words, keys.marks, labels);
  std::vector<EntitySpan> spans = spans_from_labels(*labels);
  trim_and_add_places(words, keys.marks, &spans);
  join_firm_names(words, &spans);
  join_organisation_names(words, keys.marks, &spans);
  if (!keys.headline) join_named_bodies(words, keys.marks, &spans);
  cut_prepositional_tails(words, &spans);
  split_at_listed_place(words, keys.marks, &spans);
  names_after_descriptors(words, &spans);
  join_channel_names(words, &spans);
  drop_non_names(words, keys, &spans);
  labels_from_spans(words.size(), spans, labels);
}

namespace {

// The span of `spans` that holds word `k`, or nullptr.
const EntitySpan* covering_span(std::span<const EntitySpan> spans, uint32_t k) {
  for (const EntitySpan& e : spans) {
    if (e.begin <= k && k < e.end) return &e;
  }
  return nullptr;
}

// Words that end an organisation's name or take "of"/"for" and the rest of
// it ("Budget Committee", "Institute for Fiscal Studies").
bool is_organisation_head(std::string_view form) {
  for (std::string_view f :
       {"Institute",     "Commission", "Committee",    "Department",   "Ministry", "Office",     "Council",
        "Board",         "Authority",  "Federation",   "Association",  "Society",  "University", "Museum",
        "Centre",        "Center",     "Academy",      "Bureau",       "Agency",   "College",    "Foundation",
        "Confederation", "Chamber",    "Organisation", "Organization", "Union",    "League",     "School"}) {
    if (form == f) return true;
  }
  return false;
}

// Plural words that end firms' names ("Allied Irish Banks", "Hibernian
// Investment Managers", "British Airways"): capitalised inside a sentence
// after other capitalised words, they end one organisation's name.
bool is_firm_head(std::string_view form) {
  for (std::string_view f :
       {"Banks",       "Managers",        "Holdings",     "Partners",       "Investments", "Securities",
        "Airlines",    "Airways",         "Motors",       "Industries",     "Associates",  "Stockbrokers",
        "Systems",     "Technologies",    "Networks",     "Communications", "Solutions",   "Enterprises",
        "Electronics", "Pharmaceuticals", "Laboratories", "Studios",        "Ventures"}) {
    if (form == f) return true;
  }
  return false;
}

// Legal forms of companies, written after the name and a comma.
bool is_company_suffix(std::string_view form) {
  for (std::string_view f : {"Inc", "Inc.", "LLC", "L.L.C.", "LLP", "Ltd", "Ltd.", "PLC", "plc", "Corp", "Corp.",
                             "Co.", "LP", "L.P.", "PC", "P.C.", "AG", "SA", "S.A.", "NV", "N.V.", "GmbH"}) {
    if (form == f) return true;
  }
  return false;
}

}  // namespace

void EntityRecognizer::join_firm_names(std::span<const Word> words, std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  const uint32_t n = static_cast<uint32_t>(words.size());
  // The span covering word k, or spans.size().
  auto span_at = [&](uint32_t k) {
    for (size_t s = 0; s < spans.size(); ++s) {
      if (spans[s].begin <= k && k < spans[s].end) return s;
    }
    return spans.size();
  };
  for (uint32_t i = 1; i + 1 < n; ++i) {
    if (words[i].form != "&" || !is_ascii_upper(words[i - 1].form[0]) || !is_ascii_upper(words[i + 1].form[0])) {
      continue;
    }
    const size_t left = span_at(i - 1), right = span_at(i + 1);
    if (left == spans.size() && right == spans.size()) continue;
    EntitySpan joined{left < spans.size() ? spans[left].begin : i - 1,
                      right < spans.size() ? spans[right].end : i + 2, EntityType::kOrg};
    std::erase_if(spans, [&](const EntitySpan& e) { return e.begin < joined.end && joined.begin < e.end; });
    spans.push_back(joined);
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  }
  for (size_t s = 0; s < spans.size(); ++s) {
    EntitySpan& e = spans[s];
    if (e.end + 1 >= n || words[e.end].form != "," || !is_company_suffix(words[e.end + 1].form)) continue;
    // The suffix may have been read as a name of its own ("LLP" a MISC).
    if (s + 1 < spans.size() && spans[s + 1].begin <= e.end + 1) {
      if (spans[s + 1].begin != e.end + 1 || spans[s + 1].end != e.end + 2) continue;
      spans.erase(spans.begin() + static_cast<long>(s) + 1);
    }
    e.end += 2;
    // "Inc ." with the abbreviation's full stop split off.
    if (e.end < n && words[e.end].form == "." && words[e.end - 1].form.back() != '.' &&
        (s + 1 == spans.size() || spans[s + 1].begin > e.end)) {
      ++e.end;
    }
    e.type = EntityType::kOrg;
  }
}

void EntityRecognizer::cut_prepositional_tails(std::span<const Word> words, std::vector<EntitySpan>* spans) {
  for (EntitySpan& e : *spans) {
    for (uint32_t k = e.begin + 1; k + 1 < e.end; ++k) {
      const std::string_view f = words[k].form, next = words[k + 1].form;
      if (words[k].upos == UPos::ADP && !f.empty() && is_ascii_lower(f[0]) && !next.empty() &&
          !is_ascii_upper(next[0]) && next != "the") {
        e.end = k;
        break;
      }
    }
  }
}

void EntityRecognizer::split_at_listed_place(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                             std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  constexpr uint16_t kPlace = kGazCity | kGazCountry | kGazRegion;
  for (size_t n = 0; n < spans.size(); ++n) {
    const EntitySpan e = spans[n];
    if (e.type != EntityType::kOrg && e.type != EntityType::kMisc) continue;
    for (uint32_t k = e.begin + 1; k + 1 < e.end; ++k) {
      if (words[k].form != "in" || (marks[k + 1].phrase_classes & kPlace) == 0) continue;
      const uint32_t place_end = phrase_end(marks, k + 1);
      // (Only a name that runs on past the place: "Washington University in
      // St. Louis" is the university's name.)
      if (place_end == 0 || place_end >= e.end) continue;
      const std::vector<EntitySpan> parts = {
          {e.begin, k, e.type}, {k + 1, place_end, EntityType::kLoc}, {place_end, e.end, e.type}};
      spans.erase(spans.begin() + static_cast<std::ptrdiff_t>(n));
      spans.insert(spans.begin() + static_cast<std::ptrdiff_t>(n), parts.begin(), parts.end());
      n += parts.size() - 1;
      break;
    }
  }
}

void EntityRecognizer::join_channel_names(std::span<const Word> words, std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  const uint32_t n = static_cast<uint32_t>(words.size());
  auto is_number = [&](uint32_t k) {
    const std::string_view f = words[k].form;
    return words[k].upos == UPos::NUM && !f.empty() && f.size() <= 2 && std::isdigit(static_cast<unsigned char>(f[0]));
  };
  auto channel_word = [](std::string_view f) {
    for (std::string_view c : {"One", "Two", "Three", "Four", "Radio", "News", "Sport", "Online", "World", "Worldwide",
                               "Scotland", "Wales", "Breakfast"}) {
      if (f == c) return true;
    }
    return false;
  };
  for (uint32_t i = 0; i < n; ++i) {
    const std::string_view f = words[i].form;
    const bool broadcaster = f == "BBC" || f == "ITV";
    const bool numbered = (f == "Radio" || f == "Channel") && i + 1 < n && is_number(i + 1);
    if (!broadcaster && !numbered) continue;
    uint32_t end = i + 1;
    if (broadcaster) {
      if (end >= n || !channel_word(words[end].form)) continue;
      ++end;
    }
    // The channel's number and its last words ("Radio 5 Live", "News 24",
    // "World Service").
    while (end < n && (is_number(end) || (words[end].form == "Live" && end > i + 1 && is_number(end - 1)) ||
                       words[end].form == "Service" || words[end].form == "Live")) {
      ++end;
    }
    if (broadcaster && words[end - 1].form == "Radio") continue;  // "BBC Radio" alone is tagged as the model says
    const EntitySpan joined{i, end, EntityType::kOrg};
    std::erase_if(spans, [&](const EntitySpan& e) { return e.begin < joined.end && joined.begin < e.end; });
    spans.push_back(joined);
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
    i = end - 1;
  }
}

void EntityRecognizer::names_after_descriptors(std::span<const Word> words, std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  const uint32_t n = static_cast<uint32_t>(words.size());
  for (EntitySpan& e : spans) {
    if (e.begin == 0 && e.end - e.begin >= 3 && words[0].xpos == "NNS" && words[1].upos == UPos::PROPN) ++e.begin;
  }
  auto covered = [&](uint32_t k) {
    return std::any_of(spans.begin(), spans.end(), [&](const EntitySpan& e) { return e.begin <= k && k < e.end; });
  };
  std::vector<EntitySpan> found;
  for (uint32_t i = 1; i + 1 < n; ++i) {
    const Word& noun = words[i - 1];
    if (noun.form.empty() || !is_ascii_lower(noun.form[0]) || noun.upos != UPos::NOUN ||
        !lexicon::is_organisation_descriptor(noun.lemma) || covered(i) || !is_ascii_upper(words[i].form[0]) ||
        (words[i].upos != UPos::NOUN && words[i].upos != UPos::PROPN)) {
      continue;
    }
    // One capitalised word, then a word that is no name's ("Rank could unveil").
    if (is_ascii_upper(words[i + 1].form[0]) || words[i + 1].form == "'s") continue;
    found.push_back({i, i + 1, EntityType::kOrg});
  }
  if (found.empty()) return;
  spans.insert(spans.end(), found.begin(), found.end());
  std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
}

void EntityRecognizer::join_named_bodies(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                         std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  const uint32_t n = static_cast<uint32_t>(words.size());
  // A word of the name before the head: capitalised, a noun, adjective or
  // verb form ("Select", "Sentencing"), no title, weekday or person's name;
  // the sentence's first word only as a noun.
  auto name_word = [&](uint32_t k) {
    const Word& w = words[k];
    const bool content =
        w.upos == UPos::PROPN || w.upos == UPos::NOUN || (k > 0 && (w.upos == UPos::ADJ || w.upos == UPos::VERB));
    const EntitySpan* e = covering_span(spans, k);
    return content && is_ascii_upper(w.form[0]) && (marks[k].word_classes & (kGazTitle | kGazHonorific)) == 0 &&
           !lexicon::is_calendar_word(w.form, /*given_names=*/false) &&
           !(e != nullptr && e->type == EntityType::kPerson);
  };
  bool changed = false;
  // Buildings and schools ("Kennedy Space Center", "Napier University")
  // are read as places as often as bodies; the model's reading stands.
  auto building = [](std::string_view form) {
    return form == "Centre" || form == "Center" || form == "Museum" || form == "University" || form == "College" ||
           form == "School" || form == "Academy";
  };
  for (uint32_t h = 1; h < n; ++h) {
    if (!(is_organisation_head(words[h].form) || is_firm_head(words[h].form)) || building(words[h].form)) continue;
    // Back over the name's words, and over "and" between two of them where
    // the word before it is in no longer name of another type ("Public and
    // Commercial Services Union", with "Public" alone read as a place).
    uint32_t begin = h;
    while (begin > 0) {
      if (name_word(begin - 1)) {
        --begin;
        continue;
      }
      const EntitySpan* left = begin >= 2 ? covering_span(spans, begin - 2) : nullptr;
      // (Not before a firm's plural: "Lufthansa and British Airways" are two.)
      if (begin >= 3 && !is_firm_head(words[h].form) &&
          (words[begin - 1].form == "and" || words[begin - 1].form == "&") && name_word(begin - 2) &&
          (left == nullptr || left->type == EntityType::kOrg || left->end - left->begin == 1)) {
        begin -= 2;
        continue;
      }
      break;
    }
    if (begin == h) continue;
    // The new span takes in whole the spans it touches, and only those that
    // lie inside it or are the head's own; one span that already holds the
    // whole name keeps its type.
    uint32_t end = h + 1;
    const EntitySpan* own = covering_span(spans, h);
    if (own != nullptr) end = std::max(end, own->end);
    const EntitySpan* first = covering_span(spans, begin);
    if (own != nullptr && own->begin <= begin && own->end == h + 1 && own->type != EntityType::kPerson &&
        is_firm_head(words[h].form)) {
      // ("Nordic Asset Managers" read whole as a place: the firm's word says what it is.)
      const uint32_t own_begin = own->begin;
      for (EntitySpan& e : spans) {
        if (e.begin == own_begin && e.end == h + 1) e.type = EntityType::kOrg;
      }
      changed = true;
      continue;
    }
    if ((first != nullptr && first->begin < begin) || (own != nullptr && own->begin <= begin)) continue;
    std::erase_if(spans, [&](const EntitySpan& e) { return e.begin < end && begin < e.end; });
    spans.push_back({begin, end, EntityType::kOrg});
    changed = true;
    h = end - 1;
  }
  if (changed) {
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  }
}

void EntityRecognizer::join_organisation_names(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                               std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  const uint32_t n = static_cast<uint32_t>(words.size());
  auto capitalised_name_word = [&](uint32_t k) {
    return (words[k].upos == UPos::PROPN || words[k].upos == UPos::ADJ) && is_ascii_upper(words[k].form[0]) &&
           (marks[k].word_classes & (kGazTitle | kGazHonorific)) == 0;
  };
  std::vector<EntitySpan> joined;
  for (uint32_t i = 0; i < n;) {
    // "Institute for Fiscal Studies": the head, the preposition, then
    // capitalized words (tagged or not) up to the first other word.
    // (Both pieces read as names: the model saw a name on each side.)
    const EntitySpan* head = covering_span(spans, i);
    const EntitySpan* rest = i + 2 < n ? covering_span(spans, i + 2) : nullptr;
    if (is_organisation_head(words[i].form) && head != nullptr && head->end == i + 1 && rest != nullptr &&
        rest->begin == i + 2 && rest->type != EntityType::kPerson &&
        (words[i + 1].form == "of" || words[i + 1].form == "for")) {
      joined.push_back({head->begin, rest->end, EntityType::kOrg});
      i = rest->end;
      continue;
    }
    // "UN Office for the Coordination of Humanitarian Affairs": the rest
    // after "the", capitalised words the model left out, joined by "of" or "and".
    if (is_organisation_head(words[i].form) && head != nullptr && head->end == i + 1 && i + 3 < n &&
        (words[i + 1].form == "of" || words[i + 1].form == "for") && words[i + 2].form == "the") {
      auto capital = [&](uint32_t k) {
        return k < n && is_ascii_upper(words[k].form[0]) && words[k].upos != UPos::PUNCT &&
               !(covering_span(spans, k) != nullptr && covering_span(spans, k)->type == EntityType::kPerson);
      };
      uint32_t end = i + 3;
      while (capital(end) || ((words[end].form == "of" || words[end].form == "and") && capital(end + 1))) ++end;
      if (end > i + 3) {
        joined.push_back({head->begin, end, EntityType::kOrg});
        i = end;
        continue;
      }
    }
    ++i;
  }
  for (const EntitySpan& j : joined) {
    std::erase_if(spans, [&](const EntitySpan& e) { return e.begin < j.end && j.begin < e.end; });
    spans.push_back(j);
  }
  std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
  // "Investec | Securities": an untagged proper noun just before an organization.
  for (size_t s = 0; s < spans.size(); ++s) {
    EntitySpan& e = spans[s];
    if (e.type != EntityType::kOrg) continue;
    const uint32_t before = e.begin - 1;
    if (e.begin < 2 || words[before].upos != UPos::PROPN || !capitalised_name_word(before) ||
        (lexicon::is_calendar_word(words[before].form, /*given_names=*/false) &&
         !lexicon::opens_newspaper_name(words[before].form, words[e.begin].form)) ||
        (s > 0 && spans[s - 1].end > before) || words[before - 1].upos == UPos::PROPN) {
      continue;
    }
    e.begin = before;
  }
  // "Brian | Harvey": a given name the gazetteer knows, untagged, just
  // before a surname tagged PERSON alone; or any capitalised word there
  // after an occupation ("goalkeeper Rab | Douglas").
  for (size_t s = 0; s < spans.size(); ++s) {
    EntitySpan& e = spans[s];
    if (e.type != EntityType::kPerson || e.end - e.begin != 1 || e.begin == 0) continue;
    const uint32_t before = e.begin - 1;
    const bool after_occupation =
        before > 0 && is_ascii_lower(words[before - 1].form[0]) &&
        (lexicon::person_descriptor(words[before - 1].form) || lexicon::is_position_noun(words[before - 1].form));
    if (words[before].upos != UPos::PROPN || !capitalised_name_word(before) ||
        ((marks[before].word_classes & kGazFirstName) == 0 && !after_occupation) ||
        (s > 0 && spans[s - 1].end > before)) {
      continue;
    }
    e.begin = before;
  }
}

void EntityRecognizer::drop_non_names(std::span<const Word> words, const SentenceKeys& keys,
                                      std::vector<EntitySpan>* spans) {
  auto shouted = [&](uint32_t k) {
    const std::string_view form = words[k].form;
    return form.size() >= 4 && std::all_of(form.begin(), form.end(), is_ascii_upper) &&
           (keys.words[k].flags & kCommonLowercase) != 0 && keys.marks[k].word_classes == 0 &&
           keys.marks[k].phrase_classes == 0;
  };
  // An occupation written in lower case alone ("frontman" and "singer" of
  // "Coldplay frontman Chris Martin", which the recognizer tagged MISC and
  // so lost the name after them) names nothing. (Other lower-case words
  // may: web text writes "google".)
  auto lower_case = [&](uint32_t k) {
    const std::string_view form = words[k].form;
    return !form.empty() && std::all_of(form.begin(), form.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           (lexicon::person_descriptor(form) || lexicon::is_position_noun(form));
  };
  std::erase_if(*spans, [&](const EntitySpan& e) {
    if (e.end - e.begin == 1 && lexicon::is_calendar_word(words[e.begin].form, /*given_names=*/false)) return true;
    if (e.end - e.begin == 1 && lower_case(e.begin)) return true;
    for (uint32_t k = e.begin; k < e.end; ++k) {
      if (!shouted(k)) return false;
    }
    return true;
  });
}

void EntityRecognizer::tidy_spans(std::span<const Word> words, std::vector<int>* labels) {
  std::vector<GazetteerMark> marks;
  Gazetteer::builtin().mark(words, &marks);
  tidy_spans(words, marks, labels);
}

void EntityRecognizer::tidy_spans(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                  std::vector<int>* labels) {
  // Greetings and titles are not part of names (ner_titles.h): a span
  // that starts with a greeting ("Hello Louise", "Dear Mr. Lavorato") is
  // the name of the person addressed after it; a span that starts with a
  // title ("Mr Putin", "National Security Adviser Jake Sullivan") keeps only
  // the name after it, and a name after a title is a person's. A span that
  // is exactly a seat of government ("White House", "Kremlin") is the
  // institution, an ORG, as news uses it.
  std::vector<EntitySpan> spans = spans_from_labels(*labels);
  bool changed = false;
  auto tidy = [&](EntitySpan& e) {
    // Names neither start nor end with punctuation; the model sometimes
    // takes in a closing quote or bracket.
    while (e.begin < e.end && words[e.begin].upos == UPos::PUNCT) ++e.begin, changed = true;
    while (e.end > e.begin && words[e.end - 1].upos == UPos::PUNCT) --e.end, changed = true;
    if (e.begin == e.end) return;
    // A name does not end in a function word ("Peder and I", "jill allen
    // finishes her"), nor a capitalized name in a common lowercase word
    // ("State Department official"); wholly lowercase names ("max") stay.
    while (e.end - e.begin >= 2 &&
           (ends_no_name(words[e.end - 1]) ||
            (is_ascii_upper(words[e.begin].form[0]) && is_ascii_lower(words[e.end - 1].form[0]) &&
             words[e.end - 1].upos != UPos::PROPN))) {
      --e.end;
      changed = true;
    }
    // A name ending in an organization word is an organization's, unless
    // it starts with a given name ("Emily Post").
    if (e.type != EntityType::kOrg && e.type != EntityType::kLoc && e.end - e.begin >= 2 &&
        (marks[e.end - 1].word_classes & kGazOrgWord) != 0 && is_ascii_upper(words[e.end - 1].form[0]) &&
        (marks[e.begin].word_classes & (kGazFirstName | kGazHonorific | kGazTitle | kGazGreeting)) == 0) {
      e.type = EntityType::kOrg;
      changed = true;
    }
    const GazetteerMark& first = marks[e.begin];
    const bool whole_phrase = e.end - e.begin == 1 ? first.phrase_position == 0
                                                   : first.phrase_position == 1 && marks[e.end - 1].phrase_position == 3;
    if ((first.phrase_classes & kGazInstitution) && whole_phrase && e.type != EntityType::kOrg) {
      e.type = EntityType::kOrg;
      changed = true;
    }
    if (e.end - e.begin < 2) return;
    if ((marks[e.begin].word_classes & kGazGreeting) != 0) {
      ++e.begin;
      e.type = EntityType::kPerson;
      changed = true;
      // "Dear Sir": a greeting and a title name nobody.
      if (e.end - e.begin == 1 && (marks[e.begin].word_classes & (kGazTitle | kGazHonorific)) != 0) {
        e.end = e.begin;
      }
      if (e.end - e.begin < 2) return;
    }
    const uint32_t name = e.type == EntityType::kPerson ? person_name_begin(words, marks, e.begin, e.end)
                                                        : name_begin_after_title(words, marks, e.begin, e.end);
    if (name == e.begin) return;
    // An ORG or LOC span may start with a title word that is part of its
    // name ("General Motors", "Prince Edward Island"); it is a person's
    // name only when a given name or an honorific says so.
    const bool person = e.type == EntityType::kPerson || e.type == EntityType::kMisc ||
                        (marks[name].word_classes & kGazFirstName) != 0 ||
                        (marks[name - 1].word_classes & kGazHonorific) != 0;
    if (!person) return;
    e.begin = name;
    e.type = EntityType::kPerson;
    changed = true;
  };
  // Two people joined by a conjunction are two names ("Joe Biden and
  // Russia President Vladimir Putin"), each tidied on its own; only
  // organizations and places keep one inside ("Procter and Gamble"). Spans
  // are split before tidying, and again after it for those it made a person's.
  // A part that is one function word ("Peder and I") is no name.
  auto split_people = [&](bool tidy_parts) {
    std::vector<EntitySpan> split;
    auto add = [&](EntitySpan part) {
      if (part.end - part.begin > 1 || !ends_no_name(words[part.begin])) split.push_back(part);
    };
    for (const EntitySpan& e : spans) {
      uint32_t start = e.begin;
      for (uint32_t k = e.begin + 1; e.type == EntityType::kPerson && k + 1 < e.end; ++k) {
        if (words[k].upos != UPos::CCONJ) continue;
        add(EntitySpan{start, k, e.type});
        start = k + 1;
        changed = true;
      }
      if (start == e.begin) {
        split.push_back(e);
        continue;
      }
      add(EntitySpan{start, e.end, e.type});
      if (!tidy_parts) continue;
      for (size_t i = split.size(); i-- > 0 && split[i].begin >= e.begin;) tidy(split[i]);
    }
    spans = std::move(split);
  };
  split_people(false);
  for (EntitySpan& e : spans) tidy(e);
  split_people(true);
  uint32_t floor = 0;
  EntitySpan* previous = nullptr;
  for (EntitySpan& e : spans) {
    if (e.begin == e.end) continue;
    // "Louis | van Gaal" tagged as two people: a particle opening the second
    // makes them one.
    const bool particle_opens = previous != nullptr && previous->end == e.begin && e.end - e.begin >= 2 &&
                                is_name_particle(words[e.begin].form);
    const bool particle_between =
        previous != nullptr && previous->end + 1 == e.begin && is_name_particle(words[previous->end].form);
    if (e.type == EntityType::kPerson && previous != nullptr && previous->type == EntityType::kPerson &&
        (particle_opens || particle_between)) {
      previous->end = e.end;
      floor = e.end;
      e.begin = e.end;
      changed = true;
      continue;
    }
    if (e.type == EntityType::kPerson) {
      const uint32_t b = person_begin_with_particles(words, e.begin, floor);
      changed = changed || b != e.begin;
      e.begin = b;
      // "Luca | di Montezemolo" with the surname untagged: the particle and
      // the capitalised word after it end the name (before any next span).
      const uint32_t next_begin = &e == &spans.back() ? static_cast<uint32_t>(words.size()) : (&e + 1)->begin;
      // (Not "as", "an": "Tony Blair as Prime Minister".)
      if (e.end + 1 < next_begin &&
          one_of(words[e.end].form, {"van", "von", "de", "da", "di", "del", "della", "du", "der", "bin", "ibn"}) &&
          words[e.end + 1].upos == UPos::PROPN && is_ascii_upper(words[e.end + 1].form[0])) {
        e.end += 2;
        changed = true;
      }
    }
    floor = e.end;
    previous = &e;
  }
  if (!changed) return;
  std::erase_if(spans, [](const EntitySpan& e) { return e.begin == e.end; });
  labels_from_spans(words.size(), spans, labels);
}

void EntityRecognizer::trim_and_add_places(std::span<const Word> words, std::span<const GazetteerMark> marks,
                                           std::vector<EntitySpan>* spans_in_order) {
  std::vector<EntitySpan>& spans = *spans_in_order;
  std::vector<bool> covered(words.size(), false);
  for (size_t n = 0; n < spans.size(); ++n) {
    EntitySpan& e = spans[n];
    // Nor does it end in a comma or a full stop ("Vivendi Universal ,").
    while (e.end - e.begin >= 2 && words[e.end - 1].upos == UPos::PUNCT &&
           (words[e.end - 1].form == "," || words[e.end - 1].form == "." || words[e.end - 1].form == ";")) {
      --e.end;
    }
    // A capitalized name does not start with a lowercase word ("and Nato",
    // "czar Richard Clarke", "named the man as Tariq Ahmed Dar"), except a
    // name particle that is no function word here ("bin Laden").
    auto capitalized_after = [&](uint32_t k) {
      return std::any_of(words.begin() + k + 1, words.begin() + e.end,
                         [](const Word& w) { return is_ascii_upper(w.form[0]); });
    };
    while (e.end - e.begin >= 2 && is_ascii_lower(words[e.begin].form[0]) &&
           (!is_name_particle(words[e.begin].form) || is_function_word(words[e.begin].upos)) &&
           capitalized_after(e.begin)) {
      ++e.begin;
    }
    // A capitalized person's name stops before a lowercase word that is no
    // name particle ("Sheridan Titman from UT", "Darrell Duffie USA phone").
    if (e.type == EntityType::kPerson && is_ascii_upper(words[e.begin].form[0])) {
      for (uint32_t k = e.begin + 1; k < e.end; ++k) {
        if (is_ascii_lower(words[k].form[0]) && !is_name_particle(words[k].form)) {
          e.end = k;
          break;
        }
      }
    }
    // A span within a well-known organization's name is that organization
    // ("Union" of "European Union" read as a place).
    const uint32_t floor = n == 0 ? 0 : spans[n - 1].end;
    const uint32_t ceiling = n + 1 == spans.size() ? static_cast<uint32_t>(words.size()) : spans[n + 1].begin;
    if (const auto [b, end] = listed_phrase(marks, e.begin, e.end, kGazOrganization);
        b < end && b >= floor && end <= ceiling) {
      e = EntitySpan{b, end, EntityType::kOrg};
    }
    // A name of several words ending in a number names a product, a model
    // or an event ("Nord Stream 2", "Boeing 747"), not an organization.
    if (e.type == EntityType::kOrg && e.end - e.begin >= 2 && words[e.end - 1].upos == UPos::NUM) {
      e.type = EntityType::kMisc;
    }
    // A person's name does not end in a given name when a capitalized
    // proper noun outside every span follows it ("Vladimir | Putin").
    if (e.type == EntityType::kPerson && e.end < ceiling && (marks[e.end - 1].word_classes & kGazFirstName) != 0 &&
        words[e.end].upos == UPos::PROPN && is_ascii_upper(words[e.end].form[0]) &&
        (marks[e.end].word_classes & kGazFirstName) == 0) {
      ++e.end;
    }
    for (uint32_t k = e.begin; k < e.end; ++k) covered[k] = true;
  }
  // A country or a well-known organization the gazetteer knows, written
  // capitalized, ending in a proper noun and left outside every span ("after China
  // and India objected", "Reuters reported"), is a place or an organization.
  for (uint32_t i = 0; i < words.size(); ++i) {
    const uint16_t listed = marks[i].phrase_classes & (kGazCountry | kGazOrganization);
    if (covered[i] || listed == 0 || !is_ascii_upper(words[i].form[0])) continue;
    const uint32_t end = phrase_end(marks, i);
    if (end == 0) continue;
    // The name's last word is a proper noun ("European Union": the tagger
    // reads "European" as an adjective), or the name comes before a
    // position ("Arsenal boss Arsene Wenger" with "Arsenal" read as an
    // adjective).
    const bool before_position =
        end < words.size() && is_ascii_lower(words[end].form[0]) && lexicon::is_position_noun(words[end].form);
    // ("Wales beat England" with "Wales" read as the plural of "wale": a
    // country of one word written capitalised is the country.)
    const bool country_noun =
        end == i + 1 && (listed & kGazCountry) != 0 && words[i].upos == UPos::NOUN && words[i].form.size() > 2;
    if ((words[end - 1].upos != UPos::PROPN && !before_position && !country_noun) ||
        std::any_of(covered.begin() + i, covered.begin() + end, [](bool c) { return c; })) {
      continue;
    }
    spans.push_back(EntitySpan{i, end, (listed & kGazCountry) != 0 ? EntityType::kLoc : EntityType::kOrg});
    i = end - 1;
  }
  std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
}

namespace {

// "Robert Kilroy-Silk", "Mr Kilroy-Silk": the model tags the part before the
// hyphen as the person and leaves the rest. A person's name written touching
// "-" and a capitalised word takes that word in, unless the document names a
// person with that word elsewhere ("the Blair-Brown feud" beside "Gordon
// Brown": two people). So does any other name but a place's ("Winn-Dixie",
// "Robert Kilroy-Silk" read as MISC; "the Earth-Moon system" is two places).
bool spelled_tens(std::string_view word) {
  return one_of(word, {"Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"});
}

void join_hyphenated_surnames(Document* doc) {
  // Each person's word with the words written before it: "Brown" after
  // "Gordon" names another person than the "Blair" of "Blair-Brown", "Silk"
  // after "Kilroy" (a reader's "Kilroy Silk") or after a hyphen none.
  std::map<std::string_view, std::set<std::string_view>> person_words;
  for (size_t i = 0; i < doc->words.size(); ++i) {
    const bool after_hyphen = i > 0 && doc->words[i - 1].form == "-" && !doc->words[i - 1].space_after;
    if (tag_type(doc->words[i]) == "PERSON" && !after_hyphen) {
      person_words[doc->words[i].form].insert(i > 0 ? doc->words[i - 1].form : std::string_view());
    }
  }
  const auto other_person = [&](std::string_view first, std::string_view second) {
    const auto it = person_words.find(second);
    return it != person_words.end() &&
           std::any_of(it->second.begin(), it->second.end(), [&](std::string_view before) { return before != first; });
  };
  for (const Sentence& s : doc->sentences) {
    std::span<const Word> words = doc->words_of(s);
    std::vector<EntitySpan> spans = entity_spans(words);
    bool changed = false;
    for (EntitySpan& e : spans) {
      const uint32_t k = e.end;
      // (A number is no name's part: "the Fifty-Fourth".)
      if (e.type == EntityType::kLoc || k + 1 >= words.size() || spelled_tens(words[k - 1].form) ||
          hyphenated_begin(words, k + 1) != k - 1 || !words[k + 1].ner.empty() ||
          !is_ascii_upper(words[k + 1].form[0]) || other_person(words[k - 1].form, words[k + 1].form)) {
        continue;
      }
      e.end = k + 2;
      changed = true;
    }
    if (changed) set_entity_tags(doc, s, spans);
  }
}

// Whether a name ending in `lowercase_lemma` is an organisation's, whatever
// words come before it ("the Vic Wells Ballet", "the Walt Disney Company").
bool organisation_head(std::string_view lowercase_lemma) {
  // (Not "league", "union" or "cup": "the Champions League" is a contest as
  // much as a body, "the Soviet Union" a country.)
  return (lexicon::is_institution_head(lowercase_lemma) && !one_of(lowercase_lemma, {"league", "union"})) ||
         one_of(lowercase_lemma, {"ballet", "club", "company", "group", "opera", "trust", "corporation"});
}

// The word after which a name headed by its kind may begin: "the", or for
// an event also a possessive or a year after "the" ("last week's
// Birmingham Grand Prix", "the 2003 London Marathon").
bool opens_named_kind(std::span<const Word> words, uint32_t i, bool event) {
  const std::string_view f = words[i].form;
  if (f == "the" || f == "The") return true;
  if (!event) return false;
  if (f == "'s" || f == "'") return true;
  return f.size() == 4 && std::all_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; }) && i > 0 &&
         (words[i - 1].form == "the" || words[i - 1].form == "The");
}

// "the Markova-Dolin Ballet", "the Vic Wells Ballet", "last week's
// Birmingham Grand Prix": capitalised words after "the" (two or more,
// hyphen-joined ones counted whole) that end in an organisation's word name
// one organisation, and those ending in an event's word one event (MISC),
// where the model tags their words as a place, a person or nothing. A span
// of the model's that reaches outside the run is left alone, as is a
// country's name; an event's run may hold capitalised adjectives ("Grand",
// "Indoor") and begin with a country ("the US Open").
void name_kinds_by_head(Document* doc) {
  for (const Sentence& s : doc->sentences) {
    std::span<const Word> words = doc->words_of(s);
    std::vector<EntitySpan> spans = entity_spans(words);
    bool changed = false;
    for (uint32_t i = 0; i + 2 < words.size(); ++i) {
      if (!opens_named_kind(words, i, /*event=*/true)) continue;
      uint32_t end = i + 1, names = 0;
      bool adjectives = false;
      while (end < words.size()) {
        const Word& w = words[end];
        if ((w.upos == UPos::PROPN || w.upos == UPos::ADJ) && is_ascii_upper(w.form[0])) {
          adjectives = adjectives || w.upos == UPos::ADJ;
          ++names;
          ++end;
        } else if (end > i + 1 && hyphenated_begin(words, end + 1) == end - 1 &&
                   is_ascii_upper(words[end + 1].form[0])) {
          ++end;  // the hyphen of "Markova-Dolin"; the word after it is counted next
        } else {
          break;
        }
      }
      const uint32_t begin = i + 1;
      const std::string_view last = words[end - 1].form;
      // ("Games" ends a firm's name as often: "Rockstar Games".)
      const bool event = lexicon::ends_event_name(last) && last != "Games";
      const bool organisation = !event && !adjectives && opens_named_kind(words, i, /*event=*/false) &&
                                organisation_head(lowercase_lemma(words[end - 1])) &&
                                lexicon::find_country(words[begin].form) == nullptr;
      if (names < 2 || last == "-" || (!event && !organisation) ||
          lexicon::find_country(spaced_forms(words, begin, end)) != nullptr) {
        i = end - 1;
        continue;
      }
      const EntityType type = event ? EntityType::kMisc : EntityType::kOrg;
      bool crosses = false, same = false;
      for (const EntitySpan& e : spans) {
        if (e.end <= begin || e.begin >= end) continue;
        crosses = crosses || e.begin < begin || e.end > end;
        // (An event read whole as an organisation or a place is retyped by
        // the resolver; read as a person's name it is not.)
        same =
            same || (e.begin == begin && e.end == end && (e.type == type || (event && e.type != EntityType::kPerson)));
      }
      if (!crosses && !same) {
        std::erase_if(spans, [&](const EntitySpan& e) { return e.end > begin && e.begin < end; });
        spans.push_back(EntitySpan{begin, end, type});
        changed = true;
      }
      i = end - 1;
    }
    if (!changed) continue;
    std::sort(spans.begin(), spans.end(), [](const EntitySpan& a, const EntitySpan& b) { return a.begin < b.begin; });
    set_entity_tags(doc, s, spans);
  }
}

// "beat Chelsea 2-1": a score's first number tagged as the last word of the
// name before it ("Chelsea 2") is no part of it.
void cut_scores_off_names(Document* doc) {
  for (const Sentence& s : doc->sentences) {
    std::span<const Word> words = doc->words_of(s);
    std::vector<EntitySpan> spans = entity_spans(words);
    bool changed = false;
    for (EntitySpan& e : spans) {
      if (e.end - e.begin < 2 || !score_begins(words, e.end - 1)) continue;
      --e.end;
      changed = true;
    }
    if (changed) set_entity_tags(doc, s, spans);
  }
}

// "United's chief executive David Gill" with "United" tagged a verb (its
// Penn tag a proper noun's), "the LSE" a noun: a capitalised word inside a
// recognized name, or one the tagger's Penn tag calls a proper noun, is a
// proper noun, which is what the readers after the recognizer look for.
// (The tree the parser built with the other tag is left as it is.)
void names_are_proper_nouns(Document* doc) {
  for (Word& w : doc->words) {
    // (A noun the Penn tag calls proper stays one: "the MP's resignation".)
    const bool verb = w.upos == UPos::VERB || w.upos == UPos::AUX;
    const bool proper = w.ner.size() >= 3 || (verb && (w.xpos == "NNP" || w.xpos == "NNPS"));
    if (!proper || !verb || w.form.size() < 2 || !is_ascii_upper(w.form[0])) continue;
    w.upos = UPos::PROPN;
    w.xpos = w.xpos == "NNS" ? "NNPS" : "NNP";
  }
}

}  // namespace

void EntityRecognizer::annotate(Document* doc) const {
  std::vector<int> labels;
  PredictionHistory history;
  for (const Sentence& s : doc->sentences) {
    if (s.new_document) history.clear();
    std::span<Word> words = doc->words_of(s);
    predict(words, &labels, &history);
    history.record(words, labels);
    for (size_t i = 0; i < words.size(); ++i) words[i].ner = bilou_label_name(labels[i]);
  }
  join_hyphenated_surnames(doc);
  name_kinds_by_head(doc);
  cut_scores_off_names(doc);
  names_are_proper_nouns(doc);
}

Status EntityRecognizer::save(const std::string& path) const {
  ModelWriter out(kNerModelKind, kNerModelVersion);
  std::vector<std::string> common(common_lowercase_.begin(), common_lowercase_.end());
  std::sort(common.begin(), common.end());  // bytes independent of hash order
  out.put_strings(common);
  model_.save(out);
  return out.save(path);
}

Result<EntityRecognizer> EntityRecognizer::load(const std::string& path) {
  auto reader = ModelReader::open(path, kNerModelKind, kNerModelVersion);
  if (!reader) return reader.status();
  std::vector<std::string> common;
  EntityRecognizer r;
  if (!reader->get_strings(&common) || !r.model_.load(*reader)) {
    return Status::corruption(fmt::format("{}: not a usable ner model: malformed payload (rebuild it with 'kg train')",
                                          path));
  }
  if (Status st = reader->finish(); !st) return st;
  if (r.model_.n_classes() != kBilouLabelCount) {
    return Status::corruption(fmt::format("{}: ner model has {} classes where {} are expected", path,
                                          r.model_.n_classes(), kBilouLabelCount));
  }
  r.common_lowercase_.insert(common.begin(), common.end());
  return r;
}

}  // namespace kg::nlp

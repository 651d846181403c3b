#include "ingest/nlp/train/ner_eval.h"

#include <algorithm>
#include <deque>
#include <string>
#include <unordered_map>

namespace kg::train {

namespace {

std::string sentence_key(const nlp::Document& doc, const nlp::Sentence& s) {
  std::string key;
  for (const nlp::Word& w : doc.words_of(s)) {
    key += w.form;
    key += '\x1f';
  }
  return key;
}

void count(std::span<const nlp::EntitySpan> gold, std::span<const nlp::EntitySpan> system, NerScores* scores) {
  for (const nlp::EntitySpan& g : gold) ++scores->by_type[static_cast<size_t>(g.type)].gold;
  for (const nlp::EntitySpan& s : system) {
    SpanCounts& c = scores->by_type[static_cast<size_t>(s.type)];
    ++c.system;
    for (const nlp::EntitySpan& g : gold) {
      if (g == s) {
        ++c.correct;
        break;
      }
    }
  }
}

// The spans of `a` that `b` lacks.
std::vector<nlp::EntitySpan> only_in(std::span<const nlp::EntitySpan> a, std::span<const nlp::EntitySpan> b) {
  std::vector<nlp::EntitySpan> out;
  for (const nlp::EntitySpan& x : a) {
    if (std::find(b.begin(), b.end(), x) == b.end()) out.push_back(x);
  }
  return out;
}

}  // namespace

NerScores score_entities(const nlp::NerCorpus& gold, const nlp::NerCorpus& system,
                         std::vector<SentenceErrors>* errors) {
  NerScores scores;
  scores.sentences = gold.doc.sentences.size();
  // Equal word sequences (repeated short sentences) pair up in file order.
  std::unordered_map<std::string, std::deque<size_t>> gold_by_key;
  for (size_t s = 0; s < gold.doc.sentences.size(); ++s) {
    gold_by_key[sentence_key(gold.doc, gold.doc.sentences[s])].push_back(s);
  }
  std::vector<bool> gold_used(gold.doc.sentences.size(), false);
  for (size_t s = 0; s < system.doc.sentences.size(); ++s) {
    auto it = gold_by_key.find(sentence_key(system.doc, system.doc.sentences[s]));
    if (it == gold_by_key.end() || it->second.empty()) {
      ++scores.unmatched_system;
      count({}, system.entities[s], &scores);
      if (errors && !system.entities[s].empty()) {
        errors->push_back(SentenceErrors{SentenceErrors::kNone, s, {}, system.entities[s]});
      }
      continue;
    }
    const size_t g = it->second.front();
    it->second.pop_front();
    gold_used[g] = true;
    count(gold.entities[g], system.entities[s], &scores);
    if (errors) {
      SentenceErrors e{g, s, only_in(gold.entities[g], system.entities[s]),
                       only_in(system.entities[s], gold.entities[g])};
      if (!e.missed.empty() || !e.spurious.empty()) errors->push_back(std::move(e));
    }
  }
  for (size_t g = 0; g < gold_used.size(); ++g) {
    if (gold_used[g]) continue;
    ++scores.unmatched_gold;
    count(gold.entities[g], {}, &scores);
    if (errors && !gold.entities[g].empty()) {
      errors->push_back(SentenceErrors{g, SentenceErrors::kNone, gold.entities[g], {}});
    }
  }
  for (int t = 0; t < nlp::kEntityTypeCount; ++t) {
    scores.overall.add(scores.by_type[t]);
    if (static_cast<nlp::EntityType>(t) != nlp::EntityType::kMisc) scores.person_org_loc.add(scores.by_type[t]);
  }
  return scores;
}

}  // namespace kg::train

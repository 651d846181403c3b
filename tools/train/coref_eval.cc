#include "tools/train/coref_eval.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/maximum_weighted_matching.hpp>
#include <cmath>
#include <map>
#include <unordered_map>

namespace kg::train {

namespace {

struct OpenMention {
  std::string id;
  CorefMention mention;
};

// "(4-place-new-...", "4)", "(2-abstract-...)" and runs of them: "(10-...)9)".
Status parse_entity_value(std::string_view value, uint32_t sentence, uint32_t word,
                          std::vector<OpenMention>* open, std::map<std::string, std::vector<CorefMention>>* closed,
                          std::vector<std::string>* order) {
  size_t p = 0;
  const auto close = [&](const std::string& id) -> bool {
    for (size_t k = open->size(); k-- > 0;) {
      if ((*open)[k].id != id) continue;
      CorefMention m = (*open)[k].mention;
      m.end = word + 1;
      auto [it, inserted] = closed->try_emplace(id);
      if (inserted) order->push_back(id);
      it->second.push_back(m);
      open->erase(open->begin() + static_cast<std::ptrdiff_t>(k));
      return true;
    }
    return false;
  };
  while (p < value.size()) {
    if (value[p] == '(') {
      const size_t q = value.find_first_of("()", p + 1);
      const std::string_view attrs = value.substr(p + 1, (q == std::string_view::npos ? value.size() : q) - p - 1);
      const size_t dash = attrs.find('-');
      if (attrs.empty() || dash == 0) return Status::invalid_input(fmt::format("bad entity bracket '{}'", value));
      OpenMention o;
      o.id = std::string(attrs.substr(0, dash));
      o.mention.sentence = sentence;
      o.mention.begin = word;
      if (dash != std::string_view::npos) {
        const std::string_view rest = attrs.substr(dash + 1);
        o.mention.type = std::string(rest.substr(0, rest.find('-')));
      }
      open->push_back(o);
      p = q == std::string_view::npos ? value.size() : q;
      if (p < value.size() && value[p] == ')') {
        close(o.id);
        ++p;
      }
    } else {
      const size_t q = value.find(')', p);
      if (q == std::string_view::npos) return Status::invalid_input(fmt::format("bad entity bracket '{}'", value));
      const std::string id(value.substr(p, q - p));
      if (!close(id)) return Status::invalid_input(fmt::format("entity '{}' closed but not open", id));
      p = q + 1;
    }
  }
  return Status::ok();
}

uint32_t head_in_gold(std::span<const nlp::Word> words, const CorefMention& m) {
  for (uint32_t i = m.begin; i < m.end; ++i) {
    const int32_t h = words[i].head;
    if (h < static_cast<int32_t>(m.begin) || h >= static_cast<int32_t>(m.end)) return i;
  }
  return m.begin;
}

bool scored_type(const std::string& type) { return type == "person" || type == "organization" || type == "place"; }

bool third_person_pronoun(const nlp::Word& w) {
  return w.upos == nlp::UPos::PRON && w.feats.find("PronType=Prs") != std::string_view::npos &&
         w.feats.find("Person=3") != std::string_view::npos;
}

// The scored entities of one document as mention keys (sentence << 32 | head).
KeyedEntities keyed(const nlp::Document& gold, const CorefDocument& d, const CorefEvalOptions& options,
                    size_t* mention_count) {
  KeyedEntities out;
  std::unordered_map<uint64_t, bool> used;
  for (const auto& entity : d.entities) {
    std::vector<uint64_t> keys;
    for (const CorefMention& m : entity) {
      if (!scored_type(m.type)) continue;
      const auto words = gold.words_of(gold.sentences[m.sentence]);
      const uint32_t head = head_in_gold(words, m);
      const bool name = words[head].upos == nlp::UPos::PROPN;
      const bool pronoun = m.end - m.begin == 1 && third_person_pronoun(words[head]);
      if (!name && !pronoun) continue;
      const uint64_t key = (static_cast<uint64_t>(m.sentence) << 32) | head;
      if (!used.emplace(key, true).second) continue;  // one mention per head word
      keys.push_back(key);
    }
    if (keys.empty() || (!options.singletons && keys.size() < 2)) continue;
    *mention_count += keys.size();
    out.push_back(std::move(keys));
  }
  return out;
}

// MUC (Vilain et al. 1995): links kept, one direction.
void muc(const KeyedEntities& key, const std::unordered_map<uint64_t, size_t>& response_of, double* num,
         double* den) {
  for (const auto& entity : key) {
    std::vector<size_t> parts;
    size_t unmatched = 0;
    for (uint64_t m : entity) {
      const auto it = response_of.find(m);
      if (it == response_of.end()) ++unmatched;
      else if (std::find(parts.begin(), parts.end(), it->second) == parts.end()) parts.push_back(it->second);
    }
    *num += static_cast<double>(entity.size()) - static_cast<double>(parts.size() + unmatched);
    *den += static_cast<double>(entity.size()) - 1;
  }
}

// B-cubed (Bagga and Baldwin 1998): per mention overlap, one direction.
void b_cubed(const KeyedEntities& key, const KeyedEntities& response,
             const std::unordered_map<uint64_t, size_t>& response_of, double* num, double* den) {
  for (const auto& entity : key) {
    std::unordered_map<size_t, size_t> overlap;
    for (uint64_t m : entity) {
      const auto it = response_of.find(m);
      if (it != response_of.end()) ++overlap[it->second];
    }
    for (uint64_t m : entity) {
      const auto it = response_of.find(m);
      if (it == response_of.end()) continue;
      (void)response;
      *num += static_cast<double>(overlap[it->second]) / static_cast<double>(entity.size());
    }
    *den += static_cast<double>(entity.size());
  }
}

std::unordered_map<uint64_t, size_t> entity_of(const KeyedEntities& entities) {
  std::unordered_map<uint64_t, size_t> out;
  for (size_t e = 0; e < entities.size(); ++e) {
    for (uint64_t m : entities[e]) out.emplace(m, e);
  }
  return out;
}

// CEAF-e (Luo 2005): the best one-to-one alignment of entities under
// phi4 = 2 |K n R| / (|K| + |R|), found as a maximum weighted matching.
double ceaf_e_similarity(const KeyedEntities& gold, const KeyedEntities& system,
                         const std::unordered_map<uint64_t, size_t>& system_of) {
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS, boost::no_property,
                                      boost::property<boost::edge_weight_t, long>>;
  // Integer weights (phi4 scaled, kept even) keep the matching's dual
  // updates exact.
  constexpr double kScale = 1e6;
  Graph g(gold.size() + system.size());
  bool any = false;
  for (size_t k = 0; k < gold.size(); ++k) {
    std::unordered_map<size_t, size_t> overlap;
    for (uint64_t m : gold[k]) {
      const auto it = system_of.find(m);
      if (it != system_of.end()) ++overlap[it->second];
    }
    for (const auto& [r, n] : overlap) {
      const double phi = 2.0 * static_cast<double>(n) / static_cast<double>(gold[k].size() + system[r].size());
      boost::add_edge(k, gold.size() + r, 2 * std::lround(phi * kScale), g);
      any = true;
    }
  }
  if (!any) return 0.0;
  std::vector<boost::graph_traits<Graph>::vertex_descriptor> mate(boost::num_vertices(g));
  boost::maximum_weighted_matching(g, &mate[0]);
  long total = 0;
  for (size_t k = 0; k < gold.size(); ++k) {
    if (mate[k] == boost::graph_traits<Graph>::null_vertex()) continue;
    total += boost::get(boost::edge_weight, g, boost::edge(k, mate[k], g).first);
  }
  return static_cast<double>(total) / (2 * kScale);
}

}  // namespace

Result<std::vector<CorefDocument>> read_entity_annotation(const nlp::Document& doc, std::string_view source) {
  std::vector<CorefDocument> docs;
  std::vector<OpenMention> open;
  std::map<std::string, std::vector<CorefMention>> closed;
  std::vector<std::string> order;
  const auto finish = [&](uint32_t last) {
    if (docs.empty()) return;
    docs.back().last_sentence = last;
    for (const std::string& id : order) docs.back().entities.push_back(std::move(closed[id]));
    closed.clear();
    order.clear();
  };
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const nlp::Sentence& sentence = doc.sentences[s];
    if (docs.empty() || sentence.new_document) {
      finish(s);
      docs.emplace_back();
      docs.back().first_sentence = s;
    }
    const auto words = doc.words_of(sentence);
    for (uint32_t w = 0; w < words.size(); ++w) {
      std::string_view misc = words[w].misc;
      while (!misc.empty()) {
        const size_t bar = misc.find('|');
        const std::string_view item = misc.substr(0, bar);
        misc = bar == std::string_view::npos ? std::string_view() : misc.substr(bar + 1);
        if (!item.starts_with("Entity=")) continue;
        if (Status st = parse_entity_value(item.substr(7), s, w, &open, &closed, &order); !st) {
          return Status::invalid_input(fmt::format("{}: sentence {} word {}: {}", source, s + 1, w + 1, st.message()));
        }
      }
    }
    if (!open.empty()) {
      return Status::invalid_input(
          fmt::format("{}: sentence {}: entity '{}' is not closed within its sentence", source, s + 1, open[0].id));
    }
  }
  finish(static_cast<uint32_t>(doc.sentences.size()));
  return docs;
}

void add_coref_scores(const KeyedEntities& gold, const KeyedEntities& system, CorefScores* scores) {
  const auto gold_of = entity_of(gold);
  const auto system_of = entity_of(system);
  muc(gold, system_of, &scores->muc.recall_num, &scores->muc.recall_den);
  muc(system, gold_of, &scores->muc.precision_num, &scores->muc.precision_den);
  b_cubed(gold, system, system_of, &scores->b3.recall_num, &scores->b3.recall_den);
  b_cubed(system, gold, gold_of, &scores->b3.precision_num, &scores->b3.precision_den);
  const double phi = ceaf_e_similarity(gold, system, system_of);
  scores->ceafe.recall_num += phi;
  scores->ceafe.recall_den += static_cast<double>(gold.size());
  scores->ceafe.precision_num += phi;
  scores->ceafe.precision_den += static_cast<double>(system.size());
  for (const auto& [m, e] : system_of) scores->matched_mentions += gold_of.count(m);
  scores->gold_entities += gold.size();
  scores->system_entities += system.size();
}

Result<CorefScores> score_coreference(const nlp::Document& gold, const nlp::Document& system,
                                      const CorefEvalOptions& options) {
  if (gold.sentences.size() != system.sentences.size()) {
    return Status::invalid_input(fmt::format("gold has {} sentences, system {}: score the system's output on the "
                                             "gold words",
                                             gold.sentences.size(), system.sentences.size()));
  }
  for (size_t s = 0; s < gold.sentences.size(); ++s) {
    if (gold.sentences[s].size() != system.sentences[s].size()) {
      return Status::invalid_input(fmt::format("sentence {}: gold has {} words, system {}", s + 1,
                                               gold.sentences[s].size(), system.sentences[s].size()));
    }
  }
  Result<std::vector<CorefDocument>> gold_docs = read_entity_annotation(gold, "gold");
  if (!gold_docs) return gold_docs.status();
  Result<std::vector<CorefDocument>> system_docs = read_entity_annotation(system, "system");
  if (!system_docs) return system_docs.status();
  // Documents pair up by their first sentence; a system file without
  // "# newdoc" marks is split at the gold documents' boundaries.
  CorefScores scores;
  for (const CorefDocument& g : *gold_docs) {
    CorefDocument sys;
    for (const CorefDocument& d : *system_docs) {
      for (const auto& entity : d.entities) {
        std::vector<CorefMention> inside;
        for (const CorefMention& m : entity) {
          if (m.sentence >= g.first_sentence && m.sentence < g.last_sentence) inside.push_back(m);
        }
        if (!inside.empty()) sys.entities.push_back(std::move(inside));
      }
    }
    const KeyedEntities gold_keys = keyed(gold, g, options, &scores.gold_mentions);
    const KeyedEntities system_keys = keyed(gold, sys, options, &scores.system_mentions);
    add_coref_scores(gold_keys, system_keys, &scores);
  }
  return scores;
}

}  // namespace kg::train

#include "ingest/article_facts.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "ingest/resolve/resolve.h"

namespace kg::ingest {
namespace {

// The record's entities: resolve clusters first, in cluster order, leaving
// out those named only in boilerplate (a photo credit's "REUTERS"); then the
// other nodes facts name, each distinct (name, type) once.
class EntityTable {
 public:
  EntityTable(const resolve::DocumentEntities& ents, const std::vector<bool>& boilerplate,
              std::vector<store::EntityRecord>* out)
      : out_(out), entity_of_cluster_(ents.clusters.size(), -1) {
    out_->reserve(ents.clusters.size());
    for (size_t k = 0; k < ents.clusters.size(); ++k) {
      const resolve::Cluster& c = ents.clusters[k];
      bool in_text = false;
      for (uint32_t m : c.mentions) in_text = in_text || !boilerplate[ents.mentions[m].sentence];
      if (!in_text) continue;
      entity_of_cluster_[k] = static_cast<int32_t>(out_->size());
      out_->push_back(resolve::entity_record(c));
    }
  }

  // The entity of a cluster, absent for one named only in boilerplate.
  std::optional<uint32_t> cluster(int32_t c) const {
    const int32_t e = entity_of_cluster_[static_cast<size_t>(c)];
    return e < 0 ? std::nullopt : std::optional<uint32_t>(static_cast<uint32_t>(e));
  }

  // A node no cluster covers: a CONCEPT, or a recognised name with its NER type.
  uint32_t node(const std::string& name, store::EntityType type) {
    const auto [it, added] = index_.try_emplace({name, type}, static_cast<uint32_t>(out_->size()));
    if (added) {
      store::EntityRecord r;
      r.name = name;
      r.type = type;
      out_->push_back(std::move(r));
    }
    ++(*out_)[it->second].mentions;
    return it->second;
  }

 private:
  std::vector<store::EntityRecord>* out_;
  std::vector<int32_t> entity_of_cluster_;  // record index of each cluster, -1 when left out
  std::map<std::pair<std::string, store::EntityType>, uint32_t> index_;
};

// The entity an argument stands for, or nullopt when it names nothing the
// graph can keep (an unresolved pronoun, an empty node).
std::optional<uint32_t> entity_of(const extract::Argument& a, uint32_t sentence, const resolve::DocumentEntities& ents,
                                  EntityTable& table) {
  const int32_t c = ents.cluster_of_head(sentence, a.head);
  if (c >= 0) return table.cluster(c);
  if (a.is_pronoun || a.node.empty()) return std::nullopt;
  const store::EntityType type =
      a.entity_type.empty() ? store::EntityType::kConcept
                            : store::parse_entity_type(a.entity_type).value_or(store::EntityType::kMisc);
  return table.node(a.node, type);
}

// Bytes of sentence `s` in the annotated text, and of words [begin, end) within it.
std::string_view sentence_text(const nlp::Document& doc, const nlp::Sentence& s) {
  const auto words = doc.words_of(s);
  if (words.empty()) return {};
  return std::string_view(doc.text()).substr(words.front().begin, words.back().end - words.front().begin);
}

void set_span(const nlp::Document& doc, uint32_t sentence, uint32_t begin, uint32_t end, store::FactRecord* f) {
  const auto words = doc.words_of(doc.sentences[sentence]);
  if (end <= begin || end > words.size()) return;
  const uint32_t base = words.front().begin;
  f->span_begin = words[begin].begin - base;
  f->span_end = words[end - 1].end - base;
}

}  // namespace

store::DocumentRecord record_for(const source::Document& doc) {
  store::DocumentRecord record;
  record.id = doc.id;
  record.title = doc.title;
  record.url = doc.url;
  record.date = doc.date;
  record.source = doc.source;
  record.content_hash = doc.content_hash;
  return record;
}

store::DocumentRecord build_parsed_record(const extract::TextExtractor& models, const source::Document& doc) {
  const nlp::Document annotated = models.annotate(doc.text);
  const resolve::DocumentEntities ents = resolve::resolve_document(annotated);

  store::DocumentRecord record = record_for(doc);
  record.sentences.reserve(annotated.sentences.size());
  for (const nlp::Sentence& s : annotated.sentences) record.sentences.emplace_back(sentence_text(annotated, s));

  // Nothing is drawn from boilerplate: no fact (the extractor skips those
  // sentences), no title, no entity named only there.
  const std::vector<bool> boilerplate = extract::boilerplate_sentences(annotated);
  EntityTable table(ents, boilerplate, &record.entities);
  // One fact per (subject, relation, object, sentence): conjunct splitting
  // can state the same triple twice over one sentence ("A and B met").
  std::set<std::tuple<uint32_t, std::string, uint32_t, uint32_t>> seen;
  for (const extract::Proposition& p : models.extractor().extract_all(annotated)) {
    const std::optional<extract::GraphTriple> t = extract::graph_triple(p);
    if (!t) continue;
    const std::optional<uint32_t> s = entity_of(*t->subject, p.sentence, ents, table);
    const std::optional<uint32_t> o = entity_of(*t->object, p.sentence, ents, table);
    // "Mr Putin said he ..." resolved to one entity on both sides says nothing.
    if (!s || !o || *s == *o || !seen.emplace(*s, t->relation, *o, p.sentence).second) continue;
    store::FactRecord f;
    f.subject = *s;
    f.object = *o;
    f.relation = t->relation;
    f.sentence = p.sentence;
    set_span(annotated, p.sentence, p.span.begin, p.span.end, &f);
    f.confidence = p.confidence;
    f.negated = p.negated;
    f.modal = p.modal;
    f.attribution = p.attribution;
    record.facts.push_back(std::move(f));
  }
  for (const resolve::TitleFact& tf : ents.titles) {
    const std::optional<uint32_t> person = table.cluster(static_cast<int32_t>(tf.cluster));
    if (boilerplate[tf.sentence] || !person) continue;
    store::FactRecord f;
    f.subject = *person;
    f.object = table.node(tf.title, store::EntityType::kConcept);
    f.relation = std::string(resolve::kHaveTitleRelation);
    f.sentence = tf.sentence;
    set_span(annotated, tf.sentence, tf.begin, tf.end, &f);
    record.facts.push_back(std::move(f));
  }
  return record;
}

}  // namespace kg::ingest

// The one builder of article records: kg ingest commits what it builds and
// kg extract --format jsonl serialises it, so both see the same record.
#include <memory>

#include "ingest/article_facts.h"
#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"
#include "ingest/pipeline.h"

namespace kg::ingest {
namespace {

store::EntityType entity_type_of(const std::string& baseline_type) {
  if (baseline_type == "TITLE") return store::EntityType::kConcept;  // a role noun phrase
  return store::parse_entity_type(baseline_type).value_or(store::EntityType::kMisc);
}

}  // namespace

store::DocumentRecord build_record(const source::Document& doc) {
  extract::BaselineExtraction x = extract::extract_baseline(doc.text);
  store::DocumentRecord record = record_for(doc);
  record.sentences = std::move(x.sentences);
  record.entities.reserve(x.entities.size());
  for (extract::BaselineEntity& e : x.entities) {
    store::EntityRecord r;
    r.name = std::move(e.name);
    r.type = entity_type_of(e.type);
    r.aliases = std::move(e.aliases);
    r.mentions = e.mentions;
    record.entities.push_back(std::move(r));
  }
  record.facts.reserve(x.facts.size());
  for (extract::BaselineFact& f : x.facts) {
    store::FactRecord r;
    r.subject = f.subject;
    r.object = f.object;
    r.relation = std::move(f.relation);
    r.sentence = f.sentence;
    r.span_begin = f.span_begin;
    r.span_end = f.span_end;
    r.confidence = f.confidence;
    r.negated = f.negated;
    r.modal = f.modal;
    record.facts.push_back(std::move(r));
  }
  return record;
}

Result<RecordBuilder> RecordBuilder::load(const std::string& model_dir) {
  Result<extract::TextExtractor> models =
      extract::TextExtractor::load(model_dir.empty() ? nlp::Pipeline::default_model_dir() : model_dir);
  RecordBuilder builder;
  if (models.is_ok()) {
    builder.parsed_ = std::make_shared<const extract::TextExtractor>(std::move(models).value());
  } else if (models.status().code() != Status::Code::kNotFound) {
    return models.status();
  }
  return builder;
}

store::DocumentRecord RecordBuilder::build(const source::Document& doc) const {
  return parsed_ ? build_parsed_record(*parsed_, doc) : build_record(doc);
}

std::string_view RecordBuilder::extractor() const { return parsed_ ? "parser" : "baseline"; }

}  // namespace kg::ingest

// The extractor as the CLI and the ingest pipeline call it.
#include <filesystem>

#include "ingest/extract/extract.h"

namespace kg::extract {

ExtractOptions carb_options() { return ExtractOptions{.split_conjuncts = false, .noun_relations = false}; }

std::string carb_lines_for_sentence(const nlp::Pipeline& pipeline, const Extractor& extractor, std::string_view line) {
  nlp::Document doc = pipeline.segment(line);
  if (doc.words.empty()) return "";
  // The benchmark gives one sentence per line: whatever the splitter thinks,
  // the line is one sentence.
  nlp::Sentence whole;
  whole.word_begin = 0;
  whole.word_end = static_cast<uint32_t>(doc.words.size());
  whole.new_paragraph = true;
  whole.new_document = true;
  whole.text = doc.intern(line);
  for (nlp::Sentence& s : doc.sentences) {
    for (nlp::MultiwordToken& m : s.multiword) {
      m.first += s.word_begin;
      m.last += s.word_begin;
      whole.multiword.push_back(m);
    }
  }
  // Word heads are sentence-relative; the parser sets them after the merge.
  doc.sentences.assign(1, std::move(whole));
  pipeline.annotate(&doc);
  return format_carb(line, extractor.extract(doc, 0));
}

std::vector<Fact> extract_facts(const nlp::Document& doc, const Extractor& extractor) {
  std::vector<Fact> out;
  for (const Proposition& p : extractor.extract_all(doc)) {
    const std::optional<GraphTriple> t = graph_triple(p);
    if (!t || t->subject->node == t->object->node) continue;
    const nlp::Sentence& s = doc.sentences[p.sentence];
    const auto words = doc.words_of(s);
    Fact f;
    f.subject = t->subject->node;
    f.subject_type = t->subject->entity_type;
    f.relation = t->relation;
    f.object = t->object->node;
    f.object_type = t->object->entity_type;
    f.sentence = p.sentence;
    if (p.span.end > p.span.begin && p.span.end <= words.size()) {
      const uint32_t base = words.front().begin;
      f.span_begin = words[p.span.begin].begin - base;
      f.span_end = words[p.span.end - 1].end - base;
    }
    f.confidence = p.confidence;
    f.negated = p.negated;
    f.modal = p.modal;
    f.attribution = p.attribution;
    f.construction = p.construction;
    out.push_back(std::move(f));
  }
  return out;
}

nlp::Document TextExtractor::annotate(std::string_view text) const {
  std::string blanked(text);
  size_t start = 0;
  while (start < blanked.size()) {
    // Paragraph starts: the text start and every line start after a newline.
    if (std::optional<Dateline> d = find_dateline(std::string_view(blanked).substr(start, 200))) {
      for (size_t k = start; k < start + d->length && k < blanked.size(); ++k) {
        if (blanked[k] != '\n') blanked[k] = ' ';
      }
    }
    const size_t nl = blanked.find('\n', start);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return pipeline_->annotate(blanked);
}

Result<TextExtractor> TextExtractor::load(const std::string& model_dir, ExtractOptions options) {
  const std::string parser = model_dir + "/parser.kgm";
  if (!std::filesystem::exists(parser)) {
    return Status::not_found(parser + ": no parser model; run 'kg train' to build the models");
  }
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(model_dir);
  if (!pipeline) return pipeline.status();
  TextExtractor t;
  t.pipeline_ = std::make_shared<const nlp::Pipeline>(std::move(pipeline).value());
  // Without the derivations model only the nominalization rule is off.
  Result<Derivations> d = Derivations::load(model_dir + "/derivations.model");
  if (d) t.derivations_ = std::make_shared<const Derivations>(std::move(d).value());
  t.extractor_ = std::make_shared<const Extractor>(options, t.derivations_.get());
  return t;
}

}  // namespace kg::extract

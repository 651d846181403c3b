// kg extract: text in, triples out, no store. The map step of a distributed
// run (see README "Beyond one machine"): its JSONL is what
// `kg ingest --triples` reads back.
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ingest/extract/baseline.h"
#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"
#include "ingest/source/source.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

struct ExtractOptions {
  std::string format = "tsv";
  std::vector<std::string> inputs;
};

// TSV fields may not hold tabs or newlines; names and relations never do,
// but a defensive replacement keeps every line three fields.
std::string tsv_field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// One fact of `kg extract --format jsonl`, the same fields for both
// extractors, so that `kg ingest --triples` reads either.
struct JsonlFact {
  size_t sentence;
  std::string_view sentence_text;
  std::string_view subject, subject_type, relation, object, object_type;
  uint32_t span_begin, span_end;
  float confidence;
  bool negated, modal;
  std::string_view attribution;
  std::string_view extractor;
};

void print_jsonl_fact(const source::Document& doc, const JsonlFact& f) {
  const nlohmann::json line = {
      {"doc", doc.id},
      {"title", doc.title},
      {"date", doc.date},
      {"url", doc.url},
      {"content_hash", doc.content_hash},
      {"sentence", f.sentence},
      {"sentence_text", f.sentence_text},
      {"subject", f.subject},
      {"subject_type", f.subject_type},
      {"relation", f.relation},
      {"object", f.object},
      {"object_type", f.object_type},
      {"span", {f.span_begin, f.span_end}},
      {"confidence", std::round(f.confidence * 1000.0) / 1000.0},  // 0.7, not 0.699999988
      {"negated", f.negated},
      {"modal", f.modal},
      {"attribution", f.attribution},
      {"extractor", f.extractor},
  };
  fmt::print("{}\n", line.dump());
}

// The parser-based extractor's facts (ingest/extract/extract.h), same fields.
void print_parsed_document(const source::Document& doc, const std::string& format,
                           const extract::TextExtractor& parsed) {
  const nlp::Document annotated = parsed.annotate(doc.text);
  for (const extract::Fact& f : parsed.facts(annotated)) {
    if (format == "tsv") {
      fmt::print("{}\t{}\t{}\n", tsv_field(f.subject), tsv_field(f.relation), tsv_field(f.object));
      continue;
    }
    const nlp::Sentence& s = annotated.sentences[f.sentence];
    const auto words = annotated.words_of(s);
    const std::string_view text =
        words.empty() ? std::string_view()
                      : std::string_view(annotated.text()).substr(words.front().begin, words.back().end - words.front().begin);
    print_jsonl_fact(doc, JsonlFact{f.sentence, text, f.subject, f.subject_type, f.relation, f.object, f.object_type,
                                    f.span_begin, f.span_end, f.confidence, f.negated, f.modal, f.attribution,
                                    "parser"});
  }
}

void print_document(const source::Document& doc, const std::string& format) {
  const extract::BaselineExtraction x = extract::extract_baseline(doc.text);
  for (const extract::BaselineFact& f : x.facts) {
    const extract::BaselineEntity& s = x.entities[f.subject];
    const extract::BaselineEntity& o = x.entities[f.object];
    if (format == "tsv") {
      fmt::print("{}\t{}\t{}\n", tsv_field(s.name), tsv_field(f.relation), tsv_field(o.name));
    } else if (format == "carb") {
      fmt::print("{}\t{:.2f}\t{}\t{}\t{}\n", tsv_field(x.sentences[f.sentence]), f.confidence,
                 tsv_field(f.relation), tsv_field(s.name), tsv_field(o.name));
    } else {
      print_jsonl_fact(doc, JsonlFact{f.sentence, x.sentences[f.sentence], s.name, s.type, f.relation, o.name,
                                      o.type, f.span_begin, f.span_end, f.confidence, f.negated, f.modal, "",
                                      "baseline"});
    }
  }
}

// CaRB scores one sentence per line; each line is extracted on its own so
// that the sentence column matches the benchmark's input exactly.
int run_carb(const std::vector<std::string>& inputs) {
  // The parser-based extractor (ingest/extract/extract.h) once the models are
  // built; the baseline until then.
  const Result<extract::TextExtractor> parsed =
      extract::TextExtractor::load(nlp::Pipeline::default_model_dir(), extract::carb_options());
  for (const std::string& input : inputs) {
    Result<std::vector<source::Document>> docs = source::read_path(input);
    if (!docs.is_ok()) return report(docs.status());
    for (const source::Document& doc : *docs) {
      const std::string whole = doc.title.empty() ? doc.text : doc.title + "\n\n" + doc.text;
      size_t pos = 0;
      while (pos < whole.size()) {
        size_t end = whole.find('\n', pos);
        if (end == std::string::npos) end = whole.size();
        const std::string line = whole.substr(pos, end - pos);
        pos = end + 1;
        if (line.empty()) continue;
        if (parsed) {
          fmt::print("{}", parsed->carb(tsv_field(line)));
          continue;
        }
        const extract::BaselineExtraction x = extract::extract_baseline(line);
        for (const extract::BaselineFact& f : x.facts) {
          fmt::print("{}\t{:.2f}\t{}\t{}\t{}\n", tsv_field(line), f.confidence, tsv_field(f.relation),
                     tsv_field(x.entities[f.subject].name), tsv_field(x.entities[f.object].name));
        }
      }
    }
  }
  return 0;
}

}  // namespace

Subcommand add_extract_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<ExtractOptions>();
  Subcommand c;
  c.app = kg.add_subcommand("extract",
                            "extract triples from text without a store (baseline extractor: capitalised names and "
                            "the words between them)");
  c.app->add_option("--format", options->format, "tsv (subject, relation, object), jsonl (one triple per line "
                                                  "with its sentence; read back by 'kg ingest --triples'), or "
                                                  "carb (CaRB's tab format: one input line is one sentence)")
      ->check(CLI::IsMember({"tsv", "jsonl", "carb"}));
  c.app->add_option("FILE", options->inputs, "files or directories to read; '-' or nothing for standard input");
  c.run = [options] {
    std::vector<std::string> inputs = options->inputs;
    if (inputs.empty()) inputs.push_back("-");
    if (options->format == "carb") return run_carb(inputs);
    // Everything is read and checked first, so a bad input prints nothing
    // but its error.
    std::vector<source::Document> all;
    for (const std::string& input : inputs) {
      Result<std::vector<source::Document>> docs = source::read_path(input);
      if (!docs.is_ok()) return report(docs.status());
      for (source::Document& d : *docs) all.push_back(std::move(d));
    }
    const Result<extract::TextExtractor> parsed = extract::TextExtractor::load(nlp::Pipeline::default_model_dir());
    for (const source::Document& doc : all) {
      if (parsed) {
        print_parsed_document(doc, options->format, *parsed);
      } else {
        print_document(doc, options->format);
      }
    }
    std::fflush(stdout);
    return 0;
  };
  return c;
}

}  // namespace kg::cli

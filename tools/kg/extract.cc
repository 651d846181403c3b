// kg extract: text in, records or triples out, no store. The map step of a
// distributed run (see README "Beyond one machine"): its JSONL holds the
// records `kg ingest` would commit, and `kg ingest --triples` commits them.
#include <cstdio>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "ingest/extract/extract.h"
#include "ingest/nlp/nlp.h"
#include "ingest/pipeline.h"
#include "ingest/source/source.h"
#include "tools/kg/commands.h"

namespace kg::cli {
namespace {

struct ExtractOptions {
  std::string format = "tsv";
  std::vector<std::string> inputs;
  std::string encoding = "utf8";  // as kg ingest --encoding
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

// One document the way `kg ingest` would store it: the record as one line
// (jsonl), or its facts as subject, relation, object names (tsv).
Status print_record(const store::DocumentRecord& record, const std::string& format, std::string_view extractor) {
  if (format == "jsonl") {
    Result<std::string> line = ingest::record_line(record, extractor);
    if (!line.is_ok()) return line.status();
    std::fwrite(line->data(), 1, line->size(), stdout);
    return Status::ok();
  }
  for (const store::FactRecord& f : record.facts) {
    fmt::print("{}\t{}\t{}\n", tsv_field(record.entities[f.subject].name), tsv_field(f.relation),
               tsv_field(record.entities[f.object].name));
  }
  return Status::ok();
}

// CaRB scores one sentence per line; each line is extracted on its own so
// that the sentence column matches the benchmark's input exactly.
int run_carb(const std::vector<std::string>& inputs, const source::ReadOptions& read) {
  // The parser-based extractor (ingest/extract/extract.h) once the models are
  // built; the baseline until then.
  const Result<extract::TextExtractor> parsed =
      extract::TextExtractor::load(nlp::Pipeline::default_model_dir(), extract::carb_options());
  for (const std::string& input : inputs) {
    Result<std::vector<source::Document>> docs = source::read_path(input, read);
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

void print_budget_notes(std::string_view command, uint64_t sentences_cut, uint64_t sentences_unparsed,
                        uint64_t propositions_dropped) {
  if (sentences_cut > 0) {
    fmt::print(stderr, "{}: {} sentence(s) over {} words cut into pieces of at most that many\n", command,
               sentences_cut, nlp::kMaxSentenceWords);
  }
  if (sentences_unparsed > 0) {
    fmt::print(stderr, "{}: {} sentence(s) over {} words left unparsed, no facts taken from them\n", command,
               sentences_unparsed, nlp::kMaxParsedWords);
  }
  if (propositions_dropped > 0) {
    fmt::print(stderr, "{}: {} candidate fact(s) dropped past {} in one sentence\n", command, propositions_dropped,
               extract::kMaxSentencePropositions);
  }
}

Subcommand add_extract_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  auto options = std::make_shared<ExtractOptions>();
  Subcommand c;
  c.app = kg.add_subcommand("extract",
                            "extract from text without a store what 'kg ingest' would store (the trained models, "
                            "or the baseline extractor when there is no parser model)");
  c.app->add_option("--format", options->format, "tsv (subject, relation, object of each fact), jsonl (one "
                                                  "document record per line, kg_record format 1; committed by "
                                                  "'kg ingest --triples'), or carb (CaRB's tab format: one input "
                                                  "line is one sentence)")
      ->check(CLI::IsMember({"tsv", "jsonl", "carb"}));
  c.app->add_option("FILE", options->inputs, "files or directories to read; '-' or nothing for standard input");
  c.app->add_option("--encoding", options->encoding,
                    "how to read text that is not valid UTF-8, as for kg ingest: utf8 (refuse it), latin1, cp1252 "
                    "or auto");
  c.run = [options] {
    std::vector<std::string> inputs = options->inputs;
    if (inputs.empty()) inputs.push_back("-");
    source::ReadOptions read;
    if (Result<source::Encoding> e = source::parse_encoding(options->encoding); e.is_ok()) {
      read.encoding = *e;
    } else {
      return report(e.status());
    }
    if (options->format == "carb") return run_carb(inputs, read);
    // Everything is read and checked first, so a bad input prints nothing
    // but its error.
    std::vector<source::Document> all;
    for (const std::string& input : inputs) {
      Result<std::vector<source::Document>> docs = source::read_path(input, read);
      if (!docs.is_ok()) return report(docs.status());
      for (source::Document& d : *docs) all.push_back(std::move(d));
    }
    const Result<ingest::RecordBuilder> builder = ingest::RecordBuilder::load();
    if (!builder.is_ok()) return report(builder.status());
    for (const source::Document& doc : all) {
      if (Status s = print_record(builder->build(doc), options->format, builder->extractor()); !s.is_ok()) {
        return report(s);
      }
    }
    std::fflush(stdout);
    print_budget_notes("kg extract", nlp::sentences_cut_for_length(), nlp::sentences_over_budget(),
                       extract::propositions_over_budget());
    return 0;
  };
  return c;
}

}  // namespace kg::cli

#include <cstdio>
#include <fmt/format.h>
#include <iostream>
#include <iterator>

#include "ingest/nlp/nlp.h"
#include "tools/kg/commands.h"
#include "ingest/nlp/train/train.h"

namespace kg::cli {

namespace {

struct NlpOptions {
  std::string input = "text";
  bool keep_tags = false;  // with conllu input: keep UPOS, XPOS, FEATS and lemmas
  std::vector<std::string> files;
};

Result<std::string> read_input(const std::string& file) {
  if (file == "-") return std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  return train::read_whole_file(file);
}

int run_nlp(const NlpOptions& options) {
  if (options.keep_tags && options.input != "conllu") {
    return report(Status::invalid_input("kg nlp: --keep-tags needs --input conllu (raw text has no tags to keep)"));
  }
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_dir());
  if (!pipeline) return report(pipeline.status());
  std::vector<std::string> files = options.files;
  if (files.empty()) files.push_back("-");
  for (const std::string& file : files) {
    Result<std::string> content = read_input(file);
    if (!content) return report(content.status());
    const std::string name = file == "-" ? "<stdin>" : file;
    if (options.input == "conllu") {
      // Gold tokens and sentences are kept. Every annotation the pipeline
      // produces is predicted afresh, none is copied from the input; with
      // --keep-tags the input's tags, features and lemmas stay and only the
      // stages after them run.
      Result<nlp::Document> doc = nlp::read_conllu(*content, name);
      if (!doc) return report(doc.status());
      for (nlp::Word& w : doc->words) {
        w.deprel = w.ner = {};
        w.head = -1;
        if (options.keep_tags) continue;
        w.lemma = w.xpos = w.feats = {};
        w.upos = nlp::UPos::X;
      }
      if (options.keep_tags) {
        pipeline->annotate_tagged(&*doc);
      } else {
        pipeline->annotate(&*doc);
      }
      fmt::print("{}", nlp::write_conllu(*doc));
    } else {
      nlp::AnnotateStats stats;
      nlp::Document doc = pipeline->annotate(*content, &stats);
      if (stats.repaired_sequences > 0) {
        fmt::print(stderr, "kg: {}: replaced {} invalid UTF-8 sequence(s) with U+FFFD\n", name,
                   stats.repaired_sequences);
      }
      fmt::print("{}", nlp::write_conllu(doc));
    }
  }
  return 0;
}

}  // namespace

Subcommand add_nlp_command(CLI::App& kg, const GlobalOptions& /*global*/) {
  Subcommand c;
  c.app = kg.add_subcommand("nlp", "annotate text and write CoNLL-U");
  auto options = std::make_shared<NlpOptions>();
  c.app->add_option("--input", options->input, "input format: text (raw text) or conllu (keeps gold tokens)")
      ->check(CLI::IsMember({"text", "conllu"}));
  c.app
      ->add_flag("--keep-tags", options->keep_tags,
                 "with --input conllu: keep the input's UPOS, XPOS, FEATS and lemmas, predict only heads, "
                 "labels and entities");
  c.app->add_option("files", options->files, "input files (default: standard input; - for standard input)");
  c.run = [options] { return run_nlp(*options); };
  return c;
}

}  // namespace kg::cli

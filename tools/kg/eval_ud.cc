// `kg eval ud`: CoNLL 2018 shared-task metrics of a system CoNLL-U file
// against a gold one; `--write-text` rebuilds the raw text of the gold file
// for an end-to-end run (kg nlp --input text).
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "ingest/nlp/nlp.h"
#include "tools/kg/commands.h"
#include "ingest/nlp/train/train.h"

namespace kg::cli {

namespace {

struct EvalUdOptions {
  std::string gold;
  std::string system;
  std::string write_text;
  bool json = false;
};

Result<nlp::Document> read_conllu_file(const std::string& path) {
  Result<std::string> content = train::read_whole_file(path);
  if (!content) return content.status();
  return nlp::read_conllu(*content, path);
}

int run_eval_ud(const EvalUdOptions& options) {
  Result<nlp::Document> gold = read_conllu_file(options.gold);
  if (!gold) return report(gold.status());
  if (!options.write_text.empty()) {
    std::ofstream out(options.write_text, std::ios::binary);
    out << train::ud_raw_text(*gold);
    if (!out) return report(Status::io_error(fmt::format("{}: cannot write", options.write_text)));
    return 0;
  }
  if (options.system.empty()) return report(Status::invalid_input("kg eval ud: --system is required"));
  Result<nlp::Document> system = read_conllu_file(options.system);
  if (!system) return report(system.status());
  Result<train::UdScores> scores = train::score_ud(*gold, *system);
  if (!scores) return report(scores.status());
  if (options.json) {
    nlohmann::json j = nlohmann::json::object();
    for (const train::UdMetric& m : scores->metrics) {
      j[m.name] = {{"precision", m.precision()}, {"recall", m.recall()}, {"f1", m.f1()},
                   {"aligned_accuracy", m.aligned_accuracy()}, {"gold", m.gold}, {"system", m.system},
                   {"correct", m.correct}};
    }
    fmt::print("{}\n", j.dump(2));
    return 0;
  }
  fmt::print("{:<11}|{:>10} |{:>10} |{:>10} |{:>10}\n", "Metric", "Precision", "Recall", "F1 Score", "AligndAcc");
  fmt::print("-----------+-----------+-----------+-----------+-----------\n");
  for (const train::UdMetric& m : scores->metrics) {
    const bool word_level = m.name != "Tokens" && m.name != "Sentences" && m.name != "Words";
    fmt::print("{:<11}|{:>10.2f} |{:>10.2f} |{:>10.2f} |{:>10}\n", m.name, m.precision(), m.recall(), m.f1(),
               word_level ? fmt::format("{:.2f}", m.aligned_accuracy()) : std::string());
  }
  return 0;
}

}  // namespace

Subcommand add_eval_ud_command(CLI::App& eval) {
  Subcommand c;
  c.app = eval.add_subcommand("ud", "CoNLL 2018 metrics: tokens, sentences, words, UPOS, XPOS, lemmas, UAS, LAS");
  auto options = std::make_shared<EvalUdOptions>();
  c.app->add_option("--gold", options->gold, "gold CoNLL-U file")->required();
  c.app->add_option("--system", options->system, "system CoNLL-U file");
  c.app->add_flag("--json", options->json, "print the scores as JSON");
  c.app->add_option("--write-text", options->write_text,
                    "write the gold file's raw text (from # text; blank lines between paragraphs) to this file and exit");
  c.run = [options] { return run_eval_ud(*options); };
  return c;
}

}  // namespace kg::cli

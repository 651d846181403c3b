// `kg eval ner`: exact-span precision, recall and F1 of the entities in a
// system CoNLL-U file (NER=... in MISC, as `kg nlp` writes) against gold
// data: a UNER IOB2 file, a GUM CoNLL-U file with Entity= annotation, or a
// CoNLL-U file with NER= tags of its own (the held-out gold that `kg train`
// writes while tuning, or another run's output).
// Sentences are matched by their words, not their order.
#include <algorithm>
#include <fmt/format.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "ingest/nlp/train/train.h"
#include "tools/kg/commands.h"

namespace kg::cli {

namespace {

struct EvalNerOptions {
  std::string gold;
  std::string system;
  std::string gold_format = "auto";
  bool json = false;
  bool errors = false;
};

// CoNLL-U word lines have ten columns; IOB2 lines three to five.
bool looks_like_conllu(std::string_view content) {
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    const std::string_view line = content.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.empty() || line[0] == '#') continue;
    return std::count(line.begin(), line.end(), '\t') == 9;
  }
  return true;
}

// "auto": IOB2 unless the file is CoNLL-U; CoNLL-U is GUM unless it
// carries NER= tags and no Entity= annotation.
std::string_view gold_format(const EvalNerOptions& options, std::string_view content) {
  if (options.gold_format != "auto") return options.gold_format;
  if (!looks_like_conllu(content)) return "iob2";
  const bool ner_tags = content.find("NER=") != std::string_view::npos;
  return ner_tags && content.find("Entity=") == std::string_view::npos ? "kg" : "gum";
}

Result<nlp::NerCorpus> read_gold(const EvalNerOptions& options) {
  Result<std::string> content = train::read_whole_file(options.gold);
  if (!content) return content.status();
  const std::string_view format = gold_format(options, *content);
  if (format == "gum") return nlp::read_gum_entities(*content, options.gold);
  if (format == "kg") return nlp::read_ner_conllu(*content, options.gold);
  return nlp::read_iob2(*content, options.gold);
}

nlohmann::json counts_json(const train::SpanCounts& c) {
  return {{"precision", c.precision()}, {"recall", c.recall()}, {"f1", c.f1()},
          {"gold", c.gold},             {"system", c.system},   {"correct", c.correct}};
}

// "Joe Biden/PERSON": the words of a span and its type.
std::string span_text(const nlp::Document& doc, const nlp::Sentence& s, const nlp::EntitySpan& span) {
  std::string out;
  for (const nlp::Word& w : doc.words_of(s).subspan(span.begin, span.end - span.begin)) {
    if (!out.empty()) out += ' ';
    out += w.form;
  }
  return fmt::format("{}/{}", out, nlp::entity_type_name(span.type));
}

// One block per sentence with a difference: the sentence, then "- " for
// each missed gold span and "+ " for each spurious system span. A sentence
// only one side has says so after its text.
void print_errors(const nlp::Document& gold, const nlp::Document& system,
                  std::span<const train::SentenceErrors> errors) {
  constexpr size_t kNone = train::SentenceErrors::kNone;
  for (const train::SentenceErrors& e : errors) {
    // Matched sentences have the same words on both sides.
    const nlp::Document& doc = e.gold_sentence != kNone ? gold : system;
    const nlp::Sentence& s = doc.sentences[e.gold_sentence != kNone ? e.gold_sentence : e.system_sentence];
    const std::string_view only = e.system_sentence == kNone ? "  (gold only: no system sentence has these words)"
                                  : e.gold_sentence == kNone ? "  (system only: no gold sentence has these words)"
                                                             : "";
    fmt::print("# {}{}\n", s.text, only);
    for (const nlp::EntitySpan& span : e.missed) fmt::print("- {}\n", span_text(doc, s, span));
    for (const nlp::EntitySpan& span : e.spurious) fmt::print("+ {}\n", span_text(doc, s, span));
  }
}

int run_eval_ner(const EvalNerOptions& options) {
  Result<nlp::NerCorpus> gold = read_gold(options);
  if (!gold) return report(gold.status());
  Result<std::string> content = train::read_whole_file(options.system);
  if (!content) return report(content.status());
  Result<nlp::NerCorpus> system = nlp::read_ner_conllu(*content, options.system);
  if (!system) return report(system.status());
  std::vector<train::SentenceErrors> errors;
  const train::NerScores s = train::score_entities(*gold, *system, options.errors ? &errors : nullptr);
  if (options.errors) print_errors(gold->doc, system->doc, errors);
  if (options.json) {
    nlohmann::json j = nlohmann::json::object();
    for (int t = 0; t < nlp::kEntityTypeCount; ++t) {
      j[std::string(nlp::entity_type_name(static_cast<nlp::EntityType>(t)))] = counts_json(s.by_type[t]);
    }
    j["overall"] = counts_json(s.overall);
    j["PERSON+ORG+LOC"] = counts_json(s.person_org_loc);
    j["sentences"] = s.sentences;
    j["unmatched_gold_sentences"] = s.unmatched_gold;
    j["unmatched_system_sentences"] = s.unmatched_system;
    fmt::print("{}\n", j.dump(2));
    return 0;
  }
  fmt::print("{:<15}|{:>10} |{:>10} |{:>10} |{:>7} |{:>7}\n", "Type", "Precision", "Recall", "F1 Score", "Gold",
             "System");
  fmt::print("---------------+-----------+-----------+-----------+--------+--------\n");
  auto row = [](std::string_view name, const train::SpanCounts& c) {
    fmt::print("{:<15}|{:>10.2f} |{:>10.2f} |{:>10.2f} |{:>7} |{:>7}\n", name, c.precision(), c.recall(), c.f1(),
               c.gold, c.system);
  };
  for (int t = 0; t < nlp::kEntityTypeCount; ++t) {
    row(nlp::entity_type_name(static_cast<nlp::EntityType>(t)), s.by_type[t]);
  }
  row("PERSON+ORG+LOC", s.person_org_loc);
  row("overall", s.overall);
  if (s.unmatched_gold > 0 || s.unmatched_system > 0) {
    fmt::print("{} of {} gold sentences had no system sentence with the same words ({} system sentences unmatched)\n",
               s.unmatched_gold, s.sentences, s.unmatched_system);
  }
  return 0;
}

}  // namespace

Subcommand add_eval_ner_command(CLI::App& eval) {
  Subcommand c;
  c.app = eval.add_subcommand("ner", "exact-span entity precision, recall and F1 per type and overall");
  auto options = std::make_shared<EvalNerOptions>();
  c.app->add_option("--gold", options->gold,
                    "gold file: UNER .iob2, GUM CoNLL-U with Entity= annotation, or CoNLL-U with NER= tags")
      ->required();
  c.app->add_option("--system", options->system, "system CoNLL-U file with NER= tags (kg nlp output)")->required();
  c.app->add_option("--gold-format", options->gold_format,
                    "auto (default), iob2, gum, or kg (CoNLL-U with NER= tags, as kg nlp writes)")
      ->check(CLI::IsMember({"auto", "iob2", "gum", "kg"}));
  c.app->add_flag("--json", options->json, "print the scores as JSON");
  c.app->add_flag("--errors", options->errors,
                  "before the scores, list each sentence whose spans differ: '- ' gold spans missed, '+ ' spans "
                  "the system found that gold lacks");
  c.run = [options] { return run_eval_ner(*options); };
  return c;
}

}  // namespace kg::cli

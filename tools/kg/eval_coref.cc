// `kg eval coref`: coreference scores (MUC, B-cubed, CEAF-e, CoNLL F1)
// against the Entity annotation of a GUM CoNLL-U file; the restriction to
// person/organization/place names and third-person pronouns is described in
// tools/train/coref_eval.h.
//
// System input, either
//   --system S.conllu  any CoNLL-U over the gold words whose MISC column
//                      carries "Entity=(ID-TYPE" ... "ID)" brackets (TYPE one
//                      of person, organization, place, misc); or
//   nothing            kg itself: the gold words are stripped of every gold
//                      annotation, annotated by the shipped NLP models
//                      (tagger, lemmatizer and, when present, parser and
//                      recognizer), and resolved one gold document at a time;
//                      --write-system OUT saves that output in the format above.
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "ingest/nlp/nlp.h"
#include "ingest/resolve/resolve.h"
#include "tools/kg/commands.h"
#include "tools/train/coref_eval.h"
#include "ingest/nlp/train/train.h"

namespace kg::cli {

namespace {

struct EvalCorefOptions {
  std::string gold;
  std::string system;
  std::string write_system;
  bool no_singletons = false;
  bool json = false;
};

Result<nlp::Document> read_conllu_path(const std::string& path) {
  Result<std::string> content = train::read_whole_file(path);
  if (!content) return content.status();
  return nlp::read_conllu(*content, path);
}

std::string_view gum_type(nlp::EntityType type) {
  switch (type) {
    case nlp::EntityType::kPerson: return "person";
    case nlp::EntityType::kOrg: return "organization";
    case nlp::EntityType::kLoc: return "place";
    case nlp::EntityType::kMisc: return "misc";
  }
  return "misc";
}

// Writes the resolver's clusters of one document as Entity= brackets into
// Word::misc; `next_id` numbers entities across the file.
void mark_entities(nlp::Document* doc, const resolve::DocumentEntities& entities, uint32_t* next_id) {
  struct Bracket {
    uint32_t other_end;  // for ordering: outer mentions open first and close last
    std::string text;
  };
  std::map<std::pair<uint32_t, uint32_t>, std::pair<std::vector<Bracket>, std::vector<Bracket>>> at;  // opens, closes
  const uint32_t base = *next_id;
  for (const resolve::Mention& m : entities.mentions) {
    if (m.cluster < 0) continue;
    const uint32_t id = base + static_cast<uint32_t>(m.cluster);
    const std::string_view type = gum_type(entities.clusters[m.cluster].type);
    if (m.end - m.begin == 1) {
      at[{m.sentence, m.begin}].first.push_back({m.begin, fmt::format("({}-{})", id, type)});
    } else {
      at[{m.sentence, m.begin}].first.push_back({m.end, fmt::format("({}-{}", id, type)});
      at[{m.sentence, m.end - 1}].second.push_back({m.begin, fmt::format("{})", id)});
    }
  }
  *next_id = base + static_cast<uint32_t>(entities.clusters.size());
  for (auto& [where, brackets] : at) {
    auto& [opens, closes] = brackets;
    std::stable_sort(opens.begin(), opens.end(), [](const Bracket& a, const Bracket& b) { return a.other_end > b.other_end; });
    std::stable_sort(closes.begin(), closes.end(), [](const Bracket& a, const Bracket& b) { return a.other_end > b.other_end; });
    std::string value = "Entity=";
    for (const Bracket& b : opens) value += b.text;
    for (const Bracket& b : closes) value += b.text;
    nlp::Word& w = doc->words[doc->sentences[where.first].word_begin + where.second];
    w.misc = doc->intern(value);
  }
}

// write_conllu() with each word's Entity= brackets added to its MISC column.
std::string write_with_entities(const nlp::Document& doc) {
  const std::string plain = nlp::write_conllu(doc);
  std::string out;
  out.reserve(plain.size() + plain.size() / 8);
  size_t word = 0, start = 0;
  while (start < plain.size()) {
    size_t end = plain.find('\n', start);
    if (end == std::string::npos) end = plain.size();
    std::string_view line(plain.data() + start, end - start);
    const size_t tab = line.find('\t');
    const bool word_line = !line.empty() && line[0] != '#' && tab != std::string_view::npos &&
                           line.substr(0, tab).find('-') == std::string_view::npos;
    if (word_line && word < doc.words.size() && !doc.words[word].misc.empty()) {
      const size_t last_tab = line.rfind('\t');
      const std::string_view misc = line.substr(last_tab + 1);
      out += line.substr(0, last_tab + 1);
      if (misc != "_") {
        out += misc;
        out += '|';
      }
      out += doc.words[word].misc;
    } else {
      out += line;
    }
    if (word_line) ++word;
    out += '\n';
    start = end + 1;
  }
  return out;
}

// kg's own system output over the gold words (see the file comment).
Result<nlp::Document> run_system(const std::string& gold_path) {
  Result<nlp::Pipeline> pipeline = nlp::Pipeline::load(nlp::Pipeline::default_model_dir());
  if (!pipeline) return pipeline.status();
  Result<nlp::Document> doc = read_conllu_path(gold_path);
  if (!doc) return doc.status();
  for (nlp::Word& w : doc->words) {
    w.lemma = w.xpos = w.feats = w.deprel = w.ner = w.misc = {};
    w.head = -1;
    w.upos = nlp::UPos::X;
  }
  pipeline->annotate(&*doc);
  uint32_t next_id = 1;
  const auto n = static_cast<uint32_t>(doc->sentences.size());
  for (uint32_t first = 0; first < n;) {
    uint32_t last = first + 1;
    while (last < n && !doc->sentences[last].new_document) ++last;
    const resolve::DocumentEntities entities = resolve::resolve_sentences(*doc, first, last);
    mark_entities(&*doc, entities, &next_id);
    first = last;
  }
  return doc;
}

void print_table(const train::CorefScores& s) {
  fmt::print("{:<8}|{:>10} |{:>10} |{:>10}\n", "Metric", "Recall", "Precision", "F1");
  fmt::print("--------+-----------+-----------+-----------\n");
  const auto row = [](std::string_view name, const train::CorefMetric& m) {
    fmt::print("{:<8}|{:>10.2f} |{:>10.2f} |{:>10.2f}\n", name, m.recall(), m.precision(), m.f1());
  };
  row("MUC", s.muc);
  row("B3", s.b3);
  row("CEAF-e", s.ceafe);
  fmt::print("CoNLL F1: {:.2f}\n", s.conll_f1());
  fmt::print("mentions: gold {}, system {}, matched {}; entities: gold {}, system {}\n", s.gold_mentions,
             s.system_mentions, s.matched_mentions, s.gold_entities, s.system_entities);
}

int run_eval_coref(const EvalCorefOptions& options) {
  Result<nlp::Document> gold = read_conllu_path(options.gold);
  if (!gold) return report(gold.status());
  Result<nlp::Document> system = options.system.empty() ? run_system(options.gold) : read_conllu_path(options.system);
  if (!system) return report(system.status());
  if (!options.write_system.empty()) {
    std::ofstream out(options.write_system, std::ios::binary);
    out << write_with_entities(*system);
    if (!out) return report(Status::io_error(fmt::format("{}: cannot write", options.write_system)));
  }
  train::CorefEvalOptions eval;
  eval.singletons = !options.no_singletons;
  Result<train::CorefScores> scores = train::score_coreference(*gold, *system, eval);
  if (!scores) return report(Status::invalid_input(fmt::format("{}: {}", options.system.empty() ? options.gold : options.system,
                                                              scores.status().message())));
  if (options.json) {
    nlohmann::json j = nlohmann::json::object();
    const auto metric = [](const train::CorefMetric& m) {
      return nlohmann::json{{"recall", m.recall()}, {"precision", m.precision()}, {"f1", m.f1()}};
    };
    j["muc"] = metric(scores->muc);
    j["b3"] = metric(scores->b3);
    j["ceafe"] = metric(scores->ceafe);
    j["conll_f1"] = scores->conll_f1();
    j["gold_mentions"] = scores->gold_mentions;
    j["system_mentions"] = scores->system_mentions;
    j["matched_mentions"] = scores->matched_mentions;
    fmt::print("{}\n", j.dump(2));
    return 0;
  }
  print_table(*scores);
  return 0;
}

}  // namespace

Subcommand add_eval_coref_command(CLI::App& eval) {
  Subcommand c;
  c.app = eval.add_subcommand("coref", "coreference: MUC, B3, CEAF-e and CoNLL F1 against GUM Entity annotation");
  auto options = std::make_shared<EvalCorefOptions>();
  c.app->add_option("--gold", options->gold, "gold CoNLL-U file with Entity= annotation (GUM)")->required();
  c.app->add_option("--system", options->system,
                    "system CoNLL-U over the gold words with Entity= brackets; without it kg annotates and "
                    "resolves the gold words itself");
  c.app->add_option("--write-system", options->write_system, "save the system output (CoNLL-U with Entity=) here");
  c.app->add_flag("--no-singletons", options->no_singletons, "leave out entities with a single scored mention");
  c.app->add_flag("--json", options->json, "print the scores as JSON");
  c.run = [options] { return run_eval_coref(*options); };
  return c;
}

}  // namespace kg::cli

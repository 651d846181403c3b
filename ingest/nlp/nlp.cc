#include "ingest/nlp/nlp.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>

#include "base/utf8.h"
#include "ingest/nlp/model_io.h"
#include "ingest/nlp/parser.h"
#include "ingest/nlp/ner.h"

namespace kg::nlp {

namespace {

std::string model_path(const std::string& dir, std::string_view file) { return fmt::format("{}/{}", dir, file); }

// Opens a model file and runs `read` over its payload; any shortfall or
// leftover becomes an error naming the file.
template <typename ReadFn>
Status load_model(const std::string& path, std::string_view kind, uint32_t version, ReadFn read) {
  Result<ModelReader> reader = ModelReader::open(path, kind, version);
  if (!reader) return reader.status();
  if (!read(*reader)) return Status::corruption(fmt::format("{}: malformed {} model", path, kind));
  return reader->finish();
}

}  // namespace

std::string Pipeline::default_model_dir() {
  if (const char* env = std::getenv("KG_MODELS"); env != nullptr && *env != '\0') return env;
  return KG_MODEL_DIR;
}

Result<Pipeline> Pipeline::load(const std::string& dir) {
  Pipeline p;
  TokenizerLexicon lexicon;
  AveragedPerceptron splitter_model;
  Status st = load_model(model_path(dir, kTokenizerModelFile), kTokenizerModelKind, kTokenizerModelVersion,
                         [&](ModelReader& in) { return lexicon.load(in) && splitter_model.load(in); });
  if (!st) return st;
  p.tokenizer_ = std::make_unique<Tokenizer>(std::move(lexicon));
  p.splitter_ = std::make_unique<SentenceSplitter>(std::move(splitter_model));

  p.tagger_ = std::make_unique<Tagger>();
  st = load_model(model_path(dir, kTaggerModelFile), kTaggerModelKind, kTaggerModelVersion,
                  [&](ModelReader& in) { return p.tagger_->load(in); });
  if (!st) return st;

  p.lemmatizer_ = std::make_unique<Lemmatizer>();
  st = load_model(model_path(dir, kLemmatizerModelFile), kLemmatizerModelKind, kLemmatizerModelVersion,
                  [&](ModelReader& in) { return p.lemmatizer_->load(in); });
  if (!st) return st;

  if (st = p.load_later_stages(dir); !st) return st;
  return p;
}

Status Pipeline::load_later_stages(const std::string& dir) {
  // ---- later stages: each adds itself here, in pipeline order, when its ----
  // ---- model file exists in `dir` (parser first, then the recognizer).  ----
  // [parser]
  if (const std::string parser_path = model_path(dir, kParserModelFile); std::filesystem::exists(parser_path)) {
    Result<DependencyParser> parser = DependencyParser::load_file(parser_path);
    if (!parser) return parser.status();
    later_stages_.push_back(std::make_unique<DependencyParser>(std::move(parser).value()));
  }
  // [ner]
  if (const std::string ner_path = model_path(dir, kNerModelFile); std::filesystem::exists(ner_path)) {
    Result<EntityRecognizer> ner = EntityRecognizer::load(ner_path);
    if (!ner) return ner.status();
    later_stages_.push_back(std::make_unique<EntityRecognizer>(std::move(ner).value()));
  }
  return Status::ok();
}

namespace {

std::atomic<uint64_t> cut_sentences{0};

// Cuts every sentence of `ends` (the index of each sentence's last token)
// longer than kMaxSentenceWords into pieces of that many tokens, moving a
// cut past the clitics of one surface token (kJoinNext) so that a
// multiword token stays in one piece.
void cut_long_sentences(const std::vector<Token>& tokens, std::vector<uint32_t>* ends) {
  uint32_t first = 0;
  bool any_long = false;
  for (uint32_t last : *ends) {
    any_long = any_long || last + 1 - first > kMaxSentenceWords;
    first = last + 1;
  }
  if (!any_long) return;
  std::vector<uint32_t> cut;
  first = 0;
  for (uint32_t last : *ends) {
    if (last + 1 - first > kMaxSentenceWords) cut_sentences.fetch_add(1, std::memory_order_relaxed);
    while (last + 1 - first > kMaxSentenceWords) {
      uint32_t end = first + static_cast<uint32_t>(kMaxSentenceWords) - 1;
      while (end < last && tokens[end].has(Token::kJoinNext)) ++end;
      if (end == last) break;
      cut.push_back(end);
      first = end + 1;
    }
    cut.push_back(last);
    first = last + 1;
  }
  *ends = std::move(cut);
}

}  // namespace

uint64_t sentences_cut_for_length() { return cut_sentences.load(std::memory_order_relaxed); }

Document Pipeline::segment(std::string_view text, AnnotateStats* stats) const {
  size_t repaired = 0;
  Document doc(utf8::first_invalid_byte(text) ? utf8::repair(text, &repaired) : std::string(text));
  if (stats) stats->repaired_sequences = repaired;
  const std::string_view t = doc.text();

  thread_local std::vector<Token> tokens;
  thread_local std::vector<uint32_t> ends;
  tokenizer_->tokenize(t, &tokens);
  splitter_->split(t, tokens, &ends);
  cut_long_sentences(tokens, &ends);

  doc.words.reserve(tokens.size());
  doc.sentences.reserve(ends.size());
  uint32_t first = 0;
  for (uint32_t last : ends) {
    Sentence s;
    s.word_begin = static_cast<uint32_t>(doc.words.size());
    s.new_paragraph = tokens[first].has(Token::kParagraphBefore);
    s.new_document = doc.sentences.empty();
    s.text = t.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
    for (uint32_t i = first; i <= last; ++i) {
      const Token& tok = tokens[i];
      Word w;
      w.form = t.substr(tok.begin, tok.end - tok.begin);
      w.begin = tok.begin;
      w.end = tok.end;
      w.space_after = tok.has(Token::kSpaceAfter);
      const uint32_t index = static_cast<uint32_t>(doc.words.size()) - s.word_begin;
      // Clitic pieces of one surface token become a multiword token.
      if (tok.has(Token::kJoinNext) && (i == first || !tokens[i - 1].has(Token::kJoinNext))) {
        uint32_t j = i;
        while (j < last && tokens[j].has(Token::kJoinNext)) ++j;
        s.multiword.push_back({index, index + (j - i), t.substr(tok.begin, tokens[j].end - tok.begin)});
      }
      doc.words.push_back(w);
    }
    s.word_end = static_cast<uint32_t>(doc.words.size());
    doc.sentences.push_back(std::move(s));
    first = last + 1;
  }
  return doc;
}

void Pipeline::annotate(Document* doc) const {
  tagger_->tag(doc);
  lemmatizer_->lemmatize(doc);
  annotate_tagged(doc);
}

void Pipeline::annotate_tagged(Document* doc) const {
  for (const auto& stage : later_stages_) stage->annotate(doc);
}

Document Pipeline::annotate(std::string_view text, AnnotateStats* stats) const {
  Document doc = segment(text, stats);
  annotate(&doc);
  return doc;
}

}  // namespace kg::nlp

// Trains the tokenizer lexicon and the sentence splitter.
//
// The lexicon comes from the gold tokens: abbreviations are words written
// with their final period more often than without it; hyphen prefixes are
// first parts of hyphenated words that the treebank keeps whole more often
// than it splits them. The splitter learns from the raw text rebuilt from
// the treebanks, tokenized by the freshly built tokenizer, labelled with the
// gold sentence ends.
#include <algorithm>
#include <fmt/format.h>
#include <map>

#include "ingest/nlp/model_io.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/train/trainers.h"
#include "ingest/nlp/train/ud_eval.h"

namespace kg::train {

namespace {

constexpr const char* kTrainFiles[] = {"ud/en_ewt-ud-train.conllu", "ud/en_gum-cc-by-train.conllu"};
constexpr int kSplitterEpochs = 6;

// "Mr." "U.S." and the odd name ending in "!" ("Yahoo!").
bool is_abbreviation_shape(std::string_view w) {
  if (w.size() < 2 || (w.back() != '.' && w.back() != '!')) return false;
  if (w.back() == '!') {
    for (char c : w.substr(0, w.size() - 1)) {
      if (!nlp::is_ascii_alpha(c)) return false;
    }
    return true;
  }
  bool letter = false;
  for (char c : w.substr(0, w.size() - 1)) {
    if (nlp::is_ascii_alpha(c)) letter = true;
    else if (c != '.') return false;
  }
  return letter;
}

nlp::TokenizerLexicon learn_lexicon(const std::vector<nlp::Document>& docs) {
  std::map<std::string, int> with_period, split_period, kept_hyphen, split_hyphen;
  for (const nlp::Document& doc : docs) {
    for (const nlp::Sentence& s : doc.sentences) {
      const auto words = doc.words_of(s);
      for (size_t i = 0; i < words.size(); ++i) {
        const std::string_view f = words[i].form;
        if (is_abbreviation_shape(f)) ++with_period[std::string(f)];
        if (i + 1 < words.size() && (words[i + 1].form == "." || words[i + 1].form == "!") && !words[i].space_after &&
            is_abbreviation_shape(std::string(f) + std::string(words[i + 1].form))) {
          ++split_period[std::string(f) + std::string(words[i + 1].form)];
        }
        const size_t hyphen = f.find('-');
        if (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < f.size() &&
            nlp::is_ascii_alpha(f[hyphen - 1]) && nlp::is_ascii_alpha(f[hyphen + 1])) {
          std::string left(f.substr(0, hyphen));
          for (char& c : left) c = nlp::ascii_lower(c);
          ++kept_hyphen[left];
        }
        if (i + 2 < words.size() && words[i + 1].form == "-" && !words[i].space_after && !words[i + 1].space_after &&
            !f.empty() && nlp::is_ascii_alpha(f.back())) {
          std::string left(f);
          for (char& c : left) c = nlp::ascii_lower(c);
          ++split_hyphen[left];
        }
      }
    }
  }
  nlp::TokenizerLexicon lexicon;
  for (const auto& [w, n] : with_period) {
    const auto it = split_period.find(w);
    const int split = it == split_period.end() ? 0 : it->second;
    if (n >= 2 && n > split) lexicon.abbreviations.insert(w);
  }
  for (const auto& [w, n] : kept_hyphen) {
    const auto it = split_hyphen.find(w);
    const int split = it == split_hyphen.end() ? 0 : it->second;
    if (w.size() <= 8 && n >= 2 && n > split) lexicon.hyphen_prefixes.insert(w);
  }
  return lexicon;
}

// One splitter training example per candidate position of one document.
struct SplitterExample {
  std::vector<uint64_t> features;
  int label = 0;
};

void collect_examples(const nlp::Tokenizer& tokenizer, const nlp::Document& gold, std::vector<SplitterExample>* out) {
  std::vector<size_t> ends;
  const std::string raw = ud_raw_text(gold, &ends);
  std::vector<nlp::Token> tokens;
  tokenizer.tokenize(raw, &tokens);
  size_t next_end = 0, start = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    while (next_end < ends.size() && ends[next_end] < tokens[i].end) ++next_end;
    const bool is_end = next_end < ends.size() && ends[next_end] == tokens[i].end;
    const bool forced = i + 1 == tokens.size() || tokens[i + 1].has(nlp::Token::kParagraphBefore);
    if (!forced && nlp::SentenceSplitter::is_candidate(raw, tokens, i)) {
      SplitterExample ex;
      nlp::SentenceSplitter::features(raw, tokens, i, i + 1 - start, &ex.features);
      ex.label = is_end ? 1 : 0;
      out->push_back(std::move(ex));
    }
    if (is_end || forced) start = i + 1;
  }
}

}  // namespace

Status train_tokenizer(const TrainOptions& options) {
  std::vector<nlp::Document> docs;
  for (const char* file : kTrainFiles) {
    Result<nlp::Document> doc = read_treebank(options, file);
    if (!doc) return doc.status();
    docs.push_back(std::move(*doc));
  }
  nlp::TokenizerLexicon lexicon = learn_lexicon(docs);
  options.log(fmt::format("tokenizer: {} abbreviations, {} hyphen prefixes", lexicon.abbreviations.size(),
                          lexicon.hyphen_prefixes.size()));
  const nlp::Tokenizer tokenizer(lexicon);

  std::vector<SplitterExample> examples;
  for (const nlp::Document& doc : docs) collect_examples(tokenizer, doc, &examples);
  nlp::AveragedPerceptron model(2);
  for (int epoch = 0; epoch < kSplitterEpochs; ++epoch) {
    size_t errors = 0;
    for (const SplitterExample& ex : examples) {
      const int guess = model.predict(ex.features);
      errors += guess != ex.label;
      model.update(ex.features, ex.label, guess);
    }
    options.log(fmt::format("splitter: epoch {} errors {} of {}", epoch + 1, errors, examples.size()));
  }
  model.finish_training();

  nlp::ModelWriter out(nlp::kTokenizerModelKind, nlp::kTokenizerModelVersion);
  lexicon.save(out);
  model.save(out);
  return out.save(fmt::format("{}/{}", options.out_dir, nlp::kTokenizerModelFile));
}

}  // namespace kg::train

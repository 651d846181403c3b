// Dependency parser: greedy arc-hybrid transitions (transition_system.h)
// scored by an averaged perceptron over the templates of parser_features.h.
//
// It reads each word's form and XPOS (UPOS when XPOS is empty) and writes
// Word::head and Word::deprel (UD v2 labels with subtypes, interned in the
// document). Every parsed sentence is a well-formed tree: exactly one word
// has head -1, every other head is a word of the same sentence, and there
// are no cycles; this follows from the transition system, and the repairs
// of tree_repair.h, applied after it, keep it so.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/document.h"
#include "ingest/nlp/nlp.h"
#include "ingest/nlp/parser_features.h"
#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/tree_repair.h"

namespace kg::nlp {

inline constexpr std::string_view kParserModelFile = "parser.kgm";
inline constexpr std::string_view kParserModelKind = "parser";
// Version 2: the model may carry word clusters (after the feature set).
inline constexpr uint32_t kParserModelVersion = 2;

class DependencyParser final : public AnnotationStage {
 public:
  DependencyParser() = default;
  // `labels` are the arc labels in class order; the model has
  // transition_class_count(labels.size()) classes.
  // `labels` must contain "root"; `model` was trained with `features` and,
  // when `clusters` is not empty, with the cluster templates over them.
  DependencyParser(std::vector<std::string> labels, AveragedPerceptron model, ParserFeatureSet features,
                   WordClusters clusters = {});

  // Parses every sentence of the document up to kMaxParsedWords words long.
  void annotate(Document* doc) const override;

  // Heads (index in the sentence, -1 for the root) and label ids of one
  // sentence, without touching the words.
  void parse(std::span<const Word> words, std::vector<int>* heads, std::vector<int>* labels) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const AveragedPerceptron& model() const { return model_; }
  ParserFeatureSet feature_set() const { return features_; }
  // The clusters the model's cluster templates read; null without them.
  const WordClusters* clusters() const { return clusters_.size() > 0 ? &clusters_ : nullptr; }

  void save(ModelWriter& out) const;
  // `version` is that of the file (1: without the clusters field).
  bool load(ModelReader& in, uint32_t version = kParserModelVersion);

  // Loads `path` (a parser model file), with errors that name it.
  static Result<DependencyParser> load_file(const std::string& path);

 private:
  std::vector<std::string> labels_;
  int root_label_ = 0;  // index of "root" in labels_
  AveragedPerceptron model_;
  ParserFeatureSet features_ = ParserFeatureSet::kFull;
  // Saved with the model: its weights are tied to these exact paths.
  WordClusters clusters_;
  TreeRepair repair_;  // built from labels_
};

}  // namespace kg::nlp

// Hand-annotated UD trees for the extraction tests, written in a compact
// row form and turned into CoNLL-U, plus a readable rendering of what the
// extractor finds.
#pragma once

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/extract/extract.h"
#include "ingest/nlp/conllu.h"

namespace kg::extract::testing {

// One word per row: "form lemma UPOS XPOS head deprel [NER] [FEATS]", with
// heads 1-based as in CoNLL-U (0 = root). Word ids are the row numbers.
inline std::string to_conllu(const std::vector<std::string>& rows) {
  std::string out = "# text = ";
  std::vector<std::vector<std::string>> cols;
  for (const std::string& row : rows) {
    std::istringstream in(row);
    std::vector<std::string> c;
    for (std::string f; in >> f;) c.push_back(f);
    cols.push_back(c);
  }
  for (size_t i = 0; i < cols.size(); ++i) out += (i ? " " : "") + cols[i][0];
  out += "\n";
  for (size_t i = 0; i < cols.size(); ++i) {
    const auto& c = cols[i];
    const std::string ner = c.size() > 6 && c[6] != "_" ? "NER=" + c[6] : "_";
    const std::string feats = c.size() > 7 ? c[7] : "_";
    out += std::to_string(i + 1) + "\t" + c[0] + "\t" + c[1] + "\t" + c[2] + "\t" + c[3] + "\t" + feats + "\t" + c[4] +
           "\t" + c[5] + "\t_\t" + ner + "\n";
  }
  return out + "\n";
}

inline nlp::Document parse_rows(const std::vector<std::string>& rows) {
  Result<nlp::Document> read = nlp::read_conllu(to_conllu(rows), "test");
  EXPECT_TRUE(read.is_ok()) << read.status().message();
  nlp::Document doc = std::move(read).value();
  // The CoNLL-U reader leaves NER to the recognizer; the rows carry it in column 7.
  for (size_t i = 0; i < rows.size() && i < doc.words.size(); ++i) {
    std::istringstream in(rows[i]);
    std::vector<std::string> c;
    for (std::string f; in >> f;) c.push_back(f);
    if (c.size() > 6 && c[6] != "_") doc.words[i].ner = doc.intern(c[6]);
  }
  return doc;
}

// "subject · relation · object" for every graph triple, with " [neg]",
// " [modal]" and " [by X]" for the flags.
inline std::vector<std::string> graph_facts(const nlp::Document& doc, const Extractor& x) {
  std::vector<std::string> out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    for (const Proposition& p : x.extract(doc, s)) {
      const std::optional<GraphTriple> t = graph_triple(p);
      if (!t) continue;
      std::string f = t->subject->node + " · " + t->relation + " · " + t->object->node;
      if (p.negated) f += " [neg]";
      if (p.modal) f += " [modal]";
      if (!p.attribution.empty()) f += " [by " + p.attribution + "]";
      out.push_back(f);
    }
  }
  return out;
}

// CaRB-style view: "relation | arg1 | arg2 | ..." with prepositions joined to their arguments.
inline std::vector<std::string> carb_tuples(const nlp::Document& doc, const Extractor& x) {
  std::vector<std::string> out;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    for (const Proposition& p : x.extract(doc, s)) {
      std::string f = p.relation_text + " | " + p.subject.text;
      for (const Argument& a : p.arguments) f += " | " + (a.preposition.empty() ? a.text : a.preposition + " " + a.text);
      out.push_back(f);
    }
  }
  return out;
}

}  // namespace kg::extract::testing

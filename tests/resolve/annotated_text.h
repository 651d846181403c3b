// Hand-annotated test documents, so the resolver's tests do not depend on
// trained models. One sentence per string, words separated by spaces, each
// word "form/UPOS/NER/deprel/head" with "_" for an empty field and head
// 1-based within the sentence (0 = root), e.g.
//   "Mr/PROPN/_/compound/3 Tony/PROPN/B-PERSON/nsubj/4 Blair/PROPN/L-PERSON/flat/2"
// Trailing fields may be left out ("said/VERB").
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/document.h"

namespace kg::resolve::testing {

inline std::vector<std::string_view> split_on(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

inline nlp::Document annotated(const std::vector<std::string>& sentences) {
  nlp::Document doc;
  std::string text;
  for (const std::string& line : sentences) {
    nlp::Sentence s;
    s.word_begin = static_cast<uint32_t>(doc.words.size());
    for (std::string_view token : split_on(line, ' ')) {
      const auto f = split_on(token, '/');
      nlp::Word w;
      w.form = doc.intern(f[0]);
      if (f.size() > 1) {
        EXPECT_TRUE(nlp::parse_upos(f[1], &w.upos)) << token;
      }
      if (f.size() > 2 && f[2] != "_") w.ner = doc.intern(f[2]);
      if (f.size() > 3 && f[3] != "_") w.deprel = doc.intern(f[3]);
      if (f.size() > 4) w.head = std::stoi(std::string(f[4])) - 1;
      w.lemma = w.form;
      w.begin = static_cast<uint32_t>(text.size());
      text += f[0];
      w.end = static_cast<uint32_t>(text.size());
      text += ' ';
      doc.words.push_back(w);
    }
    s.word_end = static_cast<uint32_t>(doc.words.size());
    doc.sentences.push_back(s);
  }
  doc.mutable_text() = text;
  return doc;
}

}  // namespace kg::resolve::testing

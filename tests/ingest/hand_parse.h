// A sentence parsed by hand, for tests of the readers that work off a parse:
// rows "form upos head deprel [ner]" separated by ';', heads and labels as
// the UD guidelines give them, the optional fifth field a recognizer tag
// ("U-PERSON", "B-ORG"). Each word's form is its lemma too.
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include "ingest/nlp/conllu.h"

namespace kg::ingest {

inline nlp::Document hand_parse(const std::string& rows) {
  std::string conllu;
  std::vector<std::string> tags;
  int id = 0;
  size_t start = 0;
  while (start < rows.size()) {
    size_t end = rows.find(';', start);
    if (end == std::string::npos) end = rows.size();
    const std::string row = rows.substr(start, end - start);
    start = end + 1;
    char form[64], upos[16], deprel[32], ner[16] = "";
    int head = 0;
    if (std::sscanf(row.c_str(), "%63s %15s %d %31s %15s", form, upos, &head, deprel, ner) < 4) continue;
    ++id;
    conllu += std::to_string(id) + "\t" + form + "\t" + form + "\t" + upos + "\t_\t_\t" + std::to_string(head) + "\t" +
              deprel + "\t_\t_\n";
    tags.emplace_back(ner);
  }
  auto doc = nlp::read_conllu(conllu + "\n", "test");
  EXPECT_TRUE(doc.is_ok()) << doc.status().message();
  nlp::Document d = std::move(*doc);
  // (A word's tag is a view: the document keeps the string.)
  for (size_t w = 0; w < tags.size() && w < d.words.size(); ++w) d.words[w].ner = d.intern(tags[w]);
  return d;
}

}  // namespace kg::ingest

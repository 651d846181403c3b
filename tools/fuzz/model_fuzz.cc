// libFuzzer target: the model-file loaders (ingest/nlp .kgm files). The
// container's checksum would refuse nearly every mutated file before a
// loader saw it, so the input after its first byte is wrapped as a payload
// with a valid header and checksum; the first byte picks the loader. Any
// payload must load or be refused (load() false or finish() not ok), never
// crash, hang or allocate without bound.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/nlp/lemmatizer.h"
#include "ingest/nlp/model_io.h"
#include "ingest/nlp/parser.h"
#include "ingest/nlp/perceptron.h"
#include "ingest/nlp/tagger.h"
#include "ingest/nlp/tokenizer.h"
#include "ingest/nlp/word_clusters.h"

namespace {

template <typename Model>
void load_into(kg::nlp::ModelReader& reader) {
  Model model;
  if (model.load(reader)) (void)reader.finish();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  kg::nlp::ModelWriter writer("fuzz", 1);
  for (size_t i = 1; i < size; ++i) writer.put(data[i]);
  auto reader = kg::nlp::ModelReader::from_bytes(writer.bytes(), "fuzz.kgm", "fuzz", 1);
  if (!reader) return 0;  // never: the container is built right here
  switch (data[0] % 6) {
    case 0: load_into<kg::nlp::Tagger>(*reader); break;
    case 1: load_into<kg::nlp::DependencyParser>(*reader); break;
    case 2: load_into<kg::nlp::Lemmatizer>(*reader); break;
    case 3: load_into<kg::nlp::TokenizerLexicon>(*reader); break;
    case 4: load_into<kg::nlp::AveragedPerceptron>(*reader); break;
    default: load_into<kg::nlp::WordClusters>(*reader); break;
  }
  return 0;
}

// libFuzzer target: the CoNLL-U reader (kg nlp --input conllu). Any input
// must give a document or a Status, never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/nlp/conllu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)kg::nlp::read_conllu(bytes, "fuzz.conllu");
  return 0;
}

// libFuzzer target: the reader of TSV triples (kg ingest --triples FILE.tsv),
// exactly as the bulk loader parses a file, storing nothing. Any input must
// be read or refused with a Status, never crash, hang or leak.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "graph/store/store_impl.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)kg::store::check_triples(bytes, "fuzz.tsv");
  return 0;
}

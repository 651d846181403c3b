// libFuzzer target: the Cypher parser of kg query (query/cypher). Any text
// must parse or give a positioned error, never crash or recurse without bound.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "query/cypher/cypher.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  (void)kg::query::cypher::parse(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}

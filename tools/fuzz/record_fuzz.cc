// libFuzzer target: the reader of record lines (kg ingest --triples, the
// format kg extract --format jsonl writes). The reader takes a path, so each
// input goes through one temporary file; it must be accepted or refused with
// a Status, never crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "ingest/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/kg-record-fuzz-" + std::to_string(::getpid()) + ".jsonl";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  (void)kg::ingest::check_record_lines(path);
  return 0;
}

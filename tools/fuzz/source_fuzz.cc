// libFuzzer target: the readers of outside input in ingest/source. The first
// byte picks the format (text, Markdown, HTML, JSONL); the rest is the file.
// Any input must give documents or a Status, never a crash, a hang or a leak.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "ingest/source/source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr kg::source::Format kFormats[] = {kg::source::Format::kText, kg::source::Format::kMarkdown,
                                                    kg::source::Format::kHtml, kg::source::Format::kJsonl};
  const kg::source::Format format = kFormats[data[0] % 4];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  std::vector<kg::Status> bad_lines;
  (void)kg::source::parse_bytes("fuzz", bytes, format, {}, data[0] & 4 ? &bad_lines : nullptr);
  return 0;
}

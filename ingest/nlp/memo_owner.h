// Per-thread memos of annotator results (recent lemmas, the tagger's
// partial scores) must never answer for other data than the data that
// filled them. Each annotator takes a fresh owner number whenever its data
// is set, and a memo entry counts only for the owner that wrote it.
#pragma once

#include <atomic>
#include <cstdint>

namespace kg::nlp {

// A number no earlier call returned in this process; never 0, so 0 can mark
// an empty memo entry.
inline uint64_t new_memo_owner() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

}  // namespace kg::nlp

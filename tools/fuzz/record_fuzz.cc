// libFuzzer target: the reader of record lines (kg ingest --triples, the
// format kg extract --format jsonl writes). The reader takes a path, so each
// input is written to an anonymous in-memory file (memfd_create) read back
// through /proc/self/fd: nothing is created on disk, so a run, even one
// ended by a crash or a kill, leaves no temporary file behind. Every input
// must be accepted or refused with a Status, never crash.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const int fd = ::memfd_create("kg-record-fuzz", MFD_CLOEXEC);
  if (fd < 0) std::abort();  // no place for the input: a broken harness, not a finding to ignore
  static const std::string path = "/proc/self/fd/" + std::to_string(fd);
  if (::ftruncate(fd, 0) != 0) std::abort();
  for (size_t done = 0; done < size;) {
    const ssize_t n = ::pwrite(fd, data + done, size - done, static_cast<off_t>(done));
    if (n <= 0) std::abort();
    done += static_cast<size_t>(n);
  }
  (void)kg::ingest::check_record_lines(path);
  return 0;
}

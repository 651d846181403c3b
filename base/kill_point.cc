#include "base/kill_point.h"

#include <atomic>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace kg {

namespace {

struct KillPlan {
  uint64_t kill_at = 0;      // 0: never
  const char* log = nullptr;  // nullptr: no log
  bool active() const { return kill_at != 0 || log != nullptr; }
};

const KillPlan& plan() {
  static const KillPlan p = [] {
    KillPlan k;
    if (const char* at = std::getenv("KG_KILL_AT"); at && *at) k.kill_at = std::strtoull(at, nullptr, 10);
    if (const char* log = std::getenv("KG_KILL_POINTS_LOG"); log && *log) k.log = log;
    return k;
  }();
  return p;
}

std::atomic<uint64_t> reached{0};

}  // namespace

void kill_point(const char* where) {
  const KillPlan& p = plan();
  if (!p.active()) return;
  const uint64_t n = reached.fetch_add(1, std::memory_order_relaxed) + 1;
  if (p.log) {
    // One write(2) per line on an O_APPEND file: lines of threads never interleave.
    const int fd = ::open(p.log, O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      const size_t len = std::strlen(where);
      char line[256];
      const size_t k = len < sizeof(line) - 1 ? len : sizeof(line) - 1;
      std::memcpy(line, where, k);
      line[k] = '\n';
      [[maybe_unused]] const ssize_t written = ::write(fd, line, k + 1);
      ::close(fd);
    }
  }
  if (n == p.kill_at) ::raise(SIGKILL);
}

}  // namespace kg

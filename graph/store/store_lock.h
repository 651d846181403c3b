// The one-writer lock of a store directory (private to graph/store).
//
// A POSIX record lock (fcntl F_SETLK) on DIR/KG_LOCK, which also holds the
// writer's pid for people reading the directory. Record locks let a reader
// ask who holds the lock (F_GETLK) without taking it, so readers never get in
// a writer's way, and the kernel drops the lock when the writer dies, even by
// SIGKILL, so no stale lock survives a crash.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <sys/types.h>

#include "base/status.h"

namespace kg::store {

class StoreLock {
 public:
  // Takes the lock; Status::locked naming the holder's pid when another
  // process (or another open Store in this process) holds it.
  static Result<std::unique_ptr<StoreLock>> acquire(const std::string& dir);
  // The pid of the process holding the lock of `dir`, if any (never this process).
  static std::optional<pid_t> holder(const std::string& dir);
  ~StoreLock();
  StoreLock(const StoreLock&) = delete;
  StoreLock& operator=(const StoreLock&) = delete;

 private:
  StoreLock(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
  int fd_;
  std::string path_;
};

}  // namespace kg::store

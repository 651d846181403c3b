// What tests share for files and for running the kg binary: a temporary
// directory removed on destruction, reading and writing whole files, shell
// quoting, and runs of kg with their output and exit status captured.
// Library kg_test_support (tests/CMakeLists.txt); KG_BINARY is the kg built
// with the tests.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kg::testing {

// A fresh, unique directory under the system temp dir, removed with all it
// holds on destruction.
class TempDir {
 public:
  explicit TempDir(const std::string& tag = "kg-test");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }
  std::string sub(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// The whole file ("" when it cannot be read).
std::string slurp(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);
// `s` in single quotes for /bin/sh.
std::string shell_quote(const std::string& s);

struct RunResult {
  int exit_code = -1;  // -1 when the process did not exit (killed)
  int signal = 0;      // the signal that ended it, 0 when it exited
  std::string out;
  std::string err;
};

// Runs `kg <args>` through /bin/sh (args already shell-quoted), stdout and
// stderr captured through files in `dir`.
RunResult run_kg(const std::string& args, const TempDir& dir);

// Runs kg with `args` as its argv (no shell), with `env` added to its
// environment; stdout and stderr captured.
RunResult run_kg(const std::vector<std::string>& args,
                 const std::vector<std::pair<std::string, std::string>>& env = {});

}  // namespace kg::testing

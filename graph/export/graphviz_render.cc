// SVG and PNG come from graphviz's own `dot` program: kg hands it DOT on a
// pipe rather than linking the graphviz libraries, so graphviz stays an
// optional runtime dependency.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <string_view>
#include <vector>

#include "graph/export/export.h"

extern char** environ;

namespace kg::graph {
namespace {

constexpr const char* kInstallAdvice =
    "graphviz's `dot` is not installed, so kg cannot render SVG or PNG; install it (Debian/Ubuntu: "
    "sudo apt-get install graphviz; macOS: brew install graphviz) or export DOT with --format dot "
    "and render it elsewhere";

}  // namespace

std::string_view graphviz_install_advice() { return kInstallAdvice; }

std::optional<std::string> find_graphviz_dot() {
  const char* path = std::getenv("PATH");
  if (!path) return std::nullopt;
  std::string_view rest(path);
  while (true) {
    const size_t colon = rest.find(':');
    const std::string_view dir = rest.substr(0, colon);
    // An empty PATH entry means the current directory.
    const std::string candidate = fmt::format("{}/dot", dir.empty() ? std::string_view(".") : dir);
    struct stat st {};
    if (::stat(candidate.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

Status render_with_graphviz(const std::string& dot_text, ExportFormat format, const std::string& out_file) {
  if (format != ExportFormat::kSvg && format != ExportFormat::kPng) {
    return Status::internal("render_with_graphviz: only svg and png are rendered by graphviz");
  }
  const auto dot = find_graphviz_dot();
  if (!dot) return Status::invalid_input(kInstallAdvice);

  int pipe_fds[2];
  if (::pipe(pipe_fds) != 0) return Status::io_error(fmt::format("cannot create a pipe to dot: {}", std::strerror(errno)));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[0], STDIN_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[1]);
  posix_spawn_file_actions_addclose(&actions, pipe_fds[0]);
  const std::string type_flag = format == ExportFormat::kSvg ? "-Tsvg" : "-Tpng";
  const std::string out_flag = fmt::format("-o{}", out_file);
  std::vector<char*> argv = {const_cast<char*>(dot->c_str()), const_cast<char*>(type_flag.c_str()),
                             const_cast<char*>(out_flag.c_str()), nullptr};
  pid_t pid = 0;
  const int spawn_error = ::posix_spawn(&pid, dot->c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipe_fds[0]);
  if (spawn_error != 0) {
    ::close(pipe_fds[1]);
    return Status::io_error(fmt::format("cannot run {}: {}", *dot, std::strerror(spawn_error)));
  }
  // dot may exit early on bad input; a write to its closed pipe must give
  // EPIPE here rather than kill kg.
  auto* previous = std::signal(SIGPIPE, SIG_IGN);
  size_t done = 0;
  bool write_failed = false;
  while (done < dot_text.size()) {
    const ssize_t n = ::write(pipe_fds[1], dot_text.data() + done, dot_text.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      write_failed = true;
      break;
    }
    done += static_cast<size_t>(n);
  }
  ::close(pipe_fds[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::signal(SIGPIPE, previous);
  if (write_failed || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Status::io_error(fmt::format("{} failed to render {} (exit status {}); the DOT is still available with --format dot",
                                        *dot, out_file, WIFEXITED(status) ? WEXITSTATUS(status) : -1));
  }
  return Status::ok();
}

}  // namespace kg::graph

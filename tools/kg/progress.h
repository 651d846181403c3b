// Progress of a long command on stderr, in one of three styles:
//   kLine  - one line redrawn in place (a terminal): done/total, rate, elapsed, ETA;
//   kPlain - the same text as a new line every few seconds (logs, CI);
//   kNone  - nothing.
// kAuto picks kLine when stderr is a terminal and kNone otherwise. Every
// style but kNone ends with one summary line giving the throughput.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace kg::cli {

enum class ProgressStyle { kAuto, kLine, kPlain, kNone };

// "auto", "line" (also "bar"), "plain" or "none"; false for anything else.
bool parse_progress_style(std::string_view text, ProgressStyle* style);

// "1274/2225 articles  84.2/s  elapsed 15s  ETA 11s": the text of one
// report. Pure, so that its arithmetic is testable.
std::string progress_text(std::string_view unit, size_t done, size_t total, double elapsed_seconds);

class Progress {
 public:
  // `unit` is plural ("articles"); `one` is its singular ("article").
  Progress(ProgressStyle style, std::string unit, std::string one);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(size_t done, size_t total);
  // Clears the redrawn line; with `done` > 0 prints the summary line
  // ("kg: 2225 articles in 14.2s, 156.7 articles/s").
  void finish(size_t done);

 private:
  double elapsed() const;

  ProgressStyle style_;
  std::string unit_, one_;
  std::chrono::steady_clock::time_point start_;
  double last_report_ = 0;  // elapsed seconds at the last line or redraw
  bool drawn_ = false;      // a kLine line is on the screen
  bool finished_ = false;
};

}  // namespace kg::cli

#include "tools/kg/progress.h"

#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <unistd.h>

namespace kg::cli {
namespace {

// How often each style writes: a terminal line is cheap to redraw, a log
// line is kept to one every few seconds so that logs stay readable.
constexpr double kLineInterval = 0.2;
constexpr double kPlainInterval = 5.0;

// "42s", "3m07s", "1h02m": short and fixed in shape.
std::string duration_text(double seconds) {
  const long s = std::lround(std::max(0.0, seconds));
  if (s < 60) return fmt::format("{}s", s);
  if (s < 3600) return fmt::format("{}m{:02}s", s / 60, s % 60);
  return fmt::format("{}h{:02}m", s / 3600, s % 3600 / 60);
}

}  // namespace

bool parse_progress_style(std::string_view text, ProgressStyle* style) {
  if (text == "auto") *style = ProgressStyle::kAuto;
  else if (text == "line" || text == "bar") *style = ProgressStyle::kLine;
  else if (text == "plain") *style = ProgressStyle::kPlain;
  else if (text == "none") *style = ProgressStyle::kNone;
  else return false;
  return true;
}

std::string progress_text(std::string_view unit, size_t done, size_t total, double elapsed_seconds) {
  std::string text = fmt::format("{}/{} {}", done, total, unit);
  if (elapsed_seconds <= 0 || done == 0) return text + fmt::format("  elapsed {}", duration_text(elapsed_seconds));
  const double rate = static_cast<double>(done) / elapsed_seconds;
  text += fmt::format("  {:.1f}/s  elapsed {}", rate, duration_text(elapsed_seconds));
  if (done < total) text += fmt::format("  ETA {}", duration_text(static_cast<double>(total - done) / rate));
  return text;
}

Progress::Progress(ProgressStyle style, std::string unit, std::string one)
    : style_(style), unit_(std::move(unit)), one_(std::move(one)), start_(std::chrono::steady_clock::now()) {
  if (style_ == ProgressStyle::kAuto) style_ = isatty(STDERR_FILENO) ? ProgressStyle::kLine : ProgressStyle::kNone;
}

Progress::~Progress() {
  if (drawn_) fmt::print(stderr, "\r\033[K");
}

double Progress::elapsed() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(size_t done, size_t total) {
  if (style_ == ProgressStyle::kNone || finished_) return;
  const double now = elapsed();
  const double interval = style_ == ProgressStyle::kLine ? kLineInterval : kPlainInterval;
  if (now - last_report_ < interval && done < total) return;
  last_report_ = now;
  if (style_ == ProgressStyle::kLine) {
    fmt::print(stderr, "\r\033[Kkg: {}", progress_text(unit_, done, total, now));
    drawn_ = true;
  } else {
    fmt::print(stderr, "kg: {}\n", progress_text(unit_, done, total, now));
  }
  std::fflush(stderr);
}

void Progress::finish(size_t done) {
  if (finished_) return;
  finished_ = true;
  if (drawn_) fmt::print(stderr, "\r\033[K");
  drawn_ = false;
  if (style_ == ProgressStyle::kNone || done == 0) return;
  const double seconds = elapsed();
  fmt::print(stderr, "kg: {} {} in {:.1f}s, {:.1f} {}/s\n", done, done == 1 ? one_ : unit_, seconds,
             static_cast<double>(done) / seconds, unit_);
}

}  // namespace kg::cli

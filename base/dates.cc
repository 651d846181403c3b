// Article dates: whatever a source writes ("2024-03-05", "2024-03-05T10:00:00Z",
// "2024/03/05", "5 March 2024", "March 5, 2024", "Tue, 05 Mar 2024 10:00:00
// +0000") becomes one calendar date, YYYY-MM-DD, so that dates compare as
// strings and a fact's first and last report can be found by min and max.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <chrono>
#include <fmt/format.h>
#include <string>
#include <optional>
#include <vector>

#include "base/dates.h"
#include "base/utf8.h"

namespace kg::dates {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                      "may",     "june",     "july",      "august",
                                                      "september", "october", "november", "december"};

// The month a word names, in full or by its first three letters ("March",
// "Mar", "mar.", and "Sept"), 1..12; 0 for none.
unsigned month_number(std::string_view word) {
  std::string lower = utf8::ascii_lowercase(word);
  if (lower.ends_with('.')) lower.pop_back();
  if (lower == "sept") return 9;
  for (unsigned m = 0; m < kMonths.size(); ++m) {
    if (lower == kMonths[m] || (lower.size() == 3 && kMonths[m].starts_with(lower))) return m + 1;
  }
  return 0;
}

// A weekday written before a date ("Tue,", "Tuesday").
bool is_weekday(std::string_view word) {
  const std::string lower = utf8::ascii_lowercase(word.substr(0, 3));
  for (std::string_view day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"}) {
    if (lower == day) return true;
  }
  return false;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

unsigned number(std::string_view digits) {
  unsigned n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  return n;
}

// Y-M-D as YYYY-MM-DD when it names a day of the calendar (years 1000..9999).
std::optional<std::string> calendar_date(unsigned y, unsigned m, unsigned d) {
  const std::chrono::year_month_day ymd{std::chrono::year(static_cast<int>(y)), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (y < 1000 || y > 9999 || !ymd.ok()) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", y, m, d);
}

// The words of `text`, split at spaces and commas.
std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == ',')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != ',') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

// "2024-03-05" or "2024/03/05", alone or followed by a time ("T10:00:00Z", " 10:00").
std::optional<std::string> numeric_date(std::string_view text) {
  if (text.size() < 10 || (text.size() > 10 && text[10] != 'T' && text[10] != ' ')) return std::nullopt;
  const char sep = text[4];
  if ((sep != '-' && sep != '/') || text[7] != sep) return std::nullopt;
  const std::string_view y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
  if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
  return calendar_date(number(y), number(m), number(d));
}

// "5 March 2024", "March 5, 2024", "Tue, 05 Mar 2024 10:00:00 +0000".
std::optional<std::string> worded_date(std::string_view text) {
  std::vector<std::string_view> w = words(text);
  if (!w.empty() && is_weekday(w[0])) w.erase(w.begin());
  if (w.size() < 3) return std::nullopt;
  if (all_digits(w[0]) && month_number(w[1]) && all_digits(w[2]) && w[2].size() == 4) {
    return calendar_date(number(w[2]), month_number(w[1]), number(w[0]));
  }
  if (month_number(w[0]) && all_digits(w[1]) && all_digits(w[2]) && w[2].size() == 4) {
    return calendar_date(number(w[2]), month_number(w[0]), number(w[1]));
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> normalize_date(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  if (auto d = numeric_date(text)) return d;
  return worded_date(text);
}

std::string today_date() {
  const auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const std::chrono::year_month_day ymd{today};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

}  // namespace kg::dates

// Article dates: what a source writes, checked and normalised (base/dates.h).
#include <fmt/format.h>

#include "base/dates.h"
#include "ingest/source/source.h"

namespace kg::source {

Result<std::string> article_date(std::string_view where, std::string_view text) {
  if (text.empty()) return std::string();
  if (auto d = dates::normalize_date(text)) return *std::move(d);
  return Status::invalid_input(fmt::format(
      "{}: unreadable date \"{}\" (write YYYY-MM-DD, an ISO 8601 time, or \"5 March 2024\")", where, text));
}

}  // namespace kg::source

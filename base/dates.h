// Calendar dates as kg stores them: YYYY-MM-DD, so that they compare as
// strings. Shared by the readers of articles and by the commands that take
// a period (--from, --to, :entity ... from ... to ...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kg::dates {

// A date as a source writes it ("2024-03-05", "2024-03-05T10:00:00Z",
// "2024/03/05", "5 March 2024", "March 5, 2024", an RFC 2822 time) as
// YYYY-MM-DD; nullopt when it names no day of the calendar ("2024-13-45").
std::optional<std::string> normalize_date(std::string_view text);

// Today's date (UTC), YYYY-MM-DD.
std::string today_date();

}  // namespace kg::dates

// The colon-command front end: ":neighbors "Joe Biden" depth 2" -> Command.
// Private to query/; callers go through parse_command in query/query.h.
#pragma once

#include <string_view>

#include "base/status.h"
#include "query/command.h"

namespace kg::query {

// Parses one line that starts (after blanks) with ':'. Errors are
// "LINE:COLUMN: what was expected".
Result<Command> parse_colon_command(std::string_view text, int line);

}  // namespace kg::query

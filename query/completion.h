// Tab completion for the shell, as a pure function of the text before the
// cursor, so it is tested without a terminal. Private to query/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "query/query.h"

namespace kg::query {

struct Completion {
  size_t start = 0;                     // byte offset where the word being completed begins
  std::vector<std::string> candidates;  // full replacements for text[start, end)
};

// Completes a command name (":nei" -> ":neighbors"), an export format after
// ":export", a command after ":help", or else an entity name: matched
// case-insensitively at the start of the name or of any word in it; names
// with spaces come back in double quotes. `names` is sorted.
// A line that is no colon command is Cypher: after '(a:' a label, after
// '[r:' or '|' a relationship type, inside an open quote an entity name
// (closed with the same quote), else a keyword (upper case unless the word
// is typed in lower case).
Completion complete_line(std::string_view before_cursor, const std::vector<std::string>& names,
                         const CypherVocabulary& cypher = {});

// The longest prefix all candidates share (bytes, case-sensitive).
std::string common_prefix(const std::vector<std::string>& candidates);

}  // namespace kg::query

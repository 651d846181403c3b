// How far apart two names are, for "did you mean" suggestions. Private to
// query/.
#pragma once

#include <cstddef>
#include <string_view>

namespace kg::query {

// Optimal-string-alignment distance (Levenshtein plus adjacent
// transpositions) over bytes, case-insensitive for ASCII. Names are short,
// so the O(|a|*|b|) table is cheap.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace kg::query

// base/name_key: the normalised key of a name (case folded, diacritics and
// punctuation removed, runs of spaces collapsed: "Mr. Biden's" -> "mr bidens",
// "Élysée" -> "elysee"), keeping what tells sums and shares apart: a decimal
// point between digits and the signs $ £ € ¥ % as words ("£1.7bn" -> "£
// 1.7bn", "50%" -> "50 %"). Never holds a NUL byte.
//
// Readers above the store use identity::normalize_name (graph/identity),
// which is this key; it lives here only because the store, below identity,
// keys its alias rows with it.
#pragma once

#include <string>
#include <string_view>

namespace kg::names {

std::string name_key(std::string_view name);

}  // namespace kg::names

// Hash sets and maps keyed by std::string that accept std::string_view
// lookups without building a temporary string (C++20 heterogeneous lookup),
// so the annotators can consult their lexicons without allocating.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace kg::nlp {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

}  // namespace kg::nlp

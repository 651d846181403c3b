// kg::one_of: whether a word is one of a short list, the membership test
// the rules over parsed text read best with:
//   one_of(lemma, {"win", "victory", "triumph"})
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string_view>

namespace kg {

inline bool one_of(std::string_view x, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), x) != list.end();
}

}  // namespace kg

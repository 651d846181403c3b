// Word shapes for features: "Biden" -> "Xx", "1,400" -> "d,d", "U.S." ->
// "X.X.". Runs of one class collapse to one symbol; at most 6 symbols.
#pragma once

#include <cstddef>
#include <string_view>

namespace kg::nlp {

struct WordShape {
  char chars[6];
  size_t size = 0;
  std::string_view view() const { return std::string_view(chars, size); }
};

WordShape word_shape(std::string_view word);

}  // namespace kg::nlp

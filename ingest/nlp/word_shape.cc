#include "ingest/nlp/word_shape.h"

#include "ingest/nlp/text_chars.h"

namespace kg::nlp {

WordShape word_shape(std::string_view word) {
  WordShape shape;
  char last = 0;
  for (char c : word) {
    char cls;
    if (is_ascii_upper(c)) cls = 'X';
    else if (is_ascii_lower(c)) cls = 'x';
    else if (is_ascii_digit(c)) cls = 'd';
    else if (static_cast<unsigned char>(c) >= 0x80) cls = 'u';
    else cls = c;
    if (cls == last) continue;
    last = cls;
    if (shape.size == sizeof(shape.chars)) break;
    shape.chars[shape.size++] = cls;
  }
  return shape;
}

}  // namespace kg::nlp

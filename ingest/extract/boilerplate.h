// News boilerplate: paragraphs that are credits, media stubs, calls to
// action or bylines, and datelines. Part of the public header
// ingest/extract/extract.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/nlp/nlp.h"

namespace kg::extract {

// News boilerplate.

enum class Boilerplate : uint8_t {
  kNone,
  kPhotoCredit,   // "PHOTO: REUTERS", and the caption paragraph it closes
  kMedia,         // "Remote video URL", "Watch the video"
  kCallToAction,  // "Join ST's Telegram channel ...", "Sign up for ...", "Follow us on ..."
  kByline,        // "By Jane Doe", "Reporting by ..."
};

// Classifies one paragraph (or line) of article text.
Boilerplate classify_boilerplate(std::string_view paragraph);

// A dateline opening an article paragraph: "WASHINGTON (NYTIMES) - ".
struct Dateline {
  std::string place;   // "Washington" as written, upper case kept: "WASHINGTON"
  std::string source;  // "NYTIMES", "" when none
  uint32_t length = 0; // bytes of the dateline including the dash and following spaces
};
std::optional<Dateline> find_dateline(std::string_view paragraph);

// One flag per sentence of `doc`: true when the sentence lies in a
// boilerplate paragraph (paragraphs are separated by blank lines in the text).
std::vector<bool> boilerplate_sentences(const nlp::Document& doc);

}  // namespace kg::extract

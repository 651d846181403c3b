// News-page boilerplate: lines a scraper keeps that state no fact of the
// story. Recognised by shape, not by a list of sites: a trailing credit
// "PHOTO: X", a media placeholder, an imperative call to subscribe/follow,
// a byline.
#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <utility>
#include <vector>

#include "ingest/extract/boilerplate.h"

namespace kg::extract {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool starts_with_word(std::string_view s, std::string_view word) {
  return s.size() >= word.size() && s.substr(0, word.size()) == word &&
         (s.size() == word.size() || !std::isalpha(static_cast<unsigned char>(s[word.size()])));
}

// True when `s` has at least one letter and no lower-case letter.
bool all_caps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (std::islower(static_cast<unsigned char>(c))) return false;
    if (std::isupper(static_cast<unsigned char>(c))) letter = true;
  }
  return letter;
}

// Credit words that close a caption: "PHOTO: REUTERS", "ST PHOTO: JANE DOE",
// "Photo: AFP", "IMAGE: GETTY IMAGES", "(Photo by X)".
constexpr std::array<std::string_view, 6> kCreditWords = {"photo", "photos", "image", "picture", "video", "graphic"};

bool ends_with_credit(std::string_view para) {
  const std::string low = lower(para);
  for (std::string_view word : kCreditWords) {
    // "word:" anywhere, or "(word by".
    size_t pos = std::string::npos;
    for (size_t at = low.rfind(word); at != std::string::npos; at = at == 0 ? std::string::npos : low.rfind(word, at - 1)) {
      size_t after = at + word.size();
      while (after < low.size() && low[after] == ' ') ++after;  // tokenized text: "PHOTO : REUTERS"
      const bool colon = after < low.size() && low[after] == ':';
      const bool by = at > 0 && low[at - 1] == '(' && low.compare(at + word.size(), 3, " by") == 0;
      if (colon || by) {
        pos = at;
        break;
      }
    }
    if (pos == std::string::npos) continue;
    // The credit must be the tail of the paragraph and short (an agency or a name).
    std::string_view tail = trim(para.substr(para.find(':', pos) == std::string_view::npos ? pos : para.find(':', pos) + 1));
    if (tail.size() <= 40 && tail.find('.') == std::string_view::npos) return true;
    if (tail.size() <= 40 && tail.back() != '.') return true;
  }
  return false;
}

constexpr std::array<std::string_view, 9> kMediaPlaceholders = {
    "remote video url", "watch the video", "click to play", "video player", "advertisement",
    "listen to this article", "play video", "image caption", "media caption",
};

// Imperatives that ask the reader to do something with the site.
constexpr std::array<std::string_view, 10> kCallVerbs = {
    "join", "subscribe", "sign up", "follow", "download", "register", "read more", "click", "get the", "share this",
};
constexpr std::array<std::string_view, 12> kCallObjects = {
    "channel", "newsletter", "telegram", "whatsapp", "facebook", "twitter", "instagram",
    "app", "subscribe", "breaking news", "updates", "our ",
};

// Start offsets of every occurrence of `separator` in `text`, overlapping
// ones included ("\n\n\n" holds two "\n\n"), ascending.
std::vector<size_t> separator_starts(std::string_view text, std::string_view separator) {
  std::vector<size_t> out;
  for (size_t at = text.find(separator); at != std::string_view::npos; at = text.find(separator, at + 1)) {
    out.push_back(at);
  }
  return out;
}

// The span around `offset` between separators of `width` bytes, as the
// string searches rfind(separator, offset) and find(separator, offset) would
// bound it: from after the last separator starting at or before `offset`
// (else 0) to the first starting at or after it (else `size`).
std::pair<size_t, size_t> enclosing_span(const std::vector<size_t>& starts, size_t width, size_t offset, size_t size) {
  const auto after = std::upper_bound(starts.begin(), starts.end(), offset);
  const size_t begin = after == starts.begin() ? 0 : *std::prev(after) + width;
  const auto at_or_after = std::lower_bound(starts.begin(), starts.end(), offset);
  const size_t end = at_or_after == starts.end() ? size : *at_or_after;
  return {begin, end};
}

}  // namespace

Boilerplate classify_boilerplate(std::string_view paragraph) {
  const std::string_view para = trim(paragraph);
  if (para.empty()) return Boilerplate::kNone;
  const std::string low = lower(para);
  for (std::string_view m : kMediaPlaceholders) {
    if (low == m || (low.size() < m.size() + 12 && low.find(m) == 0)) return Boilerplate::kMedia;
  }
  if (ends_with_credit(para)) return Boilerplate::kPhotoCredit;
  for (std::string_view verb : kCallVerbs) {
    if (!starts_with_word(low, verb)) continue;
    for (std::string_view obj : kCallObjects) {
      if (low.find(obj) != std::string::npos) return Boilerplate::kCallToAction;
    }
  }
  // "By Jane Doe" / "Reporting by ...; Editing by ..." / "BY JANE DOE".
  if ((starts_with_word(low, "by") && para.size() <= 60 && para.back() != '.') ||
      starts_with_word(low, "reporting by") || starts_with_word(low, "additional reporting by") ||
      (starts_with_word(low, "editing by"))) {
    return Boilerplate::kByline;
  }
  return Boilerplate::kNone;
}

std::optional<Dateline> find_dateline(std::string_view paragraph) {
  // PLACE [(SOURCE)] - text, where PLACE is one to four upper-case words
  // (letters, spaces, dots, commas) and the dash is '-', '–' or '—'.
  size_t lead = 0;
  while (lead < paragraph.size() && std::isspace(static_cast<unsigned char>(paragraph[lead]))) ++lead;
  const std::string_view s = paragraph.substr(lead);
  size_t i = 0;
  while (i < s.size() && (std::isupper(static_cast<unsigned char>(s[i])) || s[i] == ' ' || s[i] == '.' ||
                          s[i] == ',' || s[i] == '\'')) {
    ++i;
  }
  std::string_view place = trim(s.substr(0, i));
  if (place.size() < 2 || !all_caps(place)) return std::nullopt;
  if (std::count(place.begin(), place.end(), ' ') > 3) return std::nullopt;
  Dateline d;
  d.place = std::string(place);
  size_t j = i;
  if (j < s.size() && s[j] == '(') {
    const size_t close = s.find(')', j);
    if (close == std::string_view::npos || close - j > 30) return std::nullopt;
    d.source = std::string(trim(s.substr(j + 1, close - j - 1)));
    j = close + 1;
  }
  while (j < s.size() && s[j] == ' ') ++j;
  size_t dash = 0;
  if (s.substr(j, 1) == "-") dash = 1;
  else if (s.substr(j, 3) == "\xE2\x80\x93" || s.substr(j, 3) == "\xE2\x80\x94") dash = 3;
  if (dash == 0) return std::nullopt;
  j += dash;
  if (j >= s.size() || s[j] != ' ') return std::nullopt;  // "U.S.-based" is no dateline
  while (j < s.size() && s[j] == ' ') ++j;
  d.length = static_cast<uint32_t>(lead + j);
  return d;
}

std::vector<bool> boilerplate_sentences(const nlp::Document& doc) {
  std::vector<bool> out(doc.sentences.size(), false);
  const std::string& text = doc.text();
  // Where every "\n\n" and every '\n' starts, found in one pass, so that the
  // paragraph and the line of each sentence are binary searches: searching
  // the text itself from each sentence was quadratic on a long paragraph
  // (1 MB of short lines: 63 s).
  const std::vector<size_t> blank_lines = separator_starts(text, "\n\n");
  const std::vector<size_t> newlines = separator_starts(text, "\n");
  // Paragraphs and lines hold many sentences: classify each once.
  size_t last_pb = std::string::npos, last_lb = std::string::npos;
  bool para_is = false, line_is = false;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const nlp::Sentence& s = doc.sentences[i];
    if (s.size() == 0) continue;
    const uint32_t begin = doc.words[s.word_begin].begin;
    const auto [pb, pe] = enclosing_span(blank_lines, 2, begin, text.size());
    if (pb != last_pb) {
      last_pb = pb;
      para_is = classify_boilerplate(std::string_view(text).substr(pb, pe - pb)) != Boilerplate::kNone;
    }
    // A single line inside a paragraph can also be a placeholder ("Remote video URL").
    const auto [lb, le] = enclosing_span(newlines, 1, begin, text.size());
    if (lb != last_lb) {
      last_lb = lb;
      line_is = classify_boilerplate(std::string_view(text).substr(lb, le - lb)) != Boilerplate::kNone;
    }
    out[i] = para_is || line_is;
  }
  return out;
}

}  // namespace kg::extract

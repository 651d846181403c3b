#include "ingest/nlp/splitter.h"

#include "ingest/nlp/text_chars.h"
#include "ingest/nlp/word_shape.h"

namespace kg::nlp {

namespace {

enum Template : uint32_t {
  kBias = 1, kWord, kShape, kNextWord, kNextShape, kPrevWord, kWordNextShape, kPrevWordWord,
  kLineBreak, kLength, kNextNextShape, kWordLength, kShapeNextShape, kWordSpacing, kNextSpacing,
};

std::string_view form(std::string_view text, const Token& t) { return text.substr(t.begin, t.end - t.begin); }

uint64_t length_bucket(size_t n) { return n <= 3 ? n : n <= 6 ? 4 : n <= 15 ? 5 : 6; }

// Whether the text writes its sentences out with their stops, as news
// does: at least three paragraphs, and three in four of them end in
// terminal punctuation (a headline need not). There a word running on into
// a capitalised one on the same line ends no sentence ("the 2003 French |
// Open champion", "London Marathon runner-up | Susan Chepkemei"), where in
// web text without stops it often does.
bool punctuated_prose(std::string_view text, std::span<const Token> tokens) {
  size_t paragraphs = 0, stopped = 0;
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i + 1 < tokens.size() && !tokens[i + 1].has(Token::kParagraphBefore)) continue;
    ++paragraphs;
    const char last = text[tokens[i].end - 1];
    stopped += last == '.' || last == '!' || last == '?' || last == '"' || last == '\'' || last == ')' || last == ':' ||
               last == ';' || (static_cast<unsigned char>(last) & 0x80) != 0;
  }
  return paragraphs >= 3 && stopped * 4 >= paragraphs * 3;
}

// Whether token i numbers a figure or a table ("Figure 2.2"), a caption
// that runs on into its text without a stop.
bool caption_number(std::string_view text, std::span<const Token> tokens, size_t i) {
  if (i == 0 || !is_ascii_digit(text[tokens[i].begin])) return false;
  const std::string_view before = form(text, tokens[i - 1]);
  return before == "Figure" || before == "Fig" || before == "Table" || before == "Chart";
}

// Whether token i, a word or a number, runs on into the next token on the
// same line (which punctuated prose never ends a sentence between).
bool runs_on(std::string_view text, std::span<const Token> tokens, size_t i) {
  const char last = text[tokens[i].end - 1];
  return !tokens[i + 1].has(Token::kLineBefore) && (is_ascii_alpha(last) || is_ascii_digit(last)) &&
         !caption_number(text, tokens, i);
}

}  // namespace

bool SentenceSplitter::is_candidate(std::string_view text, std::span<const Token> tokens, size_t i) {
  if (i + 1 >= tokens.size()) return true;
  if (tokens[i].has(Token::kJoinNext)) return false;
  const Token& next = tokens[i + 1];
  if (next.has(Token::kLineBefore)) return true;
  const char first_next = text[next.begin];
  if (!is_ascii_lower(first_next)) return true;
  const char last = text[tokens[i].end - 1];
  return !is_word_char_byte(last);
}

void SentenceSplitter::features(std::string_view text, std::span<const Token> tokens, size_t i, size_t since_start,
                                std::vector<uint64_t>* out) {
  const std::string_view w = form(text, tokens[i]);
  const std::string_view next = i + 1 < tokens.size() ? form(text, tokens[i + 1]) : std::string_view("<end>");
  const std::string_view prev = i > 0 ? form(text, tokens[i - 1]) : std::string_view("<start>");
  const std::string_view next2 = i + 2 < tokens.size() ? form(text, tokens[i + 2]) : std::string_view("<end>");
  const uint64_t wh = hash_lowercase(w), nh = hash_lowercase(next), ph = hash_lowercase(prev);
  const WordShape ws = word_shape(w), ns = word_shape(next), n2s = word_shape(next2);
  const bool line = i + 1 < tokens.size() && tokens[i + 1].has(Token::kLineBefore);
  out->push_back(FeatureKey(kBias).key());
  out->push_back(FeatureKey(kWord).add(wh).key());
  out->push_back(FeatureKey(kShape).add(ws.view()).key());
  out->push_back(FeatureKey(kNextWord).add(nh).key());
  out->push_back(FeatureKey(kNextShape).add(ns.view()).key());
  out->push_back(FeatureKey(kPrevWord).add(ph).key());
  out->push_back(FeatureKey(kWordNextShape).add(wh).add(ns.view()).key());
  out->push_back(FeatureKey(kPrevWordWord).add(ph).add(wh).key());
  out->push_back(FeatureKey(kLineBreak).add(line ? 1 : 0).key());
  out->push_back(FeatureKey(kLength).add(length_bucket(since_start)).key());
  out->push_back(FeatureKey(kNextNextShape).add(ns.view()).add(n2s.view()).key());
  out->push_back(FeatureKey(kWordLength).add(wh).add(length_bucket(since_start)).key());
  out->push_back(FeatureKey(kShapeNextShape).add(ws.view()).add(ns.view()).add(line ? 1 : 0).key());
  // Spacing tells an opening quote or bracket (space before, none after:
  // it starts the next sentence) from a closing one (the reverse).
  auto spacing = [&](size_t j) -> uint64_t {
    if (j >= tokens.size()) return 4;
    const bool before = j == 0 || tokens[j - 1].has(Token::kSpaceAfter);
    return (before ? 2 : 0) | (tokens[j].has(Token::kSpaceAfter) ? 1 : 0);
  };
  out->push_back(FeatureKey(kWordSpacing).add(wh).add(spacing(i)).key());
  out->push_back(FeatureKey(kNextSpacing).add(nh).add(spacing(i + 1)).key());
}

void SentenceSplitter::split(std::string_view text, std::span<const Token> tokens, std::vector<uint32_t>* ends) const {
  ends->clear();
  std::vector<uint64_t> feats;
  feats.reserve(16);
  size_t start = 0;
  const bool prose = punctuated_prose(text, tokens);
  for (size_t i = 0; i < tokens.size(); ++i) {
    bool end = i + 1 == tokens.size() || tokens[i + 1].has(Token::kParagraphBefore);
    if (!end && !(prose && runs_on(text, tokens, i)) && is_candidate(text, tokens, i)) {
      feats.clear();
      features(text, tokens, i, i + 1 - start, &feats);
      end = model_.predict(feats) == 1;
    }
    if (end) {
      ends->push_back(static_cast<uint32_t>(i));
      start = i + 1;
    }
  }
}

}  // namespace kg::nlp

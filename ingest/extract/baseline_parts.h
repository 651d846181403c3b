// Private to the baseline extractor: its tokenizer and word lists.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace kg::extract::baseline {

enum class TokenKind : uint8_t { kWord, kPossessive, kPunct };

// A token of one sentence; `text` views the sentence.
struct Token {
  std::string_view text;
  uint32_t begin = 0, end = 0;  // bytes within the sentence
  TokenKind kind = TokenKind::kWord;
  bool capitalised = false;    // starts with an upper-case letter
  bool starts_clause = false;  // first word of the sentence or of a quotation
};

// Words, "'s" and punctuation of one sentence, with byte offsets.
std::vector<Token> tokenize(std::string_view sentence);

// Word lists. All matches are exact and case-sensitive unless noted.
bool is_abbreviation(std::string_view word_before_period);  // "Mr", "Dr", "Jan", "U.S" ...
bool is_title_word(std::string_view word);        // a title's head: "President", "Minister", "Mr" ...
bool is_honorific(std::string_view word);         // "Mr", "Ms": a title that says nothing about a role
bool is_clause_opener(std::string_view word);     // "The", "After", "However": capitalised by position only
bool is_calendar_word(std::string_view word);     // weekdays and months: never names here
bool is_name_connector(std::string_view word);    // "of", "for", "de": inside names ("Bank of Canada")
bool is_demonym(std::string_view word);           // "German", "Brazilian": an adjective, not an entity
bool is_org_head(std::string_view word);          // last word of an organisation name ("Committee")
bool is_org_opener(std::string_view word);        // first word of one ("Ministry", "University")
bool is_place(std::string_view name);             // countries, continents, large cities
bool is_negation(std::string_view lower_word);    // "not", "never", "didn't" ...
bool is_modal(std::string_view lower_word);       // "would", "could", "may" ...
bool is_filler(std::string_view lower_word);      // "the", "a", "his": dropped at relation ends

}  // namespace kg::extract::baseline

// The baseline's word lists: short, English, news-oriented. They are the
// whole of its "knowledge"; the parser-based extractor replaces them.
// Honorifics, titles, calendar words, countries, demonyms and organisation
// words are the shared lexicon's (base/lexicon.h).
#include <string>
#include <unordered_set>

#include "base/lexicon.h"
#include "ingest/extract/baseline_parts.h"

namespace kg::extract::baseline {
namespace {

using WordSet = std::unordered_set<std::string_view>;

bool contains(const WordSet& set, std::string_view word) { return set.count(word) != 0; }

// The baseline reads capitalisation as a cue: a shared-lexicon word counts
// only when written with a capital ("May", not the modal "may").
bool capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

bool is_abbreviation(std::string_view w) {
  static const WordSet kWords = {
      "Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "Adm", "St", "Jr",
      "Sr", "Mt", "Inc", "Corp", "Ltd", "Co", "No", "vs", "etc", "approx", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
      "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "e.g", "i.e", "U.S", "U.K", "U.N", "E.U", "a.m", "p.m"};
  if (w.size() == 1 && w[0] >= 'A' && w[0] <= 'Z') return true;  // an initial: "John F. Kennedy"
  return contains(kWords, w);
}

bool is_honorific(std::string_view w) {
  return capitalised(w) && lexicon::is_honorific(w, lexicon::kCourtesy);
}

bool is_title_word(std::string_view w) {
  return capitalised(w) && (lexicon::is_honorific(w, 0xff) || lexicon::is_title(w));
}

bool is_clause_opener(std::string_view w) {
  static const WordSet kWords = {
      "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
      "His", "Her", "Their", "Our", "My", "Your", "There", "Here", "In", "On", "At", "After", "Before",
      "During", "Since", "Until", "While", "When", "Where", "What", "Why", "How", "Who", "Which", "But",
      "And", "Or", "So", "Yet", "If", "As", "For", "From", "With", "Without", "By", "Of", "To", "Under",
      "Over", "About", "Asked", "According", "Last", "Next", "Earlier", "Later", "Meanwhile", "However",
      "Also", "Both", "Each", "Some", "Many", "Most", "Several", "Other", "Such", "No", "Not", "Yes", "Still",
      "Even", "Only", "Just", "Once", "Then", "Now", "Today", "Yesterday", "Tomorrow", "Speaking", "Despite",
      "Although", "Though", "Because", "Among", "Between", "Through", "Instead", "Neither", "Nor", "Any",
      "All", "Every", "More", "Less", "Few", "Much", "Such", "Like", "Unlike", "Following", "Including",
      "Separately", "Elsewhere", "Overall", "Nonetheless", "Nevertheless", "Further", "Finally", "First",
      "Second", "Third", "Under", "Against", "Within", "Whether", "Please", "Thank", "Thanks"};
  return contains(kWords, w);
}

bool is_calendar_word(std::string_view w) {
  return capitalised(w) && lexicon::is_calendar_word(w);
}

bool is_name_connector(std::string_view w) {
  static const WordSet kWords = {"of", "for", "on", "de", "du", "da", "van", "von", "der", "al", "bin", "la", "le"};
  return contains(kWords, w);
}

bool is_demonym(std::string_view w) {
  return capitalised(w) && lexicon::is_nationality_word(w);
}

bool is_org_head(std::string_view w) {
  return capitalised(w) && lexicon::is_organisation_word(w);
}

bool is_org_opener(std::string_view w) {
  static const WordSet kWords = {"Ministry", "Department", "Bank", "University", "Office", "Bureau", "Institute",
                                 "Committee", "Council", "Court", "House", "Federal", "National", "Royal",
                                 "Federation", "Union", "Association"};
  return contains(kWords, w);
}

bool is_place(std::string_view name) {
  static const WordSet kNames = {
      // Continents and regions.
      "Africa", "Asia", "Europe", "North America", "South America", "Latin America", "Middle East",
      "Antarctica", "Arctic", "Balkans", "Caribbean", "Pacific", "Atlantic", "Mediterranean", "Baltic",
      // Large cities that news datelines use.
      "Berlin", "Brasilia", "Brasília", "Paris", "London", "Washington", "Moscow", "Beijing", "Tokyo",
      "Delhi", "New Delhi", "Mumbai", "Ottawa", "Toronto", "Madrid", "Rome", "Lisbon", "Vienna", "Warsaw",
      "Kyiv", "Brussels", "Amsterdam", "Rotterdam", "Hamburg", "Munich", "Frankfurt", "Geneva", "Zurich",
      "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dublin", "Athens", "Ankara", "Istanbul", "Cairo",
      "Nairobi", "Addis Ababa", "Lagos", "Johannesburg", "Cape Town", "Sao Paulo", "São Paulo",
      "Rio de Janeiro", "Buenos Aires", "Santiago", "Lima", "Bogota", "Mexico City", "New York",
      "Los Angeles", "Chicago", "San Francisco", "Seoul", "Singapore", "Jakarta", "Manila", "Bangkok",
      "Sydney", "Melbourne", "Canberra", "Dubai", "Riyadh", "Tehran", "Baghdad", "Jerusalem", "Tel Aviv",
      "Mombasa", "Hanoi", "Beirut", "Antwerp", "Aarhus", "Gothenburg", "Marseille", "Lyon", "Milan", "Naples",
      "Porto", "Krakow", "Gdansk"};
  const lexicon::Country* country = lexicon::find_country(name);
  return (capitalised(name) && country && country->sovereign) || contains(kNames, name);
}

bool is_negation(std::string_view w) {
  static const WordSet kWords = {"not", "never", "no", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't",
                                 "couldn't", "shouldn't", "isn't", "wasn't", "aren't", "weren't", "hasn't",
                                 "haven't", "hadn't", "cannot", "can't"};
  return contains(kWords, w);
}

bool is_modal(std::string_view w) {
  static const WordSet kWords = {"will",  "would",  "could",    "can",      "may",     "might",   "should",
                                 "must",  "shall",  "won't",    "wouldn't", "couldn't", "can't", "cannot",
                                 "shouldn't"};
  return contains(kWords, w);
}

bool is_filler(std::string_view w) {
  static const WordSet kWords = {"the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these",
                                 "those", "also", "then", "and", "or", "but"};
  return contains(kWords, w);
}

}  // namespace kg::extract::baseline

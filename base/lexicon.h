// base/lexicon: the one English word knowledge every layer reads.
//
// Honorifics (with the gender each states), titles and role nouns, calendar
// words, countries with their demonyms, nationality words, organisation
// words and person descriptors. The recognizer (ingest/nlp), the extractor
// and its baseline (ingest/extract), the resolver (ingest/resolve) and the
// identity rules over the store (graph) all read these tables, so a word
// added here reaches every reader at once.
//
// Where readers need different subsets of one kind of word (the recognizer's
// honorific feature spells "Drs." and "Messrs", surname folding reads only
// the honorifics that state a person), the subset is a mark on the entry, not
// a second list. All lookups are case-insensitive over ASCII letters and
// allocation-free unless said otherwise.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace kg::lexicon {

// ---------------------------------------------------------------------------
// Honorifics: words written before a person's name.

enum class Gender : uint8_t { kUnknown, kMale, kFemale };

// Subsets of the honorific table (bit marks).
enum HonorificUse : uint8_t {
  kPersonHonorific = 1 << 0,  // states a person ("Mr", "Sir", "Queen", "Dr"); its gender is read by folding and resolve
  kCourtesy = 1 << 1,         // the plain courtesy titles: Mr, Mrs, Ms, Miss, Mx
  kClauseHonorific = 1 << 2,  // dropped from a name the extractor writes as an argument: Mr, Mrs, Ms, Dr, Sir
  kSpelledBare = 1 << 3,      // the recognizer's feature list holds the word as written ("Mr")
  kSpelledDotted = 1 << 4,    // ... and/or with a final full stop ("Mr.")
};

struct Honorific {
  std::string_view word;  // as usually written, without a final '.'
  Gender gender;
  uint8_t uses;           // HonorificUse marks
};

// The whole table, in a fixed order.
const std::vector<Honorific>& honorifics();

// Whether `word` (case and a final '.' ignored) is an honorific with any of
// the `uses` marks.
bool is_honorific(std::string_view word, uint8_t uses);

// The gender a person honorific states; nullopt for any word that is not a
// kPersonHonorific ("Mr" -> male, "Mrs." -> female, "Dr" -> unknown).
std::optional<Gender> honorific_gender(std::string_view word);

// The person honorifics that state a gender, lowercase ("mr", "mrs", ...).
std::vector<std::string_view> gendered_honorifics();

// The gender a common given name states, case ignored ("Michael" -> male,
// "Sandra" -> female); kUnknown for other words and for names given to both
// ("Chris", "Sam", "Jean", "Hilary", "Andrea"). Only the first word of a
// full name is a given name: "Howard" alone is as often a surname.
Gender given_name_gender(std::string_view word);

// ---------------------------------------------------------------------------
// Titles and roles.

// Titles and offices written before a name, as the recognizer lists them
// ("President", "Prime Minister", "Gen."); multiword entries are phrases.
const std::vector<std::string_view>& titles();
bool is_title(std::string_view word);  // one of titles(), case-insensitive

// Nouns heading descriptions that can stand for a named person.
enum class RoleNoun : uint8_t {
  kNone,
  kGeneric,  // leader, counterpart, official: fits any person with a title or nationality
  kTitle,    // president, minister, chancellor ...: must match one of the person's titles
};
RoleNoun role_noun(std::string_view lowercase_lemma);

// A verb that names who spoke a quotation ("said", "added", "explains",
// "insisted", "warned"): before or after the speaker's name, beside the
// quotation. Lowercase lemma, compared exactly.
bool is_reporting_verb(std::string_view lowercase_lemma);

// A modal auxiliary, lowercase lemma ("can", "would", "will", "ought"):
// what it qualifies is not (yet) a fact. Compared exactly.
bool is_modal_verb(std::string_view lowercase_lemma);

// A noun that counts or groups what its "of" names ("a number of
// businesses", "a host of players", "a series of strikes"). Lowercase.
bool is_quantity_noun(std::string_view lowercase_word);

// A position held at a team, a firm or a band, written between its name and
// the holder's ("Bolton keeper Jussi Jaaskelainen", "ABN Amro economist Jim
// O'Neill", "Blur guitarist Graham Coxon"): sports positions, the posts
// firms are quoted by, a band's players (not "singer": "US singer" is no
// band's). Lowercase.
bool is_position_noun(std::string_view lowercase_word);
// The band's players among them ("guitarist", "frontman"). Lowercase.
bool is_band_position(std::string_view lowercase_word);

// A capitalised word that says what a person is, not who: an occupation or
// a nationality noun ("Singer", "Sprinter", "Swede", "Irishmen").
bool person_descriptor(std::string_view word);

// ---------------------------------------------------------------------------
// Calendar words.

bool is_weekday(std::string_view word);  // "Monday" .. "Sunday"
bool is_month(std::string_view word);    // "January" .. "December", in full
// Weekdays and months, full or abbreviated, with or without a full stop
// ("Monday", "sept", "Dec."). Four months are also given names ("April",
// "May", "June", "August"); `given_names` says whether those count.
bool is_calendar_word(std::string_view word, bool given_names = true);
// "Sunday" of "Sunday Times", "Sunday Telegraph": a weekday that opens a
// newspaper's name, `next` being the word after it.
bool opens_newspaper_name(std::string_view word, std::string_view next);

// ---------------------------------------------------------------------------
// Countries, demonyms, nationality words.

struct Country {
  std::string_view name;       // "United States", "US", "Russia"
  std::string_view demonym;    // "American"; "" when not listed
  std::string_view canonical;  // the name it is filed under when it has several; "" when it has one
  bool sovereign;              // a state the recognizer lists as a country (not the European Union)
};
const std::vector<Country>& countries();
const Country* find_country(std::string_view name);  // by name, case-insensitive

// The demonym of a country name or demonym ("US" -> "American", "Russian"
// -> "Russian"); "" when unknown.
std::string_view demonym_of(std::string_view name);

// Nationalities and group names, singular and plural, as the recognizer
// lists them ("American", "Britons", "Muslims", "Labour").
const std::vector<std::string_view>& nationality_words();
bool is_nationality_word(std::string_view word);

// ---------------------------------------------------------------------------
// Organisations.

// Last words of organisation names ("Inc.", "Ministry", "Party", "Nato").
const std::vector<std::string_view>& organisation_words();
bool is_organisation_word(std::string_view word);

// The last word of a name that makes it an organisation's whatever the
// recognizer said ("Lindqvist Brothers", "Pyra Labs", "Global Sports
// Communications"): organisation_words() and business words the
// recognizer's gazetteer does not hold (its features must stay as trained).
// "City" is left out: "Mexico City" is a place. With `place` (the recognizer
// said LOC) only the business words count ("Soviet Union", "Hampton Court");
// with `person`, not the words that end people's names too ("Charlotte
// Church", "Rob Da Bank").
bool ends_organisation_name(std::string_view last_word, bool place = false, bool person = false);

// The name a political party is filed under when news calls it several
// things ("Tories", "Conservative Party" -> "Conservatives"; "Lib Dems" ->
// "Liberal Democrats"; "Labour Party" -> "Labour"); "" for any other name.
// Compared without case.
std::string_view party_canonical(std::string_view name);

// The name a chamber of parliament is filed under when news shortens it
// ("Commons" -> "House of Commons", "Lords" -> "House of Lords"); "" for
// any other name. Compared without case.
std::string_view chamber_canonical(std::string_view name);

// The adjectives that name a party before a title ("Conservative shadow
// chancellor", "Lib Dem spokesman"): one or two words, and the name
// party_canonical files the party under.
struct PartyAdjective {
  std::string_view first, second, party;  // second is "" for a one-word adjective
};
std::span<const PartyAdjective> party_adjectives();

// A noun that news uses for an organisation already named ("the company",
// "the firm", "the group", "the club"): a definite description of one.
// Compared exactly: the resolver passes lowercase lemmas.
bool is_organisation_noun(std::string_view lowercase_lemma);

// The last word of many an institution's name, which "the" and that word
// stand for once the article has named it ("the commission" after the Law
// Commission, "the council", "the federation"). Lowercase.
bool is_institution_head(std::string_view lowercase_lemma);

// A common noun written just before an organisation's name to say what it
// is ("watchdog Ofcom", "aid agency Cafod", "publisher Bertelsmann"): the
// organisation nouns above and the kinds of company, body and outlet news
// names that way. Lowercase lemmas, compared exactly.
bool is_organisation_descriptor(std::string_view lowercase_lemma);

// ---------------------------------------------------------------------------
// Events and venues.

// The last word of an event's name ("European Indoor Championships", "New
// York Marathon", "Birmingham Grand Prix", "Cannes Film Festival"): an event,
// whatever the recognizer said. Case-insensitive.
bool ends_event_name(std::string_view last_word);

// An award or an honour known by its own name ("Oscar", "Baftas", "Grand
// Slam"), which the recognizer reads as a given name or a place.
// Case-sensitive.
bool is_award_name(std::string_view name);

// A noun that, after "the", stands for an event the article has named: a
// word any event goes by ("tournament", for the Australian Open or the Rugby
// World Cup), or the last word of the event's own name ("festival",
// "conference", "cup"). With `any_event`, only the former. Lowercase lemma.
bool is_event_description(std::string_view lowercase_lemma, bool any_event = false);

// A noun that says what kind of event or venue the name before it is ("the
// 3GSM trade show", "the Tate Britain art gallery"): the name is the show's
// or the gallery's own, so the show being in a place puts the name there.
// `event` is set for events (held in a place), cleared for venues (located).
bool is_event_or_venue_noun(std::string_view lowercase_lemma, bool* event);

}  // namespace kg::lexicon
